package org.poolact.nn.loss;

import org.poolact.nn.functional.Losses;
import org.poolact.nn.functional.Reduction;
import org.poolact.tensor.Tensor;

/** {@code nn.MSELoss(reduction='mean')}. */
public final class MSELoss extends Loss {
    /** {@code nn.MSELoss()}. */
    public MSELoss() {
        this(Reduction.MEAN);
    }

    /** {@code nn.MSELoss(reduction=...)}. */
    public MSELoss(Reduction reduction) {
        super(reduction);
    }

    /** {@link Losses#mseLoss(Tensor, Tensor, Reduction)}. */
    public Tensor forward(Tensor input, Tensor target) {
        return Losses.mseLoss(input, target, reduction());
    }
}
