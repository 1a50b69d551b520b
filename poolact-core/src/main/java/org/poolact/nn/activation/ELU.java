package org.poolact.nn.activation;

import org.poolact.nn.Module;
import org.poolact.nn.PyFormat;
import org.poolact.nn.functional.Activations;
import org.poolact.tensor.Tensor;

/** {@code torch.nn.ELU(alpha=1.0)}, see {@link Activations#elu(Tensor, double)}. */
public class ELU extends Module {
    private final double alpha;

    /** {@code ELU()}: alpha 1.0. */
    public ELU() {
        this(Activations.ELU_ALPHA);
    }

    /** {@code ELU(alpha)}. */
    public ELU(double alpha) {
        this.alpha = alpha;
    }

    /** {@code alpha}. */
    public double alpha() {
        return alpha;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Activations.elu(input, alpha);
    }

    @Override
    public String extraRepr() {
        return "alpha=" + PyFormat.pyFloat(alpha);
    }
}
