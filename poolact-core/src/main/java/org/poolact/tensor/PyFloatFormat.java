package org.poolact.tensor;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's float formatting ({@code '{:.Nf}'}, {@code '{:.Ne}'}) of a double, digit for digit.
 *
 * <p>Python rounds the exact binary value of the double, half to even, and keeps the sign of
 * negative zero and of negative values that round to zero ({@code '{:.4f}'.format(-0.0)} is
 * {@code -0.0000}); NaN prints as {@code nan} whatever its sign bit, infinities as {@code inf} and
 * {@code -inf}; the exponent has a sign and at least two digits ({@code 1.0000e+08}).
 */
final class PyFloatFormat {
    private PyFloatFormat() {
    }

    // NOTE: String.format("%.4f") is not Python's '{:.4f}': Java rounds the shortest decimal
    // representation HALF_UP (0.125 -> "0.13" at 2 digits, 1.00005f -> "1.0001"), Python rounds the
    // exact binary value half to even ("0.12", "1.0000"). BigDecimal(double) is exact.

    /** {@code '{:.<precision>f}'.format(v)}. */
    static String fixed(double v, int precision) {
        String special = nonFinite(v);
        if (special != null) {
            return special;
        }
        String digits = new BigDecimal(Math.abs(v)).setScale(precision, RoundingMode.HALF_EVEN).toPlainString();
        return negative(v) ? "-" + digits : digits;
    }

    /** {@code '{:.<precision>e}'.format(v)}. */
    static String scientific(double v, int precision) {
        String special = nonFinite(v);
        if (special != null) {
            return special;
        }
        String sign = negative(v) ? "-" : "";
        if (v == 0) {
            return sign + BigDecimal.ZERO.setScale(precision).toPlainString() + "e+00";
        }
        BigDecimal rounded = new BigDecimal(Math.abs(v)).round(new MathContext(precision + 1, RoundingMode.HALF_EVEN));
        int exponent = rounded.precision() - rounded.scale() - 1;
        String mantissa = rounded.movePointLeft(exponent).setScale(precision, RoundingMode.UNNECESSARY).toPlainString();
        int absExp = Math.abs(exponent);
        return sign + mantissa + (exponent < 0 ? "e-" : "e+") + (absExp < 10 ? "0" : "") + absExp;
    }

    private static boolean negative(double v) {
        return Double.doubleToRawLongBits(v) < 0;
    }

    private static String nonFinite(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        return null;
    }
}
