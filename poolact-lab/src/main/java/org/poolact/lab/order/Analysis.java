package org.poolact.lab.order;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import org.poolact.lab.order.Verdict.Exactness;
import org.poolact.lab.order.Verdict.Kind;

/**
 * Runs the whole analysis of a {@link GridSpec}: the property check of every row, then per cell the
 * verdict from the rules, random probes of every identical verdict (at least
 * {@link Settings#probes()} maps), a shrunk counterexample for every "differs", then measurements
 * and a recommendation. A rule the engine contradicts (a probe that fails, a "differs" without a
 * counterexample) and a declared property the numbers contradict are errors of the result.
 */
public final class Analysis {

    /**
     * @param seed    the seed of probes, search and measurement maps
     * @param probes  random maps per identical verdict (at least 10,000 for the acceptance claim)
     * @param measure whether to run the measurements
     */
    public record Settings(long seed, int probes, boolean measure) {
        /** Documented defaults: seed 0, 10,000 probes, measurements on. */
        public static Settings defaults() {
            return new Settings(0, 10_000, true);
        }
    }

    /**
     * The result.
     *
     * @param grid       what was analysed
     * @param settings   how
     * @param properties the property checks, by function spec
     * @param cells      row-major cells
     * @param claims     the post's claims judged with this run's evidence
     * @param errors     every error (property mismatches, rule/engine disagreements)
     * @param maps       the measurement maps (null when not measured)
     * @param seconds    wall time of the analysis
     */
    public record Result(GridSpec grid, Settings settings, Map<String, PropertyCheck.Report> properties, List<Cell> cells,
                         List<Claims.Claim> claims, List<String> errors, Measurements.Maps maps, double seconds) {

        /** The cell of row {@code spec} and pool {@code label}, or null. */
        public Cell cell(String spec, String label) {
            for (Cell c : cells) {
                if (c.row().spec().equals(spec) && c.pool().label().equals(label)) {
                    return c;
                }
            }
            return null;
        }
    }

    private Analysis() {
    }

    /** Runs the analysis (verdicts, probes and searches on all cores; measurements one at a time, for timing). */
    public static Result run(GridSpec grid, Settings settings) {
        long t0 = System.nanoTime();
        Map<String, PropertyCheck.Report> props = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        for (Row r : grid.rows()) {
            for (OrderActivation f : checked(r)) {
                PropertyCheck.Report rep = PropertyCheck.check(f);
                props.put(f.spec(), rep);
                errors.addAll(rep.errors());
            }
        }
        List<WindowTypes> windows = grid.pools().stream().map(WindowTypes::of).toList();
        int nPools = grid.pools().size();
        int n = grid.cellCount();
        Cell[] cells = new Cell[n];
        IntStream.range(0, n).parallel().forEach(i -> {
            Row row = grid.rows().get(i / nPools);
            WindowTypes wt = windows.get(i % nPools);
            cells[i] = decide(row, wt, props, settings, settings.seed() * 1_000_003L + i);
        });
        Measurements.Maps maps = settings.measure() ? Measurements.maps(settings.seed()) : null;
        List<Cell> out = new ArrayList<>();
        for (Cell c : cells) {
            List<Measurements.Result> ms = new ArrayList<>();
            if (maps != null) {
                OrderActivation f = c.row().measured();
                ms.add(Measurements.measure(f, c.pool(), maps, "randn", false));
                ms.add(Measurements.measure(f, c.pool(), maps, "conv", true));
            }
            Cell full = new Cell(c.row(), c.pool(), c.verdict(), c.counterexample(), c.probes(), List.copyOf(ms),
                    Recommendations.of(c.verdict(), ms.isEmpty() ? null : ms.get(ms.size() - 1)), c.errors());
            out.add(full);
            errors.addAll(full.errors());
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        Result partial = new Result(grid, settings, props, out, List.of(), errors, maps, secs);
        return new Result(grid, settings, props, out, Claims.judge(partial), List.copyOf(errors), maps, secs);
    }

    /** The functions whose properties are checked for a row: the activation, or each region's representative. */
    static List<OrderActivation> checked(Row r) {
        if (r.fixed() != null) {
            return List.of(r.fixed());
        }
        List<OrderActivation> out = new ArrayList<>();
        for (ActivationFamily.Region reg : r.family().regions()) {
            out.add(r.family().member(reg.representative()));
        }
        return out;
    }

    /** Verdict, probes and counterexample of one cell (no measurements). */
    static Cell decide(Row row, WindowTypes wt, Map<String, PropertyCheck.Report> props, Settings s, long seed) {
        List<String> errors = new ArrayList<>();
        Verdict v;
        Supplier<OrderActivation> inside;
        OrderActivation outside;
        if (row.fixed() != null) {
            OrderActivation f = row.fixed();
            v = OrderRules.decide(f, wt);
            inside = () -> f;
            outside = f;
        } else {
            ActivationFamily fam = row.family();
            List<ActivationFamily.Region> regs = fam.regions();
            Set<Integer> ident = new TreeSet<>();
            List<Verdict> per = new ArrayList<>();
            for (int i = 0; i < regs.size(); i++) {
                Verdict rv = OrderRules.decide(fam.member(regs.get(i).representative()), wt);
                per.add(rv);
                if (rv.kind() == Kind.IDENTICAL) {
                    ident.add(i);
                }
            }
            Exactness ex = Exactness.NONE;
            for (int i : ident) {
                ex = ex == Exactness.NONE || per.get(i).exactness() == Exactness.TOLERANCE ? per.get(i).exactness() : ex;
            }
            if (ident.size() == regs.size()) {
                v = Verdict.identical("for every value of the learned parameter: " + per.get(0).rule(), ex);
            } else if (ident.isEmpty()) {
                v = Verdict.differs("for every value of the learned parameter: " + per.get(0).rule());
            } else {
                int first = ident.iterator().next();
                v = new Verdict(Kind.CONDITIONAL, "with " + regs.get(first).text() + ": " + per.get(first).rule(),
                        fam.conditionText(ident), ex);
            }
            List<Integer> identList = List.copyOf(ident);
            SplittableRandom pr = new SplittableRandom(seed ^ 0x5DEECE66DL);
            inside = identList.isEmpty() ? null : () -> {
                ActivationFamily.Region reg = regs.get(identList.get(pr.nextInt(identList.size())));
                return fam.member(reg.sampler().apply(pr));
            };
            int out = -1;
            for (int i = 0; i < regs.size() && out < 0; i++) {
                if (!ident.contains(i)) {
                    out = i;
                }
            }
            outside = out < 0 ? null : fam.member(regs.get(out).representative());
        }
        Probes.Result probes = null;
        Counterexample cx = null;
        if (v.kind() != Kind.DIFFERS && inside != null) {
            probes = Probes.run(inside, wt, s.probes(), seed, v.exactness() == Exactness.BIT_EXACT);
            if (!probes.passed()) {
                errors.add(row.spec() + " x " + wt.pool().label() + ": the rule says identical, but " + probes.failures()
                        + " of " + probes.outputs() + " probe outputs differ, e.g. " + probes.firstFailure());
            }
        }
        if (v.kind() != Kind.IDENTICAL && outside != null) {
            PropertyCheck.Report rep = props.get(outside.spec());
            if (rep == null) {
                rep = PropertyCheck.check(outside);
            }
            cx = CounterexampleSearch.find(outside, wt, rep, seed);
            if (cx == null) {
                errors.add(row.spec() + " x " + wt.pool().label() + ": the rule says the orders differ, but no "
                        + "counterexample was found");
            }
        }
        return new Cell(row, wt.pool(), v, cx, probes, List.of(), null, List.copyOf(errors));
    }
}
