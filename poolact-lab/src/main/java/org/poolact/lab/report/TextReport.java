package org.poolact.lab.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.poolact.lab.order.Analysis;
import org.poolact.lab.order.Cell;
import org.poolact.lab.order.Claims;
import org.poolact.lab.order.Fmt;
import org.poolact.lab.order.Measurements;
import org.poolact.lab.order.PoolConfig;
import org.poolact.lab.order.PropertyCheck;
import org.poolact.lab.order.Verdict;

/** The terminal form: the verdict matrix, one aligned line per cell, the claims, the checks; colour only when asked (a tty). */
public final class TextReport {
    private static final String RESET = "\u001b[0m";

    private TextReport() {
    }

    /** Renders {@code r}; {@code color} adds ANSI colours to the verdicts. */
    public static String render(Analysis.Result r, boolean color) {
        StringBuilder sb = new StringBuilder();
        int[] n = Matrix.counts(r);
        sb.append(String.format(Locale.ROOT, "poolact analyze: %d activations x %d poolings = %d cells: %d identical, "
                + "%d conditional, %d differ (seed %d, %d probes per identical cell, %.1f s)%n%n",
                r.grid().rows().size(), r.grid().pools().size(), r.cells().size(), n[0], n[2], n[1],
                r.settings().seed(), r.settings().probes(), r.seconds()));
        matrix(sb, r, color);
        sb.append('\n');
        cells(sb, r, color);
        sb.append("\nThe post's claims, judged with this run\n");
        for (Claims.Claim c : r.claims()) {
            sb.append("  ").append(c.number()).append(". ").append(c.claim()).append('\n')
                    .append("     verdict: ").append(c.verdict()).append('\n')
                    .append("     evidence: ").append(c.evidence()).append('\n');
        }
        sb.append("\nProperty checks (declared vs numbers)\n");
        for (PropertyCheck.Report p : r.properties().values()) {
            sb.append(String.format(Locale.ROOT, "  %-18s %s%s%n", p.spec(), p.ok() ? "ok  " : "ERROR ",
                    p.decreasingText()));
        }
        if (r.errors().isEmpty()) {
            sb.append("\nNo errors: every declared property matched the numbers, every identical verdict passed its "
                    + "probes, every differs verdict has a counterexample.\n");
        } else {
            sb.append("\nERRORS (").append(r.errors().size()).append(")\n");
            for (String e : r.errors()) {
                sb.append("  ").append(paint("ERROR", "31", color)).append(' ').append(e).append('\n');
            }
        }
        return sb.toString();
    }

    private static void matrix(StringBuilder sb, Analysis.Result r, boolean color) {
        Cell[][] g = Matrix.grid(r);
        List<String> ids = Matrix.columnIds(r);
        int w = 4;
        for (Cell[] row : g) {
            w = Math.max(w, row[0].row().spec().length());
        }
        StringBuilder head = new StringBuilder(pad("", w));
        for (String id : ids) {
            head.append(' ').append(pad(id, 4));
        }
        sb.append(head.toString().stripTrailing()).append('\n');
        for (Cell[] row : g) {
            StringBuilder line = new StringBuilder(pad(row[0].row().spec(), w));
            for (int i = 0; i < row.length; i++) {
                String sym = Matrix.symbol(row[i].verdict());
                line.append(' ').append(paint(i + 1 < row.length ? pad(sym, 4) : sym, colour(row[i].verdict()), color));
            }
            sb.append(line).append('\n');
        }
        sb.append("\n").append(Matrix.legend()).append('\n');
        for (int i = 0; i < ids.size(); i++) {
            PoolConfig p = r.grid().pools().get(i);
            sb.append(String.format(Locale.ROOT, "  %-4s %s%n", ids.get(i), p.label()));
        }
    }

    private static void cells(StringBuilder sb, Analysis.Result r, boolean color) {
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {"act", "pool", "verdict", "zeros A/B", "grad A/B", "evidence", "recommendation"});
        for (Cell c : r.cells()) {
            Measurements.Result m = c.main();
            String zeros = m == null ? "-" : Fmt.pct(m.actFirst().zeroFraction()) + "/" + Fmt.pct(m.poolFirst().zeroFraction());
            String grad = m == null ? "-" : Fmt.pct(m.actFirst().gradNonzeroFraction()) + "/"
                    + Fmt.pct(m.poolFirst().gradNonzeroFraction());
            String verdict = c.verdict().kind().label() + (c.verdict().condition() != null ? ": " + c.verdict().condition() : "");
            String evidence;
            if (c.counterexample() != null) {
                evidence = (c.counterexample().act().equals(c.row().spec()) ? "" : c.counterexample().act() + ": ")
                        + c.counterexample().summary();
            } else if (c.probes() != null) {
                evidence = c.probes().maps() + " probes, " + c.probes().failures() + " failures";
            } else {
                evidence = "-";
            }
            lines.add(new String[] {c.row().spec(), c.pool().label(), verdict, zeros, grad, evidence,
                c.recommendation()});
        }
        int[] w = new int[4];
        for (String[] l : lines) {
            for (int i = 0; i < w.length; i++) {
                w[i] = Math.max(w[i], Math.min(l[i].length(), i == 2 ? 44 : 40));
            }
        }
        sb.append("A = act->pool, B = pool->act; zeros and gradient on the conv output map\n");
        for (int k = 0; k < lines.size(); k++) {
            String[] l = lines.get(k);
            Cell c = k == 0 ? null : r.cells().get(k - 1);
            sb.append(pad(l[0], w[0])).append("  ").append(pad(l[1], w[1])).append("  ")
                    .append(c == null ? pad(l[2], w[2]) : paint(pad(l[2], w[2]), colour(c.verdict()), color))
                    .append("  ").append(pad(l[3], 13)).append("  ").append(pad(l[4], 13)).append("  ").append(l[5]);
            if (k > 0) {
                sb.append("\n").append(pad("", w[0] + w[1] + 4)).append("-> ").append(l[6]);
            }
            sb.append('\n');
        }
    }

    private static String colour(Verdict v) {
        switch (v.kind()) {
            case IDENTICAL:
                return "32";
            case CONDITIONAL:
                return "33";
            default:
                return "31";
        }
    }

    private static String paint(String s, String code, boolean color) {
        return color ? "\u001b[" + code + "m" + s + RESET : s;
    }

    static String pad(String s, int w) {
        StringBuilder sb = new StringBuilder(s);
        while (sb.length() < w) {
            sb.append(' ');
        }
        return sb.toString();
    }
}
