package org.poolact.lab.order;

import java.util.Locale;

/** The one-line recommendation of a cell, from its verdict and the conv-map measurement. */
public final class Recommendations {
    private Recommendations() {
    }

    /** E.g. {@code identical; pool first: 75% fewer activation evaluations, 0.4% fewer block FLOPs, block 1.20 -> 1.05 ms}. */
    public static String of(Verdict v, Measurements.Result m) {
        if (m == null) {
            switch (v.kind()) {
                case IDENTICAL:
                    return "identical; pool first runs the activation on the smaller map";
                case CONDITIONAL:
                    return "identical only if " + v.condition() + "; then pool first is cheaper";
                default:
                    return "differs; the orders are different models";
            }
        }
        Measurements.OrderStats a = m.actFirst();
        Measurements.OrderStats b = m.poolFirst();
        String saving = String.format(Locale.ROOT, "pool first: %s fewer activation evaluations, %s fewer block FLOPs, "
                + "block %.2f -> %.2f ms", Fmt.pct(1 - (double) b.actEvals() / a.actEvals()),
                Fmt.pct(1 - b.flops() / a.flops()), a.blockMs(), b.blockMs());
        switch (v.kind()) {
            case IDENTICAL:
                return "identical; " + saving;
            case CONDITIONAL:
                return "identical only if " + v.condition() + "; then " + saving;
            default:
                break;
        }
        double nzA = 1 - a.zeroFraction();
        double nzB = 1 - b.zeroFraction();
        String nz;
        if (nzA > 1.05 * nzB) {
            nz = "act first keeps " + ratio(nzA, nzB) + " more non-zero outputs";
        } else if (nzB > 1.05 * nzA) {
            nz = "pool first keeps " + ratio(nzB, nzA) + " more non-zero outputs";
        } else {
            nz = "both keep about as many non-zero outputs";
        }
        String grad;
        if (a.gradNonzeroFraction() > 1.05 * b.gradNonzeroFraction()) {
            grad = "act first sends gradient to " + ratio(a.gradNonzeroFraction(), b.gradNonzeroFraction()) + " more inputs";
        } else if (b.gradNonzeroFraction() > 1.05 * a.gradNonzeroFraction()) {
            grad = "pool first sends gradient to " + ratio(b.gradNonzeroFraction(), a.gradNonzeroFraction()) + " more inputs";
        } else {
            grad = "gradient reaches about as many inputs";
        }
        return "differs (mean |A-B| " + Fmt.num(m.meanAbsDiff()) + "); " + nz + ", " + grad
                + "; choose by accuracy, not speed";
    }

    private static String ratio(double a, double b) {
        if (b == 0) {
            return "infinitely";
        }
        return String.format(Locale.ROOT, "%.1fx", a / b);
    }
}
