package org.poolact.nn.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.poolact.tensor.DType;
import org.poolact.tensor.Tensor;
import org.poolact.testing.GradCheck;
import org.poolact.testing.TorchRef;

/** F.linear against libtorch's at::linear (DJL {@code Linear.linear}) and torch.flatten (DJL {@code flatten}). */
class DenseTest {

    record Case(String name, int[] inShape, int out, boolean bias) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> sweep() {
        List<Case> cases = new ArrayList<>();
        int[][] shapes = {{4}, {1, 4}, {3, 4}, {5, 7}, {2, 3, 5}, {2, 2, 3, 6}, {64, 25}};
        int[] outs = {1, 2, 10};
        for (int[] s : shapes) {
            for (int o : outs) {
                for (boolean b : new boolean[] {true, false}) {
                    cases.add(new Case("linear x" + Arrays.toString(s) + " out=" + o + " bias=" + b, s, o, b));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sweep")
    void linearMatchesTorch(Case k) {
        long seed = k.name().hashCode();
        int in = k.inShape()[k.inShape().length - 1];
        Tensor x = FunctionalRef.randn(seed, DType.FLOAT32, k.inShape()).requiresGrad(true);
        Tensor w = FunctionalRef.randn(seed + 1, DType.FLOAT32, k.out(), in).requiresGrad(true);
        Tensor b = k.bias() ? FunctionalRef.randn(seed + 2, DType.FLOAT32, k.out()).requiresGrad(true) : null;
        Tensor y = Dense.linear(x, w, b);
        Tensor g = FunctionalRef.randn(seed + 3, DType.FLOAT32, y.shape());
        TorchRef.compareWithTorch(k.name(), y, g, new Tensor[] {x, w, b}, t -> (t[2] == null
                ? ai.djl.nn.core.Linear.linear(t[0], t[1]) : ai.djl.nn.core.Linear.linear(t[0], t[1], t[2]))
                .singletonOrThrow(), 1e-5);
    }

    @Test
    void linearGradFnNamesFollowAtLinear() {
        Tensor w = Tensor.ones(2, 3).requiresGrad(true);
        Tensor b = Tensor.zeros(2).requiresGrad(true);
        assertEquals("AddmmBackward0", Dense.linear(Tensor.ones(4, 3), w, b).gradFn().name());
        assertEquals("MmBackward0", Dense.linear(Tensor.ones(4, 3), w, null).gradFn().name());
        assertEquals("ViewBackward0", Dense.linear(Tensor.ones(5, 4, 3), w, b).gradFn().name());
        assertEquals("UnsafeViewBackward0", Dense.linear(Tensor.ones(5, 4, 3), w, null).gradFn().name());
    }

    @Test
    void finiteDifferenceGradients() {
        GradCheck.check("linear 2-D", in -> Dense.linear(in[0], in[1], in[2]), FunctionalRef.randn(1, DType.FLOAT64, 3, 4),
                FunctionalRef.randn(2, DType.FLOAT64, 2, 4), FunctionalRef.randn(3, DType.FLOAT64, 2));
        GradCheck.check("linear 3-D", in -> Dense.linear(in[0], in[1], in[2]), FunctionalRef.randn(4, DType.FLOAT64, 2, 3, 4),
                FunctionalRef.randn(5, DType.FLOAT64, 5, 4), FunctionalRef.randn(6, DType.FLOAT64, 5));
        GradCheck.check("linear 3-D no bias", in -> Dense.linear(in[0], in[1], null),
                FunctionalRef.randn(7, DType.FLOAT64, 2, 3, 4), FunctionalRef.randn(8, DType.FLOAT64, 5, 4));
        GradCheck.check("flatten", in -> Dense.flatten(in[0], 1, -1).pow(3), FunctionalRef.randn(9, DType.FLOAT64, 2, 3, 4));
    }

    @Test
    void flattenMatchesTorch() {
        Tensor x = FunctionalRef.randn(11, DType.FLOAT32, 2, 3, 4, 5);
        int[][] dims = {{0, -1}, {1, -1}, {1, 2}, {-3, -2}, {2, 3}, {0, 1}, {2, 2}};
        try (NDManager m = TorchRef.sub()) {
            NDArray t = TorchRef.toNd(m, x);
            for (int[] d : dims) {
                TorchRef.assertClose("flatten " + Arrays.toString(d), Dense.flatten(x, d[0], d[1]), t.flatten(d[0], d[1]), 0);
            }
        }
        assertSame(x, Dense.flatten(x, 2, -2), "start_dim == end_dim returns the input itself");
        Tensor r = x.requiresGrad(true);
        assertEquals("ViewBackward0", Dense.flatten(r, 1, -1).gradFn().name());
    }

    @Test
    void badInputMessages() {
        Tensor w = Tensor.zeros(2, 4);
        assertEquals("linear: expected input with last dimension in_features=4 (weight of size [2, 4]), but got input "
                + "of size [3, 5]", assertThrows(IllegalArgumentException.class,
                () -> Dense.linear(Tensor.zeros(3, 5), w, null)).getMessage());
        assertEquals("linear: expected bias of size [2] (out_features), but got bias of size [3]",
                assertThrows(IllegalArgumentException.class,
                        () -> Dense.linear(Tensor.zeros(3, 4), w, Tensor.zeros(3))).getMessage());
        assertEquals("linear: expected weight to be 2-D [out_features, in_features], but got weight of size [2, 4, 1]",
                assertThrows(IllegalArgumentException.class,
                        () -> Dense.linear(Tensor.zeros(3, 4), Tensor.zeros(2, 4, 1), null)).getMessage());
    }
}
