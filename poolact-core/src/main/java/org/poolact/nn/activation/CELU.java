package org.poolact.nn.activation;

import org.poolact.nn.Module;
import org.poolact.nn.PyFormat;
import org.poolact.nn.functional.Activations;
import org.poolact.tensor.Tensor;

/** {@code torch.nn.CELU(alpha=1.0)}, see {@link Activations#celu(Tensor, double)}. */
public class CELU extends Module {
    private final double alpha;

    /** {@code CELU()}: alpha 1.0. */
    public CELU() {
        this(Activations.ELU_ALPHA);
    }

    /** {@code CELU(alpha)}. */
    public CELU(double alpha) {
        this.alpha = alpha;
    }

    /** {@code alpha}. */
    public double alpha() {
        return alpha;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Activations.celu(input, alpha);
    }

    @Override
    public String extraRepr() {
        return "alpha=" + PyFormat.pyFloat(alpha);
    }
}
