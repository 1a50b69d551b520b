package org.poolact.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;

import org.junit.jupiter.api.Test;
import org.poolact.tensor.DType;
import org.poolact.tensor.Tensor;
import org.poolact.testing.GradCheck;
import org.poolact.testing.TorchRef;

class TensorOpsTest {

    private static Tensor seq(DType dt, int... shape) {
        Tensor t = Tensor.empty(dt, shape);
        for (int i = 0; i < t.numel(); i++) {
            t.setFlat(i, Math.sin(i * 1.7 + 0.3) * 2);
        }
        return t;
    }

    @Test
    void broadcastArithmeticMatchesTorchForwardAndBackward() {
        int[][][] cases = {{{2, 3}, {3}}, {{4, 1, 5}, {3, 1}}, {{2, 3}, {2, 3}}, {{1}, {2, 2}}};
        for (int[][] c : cases) {
            try (NDManager m = TorchRef.sub()) {
                Tensor a = seq(DType.FLOAT32, c[0]).requiresGrad(true);
                Tensor b = seq(DType.FLOAT32, c[1]).add(3.0).detach().requiresGrad(true);
                Tensor y = a.mul(b).add(a.div(b)).sub(b);
                y.sum().backward();
                NDArray ta = TorchRef.toNd(m, a);
                NDArray tb = TorchRef.toNd(m, b);
                ta.setRequiresGradient(true);
                tb.setRequiresGradient(true);
                try (GradientCollector gc = TorchRef.gradients()) {
                    NDArray ty = ta.mul(tb).add(ta.div(tb)).sub(tb);
                    TorchRef.assertClose("broadcast fwd", y, ty, 1e-6);
                    gc.backward(ty.sum());
                }
                TorchRef.assertClose("broadcast grad a", a.grad(), ta.getGradient(), 1e-6);
                TorchRef.assertClose("broadcast grad b", b.grad(), tb.getGradient(), 1e-6);
            }
        }
    }

    @Test
    void gradientsAccumulateForSharedInputs() {
        Tensor x = Tensor.fromArray(new float[] {1f, -2f, 3f}).requiresGrad(true);
        x.mul(x).sum().backward();
        assertArrayEquals(new float[] {2f, -4f, 6f}, x.grad().toFloatArray());
        x.mul(3.0).sum().backward();
        assertArrayEquals(new float[] {5f, -1f, 9f}, x.grad().toFloatArray());
    }

    @Test
    void finiteDifferenceOfTensorOps() {
        GradCheck.check("mul/div/exp/log", in -> in[0].mul(in[1]).div(in[1].exp().add(1.0)).add(in[0].abs().add(1).log()),
                seq(DType.FLOAT64, 2, 3), seq(DType.FLOAT64, 3));
        GradCheck.check("matmul", in -> in[0].matmul(in[1]), seq(DType.FLOAT64, 3, 4), seq(DType.FLOAT64, 4, 2));
        GradCheck.check("bmm", in -> in[0].matmul(in[1]), seq(DType.FLOAT64, 2, 3, 4), seq(DType.FLOAT64, 2, 4, 2));
        GradCheck.check("permute/sum dims", in -> in[0].permute(2, 0, 1).sum(1, false).mean(0, true),
                seq(DType.FLOAT64, 2, 3, 4));
        GradCheck.check("max dim", in -> in[0].max(1, false).values(), seq(DType.FLOAT64, 3, 5));
        GradCheck.check("pow sqrt", in -> in[0].pow(3).add(in[0].mul(in[0]).add(1).sqrt()), seq(DType.FLOAT64, 5));
    }

    @Test
    void matmulMatchesTorch() {
        try (NDManager m = TorchRef.sub()) {
            Tensor a = seq(DType.FLOAT32, 5, 7);
            Tensor b = seq(DType.FLOAT32, 7, 3);
            TorchRef.assertClose("mm", a.matmul(b), TorchRef.toNd(m, a).matMul(TorchRef.toNd(m, b)), 1e-6);
        }
    }

    @Test
    void maxAlongDimPicksFirstMaximum() {
        Tensor x = Tensor.fromArray(new float[][] {{1, 3, 3}, {2, 2, 0}});
        var r = x.max(1, false);
        assertEquals(1, r.indices().get(0));
        assertEquals(0, r.indices().get(1));
        assertEquals(3.0, r.values().get(0));
    }
}
