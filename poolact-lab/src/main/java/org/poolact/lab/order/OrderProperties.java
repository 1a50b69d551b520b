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
 * @param reason                 one sentence: why f has (or lacks) these properties
 */
public record OrderProperties(boolean nonDecreasing, boolean nonIncreasing, boolean affine, double slope,
                              double offset, boolean positivelyHomogeneous, boolean absLinear, String reason) {

    /**
     * The engine's declared {@link ActivationProperties} of {@code spec}, plus the two properties the
     * engine does not declare (positive homogeneity and the |x| form), declared here from the kind and
     * its parameter. The slope of an affine activation is f(1) - f(0).
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
        return new OrderProperties(p.nonDecreasing(), p.nonIncreasing(), p.affine(), slope, p.valueAtZero(),
                homogeneous, absLinear, p.reason());
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
