package org.poolact.nn.loss;

import org.poolact.nn.functional.LossOptions;
import org.poolact.nn.functional.Losses;
import org.poolact.nn.functional.Reduction;
import org.poolact.tensor.IndexTensor;
import org.poolact.tensor.Tensor;

/**
 * {@code nn.NLLLoss(weight=None, ignore_index=-100, reduction='mean')} over log-probabilities
 * [N, C, d1, ...] (or [C]) and class indices [N, d1, ...] (or 0-D). A weight is registered as the
 * buffer {@code weight}, as in PyTorch.
 */
public final class NLLLoss extends Loss {
    private final LossOptions options;

    /** {@code nn.NLLLoss()}. */
    public NLLLoss() {
        this(LossOptions.defaults());
    }

    /** {@code nn.NLLLoss(reduction=...)}. */
    public NLLLoss(Reduction reduction) {
        this(LossOptions.defaults().reduction(reduction));
    }

    /** {@code nn.NLLLoss(weight=..., ignore_index=..., reduction=...)}; label smoothing must be 0. */
    public NLLLoss(LossOptions options) {
        super(options.reduction());
        if (options.labelSmoothing() != 0) {
            throw new IllegalArgumentException("NLLLoss: label_smoothing is a CrossEntropyLoss option, but got "
                    + options.labelSmoothing());
        }
        this.options = options;
        if (options.weight() != null) {
            registerBuffer("weight", options.weight());
        }
    }

    /** The options (weight, ignoreIndex, reduction). */
    public LossOptions options() {
        return options;
    }

    /** {@link Losses#nllLoss(Tensor, int[], LossOptions)}. */
    public Tensor forward(Tensor input, int[] target) {
        return Losses.nllLoss(input, target, options);
    }

    /** {@link Losses#nllLoss(Tensor, IndexTensor, LossOptions)}. */
    public Tensor forward(Tensor input, IndexTensor target) {
        return Losses.nllLoss(input, target, options);
    }
}
