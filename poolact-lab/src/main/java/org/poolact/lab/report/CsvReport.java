package org.poolact.lab.report;

import java.util.ArrayList;
import java.util.List;

import org.poolact.lab.order.Analysis;
import org.poolact.lab.order.Cell;
import org.poolact.lab.order.Measurements;

/** The CSV form (RFC 4180 quoting): one line per cell, measurements on the conv map. */
public final class CsvReport {
    private CsvReport() {
    }

    /** The header and one line per cell. */
    public static String render(Analysis.Result r) {
        StringBuilder sb = new StringBuilder("act,pool,verdict,condition,exactness,rule,counterexample,probe_maps,"
                + "probe_failures,max_abs_diff,mean_abs_diff,zero_fraction_act_pool,zero_fraction_pool_act,"
                + "grad_nonzero_act_pool,grad_nonzero_pool_act,grad_norm_act_pool,grad_norm_pool_act,act_evals_act_pool,"
                + "act_evals_pool_act,flops_act_pool,flops_pool_act,block_ms_act_pool,block_ms_pool_act,recommendation\r\n");
        for (Cell c : r.cells()) {
            List<Object> f = new ArrayList<>();
            f.add(c.row().spec());
            f.add(c.pool().label());
            f.add(c.verdict().kind().label());
            f.add(c.verdict().condition());
            f.add(c.verdict().exactness().label());
            f.add(c.verdict().rule());
            f.add(c.counterexample() == null ? null : c.counterexample().summary());
            f.add(c.probes() == null ? null : c.probes().maps());
            f.add(c.probes() == null ? null : c.probes().failures());
            Measurements.Result m = c.main();
            if (m == null) {
                for (int i = 0; i < 14; i++) {
                    f.add(null);
                }
            } else {
                f.add(m.maxAbsDiff());
                f.add(m.meanAbsDiff());
                f.add(m.actFirst().zeroFraction());
                f.add(m.poolFirst().zeroFraction());
                f.add(m.actFirst().gradNonzeroFraction());
                f.add(m.poolFirst().gradNonzeroFraction());
                f.add(m.actFirst().gradNorm());
                f.add(m.poolFirst().gradNorm());
                f.add(m.actFirst().actEvals());
                f.add(m.poolFirst().actEvals());
                f.add(m.actFirst().flops());
                f.add(m.poolFirst().flops());
                f.add(m.actFirst().blockMs());
                f.add(m.poolFirst().blockMs());
            }
            f.add(c.recommendation());
            for (int i = 0; i < f.size(); i++) {
                sb.append(i > 0 ? "," : "").append(field(f.get(i)));
            }
            sb.append("\r\n");
        }
        return sb.toString();
    }

    static String field(Object o) {
        if (o == null) {
            return "";
        }
        String s = o.toString();
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
