package org.poolact.cli.output;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Locale;

import org.poolact.cli.order.OrderComparison.Counts;
import org.poolact.cli.order.OrderComparison.NonFinite;
import org.poolact.cli.order.OrderComparison.Result;
import org.poolact.cli.order.PoolSpec;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Shows one comparison of the two orders: as text (the printouts, then what this run measured, then
 * the general rule, kept apart) or as the JSON object of {@code poolact compare}.
 */
public final class OrderReport {
    private OrderReport() {
    }

    /** The JSON object: the fields of {@code compare --format json}. */
    public static ObjectNode json(Result r) {
        ObjectNode o = Json.object();
        o.set("input_shape", Json.ints(r.inputShape()));
        o.put("act", r.act().spec());
        o.set("pool", pool(r.pool()));
        o.set("act_then_pool", Json.tensor(r.actThenPool()));
        o.set("pool_then_act", Json.tensor(r.poolThenAct()));
        o.put("equal", r.equal());
        o.put("equal_nan", r.equalNan());
        o.put("max_abs_diff", r.maxAbsDiff());
        o.set("nonzero", counts(r.nonzero()));
        o.set("grad_nonzero_inputs", counts(r.gradNonzeroInputs()));
        o.put("output_numel", r.outputNumel());
        o.put("input_numel", r.inputNumel());
        NonFinite nf = r.inputNonFinite();
        ObjectNode nonFinite = o.putObject("input_non_finite");
        nonFinite.put("nan", nf.nan());
        nonFinite.put("pos_inf", nf.posInf());
        nonFinite.put("neg_inf", nf.negInf());
        o.put("rule", r.rule().sentence());
        o.put("rule_always_equal", r.rule().alwaysEqual());
        return o;
    }

    private static ObjectNode pool(PoolSpec p) {
        ObjectNode o = Json.object();
        o.put("kind", p.kind().label());
        o.set("kernel", Json.ints(p.kernel().h(), p.kernel().w()));
        o.set("stride", Json.ints(p.effectiveStride().h(), p.effectiveStride().w()));
        o.set("padding", Json.ints(p.padding().h(), p.padding().w()));
        o.put("ceil_mode", p.ceilMode());
        o.put("count_include_pad", p.countIncludePad());
        return o;
    }

    private static ObjectNode counts(Counts c) {
        ObjectNode o = Json.object();
        o.put("act_then_pool", c.actThenPool());
        o.put("pool_then_act", c.poolThenAct());
        return o;
    }

    /**
     * The readable form.
     *
     * @param inputName what the pooled map is called in formulas, e.g. {@code x} or {@code conv_out}
     */
    public static void text(PrintWriter out, Result r, String inputName) {
        String f = r.act().name();
        String pool = r.pool().kind().label() + "_pool";
        out.println("act -> pool:  " + pool + "(" + f + "(" + inputName + "))");
        out.println(r.actThenPool());
        out.println("pool -> act:  " + f + "(" + pool + "(" + inputName + "))");
        out.println(r.poolThenAct());
        out.println();
        out.println("Measured in this run:");
        NonFinite nf = r.inputNonFinite();
        if (nf.any()) {
            out.println("  input holds " + nf.nan() + " NaN, " + nf.posInf() + " +inf, " + nf.negInf()
                    + " -inf; they propagate as in PyTorch");
        }
        out.println("  equal (exact float):  " + (r.equal() ? "yes" : "no")
                + (!r.equal() && r.equalNan() ? " (NaN != NaN; equal with NaN matching NaN)" : ""));
        out.println("  max abs difference:   " + number(r.maxAbsDiff()));
        out.println("  non-zero outputs:     act -> pool " + r.nonzero().actThenPool() + " of " + r.outputNumel()
                + ", pool -> act " + r.nonzero().poolThenAct() + " of " + r.outputNumel());
        out.println("  inputs with non-zero gradient (backward of each output's sum):");
        out.println("                        act -> pool " + r.gradNonzeroInputs().actThenPool() + " of "
                + r.inputNumel() + ", pool -> act " + r.gradNonzeroInputs().poolThenAct() + " of " + r.inputNumel());
        out.println("  => " + conclusion(r));
        out.println("General rule (holds for every input):");
        out.println("  " + r.rule().sentence());
        out.flush();
    }

    /** One sentence on what this run showed, set against the rule. */
    static String conclusion(Result r) {
        StringBuilder sb = new StringBuilder();
        if (r.equal() || r.equalNan()) {
            sb.append("the two orders are equal on this input");
            if (!r.rule().alwaysEqual()) {
                sb.append(", but only by chance of the numbers: the rule below does not guarantee it");
            }
        } else {
            sb.append("the two orders differ on this input (max abs difference ").append(number(r.maxAbsDiff()))
                    .append(")");
            if (r.rule().alwaysEqual()) {
                sb.append(r.maxAbsDiff() < 1e-5 ? ", by float rounding only" : "; this contradicts the rule below");
            }
        }
        int zerosA = r.outputNumel() - r.nonzero().actThenPool();
        int zerosB = r.outputNumel() - r.nonzero().poolThenAct();
        if (zerosA != zerosB) {
            sb.append("; ").append(zerosB > zerosA ? "pool -> act" : "act -> pool").append(" has ")
                    .append(Math.abs(zerosB - zerosA)).append(" more zero output").append(Math.abs(zerosB - zerosA) == 1 ? "" : "s");
        }
        int gA = r.gradNonzeroInputs().actThenPool();
        int gB = r.gradNonzeroInputs().poolThenAct();
        if (gA != gB) {
            sb.append("; ").append(gA > gB ? "act -> pool" : "pool -> act").append(" passes gradient to ")
                    .append(Math.abs(gA - gB)).append(" more input").append(Math.abs(gA - gB) == 1 ? "" : "s");
        }
        return sb.append('.').toString();
    }

    /** A measured number: up to 4 significant digits, or NaN/inf as PyTorch prints them. */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "nan";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == 0) {
            return "0";
        }
        return String.format(Locale.ROOT, "%.4g", v);
    }

    /** {@code [1, 1, 5, 5]}. */
    static String shape(int[] s) {
        return Arrays.toString(s);
    }
}
