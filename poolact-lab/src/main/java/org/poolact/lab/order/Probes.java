package org.poolact.lab.order;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import org.poolact.tensor.Tensor;

/**
 * Random probes of an "identical" verdict through the engine's real ops: batches of small random
 * maps (every window kind of the pooling appears) with mixed value regimes: N(0, 1), N(0, 1) times
 * 10^U(-4, 4), round numbers and kinks, ties, and U(-8, 8). Max-type pooling must agree exactly
 * (as float32 values, so -0 equals +0); the others within {@link Orders#TOLERANCE_DOC}.
 */
public final class Probes {
    /** The documented tolerance (see {@link Orders#TOLERANCE_DOC}). */
    public static final String TOLERANCE_DOC = Orders.TOLERANCE_DOC;
    private static final float[] SPECIAL = {0f, -0f, 0.5f, -0.5f, 1f, -1f, 2f, -2f, 3f, -3f, 6f, -6f, 1.5f, -1.5f,
        20f, -20f, 0.25f, -0.75f, 1e-8f, -1e-8f, 100f, -100f};

    /**
     * The outcome.
     *
     * @param maps        random input maps tried
     * @param outputs     outputs compared
     * @param failures    outputs that disagreed
     * @param maxAbsDiff  the largest |A - B| seen
     * @param firstFailure a description of the first disagreement, or null
     */
    public record Result(int maps, long outputs, long failures, double maxAbsDiff, String firstFailure) {
        /** No disagreement. */
        public boolean passed() {
            return failures == 0;
        }
    }

    private Probes() {
    }

    /**
     * Runs at least {@code count} random maps through both orders. {@code member} gives the function
     * for each batch (a fixed f, or a fresh member of a learned family drawn inside its condition).
     */
    public static Result run(Supplier<OrderActivation> member, WindowTypes windows, int count, long seed) {
        return run(member, windows, count, seed, false);
    }

    /**
     * As {@link #run(Supplier, WindowTypes, int, long)}; with {@code exact}, every pooling must agree
     * exactly (a bit-exact verdict), not only max-type ones.
     */
    public static Result run(Supplier<OrderActivation> member, WindowTypes windows, int count, long seed,
                             boolean exact) {
        SplittableRandom r = new SplittableRandom(seed);
        List<int[]> shapes = probeShapes(windows);
        int batches = 10;
        int perBatch = (count + batches * shapes.size() - 1) / (batches * shapes.size());
        int maps = 0;
        long outputs = 0;
        long failures = 0;
        double maxDiff = 0;
        String first = null;
        for (int bi = 0; bi < batches; bi++) {
            OrderActivation f = member.get();
            for (int[] hw : shapes) {
                int n = hw[0] * hw[1];
                float[] data = new float[perBatch * n];
                for (int m = 0; m < perBatch; m++) {
                    fill(r, data, m * n, n);
                }
                Tensor x = Tensor.wrap(data, perBatch, 1, hw[0], hw[1]);
                Tensor[] ab = Orders.evaluate(f, windows.pool(), x);
                float[] a = ab[0].floatData();
                float[] b = ab[1].floatData();
                int outPer = a.length / perBatch;
                for (int i = 0; i < a.length; i++) {
                    double d = Math.abs((double) a[i] - b[i]);
                    if (d > maxDiff) {
                        maxDiff = d;
                    }
                    if (Orders.differs(ab, i, exact ? 0 : 1)) {
                        failures++;
                        if (first == null) {
                            int m = i / outPer;
                            first = f.spec() + " on " + hw[0] + "x" + hw[1] + " map " + java.util.Arrays.toString(
                                    java.util.Arrays.copyOfRange(data, m * n, m * n + n)) + ": act first " + a[i]
                                    + ", pool first " + b[i];
                        }
                    }
                }
                maps += perBatch;
                outputs += a.length;
            }
        }
        return new Result(maps, outputs, failures, maxDiff, first);
    }

    /** The smallest input of each window kind (at most 6, smallest first), plus the largest valid map of at most 64 elements. */
    static List<int[]> probeShapes(WindowTypes windows) {
        List<int[]> out = new ArrayList<>();
        for (WindowTypes.Window w : windows.windows()) {
            add(out, new int[] {w.minH(), w.minW()});
        }
        out.sort(java.util.Comparator.comparingInt(a -> a[0] * a[1]));
        while (out.size() > 6) {
            out.remove(out.size() - 1);
        }
        int[] big = null;
        for (int[] s : windows.shapes()) {
            if (s[0] * s[1] <= 64) {
                big = s;
            }
        }
        if (big == null) {
            big = windows.shapes().get(0);
        }
        add(out, big);
        return out;
    }

    private static void add(List<int[]> out, int[] s) {
        for (int[] o : out) {
            if (o[0] == s[0] && o[1] == s[1]) {
                return;
            }
        }
        out.add(s);
    }

    /** Fills data[off, off + n) with one random map. */
    static void fill(SplittableRandom r, float[] data, int off, int n) {
        int regime = r.nextInt(5);
        float t0 = (float) r.nextGaussian();
        float t1 = SPECIAL[r.nextInt(SPECIAL.length)];
        double scale = Math.pow(10, r.nextDouble(-4, 4));
        for (int i = 0; i < n; i++) {
            float v;
            switch (regime) {
                case 0:
                    v = (float) r.nextGaussian();
                    break;
                case 1:
                    v = (float) (r.nextGaussian() * scale);
                    break;
                case 2:
                    v = SPECIAL[r.nextInt(SPECIAL.length)];
                    break;
                case 3:
                    v = r.nextBoolean() ? t0 : t1;
                    break;
                default:
                    v = (float) r.nextDouble(-8, 8);
                    break;
            }
            data[off + i] = v;
        }
    }
}
