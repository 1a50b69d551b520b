package org.poolact.lab.report;

import java.util.List;
import java.util.Locale;

import org.poolact.lab.order.Analysis;
import org.poolact.lab.order.Cell;
import org.poolact.lab.order.Claims;
import org.poolact.lab.order.Fmt;
import org.poolact.lab.order.Measurements;

/** The Markdown form: the verdict matrix, the claims, and one table row per cell. */
public final class MarkdownReport {
    private MarkdownReport() {
    }

    /** The verdict matrix alone, as a Markdown table (activations x poolings). */
    public static String matrix(Analysis.Result r) {
        StringBuilder sb = new StringBuilder("| act |");
        for (var p : r.grid().pools()) {
            sb.append(' ').append(p.label()).append(" |");
        }
        sb.append("\n|---|");
        sb.append("---|".repeat(r.grid().pools().size()));
        sb.append('\n');
        for (Cell[] row : Matrix.grid(r)) {
            sb.append("| `").append(row[0].row().spec()).append("` |");
            for (Cell c : row) {
                sb.append(' ').append(Matrix.symbol(c.verdict())).append(" |");
            }
            sb.append('\n');
        }
        sb.append("\n").append(Matrix.legend()).append(".\n");
        return sb.toString();
    }

    /** The whole report. */
    public static String render(Analysis.Result r) {
        StringBuilder sb = new StringBuilder("# poolact analyze\n\n");
        int[] n = Matrix.counts(r);
        sb.append(String.format(Locale.ROOT, "%d cells: %d identical, %d conditional, %d differ (seed %d, %d probes "
                + "per identical cell).%n%n## Verdicts%n%n", r.cells().size(), n[0], n[2], n[1], r.settings().seed(),
                r.settings().probes()));
        sb.append(matrix(r));
        sb.append("\n## Conditions\n\n");
        for (Cell c : r.cells()) {
            if (c.verdict().condition() != null) {
                sb.append("- `").append(c.row().spec()).append("` x ").append(c.pool().label()).append(": identical only if ")
                        .append(c.verdict().condition()).append('\n');
            }
        }
        sb.append("\n## The post's claims\n\n");
        for (Claims.Claim c : r.claims()) {
            sb.append(c.number()).append(". **").append(esc(c.claim())).append("** Verdict: ").append(esc(c.verdict()))
                    .append(". ").append(esc(c.evidence())).append("\n");
        }
        sb.append("\n## Cells\n\n| act | pool | verdict | rule | counterexample | zeros A/B | grad A/B | recommendation |\n"
                + "|---|---|---|---|---|---|---|---|\n");
        for (Cell c : r.cells()) {
            Measurements.Result m = c.main();
            sb.append("| `").append(c.row().spec()).append("` | ").append(c.pool().label()).append(" | ")
                    .append(c.verdict().kind().label())
                    .append(c.verdict().condition() != null ? ": " + esc(c.verdict().condition()) : "").append(" | ")
                    .append(esc(c.verdict().rule())).append(" | ")
                    .append(c.counterexample() == null ? "" : esc(c.counterexample().summary())).append(" | ")
                    .append(m == null ? "" : Fmt.pct(m.actFirst().zeroFraction()) + " / " + Fmt.pct(m.poolFirst().zeroFraction()))
                    .append(" | ")
                    .append(m == null ? "" : Fmt.pct(m.actFirst().gradNonzeroFraction()) + " / "
                            + Fmt.pct(m.poolFirst().gradNonzeroFraction()))
                    .append(" | ").append(esc(c.recommendation())).append(" |\n");
        }
        List<String> errors = r.errors();
        sb.append("\n## Errors\n\n").append(errors.isEmpty() ? "None.\n" : "");
        for (String e : errors) {
            sb.append("- ").append(esc(e)).append('\n');
        }
        return sb.toString();
    }

    private static String esc(String s) {
        return s.replace("|", "\\|");
    }
}
