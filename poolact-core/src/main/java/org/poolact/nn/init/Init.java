package org.poolact.nn.init;

import org.poolact.autograd.GradMode;
import org.poolact.random.Generator;
import org.poolact.tensor.Tensor;

/** Parameter initialisers: {@code torch.nn.init}. All fill in place without recording autograd. */
public final class Init {
    private Init() {
    }

    /** {@code nn.init.uniform_(t, a, b, generator)}. */
    public static Tensor uniform_(Tensor t, double a, double b, Generator g) {
        try (var ignored = GradMode.noGrad()) {
            float from = (float) a;
            float to = (float) b;
            for (int i = 0; i < t.numel(); i++) {
                t.setFlat(i, g.nextUniformFloat(from, to));
            }
        }
        return t;
    }

    /** fan_in and fan_out of a weight: {@code _calculate_fan_in_and_fan_out}. */
    public static int[] fanInAndFanOut(Tensor w) {
        if (w.dim() < 2) {
            throw new IllegalArgumentException("Fan in and fan out can not be computed for tensor with fewer than 2 dimensions");
        }
        int receptive = 1;
        for (int d = 2; d < w.dim(); d++) {
            receptive *= w.size(d);
        }
        return new int[] {w.size(1) * receptive, w.size(0) * receptive};
    }

    /** {@code calculate_gain('leaky_relu', a)} = sqrt(2 / (1 + a^2)). */
    public static double leakyReluGain(double a) {
        return Math.sqrt(2.0 / (1 + a * a));
    }

    /**
     * {@code kaiming_uniform_(t, a, mode='fan_in', nonlinearity='leaky_relu')}:
     * U(-bound, bound) with bound = gain * sqrt(3 / fan_in).
     */
    public static Tensor kaimingUniform_(Tensor t, double a, Generator g) {
        int fanIn = fanInAndFanOut(t)[0];
        double bound = leakyReluGain(a) * Math.sqrt(3.0 / fanIn);
        return uniform_(t, -bound, bound, g);
    }
}
