package org.poolact.lab.order;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Checks an activation's declared {@link OrderProperties} numerically, on the float32 function the
 * engine computes: a dense grid over [-50, 50] (step 1/256), a geometric sweep of |x| from 1e-30
 * to 1e38, 20,000 random probes, and walks of 64 consecutive float32 values around random points
 * and round numbers (a float32 function can drop by one ulp where the real one rises). It also
 * locates, in float64, the intervals where f decreases (where the derivative changes sign), e.g.
 * gelu's minimum near -0.7518.
 *
 * <p>A declared property the numbers contradict, and a property declared absent that every probe
 * shows, are {@link Report#errors() errors}: the analysis prints them and never hides them.
 */
public final class PropertyCheck {
    private static final double REL_TOL = 0x1p-20;

    /**
     * What the check found.
     *
     * @param spec               the activation
     * @param points             how many points were evaluated
     * @param decreasingPair     a &lt; b with f(a) &gt; f(b) in float32 ({a, b}), or null
     * @param increasingPair     a &lt; b with f(a) &lt; f(b) in float32, or null
     * @param decreasingIntervals intervals [lo, hi] where f (float64) decreases; lo = -inf / hi = inf when unbounded on the grid
     * @param minimum            {x, f(x)} of the lowest point found in float64 on [-20, 20]
     * @param errors             disagreements with the declaration (empty when all agree)
     */
    public record Report(String spec, int points, float[] decreasingPair, float[] increasingPair,
                         List<double[]> decreasingIntervals, double[] minimum, List<String> errors) {

        /** Whether the numbers agree with every declared property. */
        public boolean ok() {
            return errors.isEmpty();
        }

        /** A readable summary of where f decreases, e.g. {@code decreasing on (-inf, -0.7518]}. */
        public String decreasingText() {
            if (decreasingIntervals.isEmpty()) {
                return decreasingPair == null ? "never decreases" : "never decreases in float64; float32 drops at "
                        + Fmt.exact(decreasingPair[0]) + " -> " + Fmt.exact(decreasingPair[1]);
            }
            StringBuilder sb = new StringBuilder("decreasing on ");
            for (int i = 0; i < decreasingIntervals.size(); i++) {
                double[] iv = decreasingIntervals.get(i);
                sb.append(i > 0 ? ", " : "").append(Double.isInfinite(iv[0]) ? "(-inf" : "[" + Fmt.num(iv[0]))
                        .append(", ").append(Double.isInfinite(iv[1]) ? "inf)" : Fmt.num(iv[1]) + "]");
            }
            return sb.toString();
        }
    }

    private PropertyCheck() {
    }

    /** Runs every check on {@code f} (deterministic: a fixed seed). */
    public static Report check(OrderActivation f) {
        float[] xs = points();
        float[] ys = new float[xs.length];
        for (int i = 0; i < xs.length; i++) {
            ys[i] = f.applyAsFloat(xs[i]);
        }
        OrderProperties d = f.declared();
        List<String> errors = new ArrayList<>();
        String name = f.spec();

        // Monotonicity: a drop between consecutive sorted points exists iff f is not non-decreasing on them.
        float[] dec = null;
        float[] inc = null;
        float worstDrop = Float.POSITIVE_INFINITY;
        for (int i = 0; i + 1 < xs.length; i++) {
            float a = ys[i];
            float b = ys[i + 1];
            if (Float.isNaN(a) || Float.isNaN(b)) {
                continue;
            }
            // NOTE: the witness kept is the drop nearest to 0 (readable counterexamples); any drop disproves monotonicity.
            float mag = Math.max(Math.abs(xs[i]), Math.abs(xs[i + 1]));
            if (a > b && (dec == null || mag < worstDrop)) {
                dec = new float[] {xs[i], xs[i + 1]};
                worstDrop = mag;
            }
            if (a < b && inc == null) {
                inc = new float[] {xs[i], xs[i + 1]};
            }
        }
        if (d.nonDecreasing() && dec != null) {
            errors.add(name + ": declared non-decreasing, but f(" + Fmt.exact(dec[0]) + ") = "
                    + Fmt.exact(f.applyAsFloat(dec[0])) + " > f(" + Fmt.exact(dec[1]) + ") = "
                    + Fmt.exact(f.applyAsFloat(dec[1])));
        }
        if (!d.nonDecreasing() && dec == null) {
            errors.add(name + ": declared not non-decreasing, but no a < b with f(a) > f(b) was found in "
                    + xs.length + " points");
        }
        if (d.nonIncreasing() && inc != null) {
            errors.add(name + ": declared non-increasing, but f(" + Fmt.exact(inc[0]) + ") < f(" + Fmt.exact(inc[1])
                    + ")");
        }
        if (!d.nonIncreasing() && inc == null) {
            errors.add(name + ": declared not non-increasing, but no a < b with f(a) < f(b) was found");
        }
        float f0 = f.applyAsFloat(0f);
        if (f0 != (float) d.offset()) {
            errors.add(name + ": declared f(0) = " + Fmt.num(d.offset()) + ", computed " + Fmt.exact(f0));
        }
        checkAffine(f, d, xs, ys, errors);
        checkHomogeneous(f, d, errors);
        checkAbsLinear(f, d, xs, ys, errors);
        checkCurvature(f, d, errors);
        List<double[]> intervals = new ArrayList<>();
        double[] min = decreasingIntervals(f, intervals);
        return new Report(name, xs.length, dec, inc, List.copyOf(intervals), min, List.copyOf(errors));
    }

    private static void checkAffine(OrderActivation f, OrderProperties d, float[] xs, float[] ys, List<String> errors) {
        double a = d.affine() ? d.slope() : (double) f.applyAsFloat(1f) - f.applyAsFloat(0f);
        double b = f.applyAsFloat(0f);
        float worst = Float.NaN;
        double worstErr = 0;
        for (int i = 0; i < xs.length; i++) {
            double x = xs[i];
            if (Math.abs(x) > 1e30 || Float.isNaN(ys[i])) {
                continue;
            }
            double want = a * x + b;
            double err = Math.abs(ys[i] - want) / (Math.abs(a * x) + Math.abs(b) + Float.MIN_NORMAL);
            if (err > worstErr) {
                worstErr = err;
                worst = xs[i];
            }
        }
        boolean looksAffine = worstErr <= REL_TOL;
        if (d.affine() && !looksAffine) {
            errors.add(f.spec() + ": declared affine (" + Fmt.num(a) + "*x + " + Fmt.num(b) + "), but f("
                    + Fmt.exact(worst) + ") = " + Fmt.exact(f.applyAsFloat(worst)));
        }
        if (!d.affine() && looksAffine) {
            errors.add(f.spec() + ": declared not affine, but f(x) = " + Fmt.num(a) + "*x + " + Fmt.num(b)
                    + " at every point checked");
        }
    }

    private static void checkHomogeneous(OrderActivation f, OrderProperties d, List<String> errors) {
        SplittableRandom r = new SplittableRandom(11);
        float[] scales = {0.5f, 0.25f, 2f, 1f / 3, 0.1f, 10f, 1f / 9};
        String counter = null;
        for (int i = 0; i < 20_000 && counter == null; i++) {
            float x = (float) (r.nextGaussian() * Math.pow(10, r.nextDouble(-3, 3)));
            float c = scales[r.nextInt(scales.length)];
            double lhs = f.applyAsFloat(c * x);
            double rhs = (double) c * f.applyAsFloat(x);
            double tol = 0x1p-20 * (Math.abs(lhs) + Math.abs(rhs) + Math.abs(c * x)) + Float.MIN_NORMAL;
            if (Math.abs(lhs - rhs) > tol) {
                counter = "f(" + Fmt.num(c) + " * " + Fmt.exact(x) + ") = " + Fmt.exact((float) lhs) + " but "
                        + Fmt.num(c) + " * f(" + Fmt.exact(x) + ") = " + Fmt.num(rhs);
            }
        }
        if (d.positivelyHomogeneous() && counter != null) {
            errors.add(f.spec() + ": declared positively homogeneous, but " + counter);
        }
        if (!d.positivelyHomogeneous() && counter == null) {
            errors.add(f.spec() + ": declared not positively homogeneous, but f(c x) = c f(x) at every point checked");
        }
    }

    private static void checkAbsLinear(OrderActivation f, OrderProperties d, float[] xs, float[] ys,
                                       List<String> errors) {
        double a = f.applyAsFloat(1f);
        String counter = a < 0 ? "f(1) = " + Fmt.num(a) + " < 0" : null;
        for (int i = 0; i < xs.length && counter == null; i++) {
            double x = xs[i];
            if (Math.abs(x) > 1e30) {
                continue;
            }
            double want = a * Math.abs(x);
            boolean bad = Math.abs(Math.abs(ys[i]) - want) > REL_TOL * (want + Float.MIN_NORMAL) || (x >= 0 && ys[i] < 0);
            if (bad) {
                counter = "f(" + Fmt.exact(xs[i]) + ") = " + Fmt.exact(ys[i]);
            }
        }
        if (d.absLinear() && counter != null) {
            errors.add(f.spec() + ": declared of the form a*x or a*|x| (a >= 0), but " + counter);
        }
        if (!d.absLinear() && counter == null) {
            errors.add(f.spec() + ": declared not of the form a*x or a*|x|, but |f(x)| = " + Fmt.num(a)
                    + "*|x| at every point checked");
        }
    }

    /**
     * Convexity and concavity of a non-affine f: second differences f(x - h) - 2 f(x) + f(x + h) in
     * float64 on [-20, 20] with h = 1/64 (every kink of the supported activations lies on it), with
     * a tolerance of 1e-9 times the largest |f| seen.
     */
    private static void checkCurvature(OrderActivation f, OrderProperties d, List<String> errors) {
        if (d.affine()) {
            if (d.convex() || d.concave()) {
                errors.add(f.spec() + ": declared affine and " + (d.convex() ? "convex" : "concave")
                        + "; convex and concave are declared only for a non-affine f");
            }
            return;
        }
        final int steps = 40 * 64;
        double[] ys = new double[steps + 1];
        double scale = 1;
        for (int i = 0; i <= steps; i++) {
            ys[i] = f64(f, -20 + i / 64.0);
            scale = Math.max(scale, Math.abs(ys[i]));
        }
        double tol = 1e-9 * scale;
        double notConvexAt = Double.NaN;
        double notConcaveAt = Double.NaN;
        for (int i = 1; i < steps; i++) {
            double second = ys[i - 1] - 2 * ys[i] + ys[i + 1];
            double x = -20 + i / 64.0;
            if (second < -tol && Double.isNaN(notConvexAt)) {
                notConvexAt = x;
            }
            if (second > tol && Double.isNaN(notConcaveAt)) {
                notConcaveAt = x;
            }
        }
        if (d.convex() && !Double.isNaN(notConvexAt)) {
            errors.add(f.spec() + ": declared convex, but it bends down at x = " + Fmt.num(notConvexAt));
        }
        if (d.concave() && !Double.isNaN(notConcaveAt)) {
            errors.add(f.spec() + ": declared concave, but it bends up at x = " + Fmt.num(notConcaveAt));
        }
        if (!d.convex() && Double.isNaN(notConvexAt)) {
            errors.add(f.spec() + ": declared not convex, but it never bends down on [-20, 20]");
        }
        if (!d.concave() && Double.isNaN(notConcaveAt)) {
            errors.add(f.spec() + ": declared not concave, but it never bends up on [-20, 20]");
        }
    }

    /**
     * Fills {@code out} with the intervals of [-20, 20] where f (float64) decreases, ends refined by
     * bisection on the sign of a central difference; returns the lowest point {x, f(x)}.
     */
    private static double[] decreasingIntervals(OrderActivation f, List<double[]> out) {
        final double lo = -20;
        final double hi = 20;
        final int steps = 40 * 512;
        double h = (hi - lo) / steps;
        double minX = lo;
        double minY = Double.POSITIVE_INFINITY;
        int runStart = -1;
        double prev = f64(f, lo);
        for (int i = 1; i <= steps + 1; i++) {
            double x = lo + i * h;
            double y = i <= steps ? f64(f, x) : Double.NaN;
            if (y < minY) {
                minY = y;
                minX = x;
            }
            boolean down = i <= steps && y < prev - 1e-13 * Math.abs(prev);
            if (down && runStart < 0) {
                runStart = i - 1;
            } else if (!down && runStart >= 0) {
                double a = runStart == 0 ? Double.NEGATIVE_INFINITY : refine(f, lo + (runStart - 1) * h, lo + runStart * h);
                double b = i > steps ? Double.POSITIVE_INFINITY : refine(f, lo + (i - 2) * h, lo + (i - 1) * h);
                // NOTE: float64 rounding noise (gelu:tanh's 1 + tanh(...) cancels for x < -6) splits one
                // decreasing stretch into many; stretches less than 0.2 apart are merged.
                double[] last = out.isEmpty() ? null : out.get(out.size() - 1);
                if (last != null && a - last[1] < 0.2) {
                    last[1] = b;
                } else {
                    out.add(new double[] {a, b});
                }
                runStart = -1;
            }
            prev = y;
        }
        return new double[] {minX, minY};
    }

    /** The point in [a, b] where the slope's sign changes (bisection on a small central difference). */
    private static double refine(OrderActivation f, double a, double b) {
        double sa = slope(f, a);
        for (int it = 0; it < 40; it++) {
            double m = (a + b) / 2;
            double sm = slope(f, m);
            if (Math.signum(sm) == Math.signum(sa)) {
                a = m;
                sa = sm;
            } else {
                b = m;
            }
        }
        return Math.round((a + b) / 2 * 1e4) / 1e4;
    }

    private static double slope(OrderActivation f, double x) {
        double e = 1e-6;
        return f64(f, x + e) - f64(f, x - e);
    }

    /** f in float64 where the activation has one (engine activations), else its float32 values. */
    private static double f64(OrderActivation f, double x) {
        if (f instanceof EngineActivation e) {
            return e.engineSpec().applyAsDouble(x);
        }
        return f.applyAsFloat((float) x);
    }

    /** The sorted, distinct, finite float32 points the check evaluates. */
    static float[] points() {
        float[] buf = new float[400_000];
        int n = 0;
        for (int i = -50 * 256; i <= 50 * 256; i++) {
            buf[n++] = i / 256f;
        }
        for (double e = -30; e <= 38.5; e += 0.05) {
            float v = (float) Math.pow(10, e);
            if (Float.isFinite(v)) {
                buf[n++] = v;
                buf[n++] = -v;
            }
        }
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            float v = i % 4 == 3 ? Float.intBitsToFloat(r.nextInt()) : (float) (r.nextGaussian() * Math.pow(10, r.nextDouble(-3, 3)));
            if (Float.isFinite(v)) {
                buf[n++] = v;
            }
        }
        float[] centres = new float[2_000 + 2 * 41];
        int c = 0;
        for (int i = 0; i < 2_000; i++) {
            centres[c++] = (float) (r.nextGaussian() * 8);
        }
        for (int k = -20; k <= 20; k++) {
            centres[c++] = k;
            centres[c++] = k + 0.5f;
        }
        for (int i = 0; i < c; i++) {
            float v = centres[i];
            for (int j = 0; j < 32; j++) {
                v = Math.nextDown(v);
            }
            for (int j = 0; j < 64; j++) {
                buf[n++] = v;
                v = Math.nextUp(v);
            }
        }
        float[] xs = Arrays.copyOf(buf, n);
        Arrays.sort(xs);
        int m = 0;
        for (int i = 0; i < xs.length; i++) {
            if (m == 0 || Float.floatToIntBits(xs[i]) != Float.floatToIntBits(xs[m - 1])) {
                xs[m++] = xs[i];
            }
        }
        return Arrays.copyOf(xs, m);
    }
}
