package org.poolact.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.poolact.nn.functional.ActivationSpec;
import org.poolact.tensor.Tensor;

/**
 * Per-call time of the activations of issue 6's study on the first conv's output of the default
 * model (64x32x28x28 float32): the forward (the op) and the backward (autograd from the op's output
 * with a given upstream gradient), each with the default kernels and with the reference path
 * ({@code poolact.kernels=plain}), alternated round by round so both see the same machine load.
 * Prints the medians and minima. Run with {@code -Dbench.args=activations} (or {@code "activations 60"} rounds).
 */
final class ActivationBench {
    private static final List<String> SPECS = List.of("relu", "gelu", "gelu:tanh", "silu", "sigmoid", "tanh", "mish", "elu", "selu");

    private ActivationBench() {
    }

    static void run(int rounds) {
        Random r = new Random(5);
        int n = 64 * 32 * 28 * 28;
        float[] xv = new float[n];
        float[] gv = new float[n];
        for (int i = 0; i < n; i++) {
            xv[i] = (float) r.nextGaussian();
            gv[i] = (float) (r.nextGaussian() * 1e-3);
        }
        Tensor x = Tensor.wrap(xv, 64, 32, 28, 28);
        Tensor g = Tensor.wrap(gv, 64, 32, 28, 28);
        System.out.printf("%nper call on 64x32x28x28 float32, %d rounds, ms: forward / backward, median (min)%n", rounds);
        for (String s : SPECS) {
            ActivationSpec spec = ActivationSpec.parse(s);
            double[][] fast = new double[2][rounds];
            double[][] plain = new double[2][rounds];
            for (int i = -20; i < rounds; i++) {
                // NOTE: warm-up rounds (i < 0) are run but not kept
                time(spec, x, g, false, fast, i);
                time(spec, x, g, true, plain, i);
            }
            System.out.printf("  %-10s default %s / %s   reference (plain) %s / %s%n", s,
                    stat(fast[0]), stat(fast[1]), stat(plain[0]), stat(plain[1]));
        }
    }

    private static void time(ActivationSpec spec, Tensor x, Tensor g, boolean plain, double[][] out, int round) {
        if (plain) {
            System.setProperty("poolact.kernels", "plain");
        } else {
            System.clearProperty("poolact.kernels");
        }
        try {
            Tensor leaf = x.detach().requiresGrad(true);
            long t0 = System.nanoTime();
            Tensor y = spec.apply(leaf);
            long t1 = System.nanoTime();
            y.backward(g);
            long t2 = System.nanoTime();
            if (round >= 0) {
                out[0][round] = (t1 - t0) / 1e6;
                out[1][round] = (t2 - t1) / 1e6;
            }
        } finally {
            System.clearProperty("poolact.kernels");
        }
    }

    /** "median (min)" of the kept rounds. */
    private static String stat(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return String.format("%6.2f (%5.2f)", c[c.length / 2], c[0]);
    }
}
