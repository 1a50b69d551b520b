package org.poolact.nn.functional;

/**
 * Arguments of {@code lp_pool2d} / {@code nn.LPPool2d}: norm_type p, kernel_size, stride (null = not
 * given, meaning kernel_size; the module prints it as {@code None} like PyTorch), ceil_mode False.
 */
public record LPPool2dOptions(double normType, Size2 kernelSize, Size2 stride, boolean ceilMode) {

    /** p and a square kernel; stride defaults to the kernel. */
    public static LPPool2dOptions of(double normType, int kernelSize) {
        return new LPPool2dOptions(normType, Size2.of(kernelSize), null, false);
    }

    /** p and a (kH, kW) kernel; stride defaults to the kernel. */
    public static LPPool2dOptions of(double normType, int kH, int kW) {
        return new LPPool2dOptions(normType, Size2.of(kH, kW), null, false);
    }

    /** A square stride. */
    public LPPool2dOptions stride(int s) {
        return stride(Size2.of(s));
    }

    /** A (sH, sW) stride. */
    public LPPool2dOptions stride(int sH, int sW) {
        return stride(Size2.of(sH, sW));
    }

    /** Sets the stride; null restores the default (= kernel_size). */
    public LPPool2dOptions stride(Size2 s) {
        return new LPPool2dOptions(normType, kernelSize, s, ceilMode);
    }

    /** ceil_mode: ceil instead of floor in the output size (windows may not start in the right padding). */
    public LPPool2dOptions ceilMode(boolean flag) {
        return new LPPool2dOptions(normType, kernelSize, stride, flag);
    }

    /** The stride in effect: the given one, or kernel_size when none was given. */
    public Size2 effectiveStride() {
        return stride != null ? stride : kernelSize;
    }
}
