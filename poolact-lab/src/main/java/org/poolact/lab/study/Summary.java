package org.poolact.lab.study;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.poolact.lab.order.PoolType;
import org.poolact.lab.train.BlockOrder;
import org.poolact.lab.train.BlockStats;
import org.poolact.lab.train.CnnBuilder;
import org.poolact.lab.train.EpochMetrics;

/**
 * The summary of a study, per activation x pooling cell: accuracy of each order, the paired
 * difference (act-pool minus pool-act, same seed) with a 95% t confidence interval, time per epoch,
 * sparsity and dead units, and a plain statement on the post's claim for that cell.
 */
public final class Summary {
    private Summary() {
    }

    /**
     * Mean and sample standard deviation of one order's final accuracies.
     *
     * @param n                number of runs
     * @param meanAccuracy     mean final test accuracy
     * @param stdAccuracy      sample standard deviation (NaN for one run)
     * @param meanEpochSeconds mean training seconds per epoch
     * @param blocks           per block: mean zero fraction and mean dead units of the final epoch
     */
    public record OrderStats(int n, double meanAccuracy, double stdAccuracy, double meanEpochSeconds,
                             List<BlockStats> blocks) {
    }

    /**
     * The paired difference act-pool minus pool-act over seeds that have both orders.
     *
     * @param pairs     number of pairs
     * @param mean      mean difference in accuracy (fraction, not percent)
     * @param ciLow     lower end of the 95% t interval (NaN for one pair)
     * @param ciHigh    upper end
     * @param identical every pair had exactly equal accuracy
     */
    public record PairedDiff(int pairs, double mean, double ciLow, double ciHigh, boolean identical) {
        /** The interval contains 0 (or cannot be computed). */
        public boolean containsZero() {
            return !(ciLow > 0) && !(ciHigh < 0);
        }
    }

    /**
     * One activation x pooling cell.
     *
     * @param act     activation spec
     * @param pool    pooling
     * @param actPool order A (conv, act, pool)
     * @param poolAct order B (conv, pool, act)
     * @param diff    paired difference
     * @param claim   what the post says for this cell
     * @param verdict whether the data support it, in words
     */
    public record Cell(String act, String pool, OrderStats actPool, OrderStats poolAct, PairedDiff diff, String claim,
                       String verdict) {
    }

    /** The cells of {@code records} in first-seen order of activation, then pooling. */
    public static List<Cell> of(List<RunRecord> records) {
        Map<String, Map<String, List<RunRecord>>> byCell = new LinkedHashMap<>();
        for (RunRecord r : records) {
            byCell.computeIfAbsent(r.act(), k -> new LinkedHashMap<>()).computeIfAbsent(r.pool(), k -> new ArrayList<>())
                    .add(r);
        }
        List<Cell> out = new ArrayList<>();
        byCell.forEach((act, pools) -> pools.forEach((pool, runs) -> out.add(cell(act, pool, runs))));
        return out;
    }

    private static Cell cell(String act, String pool, List<RunRecord> runs) {
        Map<Long, RunRecord> a = new TreeMap<>();
        Map<Long, RunRecord> b = new TreeMap<>();
        for (RunRecord r : runs) {
            (BlockOrder.parse(r.order()) == BlockOrder.ACT_POOL ? a : b).put(r.seed(), r);
        }
        List<Double> diffs = new ArrayList<>();
        boolean identical = true;
        for (Map.Entry<Long, RunRecord> e : a.entrySet()) {
            RunRecord other = b.get(e.getKey());
            if (other != null) {
                diffs.add(e.getValue().testAccuracy() - other.testAccuracy());
                identical &= e.getValue().testAccuracy() == other.testAccuracy();
            }
        }
        PairedDiff diff = paired(diffs, identical && !diffs.isEmpty());
        OrderStats sa = stats(new ArrayList<>(a.values()));
        OrderStats sb = stats(new ArrayList<>(b.values()));
        String[] cv = verdict(act, CnnBuilder.parsePool(pool), sa, sb, diff);
        return new Cell(act, pool, sa, sb, diff, cv[0], cv[1]);
    }

    static PairedDiff paired(List<Double> d, boolean identical) {
        int n = d.size();
        double mean = d.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        if (n < 2) {
            return new PairedDiff(n, mean, Double.NaN, Double.NaN, identical);
        }
        double sd = std(d, mean);
        double half = StudentT.quantile(0.975, n - 1) * sd / Math.sqrt(n);
        return new PairedDiff(n, mean, mean - half, mean + half, identical);
    }

    private static double std(List<Double> v, double mean) {
        if (v.size() < 2) {
            return Double.NaN;
        }
        double s = 0;
        for (double x : v) {
            s += (x - mean) * (x - mean);
        }
        return Math.sqrt(s / (v.size() - 1));
    }

    private static OrderStats stats(List<RunRecord> runs) {
        List<Double> acc = runs.stream().map(RunRecord::testAccuracy).toList();
        double mean = acc.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        double secs = runs.stream().mapToDouble(RunRecord::epochSeconds).average().orElse(Double.NaN);
        Map<String, double[]> blockSums = new LinkedHashMap<>();
        Map<String, Integer> units = new LinkedHashMap<>();
        for (RunRecord r : runs) {
            EpochMetrics last = r.epochs().get(r.epochs().size() - 1);
            for (BlockStats s : last.blocks()) {
                double[] sum = blockSums.computeIfAbsent(s.block(), k -> new double[2]);
                sum[0] += s.zeroFraction();
                sum[1] += s.deadUnits();
                units.put(s.block(), s.units());
            }
        }
        List<BlockStats> blocks = new ArrayList<>();
        // NOTE: dead units are averaged over runs and rounded to the nearest whole unit here.
        blockSums.forEach((k, s) -> blocks.add(new BlockStats(k, s[0] / runs.size(),
                (int) Math.round(s[1] / runs.size()), units.get(k))));
        return new OrderStats(runs.size(), mean, std(acc, mean), secs, blocks);
    }

    private static String[] verdict(String act, PoolType pool, OrderStats a, OrderStats b, PairedDiff d) {
        String ci = d.pairs() < 2 ? "" : String.format(" (95%% CI [%+.2f, %+.2f] pp)", 100 * d.ciLow(), 100 * d.ciHigh());
        String delta = String.format("%+.2f pp", 100 * d.mean());
        if (d.pairs() < 2) {
            String claim = pool == PoolType.MAX ? "both orders give the same result"
                    : act.equals("relu") ? "act-pool is better" : "no order is harmful, so pool first (cheaper)";
            return new String[] {claim, "Undecided: " + d.pairs() + " paired seed(s); at least 2 are needed for an interval."};
        }
        if (pool == PoolType.MAX) {
            String claim = "both orders give the same result";
            if (d.identical()) {
                return new String[] {claim, "Supported: both orders reached exactly the same accuracy for every seed."};
            }
            if (d.containsZero()) {
                return new String[] {claim, "Consistent: no difference detected, act-pool minus pool-act " + delta + ci
                        + ", but the runs are not identical."};
            }
            return new String[] {claim, "Not supported: the orders differ, act-pool minus pool-act " + delta + ci + "."};
        }
        if (act.equals("relu")) {
            String claim = "act-pool is better (pool-act zeroes more outputs)";
            String zeros = zeroNote(a, b);
            if (d.ciLow() > 0) {
                return new String[] {claim, "Supported: act-pool is more accurate by " + delta + ci + "." + zeros};
            }
            if (d.ciHigh() < 0) {
                return new String[] {claim, "Contradicted: pool-act is more accurate, act-pool minus pool-act " + delta
                        + ci + "." + zeros};
            }
            return new String[] {claim, "Not supported: no accuracy difference detected, act-pool minus pool-act "
                    + delta + ci + "." + zeros};
        }
        String claim = "neither order hurts learning, so pool first to save compute";
        String time = String.format(" Epoch time: act-pool %.1f s, pool-act %.1f s.", a.meanEpochSeconds(),
                b.meanEpochSeconds());
        if (d.containsZero()) {
            return new String[] {claim, "Supported on accuracy: no difference detected, act-pool minus pool-act " + delta
                    + ci + "." + time};
        }
        return new String[] {claim, "Not supported: " + (d.mean() > 0 ? "act-pool" : "pool-act")
                + " is more accurate, act-pool minus pool-act " + delta + ci + "." + time};
    }

    private static String zeroNote(OrderStats a, OrderStats b) {
        if (a.blocks().isEmpty() || b.blocks().isEmpty()) {
            return "";
        }
        BlockStats za = a.blocks().get(0);
        BlockStats zb = b.blocks().get(0);
        return String.format(" Zeros after %s: act-pool %.1f%%, pool-act %.1f%%.", za.block(), 100 * za.zeroFraction(),
                100 * zb.zeroFraction());
    }
}
