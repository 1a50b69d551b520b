package org.poolact.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The branch-free float relu and its backward give the bits of their branchy definitions, and the
 * whole-array kernels (Vector API and scalar) the bits of the element functions.
 */
class ReluKernelsTest {
    private static float[] specials() {
        return new float[] {0f, -0f, 1f, -1f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MIN_NORMAL, -Float.MIN_NORMAL,
            Float.MAX_VALUE, -Float.MAX_VALUE, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN,
            Float.intBitsToFloat(0xffc00000), Float.intBitsToFloat(0x7f800001), Float.intBitsToFloat(0xff800001),
            Float.intBitsToFloat(0xffffffff), Float.intBitsToFloat(0x7fffffff)};
    }

    @Test
    void reluMatchesTheBranchyFormBitForBit() {
        Random r = new Random(3);
        float[] sp = specials();
        for (int i = 0; i < 200_000; i++) {
            float x = i < sp.length ? sp[i] : i % 2 == 0 ? Float.intBitsToFloat(r.nextInt()) : (float) r.nextGaussian();
            float want = x < 0 ? 0f : x;
            assertEquals(Float.floatToRawIntBits(want), Float.floatToRawIntBits(Pointwise.reluFloat(x)),
                    "relu(" + x + ") bits " + Integer.toHexString(Float.floatToRawIntBits(x)));
        }
    }

    @Test
    void backwardMatchesTheBranchyFormBitForBit() {
        Random r = new Random(4);
        float[] sp = specials();
        for (int i = 0; i < 200_000; i++) {
            float y = i < sp.length * sp.length ? sp[i / sp.length] : Float.intBitsToFloat(r.nextInt());
            float g = i < sp.length * sp.length ? sp[i % sp.length] : (float) r.nextGaussian();
            float want = y <= 0 ? 0f : g;
            assertEquals(Float.floatToRawIntBits(want), Float.floatToRawIntBits(Pointwise.reluGradFloat(g, y)),
                    "g=" + g + " y=" + y);
        }
    }

    @Test
    void wholeArrayKernelsMatchTheElementFunctions() {
        Random r = new Random(5);
        float[] sp = specials();
        for (int n : new int[] {0, 1, 15, 16, 17, 1000, 70_001, 200_003}) {
            float[] x = new float[n];
            float[] g = new float[n];
            for (int i = 0; i < n; i++) {
                x[i] = i % 7 == 0 ? sp[r.nextInt(sp.length)] : (float) r.nextGaussian();
                g[i] = i % 5 == 0 ? sp[r.nextInt(sp.length)] : (float) r.nextGaussian();
            }
            for (Pointwise.ReluKernels k : new Pointwise.ReluKernels[] {VectorApi.RELU, Pointwise.SCALAR_RELU}) {
                float[] y = new float[n];
                k.forward(x, y, 0, n);
                float[] gi = new float[n];
                k.backward(g, y, gi, 0, n);
                for (int i = 0; i < n; i++) {
                    float want = Pointwise.reluFloat(x[i]);
                    want = want != want ? Float.NaN : want;
                    assertEquals(Float.floatToRawIntBits(want), Float.floatToRawIntBits(y[i]), k + " forward at " + i);
                    assertEquals(Float.floatToRawIntBits(Pointwise.reluGradFloat(g[i], y[i])),
                            Float.floatToRawIntBits(gi[i]), k + " backward at " + i);
                }
            }
            float[] y = new float[n];
            Pointwise.relu(x, y);
            float[] ref = new float[n];
            Pointwise.SCALAR_RELU.forward(x, ref, 0, n);
            assertArrayEquals(ref, y, "Pointwise.relu, n=" + n);
        }
    }

    @Test
    void vectorKernelsAreUsedWhenTheModuleIsPresent() {
        assertEquals("org.poolact.kernels.VectorPointwise", VectorApi.RELU.getClass().getName());
    }
}
