package org.poolact.nn.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

import org.poolact.tensor.Tensor;

/**
 * The float32 prelu (branch-free select, one weight per plane) against its definition written as a
 * branch, bit for bit: output, input gradient and weight gradient (a double sum in element order).
 */
class PreluFloatBitsTest {
    private static final float[] SPECIAL = {0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.POSITIVE_INFINITY,
        Float.NEGATIVE_INFINITY, Float.NaN, Float.intBitsToFloat(0xffc00001), Float.MAX_VALUE, -Float.MAX_VALUE};

    @Test
    void matchesTheBranchyDefinition() {
        Random r = new Random(31);
        int[][] shapes = {{2, 3, 5, 4}, {4, 1, 7, 7}, {3, 6}, {5}};
        for (int[] shape : shapes) {
            for (boolean shared : new boolean[] {true, false}) {
                Tensor x = Tensor.empty(org.poolact.tensor.DType.FLOAT32, shape);
                float[] xa = x.floatData();
                for (int i = 0; i < xa.length; i++) {
                    xa[i] = r.nextInt(5) == 0 ? SPECIAL[r.nextInt(SPECIAL.length)] : (float) r.nextGaussian();
                }
                int channels = shape.length > 1 ? shape[1] : 1;
                int wn = shared ? 1 : channels;
                Tensor w = Tensor.empty(org.poolact.tensor.DType.FLOAT32, wn);
                for (int c = 0; c < wn; c++) {
                    w.floatData()[c] = (float) (r.nextGaussian() * 0.5);
                }
                Tensor g = Tensor.empty(org.poolact.tensor.DType.FLOAT32, shape);
                for (int i = 0; i < xa.length; i++) {
                    g.floatData()[i] = r.nextInt(7) == 0 ? SPECIAL[r.nextInt(SPECIAL.length)] : (float) r.nextGaussian();
                }
                x.requiresGrad(true);
                w.requiresGrad(true);
                Tensor y = Activations.prelu(x, w);
                y.backward(g);
                int inner = 1;
                for (int d = 2; d < shape.length; d++) {
                    inner *= shape[d];
                }
                int span = wn == 1 ? xa.length : inner;
                double[] gw = new double[wn];
                for (int i = 0; i < xa.length; i++) {
                    int c = wn == 1 ? 0 : (i / span) % channels;
                    float v = xa[i];
                    float gi = g.floatData()[i];
                    float wantY = v > 0 ? v : w.floatData()[c] * v;
                    float wantG = v > 0 ? gi : w.floatData()[c] * gi;
                    if (!(v > 0)) {
                        gw[c] += (double) v * gi;
                    }
                    String at = java.util.Arrays.toString(shape) + " shared=" + shared + " at " + i + " x=" + v;
                    assertEquals(Float.floatToRawIntBits(wantY), Float.floatToRawIntBits(y.floatData()[i]), "y " + at);
                    assertEquals(Float.floatToRawIntBits(wantG), Float.floatToRawIntBits(x.grad().floatData()[i]),
                            "dx " + at);
                }
                for (int c = 0; c < wn; c++) {
                    assertEquals(Float.floatToRawIntBits((float) gw[c]), Float.floatToRawIntBits(w.grad().floatData()[c]),
                            "dw[" + c + "] " + java.util.Arrays.toString(shape));
                }
            }
        }
    }
}
