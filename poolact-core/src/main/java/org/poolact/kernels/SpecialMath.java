package org.poolact.kernels;

/**
 * Special functions Java's {@code Math} lacks, in double precision (relative error around 1e-15),
 * built only from {@link StrictMath} so results are the same bits on every JVM and platform.
 */
public final class SpecialMath {
    private static final double TWO_OVER_SQRT_PI = 1.1283791670955126;
    private static final double INV_SQRT_PI = 0.5641895835477563;
    /** Below this |x| the series is used, above it the continued fraction. */
    private static final double SWITCH = 2.5;
    private static final int FRACTION_DEPTH = 120;

    private SpecialMath() {
    }

    /** The error function erf(x) = 2/sqrt(pi) * integral from 0 to x of exp(-t^2) dt. */
    public static double erf(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        double a = Math.abs(x);
        if (a < SWITCH) {
            return series(x);
        }
        double r = 1 - erfcPositive(a);
        return x < 0 ? -r : r;
    }

    /** The complementary error function erfc(x) = 1 - erf(x), accurate also where it is tiny (x large). */
    public static double erfc(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        if (Math.abs(x) < SWITCH) {
            return 1 - series(x);
        }
        return x > 0 ? erfcPositive(x) : 2 - erfcPositive(-x);
    }

    /**
     * erf(x) = 2/sqrt(pi) * exp(-x^2) * sum_{n>=0} 2^n x^(2n+1) / (1*3*...*(2n+1)): every term has
     * the sign of x, so nothing cancels.
     */
    private static double series(double x) {
        double x2 = x * x;
        double term = x;
        double sum = x;
        for (int n = 1; n < 200; n++) {
            term *= 2 * x2 / (2 * n + 1);
            sum += term;
            if (Math.abs(term) <= 1e-17 * Math.abs(sum)) {
                break;
            }
        }
        return TWO_OVER_SQRT_PI * StrictMath.exp(-x2) * sum;
    }

    /**
     * erfc(x) for x >= SWITCH by Laplace's continued fraction
     * erfc(x) = exp(-x^2)/sqrt(pi) / (x + (1/2)/(x + 1/(x + (3/2)/(x + ...)))), evaluated bottom-up.
     */
    private static double erfcPositive(double x) {
        if (x > 27) {
            return 0; // exp(-x^2) underflows
        }
        double t = x;
        for (int n = FRACTION_DEPTH; n >= 1; n--) {
            t = x + (n * 0.5) / t;
        }
        return INV_SQRT_PI * StrictMath.exp(-x * x) / t;
    }
}
