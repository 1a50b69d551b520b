package org.poolact.nn.functional;

import java.util.Objects;

import org.poolact.tensor.Tensor;

/**
 * The keyword arguments of {@code F.nll_loss} / {@code F.cross_entropy} (and of {@code nn.NLLLoss},
 * {@code nn.CrossEntropyLoss}), with PyTorch's names and defaults: {@code weight=None,
 * ignore_index=-100, reduction='mean', label_smoothing=0.0}. Start from {@link #defaults()} and
 * change what you need: {@code LossOptions.defaults().weight(w).ignoreIndex(255)}.
 *
 * @param weight         per-class rescaling weight of shape [C], or null (all ones); used as a constant
 *                       (no gradient flows into it)
 * @param ignoreIndex    class-index targets equal to it contribute nothing and are not counted
 * @param reduction      NONE, MEAN (PyTorch's default) or SUM
 * @param labelSmoothing cross_entropy only: amount in [0, 1] of probability mass spread uniformly
 */
public record LossOptions(Tensor weight, int ignoreIndex, Reduction reduction, double labelSmoothing) {
    private static final LossOptions DEFAULTS = new LossOptions(null, Losses.IGNORE_INDEX, Reduction.MEAN, 0.0);

    public LossOptions {
        Objects.requireNonNull(reduction, "reduction");
    }

    /** {@code weight=None, ignore_index=-100, reduction='mean', label_smoothing=0.0}. */
    public static LossOptions defaults() {
        return DEFAULTS;
    }

    /** A copy with {@code weight} (shape [C], or null). */
    public LossOptions weight(Tensor newWeight) {
        return new LossOptions(newWeight, ignoreIndex, reduction, labelSmoothing);
    }

    /** A copy with {@code ignore_index}. */
    public LossOptions ignoreIndex(int newIgnoreIndex) {
        return new LossOptions(weight, newIgnoreIndex, reduction, labelSmoothing);
    }

    /** A copy with {@code reduction}. */
    public LossOptions reduction(Reduction newReduction) {
        return new LossOptions(weight, ignoreIndex, newReduction, labelSmoothing);
    }

    /** A copy with {@code label_smoothing} (checked by cross_entropy to lie in [0, 1]). */
    public LossOptions labelSmoothing(double newLabelSmoothing) {
        return new LossOptions(weight, ignoreIndex, reduction, newLabelSmoothing);
    }
}
