package org.poolact.lab.order;

import org.poolact.lab.order.Verdict.Exactness;

/**
 * The rules: whether {@code pool(f(x))} (act first) equals {@code f(pool(x))} (pool first) for
 * every input of every size, decided from the declared properties of f and the kinds of window
 * the pooling forms ({@link WindowTypes}). Each verdict carries its rule in one sentence.
 *
 * <ul>
 * <li>Max-type: with a window of two or more real elements, the orders agree on every input iff f
 * is non-decreasing (max f(x_i) = f(max x_i)); a non-increasing f turns max into min. Padding is
 * -inf and every PyTorch window holds a real element, so padding never matters.</li>
 * <li>Linear (avg, adaptive avg, lp with p = 1): each output is y = w * sum(x_i) over n real
 * elements, weight sum S = n*w. Act first gives w * sum f(x_i) (zero padding is not activated: the
 * pool pads f(x)); pool first gives f(y). With n &gt;= 2 they agree for all inputs iff f is
 * affine, f = a x + b (Cauchy's equation), and b (S - 1) = 0 in every window; a one-element window
 * needs f(w x) = w f(x), which a positively homogeneous f satisfies for w &gt; 0.</li>
 * <li>lp with p = 2: y = sqrt(w * sum(x_i^2)) depends only on the squares and is never negative,
 * so the orders agree iff f(x) = a x or a |x| with a &gt;= 0.</li>
 * </ul>
 */
public final class OrderRules {
    private OrderRules() {
    }

    /** The verdict (identical or differs) for {@code f} and the pooling whose windows are {@code windows}. */
    public static Verdict decide(OrderActivation f, WindowTypes windows) {
        OrderProperties p = f.declared();
        PoolConfig pool = windows.pool();
        String name = f.spec();
        if (pool.type().maxLike()) {
            return maxRule(name, f, p, windows);
        }
        if (pool.type() == PoolType.LP && pool.normType() == 2) {
            return l2Rule(name, f, p);
        }
        return linearRule(name, p, windows);
    }

    private static Verdict maxRule(String f, OrderActivation act, OrderProperties p, WindowTypes w) {
        if (!w.hasMulti()) {
            return Verdict.identical("every window holds a single element, so max pooling only copies values and "
                    + "any f commutes with it.", Exactness.BIT_EXACT);
        }
        if (p.nonDecreasing()) {
            return Verdict.identical(f + " is non-decreasing, so max(f(x_i)) = f(max(x_i)) in every window (the -inf "
                    + "padding is never picked: every window holds a real element), bit for bit up to the sign of zero.", Exactness.BIT_EXACT);
        }
        if (p.nonIncreasing()) {
            return Verdict.differs(f + " is non-increasing, so it turns max into min: max(f(x_i)) = f(min(x_i)), "
                    + "not f(max(x_i)), on any window whose values f tells apart.");
        }
        // NOTE: the engine's reasons for a non-monotone f already begin with "not monotone".
        String why = p.reason().startsWith("not monotone") ? p.reason() : "not monotone (" + p.reason() + ")";
        float[] drop = readableDrop(act);
        if (drop == null) {
            return Verdict.differs(f + " is " + why + "; only a non-decreasing f commutes with max, and on a window "
                    + "{a, b} with a < b and f(a) > f(b) act first gives f(a), pool first f(b).");
        }
        String a = Fmt.exact(drop[0]);
        String b = Fmt.exact(drop[1]);
        return Verdict.differs(f + " is " + why + "; only a non-decreasing f commutes with max, and on the window {"
                + a + ", " + b + "}, where f(" + a + ") > f(" + b + "), act first gives f(" + a + "), pool first f("
                + b + ").");
    }

    /**
     * A readable a &lt; b with f(a) &gt; f(b) in float32, or null: b is the bottom of f's steepest
     * decreasing stretch on a grid of [-20, 20] with step 1/256, a is 2 to its left (or the stretch's
     * start), both rounded to 2 decimals; the grid pair itself if rounding loses the drop. Null when
     * the grid sees no drop (softsign's one-ulp drops lie between grid points).
     */
    static float[] readableDrop(OrderActivation f) {
        final int steps = 40 * 256;
        float[] xs = new float[steps + 1];
        float[] ys = new float[steps + 1];
        for (int i = 0; i <= steps; i++) {
            xs[i] = (float) (-20 + i / 256.0);
            ys[i] = f.applyAsFloat(xs[i]);
        }
        int worst = -1;
        float worstDrop = 0;
        for (int i = 0; i < steps; i++) {
            float drop = ys[i] - ys[i + 1];
            if (drop > worstDrop) {
                worstDrop = drop;
                worst = i;
            }
        }
        if (worst < 0) {
            return null;
        }
        int lo = worst;
        int hi = worst + 1;
        while (lo > 0 && ys[lo - 1] > ys[lo]) {
            lo--;
        }
        while (hi < steps && ys[hi + 1] < ys[hi]) {
            hi++;
        }
        float a = round2(Math.max(xs[lo], xs[hi] - 2));
        float b = round2(xs[hi]);
        if (a < b && f.applyAsFloat(a) > f.applyAsFloat(b)) {
            return new float[] {a, b};
        }
        return new float[] {xs[worst], xs[worst + 1]};
    }

    private static float round2(float x) {
        return (float) (Math.round(x * 100.0) / 100.0);
    }

    private static Verdict linearRule(String f, OrderProperties p, WindowTypes w) {
        PoolConfig pool = w.pool();
        boolean homogeneous = p.positivelyHomogeneous() || (p.affine() && p.zeroAtZero());
        if (!w.hasMulti()) {
            if (!w.hasScaledSingle()) {
                return Verdict.identical("every window holds a single element with weight 1, so the pooling only "
                        + "copies values and any f commutes with it.", Exactness.BIT_EXACT);
            }
            if (homogeneous) {
                return Verdict.identical("every window holds one element x times a weight w > 0, and " + f
                        + " is positively homogeneous, f(w x) = w f(x).", p.identity() ? Exactness.BIT_EXACT
                        : Exactness.TOLERANCE);
            }
            return Verdict.differs("every window holds one element x times a weight w != 1, and " + f
                    + " is not positively homogeneous, so f(w x) != w f(x) for some x.");
        }
        String shape = shape(pool);
        if (!p.affine()) {
            if (p.convex() || p.concave()) {
                String curve = p.convex() ? "convex" : "concave";
                return Verdict.differs(f + " is " + curve + " but not affine, and " + shape + " over two or more values "
                        + "commutes only with affine f (Cauchy's equation); by Jensen's inequality f(y) "
                        + (p.convex() ? "<=" : ">=") + " sum(w f(x_i)) in every window whose weights sum to 1, so "
                        + "there pool first is never " + (p.convex() ? "above" : "below") + " act first (in exact arithmetic).");
            }
            return Verdict.differs(f + " is not affine, and " + shape + " over two or more values commutes only with "
                    + "affine f (Cauchy's equation: mean of f != f of mean, e.g. by Jensen for convex f).");
        }
        if (p.zeroAtZero()) {
            if (p.identity()) {
                return Verdict.identical(f + " is the identity, so both orders run the same pooling on the same "
                        + "values, bit for bit.", Exactness.BIT_EXACT);
            }
            return Verdict.identical(f + " is linear (f(x) = " + Fmt.num(p.slope()) + "*x) and " + shape
                    + " is linear, so sum(w f(x_i)) = f(sum(w x_i)) in every window, counted padding included.",
                    Exactness.TOLERANCE);
        }
        if (!w.hasWeightSumNotOne()) {
            return Verdict.identical(f + " is affine (f(0) = " + Fmt.num(p.offset()) + ") and every window's weights "
                    + "sum to 1, so sum(w f(x_i)) = a*y + b = f(y).", Exactness.TOLERANCE);
        }
        return Verdict.differs(f + " is affine with f(0) = " + Fmt.num(p.offset()) + " != 0, and " + whySumNotOne(pool)
                + ", where act first gives a*y + S*b but pool first a*y + b.");
    }

    private static Verdict l2Rule(String f, OrderActivation act, OrderProperties p) {
        if (p.absLinear()) {
            boolean unit = act.applyAsFloat(1f) == 1f;
            return Verdict.identical(f + " has the form a*x or a*|x| with a >= 0, which commutes with the 2-norm: "
                    + "sqrt(w sum f(x_i)^2) = a sqrt(w sum x_i^2) = f(sqrt(w sum x_i^2)).",
                    unit ? Exactness.BIT_EXACT : Exactness.TOLERANCE);
        }
        return Verdict.differs("lp_pool2d with p = 2 gives sqrt(w sum x_i^2), which is never negative and sees only "
                + "the squares, so it commutes only with f(x) = a*x or a*|x| (a >= 0), and " + f + " is neither.");
    }

    private static String shape(PoolConfig pool) {
        switch (pool.type()) {
            case LP:
                return "lp_pool2d with p = 1 (a sum pool, y = sum(x_i))";
            case ADAPTIVE_AVG:
                return "adaptive average pooling (y = mean(x_i))";
            default:
                return "average pooling (y = w*sum(x_i))";
        }
    }

    private static String whySumNotOne(PoolConfig pool) {
        if (pool.type() == PoolType.LP) {
            return "lp_pool2d with p = 1 sums its window, so the weights sum to S = kH*kW";
        }
        if (pool.divisorOverride() != null) {
            return "divisor_override = " + pool.divisorOverride() + " makes the weights of a window sum to S = n/"
                    + pool.divisorOverride();
        }
        return "windows that reach into zero padding counted in the divisor (count_include_pad) have weights summing "
                + "to S < 1 (act first averages the padding as 0, not as f(0))";
    }
}
