package org.poolact.nn.functional;

/**
 * Arguments of {@code avg_pool2d} / {@code nn.AvgPool2d}, with PyTorch's defaults: stride = kernel_size
 * (null stands for "not given"), padding 0, ceil_mode False, count_include_pad True,
 * divisor_override None (null). Build with {@code AvgPool2dOptions.of(3).stride(2).countIncludePad(false)}.
 */
public record AvgPool2dOptions(Size2 kernelSize, Size2 stride, Size2 padding, boolean ceilMode,
                               boolean countIncludePad, Integer divisorOverride) {

    /** A square kernel with all other arguments at their defaults. */
    public static AvgPool2dOptions of(int kernelSize) {
        return of(Size2.of(kernelSize));
    }

    /** A (kH, kW) kernel with all other arguments at their defaults. */
    public static AvgPool2dOptions of(int kH, int kW) {
        return of(Size2.of(kH, kW));
    }

    /** The given kernel with all other arguments at their defaults. */
    public static AvgPool2dOptions of(Size2 kernelSize) {
        return new AvgPool2dOptions(kernelSize, null, Size2.of(0), false, true, null);
    }

    /** A square stride. */
    public AvgPool2dOptions stride(int s) {
        return stride(Size2.of(s));
    }

    /** A (sH, sW) stride. */
    public AvgPool2dOptions stride(int sH, int sW) {
        return stride(Size2.of(sH, sW));
    }

    /** Sets the stride; null restores the default (= kernel_size). */
    public AvgPool2dOptions stride(Size2 s) {
        return new AvgPool2dOptions(kernelSize, s, padding, ceilMode, countIncludePad, divisorOverride);
    }

    /** The same padding on all four sides. */
    public AvgPool2dOptions padding(int p) {
        return padding(Size2.of(p));
    }

    /** pH rows on top and bottom, pW columns left and right. */
    public AvgPool2dOptions padding(int pH, int pW) {
        return padding(Size2.of(pH, pW));
    }

    /** Sets the padding. */
    public AvgPool2dOptions padding(Size2 p) {
        return new AvgPool2dOptions(kernelSize, stride, p, ceilMode, countIncludePad, divisorOverride);
    }

    /** ceil_mode: ceil instead of floor in the output size (windows may not start in the right padding). */
    public AvgPool2dOptions ceilMode(boolean flag) {
        return new AvgPool2dOptions(kernelSize, stride, padding, flag, countIncludePad, divisorOverride);
    }

    /** count_include_pad: whether padding zeros count in the divisor. */
    public AvgPool2dOptions countIncludePad(boolean flag) {
        return new AvgPool2dOptions(kernelSize, stride, padding, ceilMode, flag, divisorOverride);
    }

    /** Sets divisor_override; null restores the default (divide by the window's pool size). */
    public AvgPool2dOptions divisorOverride(Integer divisor) {
        return new AvgPool2dOptions(kernelSize, stride, padding, ceilMode, countIncludePad, divisor);
    }

    /** The stride in effect: the given one, or kernel_size when none was given. */
    public Size2 effectiveStride() {
        return stride != null ? stride : kernelSize;
    }
}
