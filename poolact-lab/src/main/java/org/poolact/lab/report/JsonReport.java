package org.poolact.lab.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.poolact.lab.order.Analysis;
import org.poolact.lab.order.Cell;
import org.poolact.lab.order.Claims;
import org.poolact.lab.order.Measurements;
import org.poolact.lab.order.Orders;
import org.poolact.lab.order.PoolConfig;
import org.poolact.lab.order.PropertyCheck;
import org.poolact.lab.order.Row;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The JSON form: one object with the run's settings, the property checks, {@code cells} (per cell:
 * {@code act}, {@code pool}, {@code verdict}, {@code rule}, {@code condition}, {@code counterexample},
 * {@code probes}, {@code measurements}, {@code recommendation}), {@code claims} and {@code errors}.
 * Non-finite numbers are written as null.
 */
public final class JsonReport {
    private JsonReport() {
    }

    /** The object as nested maps and lists. */
    public static Map<String, Object> toMap(Analysis.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seed", r.settings().seed());
        m.put("probes_per_cell", r.settings().probes());
        m.put("tolerance", Orders.TOLERANCE_DOC);
        List<String> acts = new ArrayList<>();
        for (Row row : r.grid().rows()) {
            acts.add(row.spec());
        }
        m.put("activations", acts);
        List<Object> pools = new ArrayList<>();
        for (PoolConfig p : r.grid().pools()) {
            pools.add(p.toJson());
        }
        m.put("pools", pools);
        int[] counts = Matrix.counts(r);
        Map<String, Object> cm = new LinkedHashMap<>();
        cm.put("identical", counts[0]);
        cm.put("differs", counts[1]);
        cm.put("conditional", counts[2]);
        m.put("counts", cm);
        if (r.maps() != null) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("randn", "N(0,1) map [1, " + Measurements.CHANNELS + ", " + Measurements.SIZE + ", "
                    + Measurements.SIZE + "]");
            s.put("conv", r.maps().conv().toString() + " on a randn image [1, 3, " + Measurements.SIZE + ", "
                    + Measurements.SIZE + "]");
            s.put("conv_ms", r.maps().convMs());
            s.put("conv_flops", r.maps().convFlops());
            s.put("block_ms", "conv forward (median of 5, measured once) + act/pool forward (best of 3, per cell)");
            m.put("measurement_setup", s);
        }
        List<Object> props = new ArrayList<>();
        for (PropertyCheck.Report p : r.properties().values()) {
            Map<String, Object> pm = new LinkedHashMap<>();
            pm.put("act", p.spec());
            pm.put("points", p.points());
            pm.put("where_decreasing", p.decreasingText());
            pm.put("decreasing_pair", p.decreasingPair());
            pm.put("minimum", p.minimum());
            pm.put("errors", p.errors());
            props.add(pm);
        }
        m.put("properties", props);
        List<Object> cells = new ArrayList<>();
        for (Cell c : r.cells()) {
            cells.add(c.toJson());
        }
        m.put("cells", cells);
        List<Object> claims = new ArrayList<>();
        for (Claims.Claim c : r.claims()) {
            claims.add(c.toJson());
        }
        m.put("claims", claims);
        m.put("errors", r.errors());
        m.put("seconds", r.seconds());
        return m;
    }

    /** The JSON text (pretty-printed). */
    public static String write(Analysis.Result r) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(sanitize(toMap(r)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("analyze: cannot write JSON: " + e.getMessage(), e);
        }
    }

    /** Replaces NaN and infinities by null, everywhere. */
    static Object sanitize(Object o) {
        if (o instanceof Double d) {
            return Double.isFinite(d) ? d : null;
        }
        if (o instanceof Float f) {
            return Float.isFinite(f) ? f : null;
        }
        if (o instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k, sanitize(v)));
            return out;
        }
        if (o instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            for (Object v : list) {
                out.add(sanitize(v));
            }
            return out;
        }
        if (o instanceof double[] a) {
            List<Object> out = new ArrayList<>();
            for (double v : a) {
                out.add(sanitize(v));
            }
            return out;
        }
        if (o instanceof float[][] g) {
            List<Object> out = new ArrayList<>();
            for (float[] row : g) {
                List<Object> rr = new ArrayList<>();
                for (float v : row) {
                    rr.add(Float.isFinite(v) ? (Object) v : null);
                }
                out.add(rr);
            }
            return out;
        }
        return o;
    }
}
