package org.poolact.nn;

import java.math.BigDecimal;

/** Python's printed forms of scalars, for PyTorch-style reprs ({@code 1e-05}, {@code 0.1}, {@code True}, {@code None}). */
public final class PyFormat {
    private PyFormat() {
    }

    /**
     * Python's {@code repr(float)}: shortest round-trip digits; scientific notation when the decimal
     * exponent is below -4 or at least 16 ({@code 1e-05}, {@code 1e+16}), else fixed with at least one
     * decimal ({@code 0.1}, {@code 2.0}).
     */
    public static String pyFloat(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return (1 / v < 0) ? "-0.0" : "0.0";
        }
        // NOTE: not Double.toString: before JDK 19 it is not always the shortest round-trip form
        // (1e23 prints as 9.999999999999999E22), so take the fewest significant digits that parse back.
        BigDecimal d = shortest(v).stripTrailingZeros();
        String digits = d.unscaledValue().abs().toString();
        int exp = digits.length() - 1 - d.scale();
        String sign = v < 0 ? "-" : "";
        if (exp < -4 || exp >= 16) {
            String mant = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            return sign + mant + "e" + (exp < 0 ? "-" : "+") + String.format("%02d", Math.abs(exp));
        }
        String plain = d.abs().toPlainString();
        return sign + (plain.contains(".") ? plain : plain + ".0");
    }

    private static BigDecimal shortest(double v) {
        for (int p = 1; p < 17; p++) {
            String s = String.format(java.util.Locale.ROOT, "%." + (p - 1) + "e", v);
            if (Double.parseDouble(s) == v) {
                return new BigDecimal(s);
            }
        }
        return new BigDecimal(String.format(java.util.Locale.ROOT, "%.16e", v));
    }

    /** Python's {@code True}/{@code False}. */
    public static String pyBool(boolean b) {
        return b ? "True" : "False";
    }
}
