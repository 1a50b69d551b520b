package org.poolact.kernels;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * The engine's intra-op parallelism: one small shared {@link ForkJoinPool} that fast kernels split
 * their work over (samples of a batch, column blocks of a GEMM).
 *
 * <p>The thread count is the system property {@code poolact.threads}, read once; its default is
 * {@link Runtime#availableProcessors()}. {@code -Dpoolact.threads=1} runs every kernel on the calling
 * thread. Work is split into a fixed number of contiguous chunks that depends only on the thread count
 * and the problem size, and partial results are combined in chunk order, so a result is the same from
 * run to run for a given thread count (it may differ in the last bits between thread counts, as
 * libtorch's does).
 */
public final class Parallel {
    private static final int THREADS = threadsFromProperty();
    private static final ForkJoinPool POOL = THREADS > 1 ? new ForkJoinPool(THREADS, pool -> {
        ForkJoinWorkerThread t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
        t.setName("poolact-" + t.getPoolIndex());
        t.setDaemon(true);
        return t;
    }, null, false) : null;

    private Parallel() {
    }

    /** The body of one chunk: indices [from, to) of the split range, and the chunk's number. */
    @FunctionalInterface
    public interface Chunk {
        /** Runs indices [from, to); {@code chunk} counts from 0 in index order. */
        void run(int from, int to, int chunk);
    }

    /** The configured thread count (poolact.threads, default available processors), at least 1. */
    public static int threads() {
        return THREADS;
    }

    /**
     * The number of chunks {@link #forChunks} uses for {@code n} items when each chunk should hold at
     * least {@code minPerChunk} of them: min(threads, ceil(n / minPerChunk)), at least 1.
     */
    public static int chunks(int n, int minPerChunk) {
        int byWork = (n + Math.max(1, minPerChunk) - 1) / Math.max(1, minPerChunk);
        return Math.max(1, Math.min(THREADS, byWork));
    }

    /**
     * Splits [0, n) into {@code chunks} contiguous, nearly equal ranges and runs them on the pool
     * (the calling thread takes part), returning when all are done. One chunk runs inline.
     */
    public static void forChunks(int n, int chunks, Chunk body) {
        if (n <= 0) {
            return;
        }
        int c = Math.max(1, Math.min(chunks, n));
        if (c == 1 || POOL == null
                || Thread.currentThread() instanceof ForkJoinWorkerThread w && w.getPool() == POOL) {
            // NOTE: nested calls from inside a chunk run inline; the pool is too small to nest usefully.
            for (int i = 0; i < c; i++) {
                body.run(start(n, c, i), start(n, c, i + 1), i);
            }
            return;
        }
        ForkJoinTask<?>[] tasks = new ForkJoinTask<?>[c - 1];
        for (int i = 1; i < c; i++) {
            final int chunk = i;
            tasks[i - 1] = POOL.submit(() -> body.run(start(n, c, chunk), start(n, c, chunk + 1), chunk));
        }
        RuntimeException failure = null;
        try {
            body.run(0, start(n, c, 1), 0);
        } catch (RuntimeException e) {
            failure = e;
        }
        for (ForkJoinTask<?> t : tasks) {
            try {
                t.join();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private static int start(int n, int chunks, int i) {
        return (int) ((long) n * i / chunks);
    }

    private static int threadsFromProperty() {
        String v = System.getProperty("poolact.threads");
        int def = Runtime.getRuntime().availableProcessors();
        if (v == null || v.isBlank()) {
            return Math.max(1, def);
        }
        try {
            int t = Integer.parseInt(v.trim());
            if (t < 1) {
                throw new IllegalArgumentException("poolact.threads: expected a positive integer, but got " + v);
            }
            return t;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("poolact.threads: expected a positive integer, but got " + v, e);
        }
    }
}
