package org.poolact.lab.order;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.poolact.nn.functional.ActivationSpec;
import org.poolact.nn.functional.Size2;

/**
 * The rows and columns of an analysis. The default rows are the engine's
 * {@link ActivationSpec#analysisGrid()} (parametric activations at the parameter signs that change
 * the answer), {@code leaky_relu:-1.0} (which is |x|), and the learned-parameter rows
 * {@code prelu:learned} and {@code affine:learned}. The default columns cover every pooling over
 * kernel/stride/padding/ceil_mode settings with overlapping windows and padding.
 *
 * @param rows  the activation rows
 * @param pools the pooling columns
 */
public record GridSpec(List<Row> rows, List<PoolConfig> pools) {

    /** The default rows. */
    public static List<Row> defaultRows() {
        List<Row> out = new ArrayList<>();
        for (ActivationSpec s : ActivationSpec.analysisGrid()) {
            out.add(new Row(EngineActivation.of(s), null));
            if (s.toString().equals("leaky_relu:-0.1")) {
                out.add(Row.parse("leaky_relu:-1.0"));
            }
            if (s.toString().equals("prelu:-0.5")) {
                out.add(new Row(null, ActivationFamily.preluLearned()));
            }
        }
        out.add(new Row(null, ActivationFamily.affineLearned()));
        return out;
    }

    /** The default columns. */
    public static List<PoolConfig> defaultPools() {
        return List.of(
                PoolConfig.max(2, 2, 0, false),
                PoolConfig.max(3, 2, 1, false),
                PoolConfig.max(3, 1, 1, false),
                PoolConfig.max(3, 2, 0, true),
                PoolConfig.avg(2, 2, 0, false, true, null),
                PoolConfig.avg(3, 2, 1, false, true, null),
                PoolConfig.avg(3, 2, 1, false, false, null),
                PoolConfig.avg(3, 1, 1, false, true, null),
                PoolConfig.avg(3, 2, 1, true, true, null),
                PoolConfig.avg(2, 2, 0, false, true, 3),
                PoolConfig.lp(1, 2, 2, false),
                PoolConfig.lp(2, 2, 2, false),
                PoolConfig.lp(2, 3, 2, true),
                PoolConfig.adaptive(PoolType.ADAPTIVE_AVG, 2, 2),
                PoolConfig.adaptive(PoolType.ADAPTIVE_AVG, 1, 1),
                PoolConfig.adaptive(PoolType.ADAPTIVE_MAX, 2, 2));
    }

    /**
     * Pool options from the command line (null = not given).
     *
     * @param kernel          kernel_size
     * @param stride          stride
     * @param padding         padding
     * @param ceilMode        ceil_mode
     * @param countIncludePad count_include_pad (avg)
     * @param divisorOverride divisor_override (avg)
     * @param normType        norm_type (lp: 1 or 2)
     * @param outputSize      output_size (adaptive)
     */
    public record PoolOptions(Size2 kernel, Size2 stride, Size2 padding, Boolean ceilMode, Boolean countIncludePad,
                              Integer divisorOverride, Double normType, Size2 outputSize) {
        /** No option given. */
        public static PoolOptions none() {
            return new PoolOptions(null, null, null, null, null, null, null, null);
        }

        boolean any() {
            return kernel != null || stride != null || padding != null || ceilMode != null || countIncludePad != null
                    || divisorOverride != null || normType != null || outputSize != null;
        }
    }

    /**
     * The grid the command line asks for.
     *
     * @param acts  comma-separated SPECs, or null for the default rows
     * @param pools comma-separated pooling names ({@link PoolType#labels()}), or null for all
     * @param opts  pool options; when any is given, each chosen pooling gets one column built from them
     * @throws IllegalArgumentException for unknown names (listing the valid ones), options that no
     *                                  chosen pooling takes or that contradict each other, invalid
     *                                  pool arguments, and an empty grid
     */
    public static GridSpec parse(String acts, String pools, PoolOptions opts) {
        List<Row> rows;
        if (acts == null) {
            rows = defaultRows();
        } else {
            rows = new ArrayList<>();
            Set<String> seen = new LinkedHashSet<>();
            for (String s : acts.split(",")) {
                if (s.isBlank()) {
                    continue;
                }
                Row r = Row.parse(s);
                if (seen.add(r.spec())) {
                    rows.add(r);
                }
            }
        }
        Set<PoolType> types = new LinkedHashSet<>();
        if (pools == null) {
            types.addAll(List.of(PoolType.values()));
        } else {
            for (String s : pools.split(",")) {
                if (!s.isBlank()) {
                    types.add(PoolType.parse(s));
                }
            }
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("analyze: the grid is empty: --acts names no activation");
        }
        if (types.isEmpty()) {
            throw new IllegalArgumentException("analyze: the grid is empty: --pools names no pooling; valid names: "
                    + String.join(", ", PoolType.labels()));
        }
        List<PoolConfig> cols = new ArrayList<>();
        if (opts == null || !opts.any()) {
            for (PoolConfig c : defaultPools()) {
                if (types.contains(c.type())) {
                    cols.add(c);
                }
            }
        } else {
            checkOptions(types, opts);
            for (PoolType t : types) {
                cols.add(build(t, opts).validate());
            }
        }
        return new GridSpec(List.copyOf(rows), List.copyOf(cols));
    }

    private static void checkOptions(Set<PoolType> types, PoolOptions o) {
        boolean windowed = types.stream().anyMatch(PoolType::windowed);
        boolean avg = types.contains(PoolType.AVG);
        boolean lp = types.contains(PoolType.LP);
        boolean adaptive = types.contains(PoolType.ADAPTIVE_AVG) || types.contains(PoolType.ADAPTIVE_MAX);
        requireSome(o.kernel != null || o.stride != null || o.padding != null || o.ceilMode != null, windowed,
                "--kernel/--stride/--padding/--ceil-mode", "max, avg or lp");
        requireSome(o.countIncludePad != null || o.divisorOverride != null, avg,
                "--count-include-pad/--divisor-override", "avg");
        requireSome(o.normType != null, lp, "--norm-type", "lp");
        requireSome(o.outputSize != null, adaptive, "--output-size", "adaptive_avg or adaptive_max");
        if (o.divisorOverride != null && o.countIncludePad != null) {
            throw new IllegalArgumentException("analyze: --divisor-override and --count-include-pad contradict each "
                    + "other: with divisor_override the padding count is ignored");
        }
        if (lp && o.padding != null && (o.padding.h() != 0 || o.padding.w() != 0)) {
            throw new IllegalArgumentException("analyze: --padding " + o.padding + " contradicts --pools lp: "
                    + "lp_pool2d takes no padding");
        }
        if (windowed && o.kernel == null) {
            throw new IllegalArgumentException("analyze: pool options for max/avg/lp need --kernel");
        }
        if (adaptive && o.outputSize == null) {
            throw new IllegalArgumentException("analyze: pool options for adaptive pooling need --output-size");
        }
    }

    private static void requireSome(boolean given, boolean used, String what, String who) {
        if (given && !used) {
            throw new IllegalArgumentException("analyze: " + what + " only apply to " + who
                    + " pooling, which --pools does not include");
        }
    }

    private static PoolConfig build(PoolType t, PoolOptions o) {
        if (!t.windowed()) {
            return new PoolConfig(t, null, null, null, false, true, null, 0, o.outputSize);
        }
        Size2 pad = o.padding == null ? Size2.of(0) : o.padding;
        boolean ceil = o.ceilMode != null && o.ceilMode;
        if (t == PoolType.LP) {
            double p = o.normType == null ? 2 : o.normType;
            return new PoolConfig(t, o.kernel, o.stride, Size2.of(0), ceil, true, null, p, null);
        }
        boolean cip = o.countIncludePad == null || o.countIncludePad;
        return new PoolConfig(t, o.kernel, o.stride, pad, ceil, cip, t == PoolType.AVG ? o.divisorOverride : null, 0,
                null);
    }

    /** rows x columns. */
    public int cellCount() {
        return rows.size() * pools.size();
    }
}
