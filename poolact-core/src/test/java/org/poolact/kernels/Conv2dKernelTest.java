package org.poolact.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The fast conv kernels against the plain reference on random geometries, all four entry points. */
class Conv2dKernelTest {
    private static final double TOL = 1e-5;

    /**
     * Stride 1 with output as wide as the input (the fast kernel's shifted-row im2col): the default
     * model's second conv, asymmetric paddings (left only, right only), dilation 2, a 1-wide input,
     * and a kernel taller than the input (tap rows partly outside it), with groups.
     */
    private static final Conv2dKernel.Geometry[] SAME_WIDTH = {
        new Conv2dKernel.Geometry(8, 32, 14, 14, 64, 3, 3, 1, 1, 1, 1, 1, 1, 1, 14, 14),
        new Conv2dKernel.Geometry(3, 2, 5, 6, 3, 3, 3, 1, 1, 0, 2, 1, 1, 1, 3, 6),
        new Conv2dKernel.Geometry(2, 3, 6, 5, 2, 2, 3, 1, 1, 2, 0, 1, 1, 1, 7, 5),
        new Conv2dKernel.Geometry(2, 2, 7, 7, 4, 3, 3, 1, 1, 2, 2, 2, 2, 1, 7, 7),
        new Conv2dKernel.Geometry(4, 1, 9, 1, 2, 3, 1, 1, 1, 1, 0, 1, 1, 1, 9, 1),
        new Conv2dKernel.Geometry(2, 4, 3, 8, 6, 5, 3, 1, 1, 3, 1, 1, 1, 2, 5, 8),
    };

    private static Conv2dKernel.Geometry randomGeometry(Random r) {
        int groups = 1 + r.nextInt(3);
        int cg = 1 + r.nextInt(4);
        int og = 1 + r.nextInt(5);
        int kh = 1 + r.nextInt(4);
        int kw = 1 + r.nextInt(4);
        int sh = 1 + r.nextInt(3);
        int sw = 1 + r.nextInt(3);
        int dh = 1 + r.nextInt(2);
        int dw = 1 + r.nextInt(2);
        int pt = r.nextInt(3);
        int pl = r.nextInt(3);
        int pb = r.nextInt(3);
        int pr = r.nextInt(3);
        int h = dh * (kh - 1) + 1 + r.nextInt(9);
        int w = dw * (kw - 1) + 1 + r.nextInt(9);
        int oh = Math.floorDiv(h + pt + pb - dh * (kh - 1) - 1, sh) + 1;
        int ow = Math.floorDiv(w + pl + pr - dw * (kw - 1) - 1, sw) + 1;
        int n = 1 + r.nextInt(5);
        return new Conv2dKernel.Geometry(n, cg * groups, h, w, og * groups, kh, kw, sh, sw, pt, pl, dh, dw, groups,
                oh, ow);
    }

    @Test
    void fastFloatMatchesPlainOnRandomGeometries() {
        Random r = new Random(2024);
        Conv2dKernel fast = FastConv2dKernel.ALWAYS_FLOAT;
        Conv2dKernel plain = Conv2dKernel.plain();
        for (int t = 0; t < 150; t++) {
            Conv2dKernel.Geometry g = t < SAME_WIDTH.length ? SAME_WIDTH[t] : randomGeometry(r);
            float[] in = FloatGemmTest.randn(r, g.n() * g.c() * g.h() * g.w());
            float[] w = FloatGemmTest.randn(r, g.outC() * g.colRows());
            float[] b = FloatGemmTest.randn(r, g.outC());
            float[] go = FloatGemmTest.randn(r, g.n() * g.outC() * g.colCols());
            String what = " at " + g;
            check("forward" + what, fast.forward(g, in, w, b), plain.forward(g, in, w, b));
            check("forward without bias" + what, fast.forward(g, in, w, null), plain.forward(g, in, w, null));
            check("backwardInput" + what, fast.backwardInput(g, go, w), plain.backwardInput(g, go, w));
            check("backwardWeight" + what, fast.backwardWeight(g, go, in), plain.backwardWeight(g, go, in));
            check("backwardBias" + what, fast.backwardBias(g, go), plain.backwardBias(g, go));
        }
    }

    @Test
    void fastDoublePathIsThePlainOne() {
        Random r = new Random(9);
        for (int t = 0; t < 20; t++) {
            Conv2dKernel.Geometry g = randomGeometry(r);
            double[] in = r.doubles(g.n() * g.c() * g.h() * g.w()).toArray();
            double[] w = r.doubles(g.outC() * g.colRows()).toArray();
            double[] go = r.doubles(g.n() * g.outC() * g.colCols()).toArray();
            assertArrayEquals(Conv2dKernel.plain().forward(g, in, w, null), Conv2dKernel.fast().forward(g, in, w, null));
            assertArrayEquals(Conv2dKernel.plain().backwardInput(g, go, w), Conv2dKernel.fast().backwardInput(g, go, w));
            assertArrayEquals(Conv2dKernel.plain().backwardWeight(g, go, in),
                    Conv2dKernel.fast().backwardWeight(g, go, in));
        }
    }

    private static void check(String what, float[] got, float[] want) {
        double err = FloatGemmTest.scaledError(got, want);
        assertTrue(got.length == want.length && err <= TOL, what + ": scaled error " + err);
    }
}
