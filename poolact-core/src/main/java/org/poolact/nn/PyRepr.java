package org.poolact.nn;

import java.math.BigDecimal;

/** Python's spelling of values inside module reprs, e.g. {@code repr(0.01)} = {@code 0.01}, {@code repr(1e-05)} = {@code 1e-05}. */
public final class PyRepr {
    private PyRepr() {
    }

    /**
     * {@code repr(float)} as Python 3 prints it: the shortest digits that round-trip, positional
     * notation with at least one decimal for exponents -4 to 15 ({@code 1.0}, {@code 0.0001},
     * {@code -2.5}), scientific otherwise ({@code 1e-05}, {@code 1.5e+16}), and nan / inf / -inf.
     */
    public static String floatRepr(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return (1 / v < 0) ? "-0.0" : "0.0";
        }
        String sci = null;
        for (int p = 1; p <= 17; p++) {
            String s = String.format(java.util.Locale.ROOT, "%." + (p - 1) + "e", v);
            if (Double.parseDouble(s) == v) {
                sci = s;
                break;
            }
        }
        int e = sci.indexOf('e');
        String mant = sci.substring(0, e);
        int exp = Integer.parseInt(sci.substring(e + 1));
        boolean neg = mant.startsWith("-");
        String digits = mant.replace("-", "").replace(".", "");
        digits = digits.replaceAll("0+$", "");
        if (digits.isEmpty()) {
            digits = "0";
        }
        StringBuilder out = new StringBuilder(neg ? "-" : "");
        if (exp >= -4 && exp < 16) {
            out.append(new BigDecimal(new java.math.BigInteger(digits), digits.length() - 1 - exp).toPlainString());
            if (out.indexOf(".") < 0) {
                out.append(".0");
            }
            return out.toString();
        }
        out.append(digits.charAt(0));
        if (digits.length() > 1) {
            out.append('.').append(digits, 1, digits.length());
        }
        out.append('e').append(exp < 0 ? '-' : '+');
        int a = Math.abs(exp);
        if (a < 10) {
            out.append('0');
        }
        return out.append(a).toString();
    }
}
