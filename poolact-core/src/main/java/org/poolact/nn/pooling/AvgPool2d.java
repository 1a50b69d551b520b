package org.poolact.nn.pooling;

import org.poolact.nn.Module;
import org.poolact.nn.functional.AvgPool2dOptions;
import org.poolact.nn.functional.Pooling;
import org.poolact.tensor.Tensor;

/**
 * {@code nn.AvgPool2d}: see {@link Pooling#avgPool2d(Tensor, AvgPool2dOptions)}. Repr as PyTorch,
 * which shows only kernel_size, stride and padding: {@code AvgPool2d(kernel_size=2, stride=2, padding=0)}.
 */
public class AvgPool2d extends Module {
    private final AvgPool2dOptions options;

    /** {@code nn.AvgPool2d(kernelSize)}. */
    public AvgPool2d(int kernelSize) {
        this(AvgPool2dOptions.of(kernelSize));
    }

    public AvgPool2d(AvgPool2dOptions options) {
        this.options = options;
    }

    public AvgPool2dOptions options() {
        return options;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Pooling.avgPool2d(input, options);
    }

    @Override
    public String extraRepr() {
        return "kernel_size=" + options.kernelSize() + ", stride=" + options.effectiveStride() + ", padding="
                + options.padding();
    }
}
