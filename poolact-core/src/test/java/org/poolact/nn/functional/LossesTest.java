package org.poolact.nn.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;

import org.junit.jupiter.api.Test;
import org.poolact.tensor.DType;
import org.poolact.tensor.IndexTensor;
import org.poolact.tensor.Tensor;
import org.poolact.testing.GradCheck;
import org.poolact.testing.RandomTensors;
import org.poolact.testing.TorchRef;

/**
 * Losses against libtorch. DJL has no nll_loss with ignore_index/label smoothing on its NDArray API,
 * so the reference is composed from torch ops: nll = -sum(onehot * log_softmax) per row (onehot
 * built here; zero rows for ignored targets), reduced like torch (mean over counted targets), and
 * label smoothing as torch's composite (1 - e) * nll + e / C * (-sum_c log_softmax).
 */
class LossesTest {

    private static Tensor oneHot(int[] target, int c) {
        Tensor t = Tensor.zeros(target.length, c);
        for (int i = 0; i < target.length; i++) {
            if (target[i] != Losses.IGNORE_INDEX) {
                t.setFlat(i * c + target[i], 1);
            }
        }
        return t;
    }

    private static NDArray reduce(NDArray perSample, Reduction r, int counted) {
        return switch (r) {
            case NONE -> perSample;
            case SUM -> perSample.sum();
            case MEAN -> perSample.sum().div(TorchRef.num(perSample, counted));
        };
    }

    @Test
    void crossEntropyMatchesTorch() {
        int[][] nc = {{4, 3}, {1, 5}, {8, 10}, {3, 2}};
        int seed = 0;
        for (int[] s : nc) {
            for (Reduction r : Reduction.values()) {
                for (double ls : new double[] {0.0, 0.1}) {
                    for (boolean ignore : new boolean[] {false, true}) {
                        if (ignore && s[0] == 1) {
                            continue;
                        }
                        checkCrossEntropy(s[0], s[1], r, ls, ignore, seed++);
                    }
                }
            }
        }
    }

    private static void checkCrossEntropy(int n, int c, Reduction r, double ls, boolean ignore, long seed) {
        String what = "cross_entropy N=" + n + " C=" + c + " " + r + " ls=" + ls + " ignore=" + ignore;
        Tensor x = RandomTensors.normal(seed, DType.FLOAT32, 3.0, 0.0, n, c).requiresGrad(true);
        int[] target = RandomTensors.classes(seed + 1, n, c);
        if (ignore) {
            target[0] = Losses.IGNORE_INDEX;
        }
        int counted = ignore ? n - 1 : n;
        Tensor up = r == Reduction.NONE ? RandomTensors.normal(seed + 2, n) : Tensor.scalar(1.7);
        Tensor loss = Losses.crossEntropy(x, target, r, ls);
        assertEquals(ls == 0 ? "NllLossBackward0" : "AddBackward0", loss.gradFn().name(), what);
        loss.backward(up);
        try (NDManager m = TorchRef.sub()) {
            NDArray tx = TorchRef.toNd(m, x);
            tx.setRequiresGradient(true);
            try (GradientCollector gc = TorchRef.gradients()) {
                NDArray logp = tx.logSoftmax(1);
                NDArray nll = reduce(logp.mul(TorchRef.toNd(m, oneHot(target, c))).sum(new int[] {1}).neg(), r, counted);
                NDArray ty = nll;
                if (ls > 0) {
                    Tensor keep = Tensor.ones(n);
                    if (ignore) {
                        keep.setFlat(0, 0);
                    }
                    NDArray smooth = reduce(logp.sum(new int[] {1}).neg().mul(TorchRef.toNd(m, keep)), r, counted);
                    // NOTE: scalars as libtorch-owned arrays: DJL's mul(Number) frees its operand while autograd keeps it
                    ty = nll.mul(TorchRef.toNd(m, Tensor.scalar(1 - ls))).add(smooth.mul(TorchRef.toNd(m, Tensor.scalar(ls / c))));
                }
                TorchRef.assertClose(what + " forward", loss, ty, 1e-6);
                gc.backward(ty.mul(TorchRef.toNd(m, up)).sum());
            }
            TorchRef.assertClose(what + " grad", x.grad(), tx.getGradient(), 1e-6);
        }
    }

    @Test
    void nllLossMatchesTorch() {
        int seed = 100;
        for (int[] s : new int[][] {{5, 4}, {2, 7}}) {
            for (Reduction r : Reduction.values()) {
                Tensor x = RandomTensors.normal(seed++, DType.FLOAT32, 1.0, -1.0, s).requiresGrad(true);
                int[] target = RandomTensors.classes(seed++, s[0], s[1]);
                Tensor up = r == Reduction.NONE ? RandomTensors.normal(seed++, s[0]) : Tensor.scalar(0.6);
                Tensor loss = Losses.nllLoss(x, new IndexTensor(java.util.Arrays.stream(target).asLongStream().toArray(),
                        s[0]), r);
                assertEquals("NllLossBackward0", loss.gradFn().name());
                loss.backward(up);
                String what = "nll_loss " + java.util.Arrays.toString(s) + " " + r;
                try (NDManager m = TorchRef.sub()) {
                    NDArray tx = TorchRef.toNd(m, x);
                    tx.setRequiresGradient(true);
                    try (GradientCollector gc = TorchRef.gradients()) {
                        NDArray ty = reduce(tx.mul(TorchRef.toNd(m, oneHot(target, s[1]))).sum(new int[] {1}).neg(), r, s[0]);
                        TorchRef.assertClose(what + " forward", loss, ty, 1e-6);
                        gc.backward(ty.mul(TorchRef.toNd(m, up)).sum());
                    }
                    TorchRef.assertClose(what + " grad", x.grad(), tx.getGradient(), 1e-6);
                }
            }
        }
    }

    @Test
    void mseLossMatchesTorch() {
        int[][] shapes = {{7}, {3, 4}, {2, 3, 4, 5}};
        int seed = 200;
        for (int[] s : shapes) {
            for (Reduction r : Reduction.values()) {
                Tensor a = RandomTensors.normal(seed++, s).requiresGrad(true);
                Tensor b = RandomTensors.normal(seed++, DType.FLOAT32, 2.0, 0.3, s).requiresGrad(true);
                Tensor up = r == Reduction.NONE ? RandomTensors.normal(seed++, s) : Tensor.scalar(1.3);
                Tensor loss = Losses.mseLoss(a, b, r);
                assertEquals("MseLossBackward0", loss.gradFn().name());
                loss.backward(up);
                String what = "mse_loss " + java.util.Arrays.toString(s) + " " + r;
                try (NDManager m = TorchRef.sub()) {
                    NDArray ta = TorchRef.toNd(m, a);
                    NDArray tb = TorchRef.toNd(m, b);
                    ta.setRequiresGradient(true);
                    tb.setRequiresGradient(true);
                    try (GradientCollector gc = TorchRef.gradients()) {
                        NDArray sq = ta.sub(tb).square();
                        NDArray ty = switch (r) {
                            case NONE -> sq;
                            case SUM -> sq.sum();
                            case MEAN -> sq.mean();
                        };
                        TorchRef.assertClose(what + " forward", loss, ty, 1e-6);
                        gc.backward(ty.mul(TorchRef.toNd(m, up)).sum());
                    }
                    TorchRef.assertClose(what + " grad input", a.grad(), ta.getGradient(), 1e-6);
                    TorchRef.assertClose(what + " grad target", b.grad(), tb.getGradient(), 1e-6);
                }
            }
        }
    }

    @Test
    void knownValue() {
        // torch: F.cross_entropy(torch.tensor([[1., 2., 3.]]), torch.tensor([2])) = 0.4076059644
        Tensor loss = Losses.crossEntropy(Tensor.fromArray(new float[][] {{1f, 2f, 3f}}), new int[] {2});
        assertEquals(0.4076059644, loss.item(), 1e-7);
    }

    @Test
    void gradChecks() {
        for (Reduction r : Reduction.values()) {
            GradCheck.check("cross_entropy " + r + " ls=0.2",
                    in -> Losses.crossEntropy(in[0], new int[] {2, Losses.IGNORE_INDEX, 0, 1}, r, 0.2),
                    RandomTensors.normal(1, DType.FLOAT64, 2, 0, 4, 3));
            GradCheck.check("cross_entropy " + r, in -> Losses.crossEntropy(in[0], new int[] {2, 1, 0}, r),
                    RandomTensors.normal(2, DType.FLOAT64, 2, 0, 3, 3));
            GradCheck.check("nll_loss " + r, in -> Losses.nllLoss(in[0], new IndexTensor(new long[] {1, 0}, 2), r),
                    RandomTensors.normal(3, DType.FLOAT64, 1, 0, 2, 4));
            GradCheck.check("mse_loss " + r, in -> Losses.mseLoss(in[0], in[1], r),
                    RandomTensors.normal(4, DType.FLOAT64, 1, 0, 2, 3), RandomTensors.normal(5, DType.FLOAT64, 1, 0, 2, 3));
        }
    }

    @Test
    void allIgnoredMeanIsNaNAsTorch() {
        Tensor loss = Losses.crossEntropy(Tensor.zeros(2, 3), new int[] {-100, -100});
        assertTrue(Double.isNaN(loss.item()));
    }

    @Test
    void badInputNamesOpAndParameter() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Losses.crossEntropy(Tensor.zeros(2, 10), new int[] {1, 12}));
        assertTrue(e.getMessage().startsWith("cross_entropy: Target 12 is out of bounds."), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Losses.nllLoss(Tensor.zeros(2, 10), new int[] {-1, 0}));
        assertTrue(e.getMessage().startsWith("nll_loss: Target -1 is out of bounds."), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Losses.nllLoss(Tensor.zeros(3, 4), new int[] {1, 0}));
        assertEquals("nll_loss: Expected input batch_size (3) to match target batch_size (2).", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Losses.crossEntropy(Tensor.zeros(2, 3, 4), new int[] {1, 0}));
        assertEquals("cross_entropy: Expected target size [2, 4], got [2]", e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Losses.crossEntropy(Tensor.zeros(2, 3), new int[] {1, 0}, Reduction.MEAN, 1.5));
        assertEquals("cross_entropy: label_smoothing must be between 0.0 and 1.0. Got: 1.5", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Losses.mseLoss(Tensor.zeros(2, 3), Tensor.zeros(3, 2)));
        assertEquals("mse_loss: target size [3, 2] must be the same as input size [2, 3]", e.getMessage());
    }
}
