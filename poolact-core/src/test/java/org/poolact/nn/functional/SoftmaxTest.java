package org.poolact.nn.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;

import org.junit.jupiter.api.Test;
import org.poolact.tensor.DType;
import org.poolact.tensor.Tensor;
import org.poolact.testing.GradCheck;
import org.poolact.testing.RandomTensors;
import org.poolact.testing.TorchRef;

class SoftmaxTest {

    @Test
    void logSoftmaxAndSoftmaxMatchTorchOverShapesAndDims() {
        int[][] shapes = {{5}, {3, 7}, {2, 3, 4}, {2, 3, 4, 5}, {1, 10}};
        int seed = 0;
        for (int[] s : shapes) {
            for (int dim = -1; dim < s.length; dim++) {
                for (boolean log : new boolean[] {true, false}) {
                    // large scale so the max subtraction matters
                    Tensor x = RandomTensors.normal(seed++, DType.FLOAT32, 6.0, 1.0, s).requiresGrad(true);
                    Tensor up = RandomTensors.normal(seed++, s);
                    Tensor y = log ? Softmax.logSoftmax(x, dim) : Softmax.softmax(x, dim);
                    assertEquals(log ? "LogSoftmaxBackward0" : "SoftmaxBackward0", y.gradFn().name());
                    y.backward(up);
                    String what = (log ? "log_softmax " : "softmax ") + java.util.Arrays.toString(s) + " dim=" + dim;
                    try (NDManager m = TorchRef.sub()) {
                        NDArray tx = TorchRef.toNd(m, x);
                        tx.setRequiresGradient(true);
                        try (GradientCollector gc = TorchRef.gradients()) {
                            NDArray ty = log ? tx.logSoftmax(dim) : tx.softmax(dim);
                            TorchRef.assertClose(what + " forward", y, ty, 1e-6);
                            gc.backward(ty.mul(TorchRef.toNd(m, up)).sum());
                        }
                        TorchRef.assertClose(what + " grad", x.grad(), tx.getGradient(), 1e-6);
                    }
                }
            }
        }
    }

    @Test
    void stableForHugeLogits() {
        Tensor x = Tensor.fromArray(new float[] {1000f, 0f, -1000f});
        Tensor y = Softmax.logSoftmax(x, 0);
        assertEquals(0.0, y.getFlat(0), 0.0);
        assertEquals(-1000.0, y.getFlat(1), 0.0);
        assertEquals(-2000.0, y.getFlat(2), 0.0);
        assertEquals(1.0, Softmax.softmax(x, 0).getFlat(0), 0.0);
    }

    @Test
    void gradChecks() {
        GradCheck.check("log_softmax dim 1", in -> Softmax.logSoftmax(in[0], 1),
                RandomTensors.normal(1, DType.FLOAT64, 2, 0, 3, 4, 2));
        GradCheck.check("softmax dim -1", in -> Softmax.softmax(in[0], -1),
                RandomTensors.normal(2, DType.FLOAT64, 2, 0, 3, 5));
    }

    @Test
    void dimOutOfRange() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Softmax.logSoftmax(Tensor.zeros(2, 3), 2));
        assertTrue(e.getMessage().startsWith("log_softmax: dim out of range (expected to be in range of [-2, 1], but got 2)"),
                e.getMessage());
    }
}
