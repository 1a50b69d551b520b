package org.poolact.cli.order;

import java.util.function.UnaryOperator;

import org.poolact.tensor.Tensor;

/**
 * An activation chosen by its SPEC ({@code relu}, {@code leaky_relu:0.1}, {@code prelu:-0.5},
 * {@code gelu:tanh}...), with the traits that decide whether it commutes with a pooling.
 *
 * @param spec   the SPEC as the user wrote it, normalised
 * @param module the module as PyTorch prints it, e.g. {@code ReLU()}
 * @param fn     the functional op, recording autograd
 */
public record Activation(String spec, String module, UnaryOperator<Tensor> fn, ActivationTraits traits) {

    /** Parses a SPEC through the engine's activation registry; unknown names list the valid ones. */
    public static Activation parse(String spec) {
        // TODO(cli): wire to org.poolact.nn.functional.ActivationSpec once merged.
        throw new IllegalArgumentException("activation registry not merged yet: " + spec);
    }

    /** Applies the activation. */
    public Tensor apply(Tensor x) {
        return fn.apply(x);
    }

    /** The function's name, without parameter: {@code leaky_relu} for {@code leaky_relu:0.1}. */
    public String name() {
        int colon = spec.indexOf(':');
        return colon < 0 ? spec : spec.substring(0, colon);
    }
}
