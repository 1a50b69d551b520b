package org.poolact.cli.output;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;

import org.poolact.cli.order.OrderComparison.Counts;
import org.poolact.cli.order.OrderComparison.NonFinite;
import org.poolact.cli.order.OrderComparison.Result;
import org.poolact.lab.order.Fmt;
import org.poolact.tensor.DType;
import org.poolact.tensor.Tensor;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Shows one comparison of the two orders: as text (the printouts, then what this run measured, then
 * the general rule, kept apart) or as the JSON object of {@code poolact compare}.
 */
public final class OrderReport {
    /** Text width of wrapped paragraphs. */
    static final int WIDTH = 100;

    private OrderReport() {
    }

    /** The JSON object: the fields of {@code compare --format json}. */
    public static ObjectNode json(Result r) {
        ObjectNode o = Json.object();
        o.set("input_shape", Json.ints(r.inputShape()));
        o.put("act", r.act().spec());
        o.set("pool", Json.tree(r.pool().toJson()));
        o.set("act_then_pool", Json.tensor(r.actThenPool()));
        o.set("pool_then_act", Json.tensor(r.poolThenAct()));
        o.put("equal", r.equal());
        o.put("equal_nan", r.equalNan());
        // NOTE: float32 outputs give their difference as a float32 too (0.06966142, not 0.0696614235639572).
        if (r.actThenPool().dtype() == DType.FLOAT32) {
            o.put("max_abs_diff", (float) r.maxAbsDiff());
        } else {
            o.put("max_abs_diff", r.maxAbsDiff());
        }
        o.put("differing_outputs", r.differingOutputs());
        o.set("nonzero", counts(r.nonzero()));
        o.set("grad_nonzero_inputs", counts(r.gradNonzeroInputs()));
        o.put("output_numel", r.outputNumel());
        o.put("input_numel", r.inputNumel());
        NonFinite nf = r.inputNonFinite();
        ObjectNode nonFinite = o.putObject("input_non_finite");
        nonFinite.put("nan", nf.nan());
        nonFinite.put("pos_inf", nf.posInf());
        nonFinite.put("neg_inf", nf.negInf());
        o.put("verdict", r.verdict().kind().label());
        o.put("exactness", r.verdict().exactness().label());
        o.put("rule", r.verdict().rule());
        o.put("rule_always_equal", r.ruleAlwaysEqual());
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
     * @param inputName     what the pooled map is called in formulas, e.g. {@code x} or {@code conv_out}
     * @param extraMeasured more lines for the "Measured in this run" section
     */
    public static void text(PrintWriter out, Result r, String inputName, List<String> extraMeasured) {
        String f = r.act().engineSpec().name();
        String pool = r.pool().opName();
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
        if (r.firstDifference() != null) {
            int[] at = r.firstDifference();
            out.println("  differing outputs:    " + r.differingOutputs() + " of " + r.outputNumel() + ", first at "
                    + Arrays.toString(at) + ": act -> pool " + number(valueAt(r.actThenPool(), at))
                    + ", pool -> act " + number(valueAt(r.poolThenAct(), at)));
        }
        out.println("  non-zero outputs:     act -> pool " + r.nonzero().actThenPool() + " of " + r.outputNumel()
                + ", pool -> act " + r.nonzero().poolThenAct() + " of " + r.outputNumel());
        out.println("  elements of " + inputName + " with non-zero gradient (backward of each output's sum):");
        out.println("                        act -> pool " + r.gradNonzeroInputs().actThenPool() + " of "
                + r.inputNumel() + ", pool -> act " + r.gradNonzeroInputs().poolThenAct() + " of " + r.inputNumel());
        for (String line : extraMeasured) {
            out.println("  " + line);
        }
        out.println(wrap("=> " + conclusion(r, inputName), "  ", "     "));
        out.println("General rule (holds for every input):");
        out.println(wrap(r.verdict().rule(), "  ", "  "));
        out.flush();
    }

    private static double valueAt(Tensor t, int[] index) {
        int flat = 0;
        for (int d = 0; d < index.length; d++) {
            flat = flat * t.size(d) + index[d];
        }
        return t.getFlat(flat);
    }

    /** Word-wraps {@code text} at {@value #WIDTH} columns. */
    static String wrap(String text, String firstIndent, String indent) {
        StringBuilder done = new StringBuilder();
        StringBuilder line = new StringBuilder(firstIndent);
        boolean empty = true;
        for (String word : text.split(" ")) {
            if (!empty && line.length() + 1 + word.length() > WIDTH) {
                done.append(line).append('\n');
                line = new StringBuilder(indent);
                empty = true;
            }
            line.append(empty ? "" : " ").append(word);
            empty = false;
        }
        return done.append(line).toString();
    }

    /** One sentence on what this run showed, set against the rule. */
    static String conclusion(Result r, String inputName) {
        StringBuilder sb = new StringBuilder();
        if (r.equal() || r.equalNan()) {
            sb.append("the two orders are equal on this input");
            if (!r.ruleAlwaysEqual()) {
                sb.append(", but only by chance of the numbers: the rule below does not guarantee it");
            }
        } else {
            sb.append("the two orders differ on this input (max abs difference ").append(number(r.maxAbsDiff()))
                    .append(")");
            if (r.ruleAlwaysEqual()) {
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
                    .append(Math.abs(gA - gB)).append(" more element").append(Math.abs(gA - gB) == 1 ? "" : "s")
                    .append(" of ").append(inputName);
        }
        return sb.append('.').toString();
    }

    /** A measured number: up to 4 significant digits, or nan/inf as PyTorch prints them. */
    static String number(double v) {
        return Fmt.num(v);
    }
}
