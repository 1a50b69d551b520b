package org.poolact.nn.functional;

/**
 * Arguments of {@code max_pool2d} / {@code nn.MaxPool2d}, with PyTorch's defaults: stride = kernel_size
 * (null stands for "not given"), padding 0, dilation 1, return_indices False, ceil_mode False.
 * Build with {@code MaxPool2dOptions.of(3).stride(2).padding(1)}.
 */
public record MaxPool2dOptions(Size2 kernelSize, Size2 stride, Size2 padding, Size2 dilation,
                               boolean returnIndices, boolean ceilMode) {

    /** A square kernel with all other arguments at their defaults. */
    public static MaxPool2dOptions of(int kernelSize) {
        return of(Size2.of(kernelSize));
    }

    /** A (kH, kW) kernel with all other arguments at their defaults. */
    public static MaxPool2dOptions of(int kH, int kW) {
        return of(Size2.of(kH, kW));
    }

    /** The given kernel with all other arguments at their defaults. */
    public static MaxPool2dOptions of(Size2 kernelSize) {
        return new MaxPool2dOptions(kernelSize, null, Size2.of(0), Size2.of(1), false, false);
    }

    /** A square stride. */
    public MaxPool2dOptions stride(int s) {
        return stride(Size2.of(s));
    }

    /** A (sH, sW) stride. */
    public MaxPool2dOptions stride(int sH, int sW) {
        return stride(Size2.of(sH, sW));
    }

    /** Sets the stride; null restores the default (= kernel_size). */
    public MaxPool2dOptions stride(Size2 s) {
        return new MaxPool2dOptions(kernelSize, s, padding, dilation, returnIndices, ceilMode);
    }

    /** The same padding on all four sides. */
    public MaxPool2dOptions padding(int p) {
        return padding(Size2.of(p));
    }

    /** pH rows on top and bottom, pW columns left and right. */
    public MaxPool2dOptions padding(int pH, int pW) {
        return padding(Size2.of(pH, pW));
    }

    /** Sets the padding. */
    public MaxPool2dOptions padding(Size2 p) {
        return new MaxPool2dOptions(kernelSize, stride, p, dilation, returnIndices, ceilMode);
    }

    /** The same dilation along H and W. */
    public MaxPool2dOptions dilation(int d) {
        return dilation(Size2.of(d));
    }

    /** A (dH, dW) dilation. */
    public MaxPool2dOptions dilation(int dH, int dW) {
        return dilation(Size2.of(dH, dW));
    }

    /** Sets the dilation. */
    public MaxPool2dOptions dilation(Size2 d) {
        return new MaxPool2dOptions(kernelSize, stride, padding, d, returnIndices, ceilMode);
    }

    /** return_indices: used by the module ({@code MaxPool2d.forwardWithIndices}). */
    public MaxPool2dOptions returnIndices(boolean flag) {
        return new MaxPool2dOptions(kernelSize, stride, padding, dilation, flag, ceilMode);
    }

    /** ceil_mode: ceil instead of floor in the output size (windows may not start in the right padding). */
    public MaxPool2dOptions ceilMode(boolean flag) {
        return new MaxPool2dOptions(kernelSize, stride, padding, dilation, returnIndices, flag);
    }

    /** The stride in effect: the given one, or kernel_size when none was given. */
    public Size2 effectiveStride() {
        return stride != null ? stride : kernelSize;
    }
}
