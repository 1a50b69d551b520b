package org.poolact.nn.loss;

import org.poolact.nn.functional.Losses;
import org.poolact.nn.functional.Reduction;
import org.poolact.tensor.IndexTensor;
import org.poolact.tensor.Tensor;

/** {@code nn.CrossEntropyLoss(reduction='mean', label_smoothing=0.0)} over logits [N, C] and class indices. */
public final class CrossEntropyLoss extends Loss {
    private final double labelSmoothing;

    /** {@code nn.CrossEntropyLoss()}. */
    public CrossEntropyLoss() {
        this(Reduction.MEAN, 0.0);
    }

    /** {@code nn.CrossEntropyLoss(reduction=..., label_smoothing=...)}. */
    public CrossEntropyLoss(Reduction reduction, double labelSmoothing) {
        super(reduction);
        if (!(labelSmoothing >= 0 && labelSmoothing <= 1)) {
            throw new IllegalArgumentException("CrossEntropyLoss: label_smoothing must be between 0.0 and 1.0. Got: "
                    + labelSmoothing);
        }
        this.labelSmoothing = labelSmoothing;
    }

    /** {@link Losses#crossEntropy(Tensor, int[], Reduction, double)}. */
    public Tensor forward(Tensor logits, int[] target) {
        return Losses.crossEntropy(logits, target, reduction(), labelSmoothing);
    }

    /** As {@link #forward(Tensor, int[])} with int64 targets. */
    public Tensor forward(Tensor logits, IndexTensor target) {
        return Losses.crossEntropy(logits, target, reduction(), labelSmoothing);
    }
}
