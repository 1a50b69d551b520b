package org.poolact.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.Function;
import java.util.function.UnaryOperator;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;

import org.junit.jupiter.api.Test;
import org.poolact.tensor.DType;
import org.poolact.tensor.Tensor;
import org.poolact.testing.GradCheck;
import org.poolact.testing.RandomTensors;
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

    /** One movement, reduction or element-wise op: ours and libtorch's, on an input of the given shape. */
    private record UnaryCase(String name, int[] shape, UnaryOperator<Tensor> ours, Function<NDArray, NDArray> torch) {
    }

    private static UnaryCase op(String name, int[] shape, UnaryOperator<Tensor> ours, Function<NDArray, NDArray> torch) {
        return new UnaryCase(name, shape, ours, torch);
    }

    /**
     * Forward and input gradient (under a random upstream gradient) of the tensor ops of issue 2 section 2
     * against libtorch, in float32 and float64.
     */
    @Test
    void movementReductionAndPointwiseOpsMatchTorchForwardAndBackward() {
        int[] s234 = {2, 3, 4};
        int[] s314 = {3, 1, 4};
        UnaryCase[] cases = {
            op("permute(2, 0, 1)", s234, x -> x.permute(2, 0, 1), t -> t.transpose(2, 0, 1)),
            op("permute(1, 0, 2)", s234, x -> x.permute(1, 0, 2), t -> t.transpose(1, 0, 2)),
            op("transpose(0, 2)", s234, x -> x.transpose(0, 2), t -> t.swapAxes(0, 2)),
            op("t()", new int[] {3, 5}, Tensor::t, t -> t.swapAxes(0, 1)),
            op("expand(2, 3, 5, 4)", s314, x -> x.expand(2, 3, 5, 4), t -> t.broadcast(new Shape(2, 3, 5, 4))),
            op("expand(3, 2, 4)", s314, x -> x.expand(3, 2, 4), t -> t.broadcast(new Shape(3, 2, 4))),
            op("unsqueeze(1)", s234, x -> x.unsqueeze(1), t -> t.expandDims(1)),
            op("unsqueeze(-1)", s234, x -> x.unsqueeze(-1), t -> t.expandDims(3)),
            op("squeeze(1)", s314, x -> x.squeeze(1), t -> t.squeeze(1)),
            op("reshape(4, 6)", s234, x -> x.reshape(4, 6), t -> t.reshape(4, 6)),
            op("view(-1, 2)", s234, x -> x.view(-1, 2), t -> t.reshape(-1, 2)),
            op("flatten()", s234, Tensor::flatten, t -> t.flatten()),
            op("flatten(1, 2)", s234, x -> x.flatten(1, 2), t -> t.flatten(1, 2)),
            op("sum()", s234, Tensor::sum, NDArray::sum),
            op("sum(1, keepdim)", s234, x -> x.sum(1, true), t -> t.sum(new int[] {1}, true)),
            op("sum(2)", s234, x -> x.sum(2, false), t -> t.sum(new int[] {2}, false)),
            op("mean()", s234, Tensor::mean, NDArray::mean),
            op("mean(0)", s234, x -> x.mean(0, false), t -> t.mean(new int[] {0}, false)),
            op("mean(-1, keepdim)", s234, x -> x.mean(-1, true), t -> t.mean(new int[] {2}, true)),
            op("max()", s234, Tensor::max, NDArray::max),
            op("max(1)", s234, x -> x.max(1, false).values(), t -> t.max(new int[] {1}, false)),
            op("add/sub/mul/div scalar", s234, x -> x.add(0.5).sub(1.25).mul(3.0).div(2.5),
                    t -> t.add(TorchRef.num(t, 0.5)).sub(TorchRef.num(t, 1.25)).mul(TorchRef.num(t, 3.0)).div(TorchRef.num(t, 2.5))),
            op("neg", s234, Tensor::neg, NDArray::neg),
            op("exp", s234, Tensor::exp, NDArray::exp),
            op("log(|x| + 0.5)", s234, x -> x.abs().add(0.5).log(), t -> t.abs().add(0.5).log()),
            op("sqrt(|x| + 0.5)", s234, x -> x.abs().add(0.5).sqrt(), t -> t.abs().add(0.5).sqrt()),
            op("pow(3)", s234, x -> x.pow(3), t -> t.pow(TorchRef.num(t, 3))),
            op("pow(-1.5) of |x| + 0.5", s234, x -> x.abs().add(0.5).pow(-1.5),
                    t -> t.abs().add(TorchRef.num(t, 0.5)).pow(TorchRef.num(t, -1.5))),
            op("matmul with own transpose", new int[] {3, 4}, x -> x.matmul(x.t()), t -> t.matMul(t.transpose())),
        };
        int seed = 0;
        for (UnaryCase c : cases) {
            for (DType dt : DType.values()) {
                Tensor x = RandomTensors.normal(++seed, dt, 1.0, 0.0, c.shape()).requiresGrad(true);
                Tensor y = c.ours().apply(x);
                Tensor g = RandomTensors.normal(1000 + seed, dt, 1.0, 0.0, y.shape());
                TorchRef.compareWithTorch(c.name() + " " + dt, y, g, new Tensor[] {x}, t -> c.torch().apply(t[0]), 1e-6);
            }
        }
    }

    /** The backward closures of the tensor ops that the other checks do not reach. */
    @Test
    void finiteDifferenceOfMovementAndReductionOps() {
        GradCheck.check("expand", in -> in[0].expand(2, 3, 4), seq(DType.FLOAT64, 3, 1));
        GradCheck.check("unsqueeze/squeeze", in -> in[0].unsqueeze(0).squeeze(2).mul(in[0].squeeze(1)),
                seq(DType.FLOAT64, 3, 1, 4));
        GradCheck.check("transpose", in -> in[0].transpose(0, 2).mul(in[1]), seq(DType.FLOAT64, 2, 3, 4),
                seq(DType.FLOAT64, 4, 3, 2));
        GradCheck.check("clone", in -> in[0].clone().mul(in[0]), seq(DType.FLOAT64, 2, 5));
        GradCheck.check("sub broadcast", in -> in[0].sub(in[1]).mul(in[0]), seq(DType.FLOAT64, 2, 3),
                seq(DType.FLOAT64, 3));
        GradCheck.check("div by scalar, neg", in -> in[0].div(2.5).neg(), seq(DType.FLOAT64, 2, 3));
        GradCheck.check("mean()", in -> in[0].mul(in[0]).mean(), seq(DType.FLOAT64, 2, 3));
        GradCheck.check("max()", in -> in[0].max().mul(in[0]), seq(DType.FLOAT64, 7));
        // float64 -> float32 -> float64 loses nothing on multiples of 1/16 stepped by 1/1024, so the
        // central difference of this linear map is exact
        Tensor onGrid = Tensor.wrap(new double[] {-1.5, 0.25, 2.0625, 3.125, -0.75, 1.0}, 2, 3);
        GradCheck.check("to(float32) and back", in -> in[0].to(DType.FLOAT32).to(DType.FLOAT64).mul(3.0),
                1.0 / 1024, 1e-5, 1e-4, onGrid);
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
