package org.poolact.nn.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The branch-free float relu and its backward give the bits of their branchy definitions. */
class ReluBitsTest {
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
            assertEquals(Float.floatToRawIntBits(want), Float.floatToRawIntBits(ScalarActivation.reluFloat(x)),
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
            assertEquals(Float.floatToRawIntBits(want), Float.floatToRawIntBits(ScalarActivation.zeroWhereNotPositive(g, y)),
                    "g=" + g + " y=" + y);
        }
    }
}
