package org.poolact.cli.order;

import java.util.function.UnaryOperator;

import org.poolact.tensor.Tensor;

/**
 * The shape properties of an activation f that decide whether it commutes with a pooling, found by
 * evaluating f on a float64 tensor holding a dense grid over [-20, 20] (step 1/256).
 * The functions in question are piecewise smooth with their bends near 0, so the grid sees them.
 *
 * @param nonDecreasing a &lt;= b implies f(a) &lt;= f(b): f commutes with max
 * @param nonIncreasing a &lt;= b implies f(a) &gt;= f(b): f turns max into min
 * @param affine        f(x) = slope*x + offset everywhere
 * @param convex        f(mean) &lt;= mean(f) (Jensen)
 * @param concave       f(mean) &gt;= mean(f)
 * @param zeroAtZero    f(0) = 0
 * @param slope         slope of f when affine, else NaN
 * @param offset        f(0)
 * @param decreaseFrom  when f is not non-decreasing: a point a with f(a) &gt; f(b) ...
 * @param decreaseTo    ... for this point b &gt; a (the witness printed in the rule), else NaN
 */
public record ActivationTraits(boolean nonDecreasing, boolean nonIncreasing, boolean affine, boolean convex,
        boolean concave, boolean zeroAtZero, double slope, double offset, double decreaseFrom, double decreaseTo) {

    private static final double LO = -20;
    private static final double HI = 20;
    private static final int STEPS = 40 * 256;

    /** Measures the traits of the element-wise tensor function {@code f}. */
    public static ActivationTraits of(UnaryOperator<Tensor> f) {
        double[] xs = new double[STEPS + 1];
        for (int i = 0; i <= STEPS; i++) {
            xs[i] = LO + (HI - LO) * i / STEPS;
        }
        double[] ys = eval(f, xs);
        double scale = 1;
        for (double y : ys) {
            scale = Math.max(scale, Math.abs(y));
        }
        double tol = 1e-12 * scale;
        boolean up = true;
        boolean down = true;
        boolean convex = true;
        boolean concave = true;
        int worst = -1;
        double worstDrop = 0;
        for (int i = 0; i < STEPS; i++) {
            double d = ys[i + 1] - ys[i];
            if (d < -tol) {
                up = false;
            }
            if (d > tol) {
                down = false;
            }
            if (-d > worstDrop) {
                worstDrop = -d;
                worst = i;
            }
            if (i > 0) {
                double second = ys[i + 1] - 2 * ys[i] + ys[i - 1];
                if (second < -1e-9 * scale) {
                    convex = false;
                }
                if (second > 1e-9 * scale) {
                    concave = false;
                }
            }
        }
        double[] at01 = eval(f, 0.0, 1.0);
        double f0 = at01[0];
        double slope = at01[1] - f0;
        boolean affine = convex && concave;
        double from = Double.NaN;
        double to = Double.NaN;
        if (!up && worst >= 0) {
            // A readable witness: b = the bottom of the steepest decreasing stretch, a = two units left of it
            // (or the stretch's start).
            int a = worst;
            int b = worst + 1;
            while (a > 0 && ys[a - 1] > ys[a]) {
                a--;
            }
            while (b < STEPS && ys[b + 1] < ys[b]) {
                b++;
            }
            from = round(Math.max(xs[a], xs[b] - 2));
            to = round(xs[b]);
            double[] fw = eval(f, from, to);
            if (!(fw[0] > fw[1])) {
                from = xs[worst];
                to = xs[worst + 1];
            }
        }
        return new ActivationTraits(up, down, affine, convex && !affine, concave && !affine, f0 == 0,
                affine ? slope : Double.NaN, f0, from, to);
    }

    private static double[] eval(UnaryOperator<Tensor> f, double... xs) {
        return f.apply(Tensor.wrap(xs.clone(), xs.length)).toDoubleArray();
    }

    /** Rounds a grid point to two decimals, for a readable witness. */
    private static double round(double x) {
        return Math.round(x * 100) / 100.0;
    }

    /** True for f(x) = c*x (commutes with any averaging, padding included). */
    public boolean linear() {
        return affine && zeroAtZero;
    }
}
