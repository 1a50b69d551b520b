package org.poolact.nn.functional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.poolact.testing.BadInput.assertMessage;

import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.pooling.Pool;

import org.junit.jupiter.api.Test;
import org.poolact.tensor.Tensor;
import org.poolact.testing.TorchRef;

/** Output-size formula (against libtorch's shapes) and argument errors. */
class PoolingArgsTest {

    @Test
    void outputSizeWorkedExamples() {
        assertEquals(2, Pooling.outputSize(5, 2, 2, 0, 1, false)); // the seed post: 5x5 -> 2x2
        assertEquals(3, Pooling.outputSize(5, 2, 2, 0, 1, true));
        // ceil: 5 windows by the formula, but the 5th would start at 8 = in + pad, in the right padding.
        assertEquals(4, Pooling.outputSize(7, 2, 2, 1, 1, true));
        assertEquals(4, Pooling.outputSize(7, 2, 2, 1, 1, false));
        assertEquals(3, Pooling.outputSize(6, 3, 3, 1, 1, true)); // last window starts at 5 < 7: kept
        assertEquals(3, Pooling.outputSize(9, 3, 2, 0, 2, false)); // dilated kernel spans 5
        assertEquals(0, Pooling.outputSize(2, 3, 1, 0, 1, false));
    }

    /** Every (size 1..10, kernel 1..4, stride 1..3, padding 0..k/2, ceil) shape against torch's max and avg pools. */
    @Test
    void outputSizeMatchesTorchShapes() {
        int compared = 0;
        try (NDManager m = TorchRef.sub()) {
            for (int n = 1; n <= 10; n++) {
                NDArray x = m.ones(new ai.djl.ndarray.types.Shape(1, 1, n, 1));
                for (int k = 1; k <= 4; k++) {
                    for (int s = 1; s <= 3; s++) {
                        for (int p = 0; p <= k / 2; p++) {
                            for (boolean ceil : new boolean[] {false, true}) {
                                int ours = Pooling.outputSize(n, k, s, p, 1, ceil);
                                if (ours < 1) {
                                    final int kk = k;
                                    final int ss = s;
                                    final int pp = p;
                                    assertThrows(EngineException.class, () -> Pool.maxPool2d(x,
                                            PoolRef.pair(kk, 1), PoolRef.pair(ss, 1), PoolRef.pair(pp, 0), ceil));
                                    continue;
                                }
                                long tMax = Pool.maxPool2d(x, PoolRef.pair(k, 1), PoolRef.pair(s, 1),
                                        PoolRef.pair(p, 0), ceil).getShape().get(2);
                                long tAvg = Pool.avgPool2d(x, PoolRef.pair(k, 1), PoolRef.pair(s, 1),
                                        PoolRef.pair(p, 0), ceil, true).getShape().get(2);
                                String what = "n=" + n + " k=" + k + " s=" + s + " p=" + p + " ceil=" + ceil;
                                assertEquals(tMax, ours, what);
                                assertEquals(tAvg, ours, what);
                                compared++;
                            }
                        }
                    }
                }
            }
        }
        assertEquals(448, compared, "shapes compared");
    }

    @Test
    void badArgumentsNameOpParameterAndValues() {
        Tensor x = Tensor.ones(1, 1, 4, 4);
        assertMessage("max_pool2d: pad should be at most half of effective kernel size, but got pad=2, kernel_size=3 "
                + "and dilation=1", () -> Pooling.maxPool2d(x, MaxPool2dOptions.of(3).padding(2)));
        assertMessage("max_pool2d: pad should be smaller than or equal to half of kernel size, but got padW = 2, "
                + "padH = 2, kW = 3, kH = 3", () -> Pooling.maxPool2d(x, MaxPool2dOptions.of(3).padding(2).dilation(2)));
        assertMessage("max_pool2d: pad must be non-negative, but got pad: -1",
                () -> Pooling.maxPool2d(x, MaxPool2dOptions.of(2).padding(-1)));
        assertMessage("max_pool2d: kernel_size should be greater than zero, but got kH: 0 kW: 2",
                () -> Pooling.maxPool2d(x, MaxPool2dOptions.of(0, 2)));
        assertMessage("max_pool2d: stride should be greater than zero, but got dH: 1 dW: -1",
                () -> Pooling.maxPool2d(x, MaxPool2dOptions.of(2).stride(1, -1)));
        assertMessage("max_pool2d: dilation should be greater than zero, but got dilationH: 0 dilationW: 0",
                () -> Pooling.maxPool2d(x, MaxPool2dOptions.of(2).dilation(0)));
        assertMessage("max_pool2d: Expected 3D or 4D (batch mode) tensor with optional 0 dim batch size for input, "
                + "but got: [4, 4]", () -> Pooling.maxPool2d(Tensor.ones(4, 4), 2));
        assertMessage("max_pool2d: Expected 3D or 4D (batch mode) tensor with optional 0 dim batch size for input, "
                + "but got: [1, 0, 4, 4]", () -> Pooling.maxPool2d(Tensor.ones(1, 0, 4, 4), 2));
        assertMessage("max_pool2d: Given input size: (1x2x2). Calculated output size: (1x0x0). Output size is too small",
                () -> Pooling.maxPool2d(Tensor.ones(1, 1, 2, 2), 3));
        assertMessage("max_pool2d: Given input size: (3x5x5). Calculated output size: (3x1x0). Output size is too small",
                () -> Pooling.maxPool2d(Tensor.ones(3, 5, 5), MaxPool2dOptions.of(3).dilation(1, 3)));
        assertMessage("avg_pool2d: Given input size: (2x3x1). Calculated output size: (2x2x0). Output size is too small",
                () -> Pooling.avgPool2d(Tensor.ones(1, 2, 3, 1), AvgPool2dOptions.of(2).stride(1)));
        assertMessage("avg_pool2d: pad should be at most half of effective kernel size, but got pad=2, kernel_size=3 "
                + "and dilation=1", () -> Pooling.avgPool2d(x, AvgPool2dOptions.of(3).padding(2)));
        assertMessage("avg_pool2d: divisor must be not zero, but got divisor_override=0",
                () -> Pooling.avgPool2d(x, AvgPool2dOptions.of(2).divisorOverride(0)));
        assertMessage("adaptive_avg_pool2d: elements of output_size must be greater than 0, but got (0, 2)",
                () -> Pooling.adaptiveAvgPool2d(x, 0, 2));
        assertMessage("adaptive_max_pool2d(): Expected 3D or 4D tensor, but got: [4]",
                () -> Pooling.adaptiveMaxPool2d(Tensor.ones(4), 2));
        assertMessage("adaptive_max_pool2d(): Expected input to have non-zero size for non-batch dimensions, but input "
                + "has sizes [2, 0, 3] with dimension 1 being empty", () -> Pooling.adaptiveMaxPool2d(Tensor.ones(2, 0, 3), 2));
        assertMessage("lp_pool2d: norm_type must be a non-zero number, but got 0.0", () -> Pooling.lpPool2d(x, 0, 2));
        assertMessage("lp_pool2d: Given input size: (1x4x4). Calculated output size: (1x0x0). Output size is too small",
                () -> Pooling.lpPool2d(x, 2, 5));
    }

    /** The same bad arguments are refused by libtorch too (so our errors are not stricter than PyTorch). */
    @Test
    void torchRefusesTheSameArguments() {
        try (NDManager m = TorchRef.sub()) {
            NDArray x = m.ones(new ai.djl.ndarray.types.Shape(1, 1, 4, 4));
            assertThrows(EngineException.class, () -> Pool.maxPool2d(x, PoolRef.pair(3, 3), PoolRef.pair(3, 3),
                    PoolRef.pair(2, 2), false));
            assertThrows(EngineException.class, () -> Pool.avgPool2d(x, PoolRef.pair(3, 3), PoolRef.pair(3, 3),
                    PoolRef.pair(2, 2), false, true));
            assertThrows(EngineException.class, () -> Pool.maxPool2d(x, PoolRef.pair(5, 5), PoolRef.pair(1, 1),
                    PoolRef.pair(0, 0), false));
            assertThrows(EngineException.class, () -> Pool.maxPool2d(x, PoolRef.pair(0, 2), PoolRef.pair(1, 1),
                    PoolRef.pair(0, 0), false));
        }
    }

    @Test
    void simpleOverloadsUseTorchDefaults() {
        Tensor x = PoolRef.randn(3, org.poolact.tensor.DType.FLOAT32, 1, 2, 5, 5);
        assertArrayEquals(Pooling.maxPool2d(x, MaxPool2dOptions.of(2).stride(2).padding(0).dilation(1)).toFloatArray(),
                Pooling.maxPool2d(x, 2).toFloatArray());
        assertArrayEquals(new int[] {1, 2, 2, 2}, Pooling.avgPool2d(x, 2).shape());
        assertArrayEquals(new int[] {1, 2, 2, 2}, Pooling.lpPool2d(x, 2, 2).shape());
    }
}
