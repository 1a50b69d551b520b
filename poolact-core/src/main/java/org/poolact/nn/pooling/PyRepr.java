package org.poolact.nn.pooling;

/** Python's repr of scalar module arguments. */
final class PyRepr {
    private PyRepr() {
    }

    static String bool(boolean b) {
        return b ? "True" : "False";
    }

    /** Python's repr of a float: {@code 2.0}, {@code 0.5}, {@code inf}. */
    static String floating(double v) {
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e16) {
            return (long) v + ".0";
        }
        return Double.toString(v);
    }
}
