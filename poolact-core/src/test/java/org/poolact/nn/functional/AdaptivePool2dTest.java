package org.poolact.nn.functional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.pooling.Pool;

import org.junit.jupiter.api.Test;
import org.poolact.tensor.DType;
import org.poolact.tensor.Tensor;
import org.poolact.testing.GradCheck;
import org.poolact.testing.TorchRef;

class AdaptivePool2dTest {

    private static final int[][] SIZES = {{7, 5, 3, 2}, {7, 5, 1, 1}, {6, 6, 4, 4}, {5, 9, 5, 9}, {8, 7, 3, 5},
        {4, 4, 6, 5}, {9, 4, 2, 3}, {3, 10, 1, 4}};

    /** Output sizes that do and do not divide the input (overlapping windows), and larger than the input. */
    @Test
    void adaptiveAvgMatchesTorch() {
        for (int[] c : SIZES) {
            for (DType dt : DType.values()) {
                Tensor x = PoolRef.randn(c[0] * 13 + c[2], dt, 2, 3, c[0], c[1]);
                PoolRef.check("adaptive_avg_pool2d " + java.util.Arrays.toString(c) + " " + dt, x,
                        t -> Pooling.adaptiveAvgPool2d(t, c[2], c[3]), t -> PoolRef.adaptive(t, c[2], c[3], false));
            }
        }
        try (NDManager m = TorchRef.sub()) {
            Tensor x = PoolRef.randn(1, DType.FLOAT32, 2, 3, 5, 7);
            TorchRef.assertClose("adaptive_avg_pool2d 1x1 vs global pool", Pooling.adaptiveAvgPool2d(x, 1),
                    Pool.globalAvgPool2d(TorchRef.toNd(m, x)).reshape(2, 3, 1, 1), PoolRef.TOL);
        }
    }

    @Test
    void adaptiveMaxMatchesTorch() {
        for (int[] c : SIZES) {
            for (DType dt : DType.values()) {
                Tensor x = PoolRef.randn(c[0] * 17 + c[3], dt, 2, 3, c[0], c[1]);
                PoolRef.check("adaptive_max_pool2d " + java.util.Arrays.toString(c) + " " + dt, x,
                        t -> Pooling.adaptiveMaxPool2d(t, c[2], c[3]), t -> PoolRef.adaptive(t, c[2], c[3], true));
            }
        }
    }

    @Test
    void adaptiveWindowsAndIndices() {
        // H=5 into 3: rows [0,2), [1,4), [3,5) (floor/ceil), so windows overlap.
        assertEquals(1, org.poolact.kernels.PoolKernels.adaptiveStart(1, 3, 5));
        assertEquals(4, org.poolact.kernels.PoolKernels.adaptiveEnd(1, 3, 5));
        Tensor x = Tensor.arange(25).reshape(1, 5, 5);
        Pooling.MaxPoolResult r = Pooling.adaptiveMaxPool2dWithIndices(x, Size2.of(3, 3));
        assertArrayEquals(new long[] {6, 8, 9, 16, 18, 19, 21, 23, 24}, r.indices().data());
        float nan = Float.NaN;
        Tensor t = Tensor.fromArray(new float[][][] {{{2, 2, nan}, {nan, 2, 1}}});
        Pooling.MaxPoolResult one = Pooling.adaptiveMaxPool2dWithIndices(t, Size2.of(1, 2));
        // columns [0,2) and [1,3): ties take the first 2, NaN the last NaN.
        assertArrayEquals(new long[] {3, 2}, one.indices().data());
        assertTrue(Double.isNaN(one.output().getFlat(0)));
        assertEquals("AdaptiveMaxPool2DBackward0",
                Pooling.adaptiveMaxPool2d(x.detach().requiresGrad(true), 2).gradFn().name());
        assertEquals("AdaptiveAvgPool2DBackward0",
                Pooling.adaptiveAvgPool2d(x.detach().requiresGrad(true), 2).gradFn().name());
        assertEquals("MeanBackward1", Pooling.adaptiveAvgPool2d(x.detach().requiresGrad(true), 1).gradFn().name());
    }

    /** lp_pool2d against libtorch, composed as torch/nn/functional.py does, p = 1, 2, 3 and a fractional p. */
    @Test
    void lpPoolMatchesTorch() {
        int n = 0;
        for (double p : new double[] {1, 2, 3, 1.5}) {
            for (int k = 1; k <= 3; k++) {
                for (int s = 1; s <= 3; s++) {
                    for (boolean ceil : new boolean[] {false, true}) {
                        Tensor x = PoolRef.randn(n++, DType.FLOAT32, 2, 2, 7, 6);
                        if (p == 1.5) {
                            x = x.abs().detach(); // a fractional power of a negative base is NaN in both
                        }
                        LPPool2dOptions o = LPPool2dOptions.of(p, k).stride(s).ceilMode(ceil);
                        final int kk = k;
                        final int ss = s;
                        PoolRef.check("lp_pool2d " + o, x, t -> Pooling.lpPool2d(t, o),
                                t -> PoolRef.lpPool(t, p, kk, kk, ss, ss, ceil));
                    }
                }
            }
        }
        // p = 1 keeps negative window sums (sign(o) * relu(|o|) is o itself).
        Tensor neg = Tensor.full(-1.0, 1, 1, 2, 2);
        assertEquals(-4.0, Pooling.lpPool2d(neg, 1, 2).item());
        try (NDManager m = TorchRef.sub()) {
            TorchRef.assertClose("lp_pool2d p=1 negative", Pooling.lpPool2d(neg, 1, 2),
                    PoolRef.lpPool(TorchRef.toNd(m, neg), 1, 2, 2, 2, 2, false), PoolRef.TOL);
            Tensor r = PoolRef.randn(4, DType.FLOAT32, 1, 2, 6, 6);
            TorchRef.assertClose("lp_pool2d vs DJL lpPool2d", Pooling.lpPool2d(r, 2, 3),
                    Pool.lpPool2d(TorchRef.toNd(m, r), 2f, PoolRef.pair(3, 3), PoolRef.pair(3, 3),
                            PoolRef.pair(0, 0), false), PoolRef.TOL);
            // libtorch's own C++ lp_pool2d on negative inputs, odd p: no abs() is taken before the power.
            Tensor signed = PoolRef.randn(6, DType.FLOAT32, 1, 2, 6, 6);
            for (float p : new float[] {1f, 3f}) {
                TorchRef.assertClose("lp_pool2d signed p=" + p + " vs DJL lpPool2d", Pooling.lpPool2d(signed, p, 2),
                        Pool.lpPool2d(TorchRef.toNd(m, signed), p, PoolRef.pair(2, 2), PoolRef.pair(2, 2),
                                PoolRef.pair(0, 0), false), PoolRef.TOL);
            }
        }
        assertEquals("PowBackward0", Pooling.lpPool2d(neg.detach().requiresGrad(true), 2, 2).gradFn().name());
    }

    @Test
    void finiteDifferenceGradients() {
        GradCheck.check("adaptive_avg_pool2d 3x2", in -> Pooling.adaptiveAvgPool2d(in[0], 3, 2),
                PoolRef.randn(1, DType.FLOAT64, 2, 2, 7, 5));
        GradCheck.check("adaptive_avg_pool2d 1x1", in -> Pooling.adaptiveAvgPool2d(in[0], 1),
                PoolRef.randn(2, DType.FLOAT64, 2, 4, 3));
        GradCheck.check("adaptive_max_pool2d 3x4", in -> Pooling.adaptiveMaxPool2d(in[0], 3, 4),
                PoolRef.randn(3, DType.FLOAT64, 2, 2, 7, 6));
        for (double p : new double[] {1, 2, 3}) {
            LPPool2dOptions o = LPPool2dOptions.of(p, 2, 3).stride(1, 2).ceilMode(true);
            Tensor x = PoolRef.randn(5, DType.FLOAT64, 1, 2, 5, 6);
            if (p == 3) {
                x = x.abs().add(0.1).detach();
            }
            GradCheck.check("lp_pool2d " + o, in -> Pooling.lpPool2d(in[0], o), x);
        }
    }
}
