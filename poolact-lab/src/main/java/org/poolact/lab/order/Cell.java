package org.poolact.lab.order;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer for one activation row and one pooling column.
 *
 * @param row            the row
 * @param pool           the pooling
 * @param verdict        the verdict and its rule
 * @param counterexample the shrunk counterexample (differs and conditional), else null
 * @param probes         the random probes of an identical (or conditional, inside the condition) verdict, else null
 * @param measurements   the measurements on the randn and conv maps (empty when not measured)
 * @param recommendation one line: which order and why
 * @param errors         disagreements between rule and engine (empty when none)
 */
public record Cell(Row row, PoolConfig pool, Verdict verdict, Counterexample counterexample, Probes.Result probes,
                   List<Measurements.Result> measurements, String recommendation, List<String> errors) {

    /** The measurement on the conv map (else the randn map), or null. */
    public Measurements.Result main() {
        Measurements.Result out = null;
        for (Measurements.Result m : measurements) {
            if (out == null || m.map().equals("conv")) {
                out = m;
            }
        }
        return out;
    }

    /** The JSON object of the cell. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("act", row.spec());
        m.put("pool", pool.toJson());
        m.put("verdict", verdict.kind().label());
        m.put("rule", verdict.rule());
        if (verdict.condition() != null) {
            m.put("condition", verdict.condition());
        }
        m.put("exactness", verdict.exactness().label());
        if (counterexample != null) {
            m.put("counterexample", counterexample.toJson());
        }
        if (probes != null) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("maps", probes.maps());
            p.put("outputs", probes.outputs());
            p.put("failures", probes.failures());
            p.put("max_abs_diff", probes.maxAbsDiff());
            p.put("equality", pool.type().maxLike() || verdict.exactness() == Verdict.Exactness.BIT_EXACT
                    ? "exact float32 equality" : Orders.TOLERANCE_DOC);
            m.put("probes", p);
        }
        List<Object> ms = new ArrayList<>();
        for (Measurements.Result r : measurements) {
            ms.add(r.toJson());
        }
        m.put("measurements", ms);
        m.put("recommendation", recommendation);
        m.put("errors", errors);
        return m;
    }
}
