package org.poolact.nn.activation;

import org.poolact.nn.Module;
import org.poolact.nn.PyFormat;
import org.poolact.nn.functional.Activations;
import org.poolact.tensor.Tensor;

/** {@code torch.nn.Softplus(beta=1.0, threshold=20.0)}, see {@link Activations#softplus(Tensor, double, double)}. */
public class Softplus extends Module {
    private final double beta;
    private final double threshold;

    /** {@code Softplus()}: beta 1.0, threshold 20.0. */
    public Softplus() {
        this(Activations.SOFTPLUS_BETA, Activations.SOFTPLUS_THRESHOLD);
    }

    /** {@code Softplus(beta, threshold)}. */
    public Softplus(double beta, double threshold) {
        this.beta = beta;
        this.threshold = threshold;
    }

    /** {@code beta}. */
    public double beta() {
        return beta;
    }

    /** {@code threshold}. */
    public double threshold() {
        return threshold;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Activations.softplus(input, beta, threshold);
    }

    @Override
    public String extraRepr() {
        return "beta=" + PyFormat.pyFloat(beta) + ", threshold=" + PyFormat.pyFloat(threshold);
    }
}
