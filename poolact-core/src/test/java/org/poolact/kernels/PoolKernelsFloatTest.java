package org.poolact.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The float32 pooling kernels (max: 2x2 fast path and general scan; avg) against the double
 * reference kernels, bit for bit in values, indices and gradients, on data full of ties, signed
 * zeros, infinities and NaN.
 */
class PoolKernelsFloatTest {
    private static final float[] SPECIAL = {0f, -0f, 1f, -1f, 2f, Float.NaN, Float.intBitsToFloat(0xffc00001),
        Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 1f, 1f, -0f};

    private static float[] data(Random r, int n, boolean special) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = special && r.nextInt(3) == 0 ? SPECIAL[r.nextInt(SPECIAL.length)] : (float) r.nextGaussian();
        }
        return a;
    }

    private static void check(float[] in, int planes, PoolWindow g, String what) {
        int outN = planes * g.outH() * g.outW();
        double[] inD = new double[in.length];
        for (int i = 0; i < in.length; i++) {
            inD[i] = in[i];
        }
        double[] wantD = new double[outN];
        long[] wantIdx = new long[outN];
        PoolKernels.maxPool2d(inD, planes, g, wantD, wantIdx);
        float[] got = new float[outN];
        long[] gotIdx = new long[outN];
        PoolKernels.maxPool2d(in, planes, g, got, gotIdx);
        assertArrayEquals(wantIdx, gotIdx, what + ": indices");
        for (int i = 0; i < outN; i++) {
            float want = (float) wantD[i];
            boolean bothNaN = want != want && got[i] != got[i];
            if (!bothNaN) {
                assertEquals(Float.floatToRawIntBits(want), Float.floatToRawIntBits(got[i]), what + ": value at " + i);
            } else {
                // the same NaN element is taken (indices equal above), so the same bits
                assertEquals(Float.floatToRawIntBits(in[(int) (i / (g.outH() * g.outW())) * g.inH() * g.inW()
                        + (int) gotIdx[i]]), Float.floatToRawIntBits(got[i]), what + ": NaN at " + i);
            }
        }
        double[] gradOut = new double[outN];
        float[] gradOutF = new float[outN];
        Random r = new Random(outN);
        for (int i = 0; i < outN; i++) {
            gradOutF[i] = (float) r.nextGaussian();
            gradOut[i] = gradOutF[i];
        }
        double[] giD = new double[in.length];
        PoolKernels.scatterAddByIndex(gradOut, wantIdx, planes, g.inH() * g.inW(), g.outH() * g.outW(), giD, true);
        float[] gi = new float[in.length];
        PoolKernels.scatterAddByIndex(gradOutF, gotIdx, planes, g.inH() * g.inW(), g.outH() * g.outW(), gi);
        for (int i = 0; i < in.length; i++) {
            assertEquals((float) giD[i], gi[i], 0f, what + ": gradient at " + i);
        }
    }

    @Test
    void twoByTwoFastPathMatchesTheReference() {
        Random r = new Random(17);
        for (int t = 0; t < 40; t++) {
            int h = 2 + r.nextInt(12);
            int w = 2 + r.nextInt(12);
            int planes = 1 + r.nextInt(70);
            PoolWindow g = new PoolWindow(2, 2, 2, 2, 0, 0, 1, 1, h, w, h / 2, w / 2);
            check(data(r, planes * h * w, t % 2 == 0), planes, g, "2x2 h=" + h + " w=" + w + " planes=" + planes);
        }
    }

    @Test
    void generalWindowsMatchTheReference() {
        Random r = new Random(23);
        for (int t = 0; t < 40; t++) {
            int k = 1 + r.nextInt(3);
            int s = 1 + r.nextInt(3);
            int p = r.nextInt(k / 2 + 1);
            int d = 1 + r.nextInt(2);
            int h = d * (k - 1) + 1 + r.nextInt(8);
            int w = d * (k - 1) + 1 + r.nextInt(8);
            int oh = (h + 2 * p - d * (k - 1) - 1) / s + 1;
            int ow = (w + 2 * p - d * (k - 1) - 1) / s + 1;
            int planes = 1 + r.nextInt(20);
            PoolWindow g = new PoolWindow(k, k, s, s, p, p, d, d, h, w, oh, ow);
            check(data(r, planes * h * w, true), planes, g, "k=" + k + " s=" + s + " p=" + p + " d=" + d);
        }
    }

    @Test
    void avgPoolFloatKernelsMatchTheReferenceBitForBit() {
        Random r = new Random(29);
        int cases = 0;
        for (int t = 0; t < 60; t++) {
            int k = 1 + r.nextInt(3);
            int s = 1 + r.nextInt(3);
            int p = r.nextInt(k / 2 + 1);
            int h = k + r.nextInt(8);
            int w = k + r.nextInt(8);
            int oh = (h + 2 * p - k) / s + 1;
            int ow = (w + 2 * p - k) / s + 1;
            if (t % 3 == 0 && (oh * s) < h + p) {
                oh++; // a ceil_mode window that starts inside the input and is clipped
            }
            int planes = 1 + r.nextInt(12);
            boolean include = r.nextBoolean();
            Integer div = t % 4 == 0 ? Integer.valueOf(1 + r.nextInt(7)) : null;
            PoolWindow g = new PoolWindow(k, k, s, s, p, p, 1, 1, h, w, oh, ow);
            float[] in = data(r, planes * h * w, true);
            double[] inD = new double[in.length];
            for (int i = 0; i < in.length; i++) {
                inD[i] = in[i];
            }
            double[] want = new double[planes * oh * ow];
            PoolKernels.avgPool2d(inD, planes, g, include, div, want, true);
            float[] got = new float[want.length];
            PoolKernels.avgPool2d(in, planes, g, include, div, got);
            String what = "k=" + k + " s=" + s + " p=" + p + " include=" + include + " div=" + div;
            for (int i = 0; i < want.length; i++) {
                assertSameFloat((float) want[i], got[i], what + " out " + i);
            }
            float[] go = data(r, want.length, t % 2 == 0);
            double[] goD = new double[go.length];
            for (int i = 0; i < go.length; i++) {
                goD[i] = go[i];
            }
            double[] giD = new double[in.length];
            PoolKernels.avgPool2dBackward(goD, planes, g, include, div, giD, true);
            float[] gi = new float[in.length];
            PoolKernels.avgPool2dBackward(go, planes, g, include, div, gi);
            for (int i = 0; i < in.length; i++) {
                assertSameFloat((float) giD[i], gi[i], what + " grad " + i);
            }
            cases++;
        }
        assertEquals(60, cases);
    }

    /**
     * Same bits, except that any NaN equals any NaN: which NaN payload comes out of a sum depends on the
     * operand order and, in the double reference, on whether the narrowing ran interpreted or compiled.
     */
    private static void assertSameFloat(float want, float got, String what) {
        if (want != want && got != got) {
            return;
        }
        assertEquals(Float.floatToRawIntBits(want), Float.floatToRawIntBits(got), what + ": " + want + " vs " + got);
    }
}
