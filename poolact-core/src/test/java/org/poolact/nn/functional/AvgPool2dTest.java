package org.poolact.nn.functional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.poolact.tensor.DType;
import org.poolact.tensor.Tensor;
import org.poolact.testing.GradCheck;

class AvgPool2dTest {

    /**
     * Sweep: kernel 1..4, stride 1..3, padding 0..k/2, both ceil modes, both count_include_pad, and
     * divisor_override None / 5, on odd 7x6 planes (ceil windows overhanging the padded edge included).
     */
    @Test
    void sweepMatchesTorchForwardAndGradient() {
        int cases = 0;
        for (int k = 1; k <= 4; k++) {
            for (int s = 1; s <= 3; s++) {
                for (int p = 0; p <= k / 2; p++) {
                    for (boolean ceil : new boolean[] {false, true}) {
                        for (boolean include : new boolean[] {true, false}) {
                            for (Integer div : new Integer[] {null, 5}) {
                                Tensor x = PoolRef.randn(cases, DType.FLOAT32, 2, 3, 7, 6);
                                AvgPool2dOptions o = AvgPool2dOptions.of(k).stride(s).padding(p).ceilMode(ceil)
                                        .countIncludePad(include).divisorOverride(div);
                                final int kk = k;
                                final int ss = s;
                                final int pp = p;
                                PoolRef.check("avg_pool2d " + o, x, t -> Pooling.avgPool2d(t, o),
                                        t -> PoolRef.avgPool(t, kk, kk, ss, ss, pp, pp, ceil, include, div));
                                cases++;
                            }
                        }
                    }
                }
            }
        }
        assertEquals(192, cases);
    }

    @Test
    void rectangularArgumentsAndFloat64MatchTorch() {
        int[][] args = {{3, 2, 2, 1, 1, 0}, {2, 3, 1, 2, 0, 1}, {4, 2, 3, 3, 2, 1}, {3, 3, 2, 2, 1, 1}};
        for (int[] a : args) {
            for (boolean ceil : new boolean[] {false, true}) {
                for (boolean include : new boolean[] {true, false}) {
                    for (Integer div : new Integer[] {null, 3}) {
                        Tensor x = PoolRef.randn(a[0] * 7 + a[3], DType.FLOAT64, 1, 2, 8, 9);
                        AvgPool2dOptions o = AvgPool2dOptions.of(a[0], a[1]).stride(a[2], a[3]).padding(a[4], a[5])
                                .ceilMode(ceil).countIncludePad(include).divisorOverride(div);
                        PoolRef.check("avg_pool2d f64 " + o, x, t -> Pooling.avgPool2d(t, o),
                                t -> PoolRef.avgPool(t, a[0], a[1], a[2], a[3], a[4], a[5], ceil, include, div));
                    }
                }
            }
        }
    }

    /** The divisor rule on the ceil-mode edge, worked by hand from PyTorch's kernel. */
    @Test
    void ceilModeDivisorsClipToPaddedInputOrInput() {
        // 1x1x1x4 of ones, kernel (1,3), stride 2, padding (0,1), ceil: windows start at -1, 1, 3.
        // Last window [3, 6) is clipped to the padded input [.., 5): pool size 2 with padding, 1 without.
        Tensor x = Tensor.ones(1, 1, 1, 4);
        AvgPool2dOptions o = AvgPool2dOptions.of(1, 3).stride(1, 2).padding(0, 1).ceilMode(true);
        assertArrayEquals(new float[] {2f / 3, 1f, 0.5f}, Pooling.avgPool2d(x, o).toFloatArray(), 1e-7f);
        assertArrayEquals(new float[] {1f, 1f, 1f},
                Pooling.avgPool2d(x, o.countIncludePad(false)).toFloatArray(), 1e-7f);
        assertArrayEquals(new float[] {0.5f, 0.75f, 0.25f},
                Pooling.avgPool2d(x, o.divisorOverride(4)).toFloatArray(), 1e-7f);
        assertEquals("AvgPool2DBackward0", Pooling.avgPool2d(x.detach().requiresGrad(true), o).gradFn().name());
    }

    @Test
    void unbatchedInputMatchesTorch() {
        Tensor x = PoolRef.randn(11, DType.FLOAT32, 3, 7, 5);
        AvgPool2dOptions o = AvgPool2dOptions.of(3).stride(2).padding(1).ceilMode(true);
        assertArrayEquals(new int[] {3, 4, 3}, Pooling.avgPool2d(x, o).shape());
        PoolRef.check("avg_pool2d unbatched", x, t -> Pooling.avgPool2d(t, o),
                t -> PoolRef.avgPool(t.expandDims(0), 3, 3, 2, 2, 1, 1, true, true, null).squeeze(0));
        assertArrayEquals(Pooling.avgPool2d(x.reshape(1, 3, 7, 5), o).toFloatArray(),
                Pooling.avgPool2d(x, o).toFloatArray());
    }

    @Test
    void finiteDifferenceGradient() {
        for (boolean include : new boolean[] {true, false}) {
            for (Integer div : new Integer[] {null, 7}) {
                AvgPool2dOptions o = AvgPool2dOptions.of(3, 2).stride(2, 1).padding(1).ceilMode(true)
                        .countIncludePad(include).divisorOverride(div);
                GradCheck.check("avg_pool2d " + o, in -> Pooling.avgPool2d(in[0], o),
                        PoolRef.randn(3, DType.FLOAT64, 2, 2, 6, 5));
            }
        }
    }
}
