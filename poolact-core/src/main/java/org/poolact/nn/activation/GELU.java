package org.poolact.nn.activation;

import org.poolact.nn.Module;
import org.poolact.nn.functional.Activations;
import org.poolact.nn.functional.GeluApproximate;
import org.poolact.tensor.Tensor;

/** {@code torch.nn.GELU(approximate='none')}, see {@link Activations#gelu(Tensor, GeluApproximate)}. */
public class GELU extends Module {
    private final GeluApproximate approximate;

    /** {@code GELU()}: exact form. */
    public GELU() {
        this(GeluApproximate.NONE);
    }

    /** {@code GELU(approximate)}. */
    public GELU(GeluApproximate approximate) {
        this.approximate = java.util.Objects.requireNonNull(approximate, "approximate");
    }

    /** {@code approximate}. */
    public GeluApproximate approximate() {
        return approximate;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Activations.gelu(input, approximate);
    }

    @Override
    public String extraRepr() {
        return "approximate='" + approximate.pytorchName() + "'";
    }
}
