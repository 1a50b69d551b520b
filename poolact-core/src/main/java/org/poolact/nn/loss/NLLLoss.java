package org.poolact.nn.loss;

import org.poolact.nn.functional.Losses;
import org.poolact.nn.functional.Reduction;
import org.poolact.tensor.IndexTensor;
import org.poolact.tensor.Tensor;

/** {@code nn.NLLLoss(reduction='mean')} over log-probabilities [N, C] and class indices. */
public final class NLLLoss extends Loss {
    /** {@code nn.NLLLoss()}. */
    public NLLLoss() {
        this(Reduction.MEAN);
    }

    /** {@code nn.NLLLoss(reduction=...)}. */
    public NLLLoss(Reduction reduction) {
        super(reduction);
    }

    /** {@link Losses#nllLoss(Tensor, int[], Reduction)}. */
    public Tensor forward(Tensor input, int[] target) {
        return Losses.nllLoss(input, target, reduction());
    }

    /** As {@link #forward(Tensor, int[])} with int64 targets. */
    public Tensor forward(Tensor input, IndexTensor target) {
        return Losses.nllLoss(input, target, reduction());
    }
}
