package org.poolact.nn.pooling;

import org.poolact.nn.Module;
import org.poolact.nn.PyFormat;
import org.poolact.nn.functional.MaxPool2dOptions;
import org.poolact.nn.functional.Pooling;
import org.poolact.tensor.Tensor;

/**
 * {@code nn.MaxPool2d}: see {@link Pooling#maxPool2dWithIndices}. Repr as PyTorch, e.g.
 * {@code MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)}.
 */
public class MaxPool2d extends Module {
    private final MaxPool2dOptions options;

    /** {@code nn.MaxPool2d(kernelSize)}. */
    public MaxPool2d(int kernelSize) {
        this(MaxPool2dOptions.of(kernelSize));
    }

    public MaxPool2d(MaxPool2dOptions options) {
        this.options = options;
    }

    public MaxPool2dOptions options() {
        return options;
    }

    /** The pooled output (use {@link #forwardWithIndices} for the indices, as with return_indices=True). */
    @Override
    public Tensor forward(Tensor input) {
        return Pooling.maxPool2d(input, options);
    }

    /** Output and indices, what PyTorch's forward returns when return_indices=True. */
    public Pooling.MaxPoolResult forwardWithIndices(Tensor input) {
        return Pooling.maxPool2dWithIndices(input, options);
    }

    @Override
    public String extraRepr() {
        return "kernel_size=" + options.kernelSize() + ", stride=" + options.effectiveStride() + ", padding="
                + options.padding() + ", dilation=" + options.dilation() + ", ceil_mode="
                + PyFormat.pyBool(options.ceilMode());
    }
}
