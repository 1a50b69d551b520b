package org.poolact.lab.study;

import static org.poolact.lab.report.HtmlReport.esc;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

import org.poolact.io.AtomicFiles;
import org.poolact.lab.train.BlockOrder;
import org.poolact.lab.train.BlockStats;
import org.poolact.lab.train.EpochMetrics;

/**
 * A self-contained HTML page for a study (no scripts, no external files): the summary table with
 * the verdicts and, per activation x pooling cell, learning curves of test accuracy and test loss
 * per epoch as inline SVG, both orders overlaid (thin lines: seeds; thick: the mean), in the
 * analyze report's colours for the two orders.
 */
public final class StudyReport {
    private static final String COLOR_A = "#4a6fa5";
    private static final String COLOR_B = "#e07b39";
    private static final int W = 320;
    private static final int H = 200;
    private static final int PAD = 40;

    private StudyReport() {
    }

    /** Writes the report atomically to {@code file}. */
    public static void write(Path file, String title, List<RunRecord> records) throws IOException {
        AtomicFiles.writeString(file, render(title, records));
    }

    /** The page as a string. */
    public static String render(String title, List<RunRecord> records) {
        List<Summary.Cell> cells = Summary.of(records);
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(esc(title))
                .append("</title>\n<style>body{font-family:sans-serif;margin:2em;max-width:1100px}"
                        + "table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #ccc;padding:4px 6px;"
                        + "text-align:right}td.l,th.l{text-align:left}.a{color:" + COLOR_A + "}.b{color:" + COLOR_B + "}"
                        + "figure{display:inline-block;margin:0 1em 1em 0}figcaption{font-size:12px}</style></head><body>\n");
        sb.append("<h1>").append(esc(title)).append("</h1>\n");
        sb.append("<p>Order <span class=\"a\">act-pool</span> = conv, activation, pool; order <span class=\"b\">pool-act</span>"
                + " = conv, pool, activation. Same seed = same initial weights and batches for both orders (paired). "
                + "Difference = act-pool minus pool-act, final test accuracy, 95% t interval over seeds.</p>\n");
        sb.append("<table id=\"summary\"><tr><th class=\"l\">activation</th><th class=\"l\">pool</th><th>runs</th>"
                + "<th>accuracy act-pool (%)</th><th>accuracy pool-act (%)</th><th>difference (pp)</th><th>95% CI (pp)</th>"
                + "<th>s/epoch act-pool</th><th>s/epoch pool-act</th><th>zeros act-pool</th><th>zeros pool-act</th>"
                + "<th>dead act-pool</th><th>dead pool-act</th><th class=\"l\">the post's claim</th>"
                + "<th class=\"l\">verdict</th></tr>\n");
        for (Summary.Cell c : cells) {
            sb.append("<tr><td class=\"l\">").append(esc(c.act())).append("</td><td class=\"l\">").append(esc(c.pool()))
                    .append("</td><td>").append(c.actPool().n()).append('+').append(c.poolAct().n()).append("</td><td>")
                    .append(pm(c.actPool())).append("</td><td>").append(pm(c.poolAct())).append("</td><td>")
                    .append(fmt("%+.2f", 100 * c.diff().mean())).append("</td><td>")
                    .append(Double.isNaN(c.diff().ciLow()) ? "n/a"
                            : fmt("[%+.2f, %+.2f]", 100 * c.diff().ciLow(), 100 * c.diff().ciHigh()))
                    .append("</td><td>").append(fmt("%.1f", c.actPool().meanEpochSeconds())).append("</td><td>")
                    .append(fmt("%.1f", c.poolAct().meanEpochSeconds())).append("</td><td>").append(zeros(c.actPool()))
                    .append("</td><td>").append(zeros(c.poolAct())).append("</td><td>").append(dead(c.actPool()))
                    .append("</td><td>").append(dead(c.poolAct())).append("</td><td class=\"l\">").append(esc(c.claim()))
                    .append("</td><td class=\"l\">").append(esc(c.verdict())).append("</td></tr>\n");
        }
        sb.append("</table>\n<p>Zeros: fraction of exact zeros after each block (conv1, conv2, ...) on the test set "
                + "after the last epoch; dead: units zero on the whole test set.</p>\n<h2>Learning curves</h2>\n");
        for (Summary.Cell c : cells) {
            List<RunRecord> a = new ArrayList<>();
            List<RunRecord> b = new ArrayList<>();
            for (RunRecord r : records) {
                if (r.act().equals(c.act()) && r.pool().equals(c.pool())) {
                    (BlockOrder.parse(r.order()) == BlockOrder.ACT_POOL ? a : b).add(r);
                }
            }
            sb.append("<h3>").append(esc(c.act())).append(" / ").append(esc(c.pool())).append("</h3>\n");
            if (sameCurves(a, b)) {
                sb.append("<p>Both orders had the same test accuracy and loss at every epoch for every seed: the "
                        + "act-pool lines lie under the pool-act lines.</p>\n");
            }
            String id = "curve-" + c.act().replaceAll("[^A-Za-z0-9]", "_") + "-" + c.pool();
            sb.append(chart(id + "-accuracy", "test accuracy (%)", a, b, e -> 100 * e.testAccuracy()));
            sb.append(chart(id + "-loss", "test loss", a, b, EpochMetrics::testLoss));
        }
        sb.append("</body></html>\n");
        return sb.toString();
    }

    /** True when every seed has both orders and their per-epoch test accuracy and loss are equal. */
    static boolean sameCurves(List<RunRecord> a, List<RunRecord> b) {
        if (a.isEmpty() || a.size() != b.size()) {
            return false;
        }
        for (RunRecord x : a) {
            RunRecord y = b.stream().filter(r -> r.seed() == x.seed()).findFirst().orElse(null);
            if (y == null || !curve(x).equals(curve(y))) {
                return false;
            }
        }
        return true;
    }

    private static List<List<Double>> curve(RunRecord r) {
        return r.epochs().stream().map(e -> List.of(e.testAccuracy(), e.testLoss())).toList();
    }

    private static String chart(String id, String label, List<RunRecord> a, List<RunRecord> b,
                                ToDoubleFunction<EpochMetrics> f) {
        int epochs = 1;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (List<RunRecord> rs : List.of(a, b)) {
            for (RunRecord r : rs) {
                epochs = Math.max(epochs, r.epochs().size());
                for (EpochMetrics e : r.epochs()) {
                    lo = Math.min(lo, f.applyAsDouble(e));
                    hi = Math.max(hi, f.applyAsDouble(e));
                }
            }
        }
        if (!(hi > lo)) {
            lo = Double.isFinite(lo) ? lo - 1 : 0;
            hi = lo + 2;
        }
        double span = hi - lo;
        lo -= 0.05 * span;
        hi += 0.05 * span;
        StringBuilder sb = new StringBuilder("<figure><svg id=\"" + id + "\" xmlns=\"http://www.w3.org/2000/svg\" width=\"" + W
                + "\" height=\"" + H + "\" viewBox=\"0 0 " + W + " " + H + "\" role=\"img\" aria-label=\"" + esc(label)
                + "\">");
        sb.append("<rect x=\"").append(PAD).append("\" y=\"10\" width=\"").append(W - PAD - 10).append("\" height=\"")
                .append(H - PAD - 10).append("\" fill=\"none\" stroke=\"#999\"/>");
        for (int t = 0; t <= 4; t++) {
            double v = lo + (hi - lo) * t / 4;
            sb.append(fmt("<text x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\">%s</text>", PAD - 3,
                    y(v, lo, hi) + 3, fmt(span >= 10 ? "%.0f" : span >= 1 ? "%.1f" : "%.3f", v)));
        }
        for (int e = 1; e <= epochs; e++) {
            sb.append(fmt("<text x=\"%.1f\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\">%d</text>", x(e, epochs),
                    H - PAD + 14, e));
        }
        sb.append(fmt("<text x=\"%d\" y=\"%d\" font-size=\"10\" text-anchor=\"middle\">epoch</text>", (W + PAD) / 2, H - 8));
        lines(sb, a, epochs, lo, hi, f, COLOR_A);
        lines(sb, b, epochs, lo, hi, f, COLOR_B);
        sb.append("</svg><figcaption>").append(esc(label)).append(": <span class=\"a\">act-pool</span>, "
                + "<span class=\"b\">pool-act</span></figcaption></figure>\n");
        return sb.toString();
    }

    private static void lines(StringBuilder sb, List<RunRecord> rs, int epochs, double lo, double hi,
                              ToDoubleFunction<EpochMetrics> f, String color) {
        double[] sum = new double[epochs];
        int[] n = new int[epochs];
        for (RunRecord r : rs) {
            StringBuilder pts = new StringBuilder();
            for (EpochMetrics e : r.epochs()) {
                double v = f.applyAsDouble(e);
                pts.append(fmt("%.1f,%.1f ", x(e.epoch(), epochs), y(v, lo, hi)));
                sum[e.epoch() - 1] += v;
                n[e.epoch() - 1]++;
            }
            sb.append("<polyline fill=\"none\" stroke=\"").append(color).append("\" stroke-opacity=\"0.35\" points=\"")
                    .append(pts.toString().strip()).append("\"/>");
        }
        StringBuilder mean = new StringBuilder();
        for (int e = 0; e < epochs; e++) {
            if (n[e] > 0) {
                double px = x(e + 1, epochs);
                double py = y(sum[e] / n[e], lo, hi);
                mean.append(fmt("%.1f,%.1f ", px, py));
                sb.append(fmt("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"/>", px, py, color));
            }
        }
        sb.append("<polyline fill=\"none\" stroke-width=\"2.5\" stroke=\"").append(color).append("\" points=\"")
                .append(mean.toString().strip()).append("\"/>");
    }

    private static double x(int epoch, int epochs) {
        return epochs == 1 ? (W + PAD) / 2.0 : PAD + 10 + (W - PAD - 30) * (epoch - 1.0) / (epochs - 1);
    }

    private static double y(double v, double lo, double hi) {
        return 10 + (H - PAD - 10) * (hi - v) / (hi - lo);
    }

    private static String pm(Summary.OrderStats s) {
        return s.n() == 0 ? "n/a" : Double.isNaN(s.stdAccuracy()) ? fmt("%.2f", 100 * s.meanAccuracy())
                : fmt("%.2f &plusmn; %.2f", 100 * s.meanAccuracy(), 100 * s.stdAccuracy());
    }

    private static String zeros(Summary.OrderStats s) {
        StringBuilder sb = new StringBuilder();
        for (BlockStats b : s.blocks()) {
            sb.append(sb.length() == 0 ? "" : "<br>").append(esc(b.block())).append(' ')
                    .append(fmt("%.1f%%", 100 * b.zeroFraction()));
        }
        return sb.toString();
    }

    private static String dead(Summary.OrderStats s) {
        StringBuilder sb = new StringBuilder();
        for (BlockStats b : s.blocks()) {
            sb.append(sb.length() == 0 ? "" : "<br>").append(esc(b.block())).append(' ').append(b.deadUnits()).append('/')
                    .append(b.units());
        }
        return sb.toString();
    }

    private static String fmt(String f, Object... args) {
        return String.format(Locale.ROOT, f, args);
    }
}
