package org.poolact.cli.order;

import org.poolact.nn.functional.ActivationSpec;
import org.poolact.tensor.Tensor;

/**
 * An activation chosen by its SPEC ({@code relu}, {@code leaky_relu:0.1}, {@code prelu:-0.5},
 * {@code gelu:tanh}...) through the engine's {@link ActivationSpec} registry, with the traits that
 * decide whether it commutes with a pooling.
 */
public record Activation(ActivationSpec engineSpec, ActivationTraits traits) {

    /**
     * Parses a SPEC.
     *
     * @throws IllegalArgumentException for an unknown name (listing the valid ones) or a bad parameter
     */
    public static Activation parse(String spec) {
        ActivationSpec s = ActivationSpec.parse(spec);
        return new Activation(s, ActivationTraits.of(s));
    }

    /** The canonical SPEC, e.g. {@code leaky_relu:0.1}. */
    public String spec() {
        return engineSpec.toString();
    }

    /** The function's name without parameters, e.g. {@code leaky_relu}. */
    public String name() {
        return engineSpec.name();
    }

    /** The module as PyTorch prints it, e.g. {@code LeakyReLU(negative_slope=0.1)}. */
    public String module() {
        return engineSpec.toModule().toString();
    }

    /** Applies the activation, recording autograd. */
    public Tensor apply(Tensor x) {
        return engineSpec.apply(x);
    }
}
