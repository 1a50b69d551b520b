package org.poolact.lab.order;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.poolact.lab.order.Verdict.Kind;

/**
 * The blog post's three claims (see the seed summary), each judged with this run's verdicts and
 * measurements: true, true only when ..., or not supported, with the evidence.
 */
public final class Claims {

    /**
     * One claim.
     *
     * @param number   1, 2 or 3
     * @param claim    what the post says
     * @param verdict  {@code true}, {@code true only when ...}, {@code not supported}, or {@code not evaluated}
     * @param evidence what this run found
     */
    public record Claim(int number, String claim, String verdict, String evidence) {
        /** The JSON object. */
        public Map<String, Object> toJson() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("number", number);
            m.put("claim", claim);
            m.put("verdict", verdict);
            m.put("evidence", evidence);
            return m;
        }
    }

    private Claims() {
    }

    /** The three claims judged on {@code r}'s cells. */
    public static List<Claim> judge(Analysis.Result r) {
        return List.of(claim1(r), claim2(r), claim3(r));
    }

    private static Claim claim1(Analysis.Result r) {
        String text = "With max pooling, both orders (act->pool, pool->act) give the same result.";
        int identical = 0;
        int total = 0;
        Set<String> fails = new LinkedHashSet<>();
        Cell example = null;
        for (Cell c : r.cells()) {
            if (!c.pool().type().maxLike() || c.row().fixed() == null) {
                continue;
            }
            total++;
            if (c.verdict().kind() == Kind.IDENTICAL) {
                identical++;
            } else {
                fails.add(c.row().spec());
                boolean gelu = c.row().spec().equals("gelu");
                if (c.counterexample() != null && (example == null || gelu && !example.row().spec().equals("gelu"))) {
                    example = c;
                }
            }
        }
        if (total == 0) {
            return new Claim(1, text, "not evaluated", "no max-type pooling in this run's grid.");
        }
        StringBuilder ev = new StringBuilder();
        ev.append(identical).append(" of ").append(total).append(" max-pooling cells are identical (each passed ")
                .append(r.settings().probes()).append("+ random probes with exact float32 equality)");
        if (fails.isEmpty()) {
            ev.append("; every activation in this grid is non-decreasing.");
            return new Claim(1, text, "true for this grid", ev.toString());
        }
        List<String> roundingOnly = new ArrayList<>();
        for (String f : fails) {
            PropertyCheck.Report p = r.properties().get(f);
            if (p != null && p.decreasingIntervals().isEmpty() && p.decreasingPair() != null) {
                roundingOnly.add(f);
            }
        }
        ev.append("; it fails for the non-monotone ").append(String.join(", ", fails));
        if (!roundingOnly.isEmpty()) {
            ev.append(" (").append(String.join(", ", roundingOnly)).append(" only through float32 rounding: the real "
                    + "function increases, the computed one drops by an ulp)");
        }
        ev.append(".");
        if (example != null) {
            ev.append(" Example (").append(example.row().spec()).append(", ").append(example.pool().label()).append("): ")
                    .append(example.counterexample().summary()).append('.');
        }
        Cell prelu = firstMax(r, "prelu:learned");
        if (prelu != null && prelu.verdict().condition() != null) {
            ev.append(" A learned PReLU is identical only if ").append(prelu.verdict().condition()).append('.');
        }
        return new Claim(1, text, "true only when the activation is non-decreasing", ev.toString());
    }

    private static Cell firstMax(Analysis.Result r, String spec) {
        for (Cell c : r.cells()) {
            if (c.row().spec().equals(spec) && c.pool().type().maxLike()) {
                return c;
            }
        }
        return null;
    }

    private static Claim claim2(Analysis.Result r) {
        String text = "With average pooling use act->pool: with ReLU, pool->act turns more outputs into zero, and more "
                + "zeros are bad for learning.";
        Cell relu = null;
        for (Cell c : r.cells()) {
            if (c.row().spec().equals("relu") && c.pool().type() == PoolType.AVG && c.main() != null) {
                relu = c;
                break;
            }
        }
        if (relu == null) {
            return new Claim(2, text, "not evaluated", "the grid has no measured relu x avg cell.");
        }
        Measurements.Result m = relu.main();
        Measurements.Result rn = relu.measurements().get(0);
        String ev = String.format(Locale.ROOT, "relu x %s, %s: on the conv output act->pool has %s zeros, pool->act "
                + "%s; on the N(0,1) map %s vs %s. Gradient reaches %s vs %s of the conv-output positions (norm %s vs %s). "
                + "The orders are different functions here (%s). That the extra zeros are bad for learning is not "
                + "measured by analyze (it compares outputs and gradients, not training runs); for affine f the orders "
                + "are identical and the choice does not matter.",
                relu.pool().label(), relu.verdict().kind().label(), Fmt.pct(m.actFirst().zeroFraction()),
                Fmt.pct(m.poolFirst().zeroFraction()), Fmt.pct(rn.actFirst().zeroFraction()),
                Fmt.pct(rn.poolFirst().zeroFraction()), Fmt.pct(m.actFirst().gradNonzeroFraction()),
                Fmt.pct(m.poolFirst().gradNonzeroFraction()), Fmt.num(m.actFirst().gradNorm()),
                Fmt.num(m.poolFirst().gradNorm()),
                relu.counterexample() != null ? relu.counterexample().summary() : relu.verdict().rule());
        boolean moreZeros = m.poolFirst().zeroFraction() > m.actFirst().zeroFraction();
        String verdict = moreZeros ? "true that pool->act gives more zeros with ReLU; 'bad for learning' is not supported"
                : "not supported: pool->act did not give more zeros in this run";
        return new Claim(2, text, verdict, ev);
    }

    private static Claim claim3(Analysis.Result r) {
        String text = "With PReLU neither order makes gradients vanish, so prefer pool->act: the activation then runs "
                + "on the smaller pooled map.";
        Cell max = null;
        Cell avg = null;
        for (Cell c : r.cells()) {
            if (!c.row().spec().equals("prelu:learned") || c.main() == null) {
                continue;
            }
            if (max == null && c.pool().type() == PoolType.MAX) {
                max = c;
            }
            if (avg == null && c.pool().type() == PoolType.AVG) {
                avg = c;
            }
        }
        if (max == null && avg == null) {
            return new Claim(3, text, "not evaluated", "the grid has no measured prelu:learned row.");
        }
        List<String> parts = new ArrayList<>();
        for (Cell c : new Cell[] {max, avg}) {
            if (c == null) {
                continue;
            }
            Measurements.Result m = c.main();
            Measurements.OrderStats a = m.actFirst();
            Measurements.OrderStats b = m.poolFirst();
            String cond = c.verdict().kind() == Kind.CONDITIONAL ? "identical only if " + c.verdict().condition()
                    : c.verdict().kind().label();
            parts.add(String.format(Locale.ROOT, "%s (%s): %s; at weight 0.25 pool->act runs %s fewer activations, "
                    + "saves %s of the block's FLOPs (the conv dominates) and measured block time %.2f -> %.2f ms; "
                    + "gradient reaches %s vs %s of the inputs", c.pool().label(), c.row().spec(), cond,
                    Fmt.pct(1 - (double) b.actEvals() / a.actEvals()), Fmt.pct(1 - b.flops() / a.flops()), a.blockMs(),
                    b.blockMs(), Fmt.pct(a.gradNonzeroFraction()), Fmt.pct(b.gradNonzeroFraction())));
        }
        String verdict = "true only when the learned weight >= 0 and the pooling is max-type (then the saving is free); "
                + "with average pooling pool->act is a different model unless weight = 1";
        return new Claim(3, text, verdict, String.join(". ", parts) + ".");
    }
}
