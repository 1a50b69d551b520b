package org.poolact.lab.order;

import org.poolact.nn.functional.ActivationProperties;
import org.poolact.nn.functional.ActivationSpec;

/**
 * The properties of an elementwise function f that decide whether it commutes with a pooling, as
 * declared (never measured here; {@link PropertyCheck} verifies them numerically and reports any
 * disagreement as an error).
 *
 * @param nonDecreasing          a &lt;= b implies f(a) &lt;= f(b) (float32, NaN aside): commutes with max
 * @param nonIncreasing          a &lt;= b implies f(a) &gt;= f(b): turns max into min
 * @param affine                 f(x) = slope * x + offset for every x
 * @param slope                  the slope when affine (NaN otherwise)
 * @param offset                 f(0)
 * @param positivelyHomogeneous  f(c x) = c f(x) for every c &gt; 0 (relu, leaky_relu, prelu, identity):
 *                               commutes with a one-element window scaled by a positive weight
 * @param absLinear              f(x) = a x or f(x) = a |x| with a &gt;= 0 (identity, abs): the
 *                               functions that commute with a 2-norm (lp_pool2d with p = 2)
 * @param convex                 f is convex and not affine: by Jensen, f(mean) &lt;= mean of f on a
 *                               window whose weights sum to 1 (pool first never above act first)
 * @param concave                f is concave and not affine: f(mean) &gt;= mean of f there
 * @param reason                 one sentence: why f has (or lacks) these properties
 */
public record OrderProperties(boolean nonDecreasing, boolean nonIncreasing, boolean affine, double slope,
                              double offset, boolean positivelyHomogeneous, boolean absLinear, boolean convex,
                              boolean concave, String reason) {

    /** Properties with no curvature declared (neither convex nor concave). */
    public OrderProperties(boolean nonDecreasing, boolean nonIncreasing, boolean affine, double slope, double offset,
                           boolean positivelyHomogeneous, boolean absLinear, String reason) {
        this(nonDecreasing, nonIncreasing, affine, slope, offset, positivelyHomogeneous, absLinear, false, false,
                reason);
    }

    /**
     * The engine's declared {@link ActivationProperties} of {@code spec}, plus the two properties the
     * engine does not declare (positive homogeneity and the |x| form), declared here from the kind and
     * its parameter, and the curvature (convex or concave, never both, never for an affine f) from
     * the kind and its parameters. The slope of an affine activation is f(1) - f(0).
     */
    public static OrderProperties of(ActivationSpec spec) {
        ActivationProperties p = spec.properties();
        double[] params = spec.parameters();
        boolean homogeneous;
        boolean absLinear;
        switch (spec.kind()) {
            case RELU:
            case IDENTITY:
                homogeneous = true;
                absLinear = spec.kind() == ActivationSpec.Kind.IDENTITY;
                break;
            case LEAKY_RELU:
            case PRELU:
                homogeneous = true;
                // slope 1: the identity; slope -1: |x|.
                absLinear = Math.abs(params[0]) == 1;
                break;
            default:
                homogeneous = false;
                absLinear = false;
                break;
        }
        double slope = p.affine() ? spec.applyAsDouble(1.0) - spec.applyAsDouble(0.0) : Double.NaN;
        int curvature = p.affine() ? 0 : curvature(spec.kind(), params);
        return new OrderProperties(p.nonDecreasing(), p.nonIncreasing(), p.affine(), slope, p.valueAtZero(),
                homogeneous, absLinear, curvature > 0, curvature < 0, p.reason());
    }

    /**
     * 1 convex, -1 concave, 0 neither (a non-affine f). Piecewise: convex iff the slope never drops,
     * concave iff it never rises, at the kinks too.
     */
    private static int curvature(ActivationSpec.Kind kind, double[] params) {
        switch (kind) {
            case RELU:
                return 1;
            case LEAKY_RELU:
            case PRELU:
                // slope a left of 0, 1 right of it.
                return params[0] < 1 ? 1 : -1;
            case ELU:
                // alpha e^x left of 0 (rising for alpha > 0), then slope 1: convex iff 0 <= alpha <= 1.
                return params[0] >= 0 && params[0] <= 1 ? 1 : 0;
            case CELU:
                // slope e^(x/alpha) left of 0 tends to 1 at 0: rising for alpha > 0, falling for alpha < 0.
                return params[0] > 0 ? 1 : -1;
            case SOFTPLUS:
                // (1/beta) log(1 + e^(beta x)); NOTE: the switch to x above the threshold lowers f by less
                // than 1e-8 relative (log1p(e^-20)), far below float32 resolution.
                return params[0] > 0 ? 1 : -1;
            default:
                return 0;
        }
    }

    /** f(x) = slope * x + offset: the declared properties of that affine function. */
    public static OrderProperties affine(double slope, double offset) {
        return new OrderProperties(slope >= 0, slope <= 0, true, slope, offset, offset == 0,
                offset == 0 && slope >= 0, "f(x) = " + Fmt.num(slope) + "*x + " + Fmt.num(offset) + " is affine");
    }

    /** f(0) = 0. */
    public boolean zeroAtZero() {
        return offset == 0;
    }

    /** The identity function (affine with slope 1 and offset 0): every pooling gives the same bits in both orders. */
    public boolean identity() {
        return affine && slope == 1 && offset == 0;
    }
}
