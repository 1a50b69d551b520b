package org.poolact.lab.order;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The poolings of poolact, by the names the command line and results use: the order analysis covers
 * all of them ({@code analyze --pools}); training builds {@code max} and {@code avg} only
 * ({@code org.poolact.lab.train.CnnBuilder.POOLS}, for {@code train --pool} and {@code study --pools}).
 */
public enum PoolType {
    /** {@code max_pool2d}: padding is -inf. */
    MAX("max"),
    /** {@code avg_pool2d}: padding is 0; count_include_pad and divisor_override choose the divisor. */
    AVG("avg"),
    /** {@code lp_pool2d} with p = 1 (a sum pool) or p = 2 (a 2-norm). */
    LP("lp"),
    /** {@code adaptive_avg_pool2d}. */
    ADAPTIVE_AVG("adaptive_avg"),
    /** {@code adaptive_max_pool2d}. */
    ADAPTIVE_MAX("adaptive_max");

    private final String label;

    PoolType(String label) {
        this.label = label;
    }

    /** The name on the command line and in JSON ({@code kind}). */
    public String label() {
        return label;
    }

    /** Max-type: the output is one of the window's values. */
    public boolean maxLike() {
        return this == MAX || this == ADAPTIVE_MAX;
    }

    /** Windowed by kernel/stride/padding (not adaptive). */
    public boolean windowed() {
        return this == MAX || this == AVG || this == LP;
    }

    /** The valid names. */
    public static List<String> labels() {
        List<String> out = new ArrayList<>();
        for (PoolType t : values()) {
            out.add(t.label);
        }
        return out;
    }

    /**
     * The pooling named {@code name} ({@code max}, {@code avg}, {@code lp}, {@code adaptive_avg},
     * {@code adaptive_max}; case and {@code -}/{@code _} ignored).
     *
     * @throws IllegalArgumentException naming the valid names
     */
    public static PoolType parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        for (PoolType t : values()) {
            if (t.label.equals(n)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown pooling '" + name.trim() + "'; valid names: "
                + String.join(", ", labels()));
    }
}
