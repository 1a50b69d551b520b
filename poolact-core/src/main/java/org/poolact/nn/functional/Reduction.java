package org.poolact.nn.functional;

/** How a loss reduces its per-element values: PyTorch's {@code reduction='none'|'mean'|'sum'}. */
public enum Reduction {
    /** No reduction: one loss per element (or per sample). */
    NONE,
    /** The mean (PyTorch's default). For nll/cross entropy: divided by the number of non-ignored targets. */
    MEAN,
    /** The sum. */
    SUM
}
