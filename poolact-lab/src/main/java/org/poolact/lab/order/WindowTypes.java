package org.poolact.lab.order;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.poolact.nn.functional.Size2;

/**
 * The kinds of window a pooling forms over inputs of every size: how many real (non-padding)
 * elements a window holds and, for the linear poolings, the weight each element gets. Every
 * output of avg_pool2d, adaptive_avg_pool2d and lp_pool2d with p = 1 is {@code y = w * sum(x_i)}
 * over the window's n real elements (w = 1/divisor; lp: w = kH*kW/n), so S = n*w is the weight
 * sum; max-type outputs are {@code max(x_i)} over n real elements (padding is -inf).
 *
 * <p>Window patterns repeat with the stride once a dimension is a few kernels long, so sizes
 * 1..{@link #maxSize} per dimension cover every kind (adaptive: every size up to 3*out+4).
 */
public final class WindowTypes {

    /**
     * One kind of window.
     *
     * @param n      real elements in the window
     * @param weight weight of each element (linear poolings; NaN for max-type)
     * @param minH   smallest input height at which it occurs
     * @param minW   smallest input width at which it occurs
     * @param padded whether the window reaches into padding (or past the input in ceil mode)
     */
    public record Window(int n, double weight, int minH, int minW, boolean padded) {
        /** n * weight. */
        public double weightSum() {
            return n * weight;
        }
    }

    /** One window along one dimension. */
    private record Dim(int n, int divisorSpan, int size, boolean padded) {
    }

    private final PoolConfig pool;
    private final List<Window> windows;
    private final List<int[]> shapes;

    private WindowTypes(PoolConfig pool) {
        this.pool = pool;
        int lh = maxSize(pool, true);
        int lw = maxSize(pool, false);
        List<Dim> rows = dims(pool, true, lh);
        List<Dim> cols = dims(pool, false, lw);
        Map<String, Window> byKey = new LinkedHashMap<>();
        for (Dim r : rows) {
            for (Dim c : cols) {
                int n = r.n * c.n;
                double w = weight(r, c, n);
                String key = n + "/" + Double.doubleToLongBits(w) + "/" + (r.padded || c.padded);
                Window prev = byKey.get(key);
                if (prev == null || r.size * c.size < prev.minH * prev.minW) {
                    byKey.put(key, new Window(n, w, r.size, c.size, r.padded || c.padded));
                }
            }
        }
        this.windows = List.copyOf(byKey.values());
        List<int[]> s = new ArrayList<>();
        for (int h = 1; h <= lh; h++) {
            for (int w = 1; w <= lw; w++) {
                if (pool.accepts(h, w)) {
                    s.add(new int[] {h, w});
                }
            }
        }
        s.sort(Comparator.<int[]>comparingInt(a -> a[0] * a[1]).thenComparingInt(a -> Math.abs(a[0] - a[1])));
        this.shapes = List.copyOf(s);
    }

    /** The window kinds of {@code pool} over all input sizes. */
    public static WindowTypes of(PoolConfig pool) {
        return new WindowTypes(pool);
    }

    /** The largest size per dimension enumerated. */
    static int maxSize(PoolConfig pool, boolean height) {
        if (!pool.type().windowed()) {
            int o = height ? pool.outputSize().h() : pool.outputSize().w();
            return Math.min(3 * o + 4, 40);
        }
        int k = height ? pool.kernel().h() : pool.kernel().w();
        int s = height ? pool.effectiveStride().h() : pool.effectiveStride().w();
        int p = height ? pool.padding().h() : pool.padding().w();
        return Math.min(3 * k + 3 * s + 2 * p + 2, 48);
    }

    private double weight(Dim r, Dim c, int n) {
        switch (pool.type()) {
            case AVG:
                if (pool.divisorOverride() != null) {
                    return 1.0 / pool.divisorOverride();
                }
                return pool.countIncludePad() ? 1.0 / (r.divisorSpan * c.divisorSpan) : 1.0 / n;
            case LP:
                return (double) pool.kernel().h() * pool.kernel().w() / n;
            case ADAPTIVE_AVG:
                return 1.0 / n;
            default:
                return Double.NaN;
        }
    }

    private static List<Dim> dims(PoolConfig pool, boolean height, int maxL) {
        Map<String, Dim> out = new LinkedHashMap<>();
        for (int size = 1; size <= maxL; size++) {
            if (pool.type().windowed()) {
                Size2 k2 = pool.kernel();
                int k = height ? k2.h() : k2.w();
                int s = height ? pool.effectiveStride().h() : pool.effectiveStride().w();
                int p = height ? pool.padding().h() : pool.padding().w();
                int[] o = pool.outputSize(height ? size : 1_000, height ? 1_000 : size);
                int outN = height ? o[0] : o[1];
                for (int i = 0; i < outN; i++) {
                    int start = i * s - p;
                    int cipEnd = Math.min(start + k, size + p);
                    int realStart = Math.max(start, 0);
                    int realEnd = Math.min(start + k, size);
                    int n = realEnd - realStart;
                    if (n <= 0) {
                        continue;
                    }
                    boolean padded = start < 0 || start + k > size;
                    out.putIfAbsent(n + "/" + (cipEnd - start) + "/" + padded, new Dim(n, cipEnd - start, size, padded));
                }
            } else {
                int o = height ? pool.outputSize().h() : pool.outputSize().w();
                for (int i = 0; i < o; i++) {
                    int start = Math.floorDiv(i * size, o);
                    int end = -Math.floorDiv(-(i + 1) * size, o);
                    int n = end - start;
                    out.putIfAbsent(n + "/" + n, new Dim(n, n, size, false));
                }
            }
        }
        return new ArrayList<>(out.values());
    }

    /** The window kinds, each with the smallest input that shows it. */
    public List<Window> windows() {
        return windows;
    }

    /** Whether some window holds two or more real elements. */
    public boolean hasMulti() {
        return windows.stream().anyMatch(w -> w.n() >= 2);
    }

    /** Whether some one-element window scales its element by a weight other than 1. */
    public boolean hasScaledSingle() {
        return windows.stream().anyMatch(w -> w.n() == 1 && w.weight() != 1);
    }

    /** Whether some window's weights do not sum to 1 (linear poolings). */
    public boolean hasWeightSumNotOne() {
        return windows.stream().anyMatch(w -> Math.abs(w.weightSum() - 1) > 1e-12);
    }

    /** The distinct weight sums S, ascending. */
    public List<Double> weightSums() {
        return windows.stream().map(Window::weightSum).distinct().sorted().toList();
    }

    /** Valid input sizes {h, w} up to {@link #maxSize}, smallest first. */
    public List<int[]> shapes() {
        return shapes;
    }

    /** The pooling. */
    public PoolConfig pool() {
        return pool;
    }
}
