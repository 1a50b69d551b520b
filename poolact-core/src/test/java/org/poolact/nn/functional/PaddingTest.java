package org.poolact.nn.functional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.poolact.tensor.DType;
import org.poolact.tensor.Tensor;
import org.poolact.testing.GradCheck;
import org.poolact.testing.TorchRef;

/**
 * F.pad against torch: constant padding against libtorch's constant_pad_nd (DJL's {@code NDArray.pad}
 * is not used: its argument order is undocumented, so all modes go through {@link FunctionalRef}, which
 * composes them from torch slicing, flip and cat), forward and input gradient; plus values from
 * PyTorch's documentation, grad_fn names and error messages.
 */
class PaddingTest {

    record Case(String name, int[] shape, int left, int right, int top, int bottom, PadMode mode) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> sweep() {
        List<Case> cases = new ArrayList<>();
        int[][] amounts = {{1, 1, 1, 1}, {2, 0, 1, 3}, {0, 3, 2, 0}};
        int[][] shapes = {{2, 3, 4, 5}, {3, 4, 6}};
        for (PadMode mode : PadMode.values()) {
            for (int[] a : amounts) {
                for (int[] s : shapes) {
                    cases.add(new Case(mode + " " + java.util.Arrays.toString(a) + " on " + java.util.Arrays.toString(s),
                            s, a[0], a[1], a[2], a[3], mode));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sweep")
    void matchesTorch(Case k) {
        Tensor x = FunctionalRef.randn(k.name().hashCode(), DType.FLOAT32, k.shape()).requiresGrad(true);
        Tensor y = Padding.pad(x, k.left(), k.right(), k.top(), k.bottom(), k.mode());
        assertEquals(k.mode().gradFnName(), y.gradFn().name());
        Tensor g = FunctionalRef.randn(k.name().hashCode() + 1, DType.FLOAT32, y.shape());
        y.backward(g);
        try (NDManager m = TorchRef.sub()) {
            NDArray tx = TorchRef.toNd(m, x);
            tx.setRequiresGradient(true);
            try (GradientCollector gc = TorchRef.gradients()) {
                NDArray ty = FunctionalRef.pad(tx, k.left(), k.right(), k.top(), k.bottom(), k.mode());
                TorchRef.assertClose("pad " + k.name() + " forward", y, ty, 0);
                gc.backward(ty.mul(TorchRef.toNd(m, g)).sum());
            }
            TorchRef.assertClose("pad " + k.name() + " grad input", x.grad(), tx.getGradient(), 1e-6);
        }
    }

    @Test
    void valuesFromTheDefinition() {
        Tensor x = Tensor.fromArray(new float[][][] {{{0, 1, 2}}});
        assertArrayEquals(new float[] {2, 1, 0, 1, 2, 1, 0}, Padding.pad(x, 2, 2, 0, 0, PadMode.REFLECT).toFloatArray());
        assertArrayEquals(new float[] {0, 0, 0, 1, 2, 2, 2}, Padding.pad(x, 2, 2, 0, 0, PadMode.REPLICATE).toFloatArray());
        assertArrayEquals(new float[] {1, 2, 0, 1, 2, 0, 1}, Padding.pad(x, 2, 2, 0, 0, PadMode.CIRCULAR).toFloatArray());
        assertArrayEquals(new float[] {7, 7, 0, 1, 2, 7, 7}, Padding.pad(x, 2, 2, 0, 0, PadMode.CONSTANT, 7).toFloatArray());
        Tensor sq = Tensor.fromArray(new float[][][] {{{1, 2}, {3, 4}}});
        assertArrayEquals(new float[] {4, 3, 4, 3, 2, 1, 2, 1, 4, 3, 4, 3},
                Padding.pad(sq, 1, 1, 1, 0, PadMode.REFLECT).toFloatArray());
        assertArrayEquals(new int[] {1, 3, 4}, Padding.pad(sq, 1, 1, 1, 0, PadMode.REFLECT).shape());
        // constant padding works on 2-D inputs too
        assertArrayEquals(new int[] {4, 5}, Padding.pad(Tensor.ones(2, 2), 1, 2, 1, 1).shape());
    }

    @Test
    void finiteDifferenceGradients() {
        for (PadMode mode : PadMode.values()) {
            GradCheck.check("pad " + mode, in -> Padding.pad(in[0], 1, 2, 3, 1, mode),
                    FunctionalRef.randn(mode.ordinal(), DType.FLOAT64, 2, 3, 4, 5));
        }
    }

    @Test
    void badInputMessages() {
        Tensor x = Tensor.zeros(1, 1, 2, 3);
        assertEquals("pad: Padding size should be less than the corresponding input dimension, but got: padding (3, 0) "
                        + "at dimension 3 of input [1, 1, 2, 3]",
                assertThrows(IllegalArgumentException.class, () -> Padding.pad(x, 3, 0, 0, 0, PadMode.REFLECT)).getMessage());
        assertEquals("pad: Padding size should be less than the corresponding input dimension, but got: padding (0, 2) "
                        + "at dimension 2 of input [1, 1, 2, 3]",
                assertThrows(IllegalArgumentException.class, () -> Padding.pad(x, 0, 0, 0, 2, PadMode.REFLECT)).getMessage());
        assertEquals("pad: Padding value causes wrapping around more than once: padding (0, 3) at dimension 2 of input "
                        + "[1, 1, 2, 3] must be at most 2",
                assertThrows(IllegalArgumentException.class, () -> Padding.pad(x, 1, 1, 0, 3, PadMode.CIRCULAR)).getMessage());
        assertEquals("pad: negative padding is not supported, got padding (1, -1, 0, 0)",
                assertThrows(IllegalArgumentException.class, () -> Padding.pad(x, 1, -1, 0, 0, PadMode.CONSTANT)).getMessage());
        assertEquals("pad: expected a 3-D or 4-D input for padding mode replicate, but got input of size [2, 3]",
                assertThrows(IllegalArgumentException.class,
                        () -> Padding.pad(Tensor.zeros(2, 3), 1, 1, 1, 1, PadMode.REPLICATE)).getMessage());
        assertEquals("pad: expected an input with at least 2 dimensions for 4 padding values, but got input of size [3]",
                assertThrows(IllegalArgumentException.class, () -> Padding.pad(Tensor.zeros(3), 1, 1, 1, 1)).getMessage());
    }
}
