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
    /** Below this |x| erf is a Maclaurin polynomial (no exp, no division). */
    private static final double TAYLOR_LIMIT = 2.0;
    /**
     * erf(x) = x * sum_n TAYLOR[n] * x^(2n), TAYLOR[n] = 2/sqrt(pi) * (-1)^n / (n! (2n + 1)). Terms past
     * n = 18 stay below 2e-18 of the sum for |x| &lt; 1 and past n = 33 for |x| &lt; 2; the largest term
     * is at most 2.4 times the sum there, so the alternating sum keeps nearly double precision.
     */
    private static final double[] TAYLOR = taylorCoefficients(34);
    /** Terms used for |x| &lt; 1. */
    private static final int TAYLOR_TERMS_BELOW_ONE = 19;

    private SpecialMath() {
    }

    /** The error function erf(x) = 2/sqrt(pi) * integral from 0 to x of exp(-t^2) dt. */
    public static double erf(double x) {
        if (Double.isNaN(x)) {
            return x;
        }
        double a = Math.abs(x);
        if (a < TAYLOR_LIMIT) {
            return taylor(x);
        }
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
        double a = Math.abs(x);
        if (a < TAYLOR_LIMIT) {
            return 1 - taylor(x);
        }
        if (a < SWITCH) {
            return 1 - series(x);
        }
        return x > 0 ? erfcPositive(x) : 2 - erfcPositive(-x);
    }

    /**
     * erf(x) for |x| &lt; 2 by its Maclaurin series in Horner form.
     * NOTE: ten times faster than {@link #series} (which divides per term and calls exp); gelu
     * evaluates erf on every activation, and the series made a gelu model's step ten times a relu
     * model's. The two agree to a few ulps (SpecialMathTest).
     */
    static double taylor(double x) {
        double x2 = x * x;
        int terms = x2 < 1 ? TAYLOR_TERMS_BELOW_ONE : TAYLOR.length;
        double p = TAYLOR[terms - 1];
        for (int n = terms - 2; n >= 0; n--) {
            p = p * x2 + TAYLOR[n];
        }
        return x * p;
    }

    private static double[] taylorCoefficients(int count) {
        double[] c = new double[count];
        double factorial = 1;
        for (int n = 0; n < count; n++) {
            if (n > 0) {
                factorial *= n;
            }
            c[n] = (n % 2 == 0 ? TWO_OVER_SQRT_PI : -TWO_OVER_SQRT_PI) / (factorial * (2 * n + 1));
        }
        return c;
    }

    /** erf(x) by {@link #series} (the reference of {@link #taylor} in tests). */
    static double erfBySeries(double x) {
        return series(x);
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
