package org.poolact.lab.order;

import org.poolact.tensor.Tensor;

/**
 * An elementwise function f whose place relative to a pooling is analysed: its float32 scalar
 * values, the engine op that applies it to a tensor (recording autograd), and its declared
 * properties. Engine activations come from {@link EngineActivation}; tests and the learned-parameter
 * rows use {@link CustomActivation}.
 */
public interface OrderActivation {

    /** The SPEC string as {@code compare} takes it, e.g. {@code leaky_relu:0.1}. */
    String spec();

    /** f(x) in float32: bit-identical to an element of {@link #apply} on a float32 tensor. */
    float applyAsFloat(float x);

    /** f applied elementwise through the engine (float32, records autograd). */
    Tensor apply(Tensor x);

    /** The declared properties the rules rest on. */
    OrderProperties declared();

    /**
     * A nominal cost of one evaluation in floating-point operations (an exp, erf, log or tanh counts
     * as 1): used only for the FLOP estimate of the act/pool block.
     */
    double nominalFlops();
}
