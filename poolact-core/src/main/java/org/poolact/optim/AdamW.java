package org.poolact.optim;

import java.util.Collection;
import java.util.List;

import org.poolact.tensor.Tensor;

/**
 * {@code torch.optim.AdamW(params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2, amsgrad=False, *, maximize=False)}:
 * {@link Adam} with decoupled weight decay, {@code p = p * (1 - lr * weight_decay)} before the moment
 * updates, instead of adding {@code weight_decay * p} to the gradient.
 */
public final class AdamW extends Adam {
    /** AdamW's defaults: Adam's with weight decay 1e-2. */
    public static Options defaults() {
        return Options.defaults().withWeightDecay(1e-2);
    }

    /** {@code AdamW(params)} with PyTorch's defaults. */
    public AdamW(List<Tensor> params) {
        this(params, defaults());
    }

    /** {@code AdamW(params, **options)}: one parameter group. */
    public AdamW(List<Tensor> params, Options options) {
        super(singleGroup(params), options, true);
    }

    /** {@code AdamW([{'params': ..., 'weight_decay': 0}, ...], **defaults)}: parameter groups overriding {@code defaults}. */
    public AdamW(Collection<ParamGroup> groups, Options defaults) {
        super(List.copyOf(groups), defaults, true);
    }
}
