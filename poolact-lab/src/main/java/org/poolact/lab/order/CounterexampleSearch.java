package org.poolact.lab.order;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.poolact.tensor.Tensor;

/**
 * Finds a smallest input on which the orders differ, through the engine's real ops: input sizes in
 * increasing order, and on each size structured candidates (constant maps, one or two non-zero
 * entries, a decreasing or increasing pair from the {@link PropertyCheck}) and then random maps
 * over round numbers and the pair's values. The first size with a difference wins; the input is
 * then shrunk (entries replaced by 0, by each other, by round numbers) while the orders still
 * differ. For linear poolings a difference must exceed 1000 times the float tolerance, so rounding
 * never makes a counterexample.
 */
public final class CounterexampleSearch {
    private static final float[] NICE = {0f, 1f, -1f, 2f, -2f, 0.5f, -0.5f, 3f, -3f, 4f, -4f, 6f, -6f, 8f, -8f, 0.25f,
        -0.25f, 1.5f, -1.5f, 10f, -10f, 20f, -20f, 30f, -30f};
    private static final double SIGNIFICANT = 1000;
    private static final int MAX_SHAPES = 40;
    private static final int RANDOM_PER_SHAPE = 600;

    private CounterexampleSearch() {
    }

    /**
     * A shrunk counterexample, or null when none was found (the caller reports that as a
     * disagreement between rule and engine).
     */
    public static Counterexample find(OrderActivation f, WindowTypes windows, PropertyCheck.Report props, long seed) {
        float[] values = values(props);
        SplittableRandom r = new SplittableRandom(seed);
        int tried = 0;
        for (int[] hw : windows.shapes()) {
            if (tried++ >= MAX_SHAPES) {
                break;
            }
            int h = hw[0];
            int w = hw[1];
            List<float[]> cands = structured(h * w, values, props);
            for (int i = 0; i < RANDOM_PER_SHAPE; i++) {
                float[] c = new float[h * w];
                for (int j = 0; j < c.length; j++) {
                    c[j] = values[r.nextInt(values.length)];
                }
                cands.add(c);
            }
            float[] best = null;
            double bestCost = Double.POSITIVE_INFINITY;
            for (float[] c : firstDiffering(f, windows.pool(), cands, h, w)) {
                double cost = cost(c);
                if (cost < bestCost) {
                    bestCost = cost;
                    best = c;
                }
            }
            if (best != null) {
                float[] shrunk = shrink(f, windows.pool(), best, h, w, values);
                Tensor x = Tensor.wrap(shrunk.clone(), 1, 1, h, w);
                Tensor[] ab = Orders.evaluate(f, windows.pool(), x);
                return Counterexample.of(f.spec(), shrunk, h, w, ab[0], ab[1]);
            }
        }
        return null;
    }

    /** Whether the orders differ on {@code x} (an H x W map), significantly for linear poolings. */
    public static boolean differs(OrderActivation f, PoolConfig pool, float[] x, int h, int w) {
        Tensor[] ab = Orders.evaluate(f, pool, Tensor.wrap(x.clone(), 1, 1, h, w));
        for (int i = 0; i < ab[0].numel(); i++) {
            if (Orders.differs(ab, i, SIGNIFICANT)) {
                return true;
            }
        }
        return false;
    }

    /** The candidates (all evaluated in one batch) on which the orders differ, up to 64 of them. */
    private static List<float[]> firstDiffering(OrderActivation f, PoolConfig pool, List<float[]> cands, int h, int w) {
        int n = h * w;
        float[] data = new float[cands.size() * n];
        for (int i = 0; i < cands.size(); i++) {
            System.arraycopy(cands.get(i), 0, data, i * n, n);
        }
        Tensor[] ab = Orders.evaluate(f, pool, Tensor.wrap(data, cands.size(), 1, h, w));
        int outPer = ab[0].numel() / cands.size();
        List<float[]> out = new ArrayList<>();
        for (int i = 0; i < ab[0].numel() && out.size() < 64; i++) {
            if (Orders.differs(ab, i, SIGNIFICANT)) {
                int m = i / outPer;
                out.add(cands.get(m));
                i = (m + 1) * outPer - 1;
            }
        }
        return out;
    }

    private static List<float[]> structured(int n, float[] values, PropertyCheck.Report props) {
        List<float[]> out = new ArrayList<>();
        for (float v : values) {
            float[] c = new float[n];
            java.util.Arrays.fill(c, v);
            out.add(c);
        }
        for (float v : values) {
            for (int i = 0; i < n; i++) {
                float[] c = new float[n];
                c[i] = v;
                out.add(c);
            }
        }
        for (float[] pair : new float[][] {props.decreasingPair(), props.increasingPair()}) {
            if (pair == null) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                float[] c = new float[n];
                java.util.Arrays.fill(c, pair[0]);
                c[i] = pair[1];
                out.add(c);
            }
        }
        return out;
    }

    /** Round numbers, the property check's pairs, and the ends of decreasing intervals. */
    private static float[] values(PropertyCheck.Report props) {
        Set<Float> s = new LinkedHashSet<>();
        for (float v : NICE) {
            s.add(v);
        }
        for (float[] pair : new float[][] {props.decreasingPair(), props.increasingPair()}) {
            if (pair != null) {
                s.add(pair[0]);
                s.add(pair[1]);
            }
        }
        for (double[] iv : props.decreasingIntervals()) {
            for (double e : iv) {
                if (Double.isFinite(e)) {
                    s.add((float) e);
                    s.add((float) Math.floor(e));
                    s.add((float) Math.ceil(e));
                }
            }
        }
        float[] out = new float[s.size()];
        int i = 0;
        for (float v : s) {
            out[i++] = v;
        }
        return out;
    }

    /** Greedy shrinking: accept any simpler replacement of one entry that keeps the orders apart. */
    private static float[] shrink(OrderActivation f, PoolConfig pool, float[] x, int h, int w, float[] values) {
        float[] cur = x.clone();
        boolean changed = true;
        int rounds = 0;
        while (changed && rounds++ < 20) {
            changed = false;
            for (int i = 0; i < cur.length; i++) {
                for (float r : replacements(cur, i, values)) {
                    if (r == cur[i] && Float.floatToIntBits(r) == Float.floatToIntBits(cur[i])) {
                        continue;
                    }
                    float[] next = cur.clone();
                    next[i] = r;
                    if (cost(next) < cost(cur) && differs(f, pool, next, h, w)) {
                        cur = next;
                        changed = true;
                        break;
                    }
                }
            }
        }
        return cur;
    }

    private static List<Float> replacements(float[] cur, int i, float[] values) {
        List<Float> out = new ArrayList<>();
        out.add(0f);
        for (float v : cur) {
            out.add(v);
        }
        float v = cur[i];
        out.add((float) Math.rint(v));
        out.add((float) (Math.rint(v * 2) / 2));
        out.add((float) (Math.rint(v * 10) / 10));
        out.add((float) (Math.rint(v * 100) / 100));
        for (float n : values) {
            out.add(n);
        }
        return out;
    }

    /** How complicated an input looks: 0 for zeros, more for non-integers and for many distinct values. */
    static double cost(float[] x) {
        double c = 0;
        Set<Float> distinct = new LinkedHashSet<>();
        for (float v : x) {
            distinct.add(v);
            c += cost(v);
        }
        return c + 0.5 * distinct.size();
    }

    private static double cost(float v) {
        if (v == 0) {
            return 0;
        }
        double a = Math.abs(v);
        double sign = v < 0 ? 0.1 : 0;
        if (a == Math.rint(a)) {
            return (a <= 2 ? 1 : a <= 10 ? 1.5 : 2) + sign;
        }
        if (a * 2 == Math.rint(a * 2)) {
            return 2.5 + sign;
        }
        if (a * 4 == Math.rint(a * 4)) {
            return 3 + sign;
        }
        if (a * 10 == Math.rint(a * 10)) {
            return 3.5 + sign;
        }
        if (a * 100 == Math.rint(a * 100)) {
            return 4 + sign;
        }
        return 8 + sign;
    }
}
