package org.poolact.nn.activation;

import org.poolact.nn.Module;
import org.poolact.nn.PyFormat;
import org.poolact.nn.functional.Activations;
import org.poolact.tensor.Tensor;

/** {@code torch.nn.LeakyReLU(negative_slope=0.01)}: x if x > 0 else negativeSlope * x. */
public class LeakyReLU extends Module {
    private final double negativeSlope;

    /** {@code LeakyReLU()}: negative_slope 0.01. */
    public LeakyReLU() {
        this(Activations.LEAKY_RELU_SLOPE);
    }

    /** {@code LeakyReLU(negative_slope)}. */
    public LeakyReLU(double negativeSlope) {
        this.negativeSlope = negativeSlope;
    }

    /** {@code negative_slope}. */
    public double negativeSlope() {
        return negativeSlope;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Activations.leakyRelu(input, negativeSlope);
    }

    @Override
    public String extraRepr() {
        return "negative_slope=" + PyFormat.pyFloat(negativeSlope);
    }
}
