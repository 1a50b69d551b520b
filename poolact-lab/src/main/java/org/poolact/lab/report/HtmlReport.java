package org.poolact.lab.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.poolact.lab.order.Analysis;
import org.poolact.lab.order.Cell;
import org.poolact.lab.order.Claims;
import org.poolact.lab.order.Fmt;
import org.poolact.lab.order.Measurements;
import org.poolact.lab.order.Orders;
import org.poolact.lab.order.OrderActivation;
import org.poolact.lab.order.PoolConfig;
import org.poolact.lab.order.PropertyCheck;
import org.poolact.lab.order.Verdict;
import org.poolact.tensor.Tensor;

/**
 * The self-contained HTML page of an analysis: inline CSS and SVG, no script, no network. It holds
 * the verdict matrix as a coloured grid ({@code #verdict-grid}), heatmaps of one cell's conv output
 * and both orders' outputs ({@code #heatmap-conv}, {@code #heatmap-act-pool}, {@code #heatmap-pool-act}),
 * bar charts of sparsity and gradient flow for that cell's pooling ({@code #chart-sparsity},
 * {@code #chart-gradient}), the claims ({@code #claims}), the property checks and the errors.
 */
public final class HtmlReport {
    private static final String CSS = "body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:24px;"
            + "color:#1d2330;max-width:1400px}h1{font-size:24px}h2{font-size:19px;margin-top:32px;border-bottom:1px solid "
            + "#d0d5dd}table{border-collapse:collapse}#verdict-grid td,#verdict-grid th{border:1px solid #fff;padding:0;"
            + "font-size:11px}#verdict-grid th.col{height:120px;white-space:nowrap;vertical-align:bottom}"
            + "#verdict-grid th.col div{transform:rotate(-60deg);transform-origin:left bottom;width:22px;"
            + "margin-left:12px}#verdict-grid th.row{text-align:right;padding-right:6px;font-family:monospace;"
            + "font-weight:normal}#verdict-grid td{width:34px;height:22px;text-align:center;font-family:monospace;"
            + "color:#fff}.v-identical{background:#2e8b57}.v-bit{background:#1f6f43}.v-differs{background:#c0392b}"
            + ".v-conditional{background:#d4a017}.legend span{display:inline-block;padding:2px 8px;margin-right:8px;"
            + "color:#fff;font-size:12px}.maps{display:flex;gap:24px;flex-wrap:wrap}.maps figure{margin:0}"
            + "figcaption{font-size:13px;margin-top:4px}.charts{display:flex;gap:32px;flex-wrap:wrap}"
            + ".claim{margin:12px 0;padding:8px 12px;background:#f4f6f9;border-left:4px solid #4a6fa5}"
            + ".err{color:#b00020}table.cells td,table.cells th{border:1px solid #d0d5dd;padding:3px 6px;font-size:12px;"
            + "vertical-align:top}code{font-size:12px}";

    private HtmlReport() {
    }

    /**
     * The page. The heatmaps and charts use the cell of row {@code act} and pooling label
     * {@code poolLabel} (null: relu with the first avg pooling, else the first cell).
     */
    public static String render(Analysis.Result r, String act, String poolLabel) {
        Cell focus = focus(r, act, poolLabel);
        StringBuilder sb = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>poolact analyze</title><style>" + CSS + "</style></head><body>\n");
        int[] n = Matrix.counts(r);
        sb.append("<h1>Activation before or after pooling? <code>poolact analyze</code></h1>\n<p>")
                .append(String.format(Locale.ROOT, "%d activations &times; %d poolings = %d cells: <b>%d identical</b>, "
                        + "<b>%d conditional</b>, <b>%d differ</b>. Seed %d; every identical verdict passed %d random "
                        + "probes through the engine.", r.grid().rows().size(), r.grid().pools().size(),
                        r.cells().size(), n[0], n[2], n[1], r.settings().seed(), r.settings().probes()))
                .append("</p>\n");
        grid(sb, r);
        if (r.maps() != null && focus != null) {
            heatmaps(sb, r, focus);
            charts(sb, r, focus.pool());
        }
        claims(sb, r);
        properties(sb, r);
        errors(sb, r);
        cells(sb, r);
        sb.append("</body></html>\n");
        return sb.toString();
    }

    private static Cell focus(Analysis.Result r, String act, String poolLabel) {
        if (act != null && poolLabel != null) {
            Cell c = r.cell(act, poolLabel);
            if (c == null) {
                throw new IllegalArgumentException("analyze: --report-cell " + act + "@" + poolLabel
                        + " is not a cell of this grid");
            }
            return c;
        }
        for (Cell c : r.cells()) {
            if (c.row().spec().equals("relu") && c.pool().label().startsWith("avg")) {
                return c;
            }
        }
        return r.cells().isEmpty() ? null : r.cells().get(0);
    }

    private static void grid(StringBuilder sb, Analysis.Result r) {
        sb.append("<h2>Verdict matrix</h2>\n<p class=\"legend\"><span class=\"v-bit\">== identical, bit-exact</span>"
                + "<span class=\"v-identical\">~= identical within tolerance</span><span class=\"v-conditional\">if "
                + "identical only under a condition</span><span class=\"v-differs\">!= differs</span></p>\n");
        sb.append("<table id=\"verdict-grid\"><tr><th></th>");
        for (PoolConfig p : r.grid().pools()) {
            sb.append("<th class=\"col\"><div>").append(esc(p.label())).append("</div></th>");
        }
        sb.append("</tr>\n");
        for (Cell[] row : Matrix.grid(r)) {
            sb.append("<tr><th class=\"row\">").append(esc(row[0].row().spec())).append("</th>");
            for (Cell c : row) {
                String tip = c.verdict().kind().label() + (c.verdict().condition() != null ? " only if "
                        + c.verdict().condition() : "") + ": " + c.verdict().rule()
                        + (c.counterexample() != null ? " Counterexample: " + c.counterexample().summary() : "");
                sb.append("<td class=\"").append(css(c.verdict())).append("\" title=\"").append(esc(tip)).append("\">")
                        .append(esc(Matrix.symbol(c.verdict()))).append("</td>");
            }
            sb.append("</tr>\n");
        }
        sb.append("</table>\n");
    }

    private static String css(Verdict v) {
        switch (v.kind()) {
            case IDENTICAL:
                return v.exactness() == Verdict.Exactness.BIT_EXACT ? "v-bit" : "v-identical";
            case CONDITIONAL:
                return "v-conditional";
            default:
                return "v-differs";
        }
    }

    private static void heatmaps(StringBuilder sb, Analysis.Result r, Cell focus) {
        OrderActivation f = focus.row().measured();
        Tensor conv = r.maps().convOut();
        Tensor[] ab = Orders.evaluate(f, focus.pool(), conv);
        int h = conv.shape()[2];
        int w = conv.shape()[3];
        int oh = ab[0].shape()[2];
        int ow = ab[0].shape()[3];
        float[] c0 = java.util.Arrays.copyOf(conv.floatData(), h * w);
        float[] a0 = java.util.Arrays.copyOf(ab[0].floatData(), oh * ow);
        float[] b0 = java.util.Arrays.copyOf(ab[1].floatData(), oh * ow);
        double scale = Math.max(maxAbs(a0), maxAbs(b0));
        sb.append("<h2>One cell as pictures: <code>").append(esc(f.spec())).append("</code> with ")
                .append(esc(focus.pool().label())).append("</h2>\n<p>Channel 0 of ").append(esc(r.maps().conv().toString()))
                .append(" on a random image (seed ").append(r.settings().seed()).append("), then both orders. Blue is "
                        + "negative, red positive, white 0; the two outputs share one colour scale (|v| &le; ")
                .append(Fmt.num(scale)).append("). Verdict: ").append(esc(focus.verdict().kind().label()))
                .append(focus.verdict().condition() != null ? " only if " + esc(focus.verdict().condition()) : "")
                .append(".</p>\n<div class=\"maps\">");
        heatmap(sb, "heatmap-conv", "conv output (" + h + "x" + w + ")", c0, h, w, maxAbs(c0), 256);
        heatmap(sb, "heatmap-act-pool", "act -> pool (" + oh + "x" + ow + ")", a0, oh, ow, scale, 256);
        heatmap(sb, "heatmap-pool-act", "pool -> act (" + oh + "x" + ow + ")", b0, oh, ow, scale, 256);
        sb.append("</div>\n");
    }

    private static double maxAbs(float[] v) {
        double m = 0;
        for (float x : v) {
            if (Float.isFinite(x)) {
                m = Math.max(m, Math.abs(x));
            }
        }
        return m == 0 ? 1 : m;
    }

    private static void heatmap(StringBuilder sb, String id, String caption, float[] v, int h, int w, double scale,
                                int px) {
        double cell = (double) px / Math.max(h, w);
        sb.append("<figure><svg id=\"").append(id).append("\" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
                .append(fmt(cell * w)).append("\" height=\"").append(fmt(cell * h)).append("\" viewBox=\"0 0 ")
                .append(fmt(cell * w)).append(' ').append(fmt(cell * h)).append("\" role=\"img\"><title>")
                .append(esc(caption)).append("</title>");
        for (int i = 0; i < h; i++) {
            for (int j = 0; j < w; j++) {
                float x = v[i * w + j];
                sb.append("<rect x=\"").append(fmt(j * cell)).append("\" y=\"").append(fmt(i * cell)).append("\" width=\"")
                        .append(fmt(cell)).append("\" height=\"").append(fmt(cell)).append("\" fill=\"")
                        .append(colour(x / scale)).append("\"><title>").append(Fmt.exact(x)).append("</title></rect>");
            }
        }
        sb.append("</svg><figcaption>").append(esc(caption)).append("</figcaption></figure>");
    }

    /** Diverging blue-white-red for t in [-1, 1]. */
    static String colour(double t) {
        if (!Double.isFinite(t)) {
            return "#000000";
        }
        t = Math.max(-1, Math.min(1, t));
        int r;
        int g;
        int b;
        if (t >= 0) {
            r = 255;
            g = (int) Math.round(255 * (1 - t));
            b = (int) Math.round(255 * (1 - t));
        } else {
            r = (int) Math.round(255 * (1 + t));
            g = (int) Math.round(255 * (1 + t));
            b = 255;
        }
        return String.format(Locale.ROOT, "#%02x%02x%02x", r, g, b);
    }

    private static void charts(StringBuilder sb, Analysis.Result r, PoolConfig pool) {
        List<String> names = new ArrayList<>();
        List<double[]> zeros = new ArrayList<>();
        List<double[]> grads = new ArrayList<>();
        for (Cell c : r.cells()) {
            if (!c.pool().equals(pool) || c.main() == null) {
                continue;
            }
            Measurements.Result m = c.main();
            names.add(c.row().spec());
            zeros.add(new double[] {m.actFirst().zeroFraction(), m.poolFirst().zeroFraction()});
            grads.add(new double[] {m.actFirst().gradNonzeroFraction(), m.poolFirst().gradNonzeroFraction()});
        }
        sb.append("<h2>Sparsity and gradient flow with ").append(esc(pool.label())).append("</h2>\n<p>On the conv output "
                + "map: the fraction of outputs that are exactly 0, and the fraction of conv-output positions that receive "
                + "a non-zero gradient from the backward of the output's sum (the post's \"gradient vanishing\"). "
                + "<span style=\"color:#4a6fa5\">&#9632;</span> act &rarr; pool, <span style=\"color:#e07b39\">&#9632;"
                + "</span> pool &rarr; act.</p>\n<div class=\"charts\">");
        bars(sb, "chart-sparsity", "fraction of zero outputs", names, zeros);
        bars(sb, "chart-gradient", "fraction of inputs with non-zero gradient", names, grads);
        sb.append("</div>\n");
    }

    private static void bars(StringBuilder sb, String id, String title, List<String> names, List<double[]> values) {
        int rowH = 18;
        int labelW = 130;
        int plotW = 300;
        int height = 30 + rowH * names.size() + 20;
        int width = labelW + plotW + 60;
        sb.append("<figure><svg id=\"").append(id).append("\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" role=\"img\" font-size=\"11\" font-family=\"monospace\"><title>").append(esc(title))
                .append("</title><text x=\"").append(labelW).append("\" y=\"14\" font-size=\"12\">").append(esc(title))
                .append("</text>");
        for (int i = 0; i <= 4; i++) {
            double x = labelW + plotW * i / 4.0;
            sb.append("<line x1=\"").append(fmt(x)).append("\" y1=\"22\" x2=\"").append(fmt(x)).append("\" y2=\"")
                    .append(height - 18).append("\" stroke=\"#d0d5dd\"/><text x=\"").append(fmt(x - 8)).append("\" y=\"")
                    .append(height - 6).append("\">").append(i * 25).append("%</text>");
        }
        for (int i = 0; i < names.size(); i++) {
            int y = 24 + i * rowH;
            sb.append("<text x=\"").append(labelW - 6).append("\" y=\"").append(y + 12).append("\" text-anchor=\"end\">")
                    .append(esc(names.get(i))).append("</text>");
            double[] v = values.get(i);
            String[] fill = {"#4a6fa5", "#e07b39"};
            for (int k = 0; k < 2; k++) {
                double wv = Math.max(1, plotW * v[k]);
                sb.append("<rect x=\"").append(labelW).append("\" y=\"").append(y + k * 7).append("\" width=\"")
                        .append(fmt(wv)).append("\" height=\"7\" fill=\"").append(fill[k]).append("\"><title>")
                        .append(k == 0 ? "act -> pool " : "pool -> act ").append(Fmt.pct(v[k])).append("</title></rect>");
            }
        }
        sb.append("</svg><figcaption>").append(esc(title)).append("</figcaption></figure>");
    }

    private static void claims(StringBuilder sb, Analysis.Result r) {
        sb.append("<h2>The post's claims, judged with this run</h2>\n<section id=\"claims\">");
        for (Claims.Claim c : r.claims()) {
            sb.append("<div class=\"claim\"><b>").append(c.number()).append(". ").append(esc(c.claim()))
                    .append("</b><br>Verdict: <b>").append(esc(c.verdict())).append("</b><br>").append(esc(c.evidence()))
                    .append("</div>");
        }
        sb.append("</section>\n");
    }

    private static void properties(StringBuilder sb, Analysis.Result r) {
        sb.append("<h2>Declared properties, checked numerically</h2>\n<table class=\"cells\"><tr><th>function</th>"
                + "<th>check</th><th>where it decreases</th><th>lowest point on [-20, 20]</th></tr>");
        for (PropertyCheck.Report p : r.properties().values()) {
            sb.append("<tr><td><code>").append(esc(p.spec())).append("</code></td><td")
                    .append(p.ok() ? ">ok" : " class=\"err\">ERROR").append("</td><td>").append(esc(p.decreasingText()))
                    .append("</td><td>f(").append(Fmt.num(p.minimum()[0])).append(") = ").append(Fmt.num(p.minimum()[1]))
                    .append("</td></tr>");
        }
        sb.append("</table>\n");
    }

    private static void errors(StringBuilder sb, Analysis.Result r) {
        sb.append("<h2>Errors</h2>\n");
        if (r.errors().isEmpty()) {
            sb.append("<p>None: every declared property matched the numbers, every identical verdict passed its probes, "
                    + "every differs verdict has a counterexample the engine reproduces.</p>\n");
            return;
        }
        sb.append("<ul class=\"err\">");
        for (String e : r.errors()) {
            sb.append("<li>").append(esc(e)).append("</li>");
        }
        sb.append("</ul>\n");
    }

    private static void cells(StringBuilder sb, Analysis.Result r) {
        sb.append("<h2>Every cell</h2>\n<details><summary>rule, counterexample and recommendation of each of the ")
                .append(r.cells().size()).append(" cells</summary><table class=\"cells\"><tr><th>act</th><th>pool</th>"
                        + "<th>verdict</th><th>rule</th><th>counterexample</th><th>recommendation</th></tr>");
        for (Cell c : r.cells()) {
            sb.append("<tr><td><code>").append(esc(c.row().spec())).append("</code></td><td>").append(esc(c.pool().label()))
                    .append("</td><td>").append(esc(c.verdict().kind().label()))
                    .append(c.verdict().condition() != null ? ": " + esc(c.verdict().condition()) : "").append("</td><td>")
                    .append(esc(c.verdict().rule())).append("</td><td>")
                    .append(c.counterexample() == null ? "" : esc(c.counterexample().summary())).append("</td><td>")
                    .append(esc(c.recommendation())).append("</td></tr>");
        }
        sb.append("</table></details>\n");
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** {@code s} escaped for HTML text and attribute values (&amp;, &lt;, &gt;, &quot;). */
    public static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
