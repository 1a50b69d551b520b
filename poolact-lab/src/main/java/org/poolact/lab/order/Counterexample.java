package org.poolact.lab.order;

import java.util.LinkedHashMap;
import java.util.Map;

import org.poolact.tensor.Tensor;

/**
 * A smallest input found on which the two orders differ, with both outputs as the engine computes
 * them (float32, shape [1, 1, H, W] in, [1, 1, oH, oW] out).
 *
 * @param act         the function (for a learned family: the member outside the condition)
 * @param input       the H x W map
 * @param actThenPool pool(f(x))
 * @param poolThenAct f(pool(x))
 * @param maxAbsDiff  max |A - B|
 */
public record Counterexample(String act, float[][] input, float[][] actThenPool, float[][] poolThenAct,
                             double maxAbsDiff) {

    /** Builds the record from the flat input and both output tensors. */
    static Counterexample of(String act, float[] x, int h, int w, Tensor a, Tensor b) {
        int oh = a.shape()[2];
        int ow = a.shape()[3];
        double d = 0;
        for (int i = 0; i < a.numel(); i++) {
            d = Math.max(d, Math.abs((double) a.floatData()[i] - b.floatData()[i]));
        }
        return new Counterexample(act, grid(x, h, w), grid(a.floatData(), oh, ow), grid(b.floatData(), oh, ow), d);
    }

    private static float[][] grid(float[] v, int h, int w) {
        float[][] g = new float[h][w];
        for (int i = 0; i < h; i++) {
            System.arraycopy(v, i * w, g[i], 0, w);
        }
        return g;
    }

    /** The input as a [1, 1, H, W] float32 tensor. */
    public Tensor inputTensor() {
        int h = input.length;
        int w = input[0].length;
        float[] v = new float[h * w];
        for (int i = 0; i < h; i++) {
            System.arraycopy(input[i], 0, v, i * w, w);
        }
        return Tensor.wrap(v, 1, 1, h, w);
    }

    /** {@code [[-2, -1]]}-style text of a map, with exact float32 values. */
    public static String text(float[][] g) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < g.length; i++) {
            sb.append(i > 0 ? ", [" : "[");
            for (int j = 0; j < g[i].length; j++) {
                sb.append(j > 0 ? ", " : "").append(Fmt.exact(g[i][j]));
            }
            sb.append(']');
        }
        return sb.append(']').toString();
    }

    /** One line: {@code x = [[-2, -1]]: act->pool [[-0.0455]] vs pool->act [[-0.1587]]}. */
    public String summary() {
        return "x = " + text(input) + ": act->pool " + text(actThenPool) + " vs pool->act " + text(poolThenAct);
    }

    /** The JSON object: {@code act}, {@code input}, {@code act_then_pool}, {@code pool_then_act}, {@code max_abs_diff}. */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("act", act);
        m.put("input", input);
        m.put("act_then_pool", actThenPool);
        m.put("pool_then_act", poolThenAct);
        m.put("max_abs_diff", maxAbsDiff);
        return m;
    }
}
