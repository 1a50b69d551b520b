package org.poolact.nn.loss;

import org.poolact.nn.Module;
import org.poolact.nn.functional.Reduction;
import org.poolact.tensor.Tensor;

/**
 * Base of the loss modules ({@code torch.nn.modules.loss._Loss}): holds the reduction. A loss takes
 * an input and a target, so the one-argument {@link #forward(Tensor)} is not available.
 */
public abstract class Loss extends Module {
    private final Reduction reduction;

    protected Loss(Reduction reduction) {
        this.reduction = reduction;
    }

    /** The reduction (PyTorch's default MEAN). */
    public Reduction reduction() {
        return reduction;
    }

    /** Always throws: a loss needs a target; call {@code forward(input, target)}. */
    @Override
    public Tensor forward(Tensor input) {
        throw new UnsupportedOperationException(typeName() + ": forward needs (input, target)");
    }
}
