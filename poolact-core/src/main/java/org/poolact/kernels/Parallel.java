package org.poolact.kernels;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The engine's intra-op parallelism: one small shared {@link ForkJoinPool} that fast kernels split
 * their work over (samples of a batch, column blocks of a GEMM, planes of a pooling).
 *
 * <p>The thread count is the system property {@code poolact.threads}, read once; its default is
 * {@link Runtime#availableProcessors()}. {@code -Dpoolact.threads=1} runs every kernel on the calling
 * thread. Work is split into a fixed number of contiguous chunks that depends only on the thread count
 * and the problem size, and partial results are combined in chunk order, so a result is the same from
 * run to run for a given thread count (a sum split into chunks, such as a convolution's weight
 * gradient, may differ in the last bits between thread counts, as libtorch's does).
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
     * least {@code minPerChunk} of them: 1 with one thread, else min(4 * threads, ceil(n / minPerChunk)).
     * NOTE: more chunks than threads, taken from a shared counter, so that when a worker thread is
     * descheduled (a machine shared with other jobs) the calling thread takes over its chunks instead
     * of waiting for it.
     */
    public static int chunks(int n, int minPerChunk) {
        if (THREADS == 1) {
            return 1;
        }
        int byWork = (n + Math.max(1, minPerChunk) - 1) / Math.max(1, minPerChunk);
        return Math.max(1, Math.min(4 * THREADS, byWork));
    }

    /**
     * Splits [0, n) into {@code chunks} contiguous, nearly equal ranges and runs them on the calling
     * thread and the pool's threads, each thread taking the next unclaimed chunk until none is left;
     * returns when all chunks are done. The ranges depend only on n and chunks, never on which thread
     * runs them. One chunk, one thread, or a call from inside a chunk runs inline, in order.
     */
    public static void forChunks(int n, int chunks, Chunk body) {
        if (n <= 0) {
            return;
        }
        int c = Math.max(1, Math.min(chunks, n));
        if (c == 1 || POOL == null
                || Thread.currentThread() instanceof ForkJoinWorkerThread w && w.getPool() == POOL) {
            for (int i = 0; i < c; i++) {
                body.run(start(n, c, i), start(n, c, i + 1), i);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread caller = Thread.currentThread();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < c; i = next.getAndIncrement()) {
                try {
                    if (failure.get() == null) {
                        body.run(start(n, c, i), start(n, c, i + 1), i);
                    }
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                } finally {
                    if (done.incrementAndGet() == c) {
                        LockSupport.unpark(caller);
                    }
                }
            }
        };
        for (int h = Math.min(THREADS - 1, c - 1); h > 0; h--) {
            POOL.execute(worker);
        }
        worker.run();
        while (done.get() < c) {
            LockSupport.park(Parallel.class);
        }
        Throwable t = failure.get();
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        if (t != null) {
            throw new IllegalStateException(t);
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
