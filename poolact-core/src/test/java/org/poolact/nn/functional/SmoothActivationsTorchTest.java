package org.poolact.nn.functional;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import org.junit.jupiter.api.Test;
import org.poolact.tensor.DType;
import org.poolact.tensor.Tensor;
import org.poolact.testing.TorchRef;

/**
 * The float32 fast kernels of gelu (exact and tanh), silu, sigmoid, tanh, mish and the elu family against libtorch 2.7.1 on
 * tensors large enough to take the whole-array path split over threads (a conv output of
 * 8x16x28x28), with inputs from Gaussians, a wide uniform and the tails, forward and backward.
 */
class SmoothActivationsTorchTest {
    private static Tensor inputs(Random r) {
        int n = 8 * 16 * 28 * 28;
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = switch (i % 5) {
                case 0 -> r.nextGaussian();
                case 1 -> r.nextGaussian() * 3;
                case 2 -> r.nextDouble() * 24 - 12;
                case 3 -> (r.nextBoolean() ? 1 : -1) * (10 + r.nextDouble() * 90);
                default -> r.nextGaussian() * 1e-3;
            };
        }
        return Tensor.fromDoubles(v, DType.FLOAT32, 8, 16, 28, 28);
    }

    /**
     * A unit-Gaussian upstream gradient.
     * NOTE: not the tails: sigmoid's backward g * (1 - y) * y reads the output, and where y is within
     * an ulp or two of 1, libtorch's y (its float exp is off by an ulp there) makes 1 - y half or twice
     * ours; with |g| up to 100 that alone reached 2e-6 of scale (the reference path gives our bits).
     */
    private static Tensor upstream(Random r) {
        double[] v = new double[8 * 16 * 28 * 28];
        for (int i = 0; i < v.length; i++) {
            v[i] = r.nextGaussian();
        }
        return Tensor.fromDoubles(v, DType.FLOAT32, 8, 16, 28, 28);
    }

    @Test
    void largeFloat32TensorsMatchLibtorchForwardAndBackward() {
        Random r = new Random(21);
        StringBuilder worst = new StringBuilder();
        for (String s : List.of("gelu", "gelu:tanh", "silu", "sigmoid", "tanh", "mish", "elu", "selu", "celu:0.5")) {
            ActivationSpec spec = ActivationSpec.parse(s);
            Tensor x = inputs(r).requiresGrad(true);
            Tensor g = upstream(r);
            Tensor y = spec.apply(x);
            y.backward(g);
            try (NDManager m = TorchRef.sub()) {
                NDArray tx = TorchRef.toNd(m, x.detach());
                tx.setRequiresGradient(true);
                try (GradientCollector gc = TorchRef.gradients()) {
                    NDArray ty = ActivationsTest.torchRef(spec, tx, DType.FLOAT32);
                    double ef = TorchRef.assertClose(s + " f32 large forward", y, ty, 2e-6);
                    gc.backward(ty.mul(TorchRef.toNd(m, g)).sum());
                    double eb = TorchRef.assertClose(s + " f32 large grad", x.grad(), tx.getGradient(), 2e-6);
                    worst.append(s).append(": ").append(ef).append(" / ").append(eb).append("; ");
                    // measured (max |ours - torch| / max(1, max |torch|), forward / backward): gelu 1.2e-8 / 1.1e-7,
                    // gelu:tanh 4.8e-9 / 3.2e-7, silu 1.9e-8 / 5.1e-7, sigmoid 6.0e-8 / 2.2e-7, tanh 6.0e-8 / 1.2e-7,
                    // mish 9.5e-9 / 2.7e-7, elu 6.0e-10 / 5.5e-8, selu 1.1e-9 / 6.5e-8, celu:0.5 3.0e-10 / 5.5e-8
                    assertTrue(ef < 1e-6 && eb < 1e-6, worst.toString());
                }
            }
        }
    }
}
