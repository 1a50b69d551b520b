package org.poolact.autograd;

import org.poolact.tensor.Tensor;

/**
 * The gradient rule of one recorded op: given the gradient of the loss with respect to the op's
 * output, return the gradient with respect to each input (same order as recorded; {@code null}
 * where an input needs none).
 */
@FunctionalInterface
public interface BackwardFn {
    Tensor[] apply(Tensor gradOutput);
}
