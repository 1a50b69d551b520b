package org.poolact.nn.functional;

import org.poolact.random.Generator;
import org.poolact.random.Random;
import org.poolact.tensor.DType;
import org.poolact.tensor.Tensor;

/** {@code F.dropout}. */
public final class Dropouts {
    /** PyTorch's default drop probability. */
    public static final double DEFAULT_P = 0.5;

    private Dropouts() {
    }

    /**
     * {@code F.dropout(x, p, training)} as PyTorch computes it on the CPU: in training, a mask
     * {@code noise = bernoulli(1 - p) / (1 - p)} (drawn from {@code gen} in row-major order) and
     * {@code y = x * noise}, grad_fn {@code MulBackward0}, so the backward reuses the same mask.
     * {@code p == 1} gives {@code x * 0} without drawing; in eval mode or with {@code p == 0} the
     * input itself is returned (identity, no new node).
     *
     * @throws IllegalArgumentException if p is outside [0, 1]
     */
    public static Tensor dropout(Tensor x, double p, boolean training, Generator gen) {
        checkP(p);
        if (!training || p == 0 || x.numel() == 0) {
            return x;
        }
        if (p == 1) {
            return x.mul(Tensor.zeros(x.dtype()));
        }
        Tensor noise = Tensor.empty(x.dtype(), x.shape());
        Random.bernoulli_(noise, 1 - p, gen);
        // NOTE: noise.div_(1 - p) runs in the tensor's dtype: 1 / (float) (1 - p) for float32.
        double keep = x.dtype() == DType.FLOAT32 ? (float) (1 - p) : 1 - p;
        for (int i = 0; i < noise.numel(); i++) {
            noise.setFlat(i, noise.getFlat(i) / keep);
        }
        return x.mul(noise);
    }

    /** Checks a dropout probability with PyTorch's message. */
    public static void checkP(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("dropout probability has to be between 0 and 1, but got " + p);
        }
    }
}
