package org.poolact.nn.pooling;

import org.poolact.nn.Module;
import org.poolact.nn.PyFormat;
import org.poolact.nn.functional.LPPool2dOptions;
import org.poolact.nn.functional.Pooling;
import org.poolact.tensor.Tensor;

/**
 * {@code nn.LPPool2d}: see {@link Pooling#lpPool2d(Tensor, LPPool2dOptions)}. Repr as PyTorch, with the
 * stride as given ({@code None} when not given):
 * {@code LPPool2d(norm_type=2.0, kernel_size=3, stride=None, ceil_mode=False)}.
 */
public class LPPool2d extends Module {
    private final LPPool2dOptions options;

    /** {@code nn.LPPool2d(normType, kernelSize)}. */
    public LPPool2d(double normType, int kernelSize) {
        this(LPPool2dOptions.of(normType, kernelSize));
    }

    public LPPool2d(LPPool2dOptions options) {
        this.options = options;
    }

    @Override
    public Tensor forward(Tensor input) {
        return Pooling.lpPool2d(input, options);
    }

    /**
     * NOTE: PyTorch echoes norm_type as the user typed it (2 or 2.0); a Java double always prints as
     * Python's float repr, e.g. {@code 2.0}.
     */
    @Override
    public String extraRepr() {
        return "norm_type=" + PyFormat.pyFloat(options.normType()) + ", kernel_size=" + options.kernelSize()
                + ", stride=" + (options.stride() == null ? "None" : options.stride()) + ", ceil_mode="
                + PyFormat.pyBool(options.ceilMode());
    }
}
