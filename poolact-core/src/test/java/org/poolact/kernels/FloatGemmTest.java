package org.poolact.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The fast float GEMMs against the plain (double-sum) reference on random shapes, strides and flags. */
class FloatGemmTest {
    private static final double TOL = 1e-5;

    static float[] randn(Random r, int n) {
        float[] a = new float[n];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) r.nextGaussian();
        }
        return a;
    }

    /** max |x - ref| / max(1, max |ref|), the scaled error TorchRef uses. */
    static double scaledError(float[] x, float[] ref) {
        double scale = 1;
        for (float v : ref) {
            scale = Math.max(scale, Math.abs(v));
        }
        double worst = 0;
        for (int i = 0; i < ref.length; i++) {
            worst = Math.max(worst, Math.abs(x[i] - ref[i]) / scale);
        }
        return worst;
    }

    @Test
    void vectorKernelIsSelectedWhenTheModuleIsPresent() {
        // surefire runs with --add-modules jdk.incubator.vector (parent pom), so fast() must be the Vector kernel
        boolean present = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        assertTrue(present, "tests are expected to run with the incubator module");
        assertTrue(FloatGemm.fast().name().startsWith("vector-"), FloatGemm.fast().name());
        assertEquals("java", FloatGemm.java().name());
    }

    @Test
    void fastKernelsMatchPlainOnRandomShapes() {
        Random r = new Random(7);
        FloatGemm[] kernels = {FloatGemm.fast(), FloatGemm.java()};
        int cases = 0;
        for (int t = 0; t < 120; t++) {
            int m = 1 + r.nextInt(t % 3 == 0 ? 70 : 9);
            int n = 1 + r.nextInt(t % 4 == 0 ? 100 : 40);
            int k = t % 10 == 0 ? 0 : 1 + r.nextInt(t % 5 == 0 ? 600 : 40);
            boolean ta = r.nextBoolean();
            boolean tb = r.nextBoolean();
            boolean acc = r.nextBoolean();
            float[] a = randn(r, m * k + 3);
            float[] b = randn(r, k * n + 5);
            float[] c0 = randn(r, m * n + 2);
            float[] want = c0.clone();
            FloatGemm.plain().gemm(ta, tb, m, n, k, a, 3, b, 5, want, 2, acc);
            for (FloatGemm g : kernels) {
                float[] got = c0.clone();
                g.gemm(ta, tb, m, n, k, a, 3, b, 5, got, 2, acc);
                double err = scaledError(got, want);
                assertTrue(err <= TOL, g.name() + " m=" + m + " n=" + n + " k=" + k + " transA=" + ta + " transB="
                        + tb + " accumulate=" + acc + ": scaled error " + err);
                assertEquals(c0[0], got[0], 0f, "entry before C must be untouched");
                assertEquals(c0[1], got[1], 0f, "entry before C must be untouched");
                cases++;
            }
        }
        assertEquals(240, cases);
    }

    @Test
    void stridedSubMatrixLeavesTheRestOfCUntouched() {
        Random r = new Random(11);
        int m = 13;
        int n = 37;
        int k = 29;
        int ldc = 50;
        float[] a = randn(r, m * k);
        float[] b = randn(r, k * n);
        for (FloatGemm g : new FloatGemm[] {FloatGemm.fast(), FloatGemm.java(), FloatGemm.plain()}) {
            float[] c = randn(new Random(3), m * ldc);
            float[] before = c.clone();
            g.gemm(m, n, k, a, 0, k, 1, b, 0, n, 1, c, 0, ldc, false);
            for (int i = 0; i < m; i++) {
                for (int j = n; j < ldc; j++) {
                    assertEquals(before[i * ldc + j], c[i * ldc + j], 0f, g.name() + " wrote outside C at " + i + "," + j);
                }
                for (int j = 0; j < n; j++) {
                    double s = 0;
                    for (int p = 0; p < k; p++) {
                        s += (double) a[i * k + p] * b[p * n + j];
                    }
                    assertEquals(s, c[i * ldc + j], 1e-4 * Math.max(1, Math.abs(s)), g.name() + " at " + i + "," + j);
                }
            }
        }
    }

    @Test
    void parallelSplitGivesTheSameBitsAsOneThread() {
        Random r = new Random(5);
        int[][] shapes = {{64, 128, 3136}, {64, 3136, 128}, {128, 3136, 64}, {300, 40, 70}, {5, 700, 33}};
        for (int[] s : shapes) {
            for (boolean tb : new boolean[] {false, true}) {
                float[] a = randn(r, s[0] * s[2]);
                float[] b = randn(r, s[2] * s[1]);
                float[] one = new float[s[0] * s[1]];
                float[] par = new float[s[0] * s[1]];
                FloatGemm.fast().gemm(false, tb, s[0], s[1], s[2], a, 0, b, 0, one, 0, false);
                FloatGemm.fast().gemmParallel(false, tb, s[0], s[1], s[2], a, 0, b, 0, par, 0, false);
                assertArrayEquals(one, par, java.util.Arrays.toString(s) + " transB=" + tb);
            }
        }
    }
}
