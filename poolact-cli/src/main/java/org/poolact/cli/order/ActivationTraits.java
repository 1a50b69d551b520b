package org.poolact.cli.order;

import org.poolact.nn.functional.ActivationProperties;
import org.poolact.nn.functional.ActivationSpec;

/**
 * What decides whether an activation f commutes with a pooling. Monotonicity, affinity and f(0)
 * come from the engine's declared {@link ActivationProperties}; curvature (convex, concave), the
 * slope of an affine f, and a concrete pair a &lt; b with f(a) &gt; f(b) for a non-monotone f are
 * found by evaluating f in double precision on a grid over [-20, 20] with step 1/256, which sees
 * every bend of the supported activations (they all bend near 0).
 *
 * @param declared     the engine's declared properties (monotonicity, affinity, f(0), reason)
 * @param convex       f(mean) &lt;= mean(f) (Jensen), and f is not affine
 * @param concave      f(mean) &gt;= mean(f), and f is not affine
 * @param slope        f(1) - f(0), the slope when f is affine
 * @param decreaseFrom a point a with f(a) &gt; f(b) ...
 * @param decreaseTo   ... for this b &gt; a; both NaN when f is non-decreasing or no pair was found
 */
public record ActivationTraits(ActivationProperties declared, boolean convex, boolean concave, double slope,
        double decreaseFrom, double decreaseTo) {

    private static final double LO = -20;
    private static final double HI = 20;
    private static final int STEPS = 40 * 256;

    /** The traits of {@code spec}. */
    public static ActivationTraits of(ActivationSpec spec) {
        ActivationProperties p = spec.properties();
        double[] xs = new double[STEPS + 1];
        double[] ys = new double[STEPS + 1];
        double scale = 1;
        for (int i = 0; i <= STEPS; i++) {
            xs[i] = LO + (HI - LO) * i / STEPS;
            ys[i] = spec.applyAsDouble(xs[i]);
            scale = Math.max(scale, Math.abs(ys[i]));
        }
        boolean convex = true;
        boolean concave = true;
        int worst = -1;
        double worstDrop = 0;
        for (int i = 0; i < STEPS; i++) {
            double drop = ys[i] - ys[i + 1];
            if (drop > worstDrop) {
                worstDrop = drop;
                worst = i;
            }
            if (i > 0) {
                double second = ys[i + 1] - 2 * ys[i] + ys[i - 1];
                convex &= second >= -1e-9 * scale;
                concave &= second <= 1e-9 * scale;
            }
        }
        boolean affine = p.affine() || (convex && concave);
        double from = Double.NaN;
        double to = Double.NaN;
        if (!p.nonDecreasing() && worst >= 0) {
            // A readable pair: b = the bottom of the steepest decreasing stretch, a = 2 to its left
            // (or the stretch's start), both rounded to 2 decimals.
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
            if (!(spec.applyAsDouble(from) > spec.applyAsDouble(to))) {
                from = xs[worst];
                to = xs[worst + 1];
            }
        }
        double slope = spec.applyAsDouble(1.0) - spec.applyAsDouble(0.0);
        return new ActivationTraits(p, convex && !affine, concave && !affine, slope, from, to);
    }

    private static double round(double x) {
        return Math.round(x * 100) / 100.0;
    }

    /** a &lt;= b implies f(a) &lt;= f(b) (declared). */
    public boolean nonDecreasing() {
        return declared.nonDecreasing();
    }

    /** a &lt;= b implies f(a) &gt;= f(b) (declared). */
    public boolean nonIncreasing() {
        return declared.nonIncreasing();
    }

    /** f(x) = slope * x + f(0) (declared). */
    public boolean affine() {
        return declared.affine();
    }

    /** f(0). */
    public double offset() {
        return declared.valueAtZero();
    }

    /** f(0) = 0. */
    public boolean zeroAtZero() {
        return declared.zeroAtZero();
    }

    /** f(x) = slope * x: commutes with any averaging, counted zero padding included. */
    public boolean linear() {
        return affine() && zeroAtZero();
    }

    /** Whether a pair a &lt; b with f(a) &gt; f(b) was found. */
    public boolean hasDecreasingPair() {
        return !Double.isNaN(decreaseFrom);
    }
}
