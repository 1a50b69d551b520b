package org.poolact.lab.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.poolact.lab.train.BlockStats;
import org.poolact.lab.train.EpochMetrics;

class SummaryTest {

    private static RunRecord run(String act, String pool, String order, long seed, double acc, double zeros) {
        EpochMetrics m = new EpochMetrics(1, 0.5, 0.1, acc, 10, 0.01, List.of(new BlockStats("conv1", zeros, 1, 32)));
        return new RunRecord(act, pool, order, seed, "mnist", "fp", acc, 0.1, 10, List.of(m));
    }

    @Test
    void pairedDifferenceAndInterval() {
        List<RunRecord> rs = new ArrayList<>();
        double[] a = {0.990, 0.985, 0.992};
        double[] b = {0.980, 0.983, 0.985};
        for (int s = 0; s < 3; s++) {
            rs.add(run("relu", "avg", "act-pool", s, a[s], 0.4));
            rs.add(run("relu", "avg", "pool-act", s, b[s], 0.6));
        }
        Summary.Cell c = Summary.of(rs).get(0);
        // diffs 0.010, 0.002, 0.007: mean 0.006333, sd 0.0040415, t(0.975, 2) = 4.302653
        assertEquals(0.0063333333, c.diff().mean(), 1e-9);
        double half = 4.302652730 * 0.0040414519 / Math.sqrt(3);
        assertEquals(0.0063333333 - half, c.diff().ciLow(), 1e-8);
        assertEquals(0.0063333333 + half, c.diff().ciHigh(), 1e-8);
        assertEquals(3, c.actPool().n());
        assertEquals((0.990 + 0.985 + 0.992) / 3, c.actPool().meanAccuracy(), 1e-12);
        assertEquals(0.4, c.actPool().blocks().get(0).zeroFraction(), 1e-12);
        // the interval [-0.0037, 0.0164] contains 0
        assertTrue(c.verdict().startsWith("Not supported: no accuracy difference detected, act-pool minus pool-act +0.63 pp"),
                c.verdict());
        assertTrue(c.verdict().endsWith("Zeros after conv1: act-pool 40.0%, pool-act 60.0%."), c.verdict());
    }

    @Test
    void clearDifferencesAndIdenticalRuns() {
        List<RunRecord> rs = new ArrayList<>();
        for (int s = 0; s < 4; s++) {
            rs.add(run("relu", "avg", "act-pool", s, 0.99 + 0.001 * s, 0.4));
            rs.add(run("relu", "avg", "pool-act", s, 0.98 + 0.0012 * s, 0.6));
            rs.add(run("relu", "max", "act-pool", s, 0.97 + 0.001 * s, 0.5));
            rs.add(run("relu", "max", "pool-act", s, 0.97 + 0.001 * s, 0.5));
            rs.add(run("gelu", "max", "act-pool", s, 0.95 + 0.002 * s, 0.0));
            rs.add(run("gelu", "max", "pool-act", s, 0.96 + 0.002 * s, 0.0));
        }
        List<Summary.Cell> cells = Summary.of(rs);
        assertEquals(List.of("relu/avg", "relu/max", "gelu/max"), cells.stream().map(c -> c.act() + "/" + c.pool()).toList());
        assertTrue(cells.get(0).verdict().startsWith("Supported: act-pool is more accurate by +0.97 pp"), cells.get(0).verdict());
        assertTrue(cells.get(1).diff().identical());
        assertEquals("Supported: both orders reached exactly the same accuracy for every seed.", cells.get(1).verdict());
        assertTrue(cells.get(2).verdict().startsWith("Not supported: the orders differ, act-pool minus pool-act -1.00 pp"),
                cells.get(2).verdict());
    }

    @Test
    void onePairIsUndecided() {
        List<Summary.Cell> cells = Summary.of(List.of(run("prelu", "avg", "act-pool", 0, 0.9, 0),
                run("prelu", "avg", "pool-act", 0, 0.91, 0)));
        assertEquals("Undecided: 1 paired seed(s); at least 2 are needed for an interval.", cells.get(0).verdict());
        assertTrue(Double.isNaN(cells.get(0).diff().ciLow()));
    }
}
