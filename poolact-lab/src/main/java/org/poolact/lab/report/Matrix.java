package org.poolact.lab.report;

import java.util.ArrayList;
import java.util.List;

import org.poolact.lab.order.Analysis;
import org.poolact.lab.order.Cell;
import org.poolact.lab.order.PoolConfig;
import org.poolact.lab.order.Row;
import org.poolact.lab.order.Verdict;

/** The verdict matrix shared by every output format: rows = activations, columns = poolings. */
public final class Matrix {
    private Matrix() {
    }

    /** The cells of {@code r} as [row][column]. */
    public static Cell[][] grid(Analysis.Result r) {
        List<Row> rows = r.grid().rows();
        List<PoolConfig> cols = r.grid().pools();
        Cell[][] g = new Cell[rows.size()][cols.size()];
        int i = 0;
        for (Cell c : r.cells()) {
            g[i / cols.size()][i % cols.size()] = c;
            i++;
        }
        return g;
    }

    /** A short symbol: {@code ==} bit-exact, {@code ~=} identical within tolerance, {@code !=} differs, {@code if} conditional. */
    public static String symbol(Verdict v) {
        switch (v.kind()) {
            case IDENTICAL:
                return v.exactness() == Verdict.Exactness.BIT_EXACT ? "==" : "~=";
            case CONDITIONAL:
                return "if";
            default:
                return "!=";
        }
    }

    /** The legend of {@link #symbol}. */
    public static String legend() {
        return "== identical, bit-exact (-0 and +0 count as equal); ~= identical within the float tolerance; != differs (counterexample found); "
                + "if identical only under a condition";
    }

    /** Column ids P1, P2, ... */
    public static List<String> columnIds(Analysis.Result r) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < r.grid().pools().size(); i++) {
            out.add("P" + (i + 1));
        }
        return out;
    }

    /** Counts of identical, conditional and differing cells. */
    public static int[] counts(Analysis.Result r) {
        int[] n = new int[3];
        for (Cell c : r.cells()) {
            n[c.verdict().kind().ordinal()]++;
        }
        return n;
    }
}
