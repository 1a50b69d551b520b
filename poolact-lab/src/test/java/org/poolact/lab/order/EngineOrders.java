package org.poolact.lab.order;

import java.util.Map;

import org.poolact.autograd.GradMode;
import org.poolact.nn.functional.ActivationSpec;
import org.poolact.nn.functional.AvgPool2dOptions;
import org.poolact.nn.functional.LPPool2dOptions;
import org.poolact.nn.functional.MaxPool2dOptions;
import org.poolact.nn.functional.Pooling;
import org.poolact.nn.functional.Size2;
import org.poolact.tensor.Tensor;

/**
 * Test-side reconstruction of both orders straight from the engine's public ops, from the JSON
 * objects an analysis writes (the act SPEC and the pool object): independent of the lab's own
 * {@link PoolConfig#apply} and {@link Orders}, so a reproduced counterexample is the engine's word.
 */
final class EngineOrders {
    private EngineOrders() {
    }

    /** f as the engine applies it: ActivationSpec for activations, x * a + b for {@code affine:a:b}. */
    static Tensor act(String spec, Tensor x) {
        if (spec.startsWith("affine:")) {
            String[] p = spec.split(":");
            float a = Float.parseFloat(p[1]);
            float b = Float.parseFloat(p[2]);
            return x.mul((double) a).add((double) b);
        }
        return ActivationSpec.parse(spec).apply(x);
    }

    /** The pooling the JSON object {@code pool} describes, through {@link Pooling}. */
    static Tensor pool(Map<String, Object> pool, Tensor x) {
        String kind = (String) pool.get("kind");
        switch (kind) {
            case "adaptive_avg":
                return Pooling.adaptiveAvgPool2d(x, size(pool.get("output_size")));
            case "adaptive_max":
                Size2 o = size(pool.get("output_size"));
                return Pooling.adaptiveMaxPool2d(x, o.h(), o.w());
            default:
                break;
        }
        Size2 k = size(pool.get("kernel"));
        Size2 s = size(pool.get("stride"));
        Size2 p = size(pool.get("padding"));
        boolean ceil = (Boolean) pool.get("ceil_mode");
        switch (kind) {
            case "max":
                return Pooling.maxPool2d(x, MaxPool2dOptions.of(k).stride(s).padding(p).ceilMode(ceil));
            case "avg":
                return Pooling.avgPool2d(x, new AvgPool2dOptions(k, s, p, ceil, (Boolean) pool.get("count_include_pad"),
                        (Integer) pool.get("divisor_override")));
            case "lp":
                return Pooling.lpPool2d(x, new LPPool2dOptions((Double) pool.get("norm_type"), k, s, ceil));
            default:
                throw new AssertionError(kind);
        }
    }

    /** {act -> pool, pool -> act} on x. */
    static Tensor[] both(String spec, Map<String, Object> pool, Tensor x) {
        try (GradMode.Scope ignored = GradMode.noGrad()) {
            return new Tensor[] {pool(pool, act(spec, x)), act(spec, pool(pool, x))};
        }
    }

    private static Size2 size(Object o) {
        int[] v = (int[]) o;
        return Size2.of(v[0], v[1]);
    }
}
