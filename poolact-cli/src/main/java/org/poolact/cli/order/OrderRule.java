package org.poolact.cli.order;

import java.util.Locale;

/**
 * The general reason the two orders are, or are not, equal for an activation and a pooling: a
 * statement about every input, derived from the activation's traits, never from a measurement.
 */
public final class OrderRule {
    private OrderRule() {
    }

    /**
     * @param sentence        one sentence giving the rule and why it holds
     * @param alwaysEqual     the rule proves both orders equal on every input (in exact arithmetic)
     */
    public record Rule(String sentence, boolean alwaysEqual) {
    }

    /** The rule for {@code act} and {@code pool}. */
    public static Rule explain(Activation act, PoolSpec pool) {
        ActivationTraits t = act.traits();
        String f = act.spec();
        return pool.kind() == PoolKind.MAX ? maxRule(f, t) : avgRule(f, t, pool);
    }

    private static Rule maxRule(String f, ActivationTraits t) {
        String why = t.declared().reason();
        if (t.nonDecreasing()) {
            return new Rule(f + " is non-decreasing (" + why + "), and a non-decreasing f commutes with max: "
                    + "max(f(a), f(b)) = f(max(a, b)), so both orders give the same result on every input "
                    + "(max pooling's padding is -inf and never picked).", true);
        }
        if (t.nonIncreasing()) {
            return new Rule(f + " is non-increasing (" + why + "), so it turns max into min: "
                    + "max(f(a), f(b)) = f(min(a, b)); the orders differ whenever a window holds values f tells apart.",
                    false);
        }
        String pair = "";
        if (t.hasDecreasingPair()) {
            String a = num(t.decreaseFrom());
            String b = num(t.decreaseTo());
            pair = ": e.g. f(" + a + ") > f(" + b + "), so on a window {" + a + ", " + b + "} max then f gives f(" + b
                    + ") but f then max gives f(" + a + ")";
        }
        return new Rule(f + " is " + why + pair + "; only a non-decreasing activation commutes with max, so the "
                + "orders differ on any window whose values straddle a stretch where f decreases.", false);
    }

    private static Rule avgRule(String f, ActivationTraits t, PoolSpec pool) {
        if (t.linear()) {
            return new Rule(f + " is linear (f(x) = " + num(t.slope()) + "*x) and averaging is linear, so "
                    + "mean(f(x)) = f(mean(x)) on every window: the orders agree up to float rounding.", true);
        }
        if (t.affine()) {
            if (pool.countsPadding()) {
                return new Rule(f + " is affine with f(0) = " + num(t.offset()) + " != 0: it commutes with a mean of "
                        + "real values, but counted zero padding enters act -> pool as 0 and pool -> act as x = 0, "
                        + "whose image is f(0), so windows that reach into the padding differ.", false);
            }
            return new Rule(f + " is affine (f(x) = " + num(t.slope()) + "*x + " + num(t.offset())
                    + ") and averaging is affine, so mean(f(x)) = f(mean(x)) on every window: the orders agree "
                    + "up to float rounding.", true);
        }
        String padding = pool.countsPadding() && !t.zeroAtZero()
                ? "; windows that reach into the padding can differ more, since counted zero padding enters "
                        + "act -> pool as 0 and pool -> act as x = 0, and f(0) = " + num(t.offset()) + " != 0"
                : "";
        if (t.convex()) {
            return new Rule(f + " is convex but not affine, so by Jensen's inequality f(mean(x)) <= mean(f(x)): "
                    + "pool then act is never above act then pool on windows of real values, and equal only where f "
                    + "is affine over all the window's values" + padding + ".", false);
        }
        if (t.concave()) {
            return new Rule(f + " is concave but not affine, so by Jensen's inequality f(mean(x)) >= mean(f(x)): "
                    + "pool then act is never below act then pool on windows of real values, and equal only where f "
                    + "is affine over all the window's values" + padding + ".", false);
        }
        return new Rule(f + " is not affine, and only affine functions commute with averaging: "
                + "mean(f(x)) = f(mean(x)) holds on a window only when f is affine over its values" + padding + ".",
                false);
    }

    /** A short number: {@code 0.5}, {@code -2}, {@code 0.06966}, {@code nan}, {@code -inf}. */
    public static String num(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return Long.toString((long) v);
        }
        String s = String.format(Locale.ROOT, "%.4g", v);
        if (s.contains(".") && !s.contains("e")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }
}
