package org.poolact.nn.loss;

import org.poolact.nn.functional.LossOptions;
import org.poolact.nn.functional.Losses;
import org.poolact.nn.functional.Reduction;
import org.poolact.tensor.IndexTensor;
import org.poolact.tensor.Tensor;

/**
 * {@code nn.CrossEntropyLoss(weight=None, ignore_index=-100, reduction='mean', label_smoothing=0.0)}
 * over logits [N, C, d1, ...] (or [C]) and class indices [N, d1, ...] or class probabilities of the
 * logits' shape. A weight is registered as the buffer {@code weight}, as in PyTorch.
 */
public final class CrossEntropyLoss extends Loss {
    private final LossOptions options;

    /** {@code nn.CrossEntropyLoss()}. */
    public CrossEntropyLoss() {
        this(LossOptions.defaults());
    }

    /** {@code nn.CrossEntropyLoss(reduction=..., label_smoothing=...)}. */
    public CrossEntropyLoss(Reduction reduction, double labelSmoothing) {
        this(LossOptions.defaults().reduction(reduction).labelSmoothing(labelSmoothing));
    }

    /** {@code nn.CrossEntropyLoss(weight=..., ignore_index=..., reduction=..., label_smoothing=...)}. */
    public CrossEntropyLoss(LossOptions options) {
        super(options.reduction());
        double e = options.labelSmoothing();
        if (!(e >= 0 && e <= 1)) {
            throw new IllegalArgumentException("CrossEntropyLoss: label_smoothing must be between 0.0 and 1.0. Got: " + e);
        }
        this.options = options;
        if (options.weight() != null) {
            registerBuffer("weight", options.weight());
        }
    }

    /** The options (weight, ignoreIndex, reduction, labelSmoothing). */
    public LossOptions options() {
        return options;
    }

    /** {@link Losses#crossEntropy(Tensor, int[], LossOptions)}. */
    public Tensor forward(Tensor logits, int[] target) {
        return Losses.crossEntropy(logits, target, options);
    }

    /** {@link Losses#crossEntropy(Tensor, IndexTensor, LossOptions)}: class indices. */
    public Tensor forward(Tensor logits, IndexTensor target) {
        return Losses.crossEntropy(logits, target, options);
    }

    /** {@link Losses#crossEntropy(Tensor, Tensor, LossOptions)}: class probabilities (soft labels). */
    public Tensor forward(Tensor logits, Tensor target) {
        return Losses.crossEntropy(logits, target, options);
    }
}
