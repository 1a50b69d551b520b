package org.poolact.nn.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
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

/**
 * Batch norm against libtorch. The reference is composed from torch ops through DJL (mean, biased
 * variance, sqrt, div; autograd through them), because DJL's batchNorm does not return the updated
 * running statistics: running_var uses the unbiased variance var * M / (M - 1), as torch documents.
 */
class NormalizationTest {
    /** Mean over N, H, W keeping dims (DJL's PyTorch mean takes one axis at a time). */
    private static NDArray channelMean(NDArray a) {
        return a.mean(new int[] {0}, true).mean(new int[] {2}, true).mean(new int[] {3}, true);
    }

    @Test
    void batchNormMatchesTorchOverSweep() {
        int[][] shapes = {{2, 3, 4, 5}, {4, 1, 3, 3}, {1, 2, 5, 1}, {3, 4, 2, 2}, {8, 2, 1, 1}, {2, 5, 7, 3}};
        double[][] momEps = {{0.1, 1e-5}, {0.3, 1e-3}};
        int seed = 0;
        for (int[] s : shapes) {
            for (boolean affine : new boolean[] {true, false}) {
                for (boolean training : new boolean[] {true, false}) {
                    double[] me = momEps[seed % 2];
                    check(s, affine, training, me[0], me[1], seed++);
                }
            }
        }
    }

    private static void check(int[] s, boolean affine, boolean training, double momentum, double eps, long seed) {
        String what = "batch_norm " + java.util.Arrays.toString(s) + " affine=" + affine + " training=" + training;
        int c = s[1];
        Tensor x = RandomTensors.normal(seed, DType.FLOAT32, 2.0, 0.5, s).requiresGrad(true);
        Tensor w = affine ? RandomTensors.normal(seed + 100, DType.FLOAT32, 1.0, 1.0, c).requiresGrad(true) : null;
        Tensor b = affine ? RandomTensors.normal(seed + 200, c).requiresGrad(true) : null;
        Tensor rm0 = RandomTensors.normal(seed + 300, c);
        Tensor rv0 = RandomTensors.uniform(seed + 400, DType.FLOAT32, 0.5, 2.0, c);
        Tensor rm = rm0.clone();
        Tensor rv = rv0.clone();
        Tensor upstream = RandomTensors.normal(seed + 500, s);
        Tensor y = Normalization.batchNorm2d(x, rm, rv, w, b, training, momentum, eps);
        assertEquals("NativeBatchNormBackward0", y.gradFn().name());
        y.backward(upstream);
        try (NDManager m = TorchRef.sub()) {
            NDArray tx = TorchRef.toNd(m, x);
            NDArray tw = affine ? TorchRef.toNd(m, w) : null;
            NDArray tb = affine ? TorchRef.toNd(m, b) : null;
            tx.setRequiresGradient(true);
            if (affine) {
                tw.setRequiresGradient(true);
                tb.setRequiresGradient(true);
            }
            NDArray trm = TorchRef.toNd(m, rm0).reshape(1, c, 1, 1);
            NDArray trv = TorchRef.toNd(m, rv0).reshape(1, c, 1, 1);
            NDArray mean;
            NDArray var;
            try (GradientCollector gc = TorchRef.gradients()) {
                if (training) {
                    mean = channelMean(tx);
                    var = channelMean(tx.sub(mean).square());
                } else {
                    mean = trm;
                    var = trv;
                }
                NDArray ty = tx.sub(mean).div(var.add(eps).sqrt());
                if (affine) {
                    ty = ty.mul(tw.reshape(1, c, 1, 1)).add(tb.reshape(1, c, 1, 1));
                }
                TorchRef.assertClose(what + " forward", y, ty, 1e-5);
                gc.backward(ty.mul(TorchRef.toNd(m, upstream)).sum());
                if (training) {
                    long count = (long) s[0] * s[2] * s[3];
                    NDArray newRm = trm.mul(1 - momentum).add(mean.mul(momentum));
                    NDArray newRv = trv.mul(1 - momentum).add(var.mul((double) count / (count - 1)).mul(momentum));
                    TorchRef.assertClose(what + " running_mean", rm, newRm.reshape(c), 1e-6);
                    TorchRef.assertClose(what + " running_var", rv, newRv.reshape(c), 1e-6);
                } else {
                    assertTrue(rm.equalTo(rm0) && rv.equalTo(rv0), what + ": eval must not touch running stats");
                }
            }
            TorchRef.assertClose(what + " grad x", x.grad(), tx.getGradient(), 1e-5);
            if (affine) {
                TorchRef.assertClose(what + " grad weight", w.grad(), tw.getGradient(), 1e-5);
                TorchRef.assertClose(what + " grad bias", b.grad(), tb.getGradient(), 1e-5);
            }
        }
    }

    @Test
    void gradCheckTrainAndEval() {
        for (boolean training : new boolean[] {true, false}) {
            Tensor rm = RandomTensors.normal(7, DType.FLOAT64, 1, 0, 3);
            Tensor rv = RandomTensors.uniform(8, DType.FLOAT64, 0.5, 2, 3);
            GradCheck.check("batch_norm training=" + training,
                    in -> Normalization.batchNorm2d(in[0], rm.clone(), rv.clone(), in[1], in[2], training, 0.1, 1e-5),
                    RandomTensors.normal(1, DType.FLOAT64, 1.5, 0.2, 2, 3, 3, 2),
                    RandomTensors.normal(2, DType.FLOAT64, 1, 1, 3),
                    RandomTensors.normal(3, DType.FLOAT64, 1, 0, 3));
        }
        GradCheck.check("batch_norm no affine, no running stats",
                in -> Normalization.batchNorm2d(in[0], null, null, null, null, true),
                RandomTensors.normal(4, DType.FLOAT64, 1, 0, 3, 2, 2, 2));
    }

    @Test
    void float64StaysFloat64() {
        Tensor x = RandomTensors.normal(5, DType.FLOAT64, 1, 0, 2, 2, 2, 2);
        Tensor y = Normalization.batchNorm2d(x, null, null, null, null, true);
        assertSame(DType.FLOAT64, y.dtype());
    }

    @Test
    void badInputNamesOpAndParameter() {
        Tensor x = Tensor.zeros(2, 3, 4, 4);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Normalization.batchNorm2d(x, Tensor.zeros(4), Tensor.ones(4), null, null, false));
        assertTrue(e.getMessage().contains("batch_norm: running_mean should contain 3 elements") , e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Normalization.batchNorm2d(x, Tensor.zeros(3), Tensor.ones(3), Tensor.ones(2), null, true));
        assertTrue(e.getMessage().contains("weight should contain 3 elements") && e.getMessage().contains("not 2"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Normalization.batchNorm2d(Tensor.zeros(3), null, null, null, null, true));
        assertTrue(e.getMessage().startsWith("batch_norm: input must have at least 2 dimensions"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Normalization.batchNorm2d(Tensor.zeros(1, 3, 1, 1), null, null, null, null, true));
        assertTrue(e.getMessage().contains("expected more than 1 value per channel when training"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Normalization.batchNorm2d(x, null, null, null, null, false));
        assertTrue(e.getMessage().contains("must be defined in evaluation mode"), e.getMessage());
    }
}
