package org.poolact.nn.functional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.poolact.tensor.DType;
import org.poolact.tensor.IndexTensor;
import org.poolact.tensor.Tensor;
import org.poolact.testing.GradCheck;

class MaxPool2dTest {

    /** Sweep: kernel 1..4, stride 1..3, padding 0..k/2, dilation 1..2, both ceil modes, odd 9x7 planes. */
    @Test
    void sweepMatchesTorchForwardAndGradient() {
        int cases = 0;
        for (int k = 1; k <= 4; k++) {
            for (int s = 1; s <= 3; s++) {
                for (int p = 0; p <= k / 2; p++) {
                    for (int d = 1; d <= 2; d++) {
                        for (boolean ceil : new boolean[] {false, true}) {
                            Tensor x = PoolRef.randn(cases, DType.FLOAT32, 2, 3, 9, 7);
                            MaxPool2dOptions o = MaxPool2dOptions.of(k).stride(s).padding(p).dilation(d).ceilMode(ceil);
                            final int kk = k;
                            final int ss = s;
                            final int pp = p;
                            final int dd = d;
                            PoolRef.check("max_pool2d " + o, x, t -> Pooling.maxPool2d(t, o),
                                    t -> PoolRef.maxPool(t, kk, kk, ss, ss, pp, pp, dd, dd, ceil));
                            cases++;
                        }
                    }
                }
            }
        }
        assertEquals(96, cases);
    }

    /** Non-square kernels, strides, paddings and dilations; float64 too. */
    @Test
    void rectangularArgumentsMatchTorch() {
        int[][] args = {{3, 2, 1, 2, 1, 0, 1, 2}, {2, 3, 2, 1, 0, 1, 2, 1}, {4, 1, 3, 1, 2, 0, 1, 1},
            {1, 4, 1, 3, 0, 2, 1, 1}, {3, 3, 2, 1, 1, 0, 2, 1}};
        for (int[] a : args) {
            for (boolean ceil : new boolean[] {false, true}) {
                for (DType dt : DType.values()) {
                    Tensor x = PoolRef.randn(a[0] * 31 + a[1], dt, 2, 2, 9, 8);
                    MaxPool2dOptions o = MaxPool2dOptions.of(a[0], a[1]).stride(a[2], a[3]).padding(a[4], a[5])
                            .dilation(a[6], a[7]).ceilMode(ceil);
                    PoolRef.check("max_pool2d " + o + " " + dt, x, t -> Pooling.maxPool2d(t, o),
                            t -> PoolRef.maxPool(t, a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], ceil));
                }
            }
        }
    }

    /**
     * Ties (values 0, 1, 2) and NaN: torch's gradient lands on the element it picked, so equal input
     * gradients mean we pick the same element: the first of equal maxima, the last NaN.
     */
    @Test
    void tiesAndNaNPickTheSameElementAsTorch() {
        int n = 0;
        for (int k = 2; k <= 4; k++) {
            for (int s = 1; s <= k; s++) {
                for (boolean ceil : new boolean[] {false, true}) {
                    Tensor ties = PoolRef.ties(n, DType.FLOAT32, 1, 2, 7, 7);
                    Tensor nans = PoolRef.ties(n + 1000, DType.FLOAT32, 1, 2, 7, 7);
                    for (int i = 0; i < nans.numel(); i += 3 + n % 4) {
                        nans.setFlat(i, Double.NaN);
                    }
                    int p = k / 2;
                    MaxPool2dOptions o = MaxPool2dOptions.of(k).stride(s).padding(p).ceilMode(ceil);
                    final int kk = k;
                    final int ss = s;
                    PoolRef.check("max_pool2d ties " + o, ties, t -> Pooling.maxPool2d(t, o),
                            t -> PoolRef.maxPool(t, kk, kk, ss, ss, p, p, 1, 1, ceil));
                    PoolRef.check("max_pool2d NaN " + o, nans, t -> Pooling.maxPool2d(t, o),
                            t -> PoolRef.maxPool(t, kk, kk, ss, ss, p, p, 1, 1, ceil));
                    n++;
                }
            }
        }
    }

    @Test
    void indicesFollowTorchTieAndNaNRules() {
        float nan = Float.NaN;
        Tensor x = Tensor.fromArray(new float[][][] {{{1, 3, 3, 0}, {3, 2, nan, 5}, {nan, 1, 2, 2}, {0, nan, 2, 2}}});
        Pooling.MaxPoolResult r = Pooling.maxPool2dWithIndices(x, MaxPool2dOptions.of(2));
        assertArrayEquals(new int[] {1, 2, 2}, r.indices().shape());
        // window (0,0): 1,3 / 3,2 -> first 3 at flat 1; (0,1): 3,0 / NaN,5 -> NaN at 6;
        // (1,0): NaN,1 / 0,NaN -> last NaN at 13; (1,1): all 2 -> first at 10.
        assertArrayEquals(new long[] {1, 6, 13, 10}, r.indices().data());
        assertEquals(3.0, r.output().get(0, 0, 0));
        assertTrue(Double.isNaN(r.output().get(0, 0, 1)));
        assertTrue(Double.isNaN(r.output().get(0, 1, 0)));
        // An all -inf window reports its first in-bounds element, with padding never chosen.
        Tensor inf = Tensor.full(Double.NEGATIVE_INFINITY, 1, 1, 3, 3);
        IndexTensor idx = Pooling.maxPool2dWithIndices(inf, MaxPool2dOptions.of(2).padding(1)).indices();
        assertArrayEquals(new long[] {0, 1, 3, 4}, idx.data());
    }

    @Test
    void indicesMatchGradientPlacementAndDilatedWindows() {
        // 1x1x5x5 = 0..24, kernel 2 dilation 2 stride 1: window at (0,0) reads 0,2,10,12 -> max 12.
        Tensor x = Tensor.arange(25).reshape(1, 1, 5, 5);
        Pooling.MaxPoolResult r = Pooling.maxPool2dWithIndices(x, MaxPool2dOptions.of(2).stride(1).dilation(2));
        assertArrayEquals(new int[] {1, 1, 3, 3}, r.output().shape());
        assertArrayEquals(new long[] {12, 13, 14, 17, 18, 19, 22, 23, 24}, r.indices().data());
        assertEquals("MaxPool2DWithIndicesBackward0", Pooling.maxPool2d(x.detach().requiresGrad(true), 2)
                .gradFn().name());
    }

    @Test
    void unbatchedInputEqualsBatchedOfOne() {
        Tensor x = PoolRef.randn(5, DType.FLOAT32, 3, 7, 5);
        MaxPool2dOptions o = MaxPool2dOptions.of(3).stride(2).padding(1).ceilMode(true);
        Pooling.MaxPoolResult un = Pooling.maxPool2dWithIndices(x, o);
        Pooling.MaxPoolResult b = Pooling.maxPool2dWithIndices(x.reshape(1, 3, 7, 5), o);
        assertArrayEquals(new int[] {3, 4, 3}, un.output().shape());
        assertArrayEquals(b.output().toFloatArray(), un.output().toFloatArray());
        assertArrayEquals(b.indices().data(), un.indices().data());
        PoolRef.check("max_pool2d unbatched", x, t -> Pooling.maxPool2d(t, o),
                t -> PoolRef.maxPool(t.expandDims(0), 3, 3, 2, 2, 1, 1, 1, 1, true).squeeze(0));
    }

    @Test
    void finiteDifferenceGradient() {
        for (int d = 1; d <= 2; d++) {
            MaxPool2dOptions o = MaxPool2dOptions.of(3, 2).stride(2, 1).padding(1).dilation(d).ceilMode(true);
            GradCheck.check("max_pool2d " + o, in -> Pooling.maxPool2d(in[0], o),
                    PoolRef.randn(7 + d, DType.FLOAT64, 2, 2, 6, 5));
        }
        GradCheck.check("max_pool2d unbatched overlap", in -> Pooling.maxPool2d(in[0], MaxPool2dOptions.of(3).stride(1)),
                PoolRef.randn(3, DType.FLOAT64, 2, 5, 5));
    }
}
