package org.poolact.lab.order;

import java.util.Locale;

/** Short, stable number formatting for rules, tables and reports. */
public final class Fmt {
    private Fmt() {
    }

    /** {@code 0.5}, {@code -2}, {@code 0.7518}, {@code 1.2e-07}: at most 4 significant digits. */
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
        if (s.contains("e")) {
            String[] parts = s.split("e");
            String m = parts[0].contains(".") ? parts[0].replaceAll("0+$", "").replaceAll("\\.$", "") : parts[0];
            return m + "e" + parts[1];
        }
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }

    /** A float32 value printed with all the digits needed to read it back exactly (Java's shortest repr). */
    public static String exact(float v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e7 && Float.floatToIntBits(v) != Float.floatToIntBits(-0f)) {
            return Long.toString((long) v);
        }
        return Float.toString(v);
    }

    /** A percentage with one decimal: {@code 75.0%}. */
    public static String pct(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
    }
}
