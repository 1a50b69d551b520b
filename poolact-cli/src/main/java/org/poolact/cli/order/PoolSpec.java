package org.poolact.cli.order;

import org.poolact.nn.Module;
import org.poolact.nn.functional.AvgPool2dOptions;
import org.poolact.nn.functional.MaxPool2dOptions;
import org.poolact.nn.functional.Size2;
import org.poolact.nn.pooling.AvgPool2d;
import org.poolact.nn.pooling.MaxPool2d;

/**
 * A pooling with its options, as {@code nn.MaxPool2d} / {@code nn.AvgPool2d} take them.
 *
 * @param stride          the stride, or {@code null} for PyTorch's default (the kernel size)
 * @param countIncludePad avg only: whether zero padding counts in the divisor (PyTorch's default true)
 */
public record PoolSpec(PoolKind kind, Size2 kernel, Size2 stride, Size2 padding, boolean ceilMode,
        boolean countIncludePad) {

    /** PyTorch's defaults for a square kernel: stride = kernel, no padding, floor mode. */
    public static PoolSpec of(PoolKind kind, int kernel) {
        return new PoolSpec(kind, Size2.of(kernel), null, Size2.of(0), false, true);
    }

    /** The same options for another kind of pooling. */
    public PoolSpec withKind(PoolKind k) {
        return new PoolSpec(k, kernel, stride, padding, ceilMode, countIncludePad);
    }

    /** The stride in effect. */
    public Size2 effectiveStride() {
        return stride == null ? kernel : stride;
    }

    /** The module: {@code nn.MaxPool2d(...)} or {@code nn.AvgPool2d(...)}. */
    public Module module() {
        if (kind == PoolKind.MAX) {
            return new MaxPool2d(MaxPool2dOptions.of(kernel).stride(effectiveStride()).padding(padding)
                    .ceilMode(ceilMode));
        }
        return new AvgPool2d(AvgPool2dOptions.of(kernel).stride(effectiveStride()).padding(padding)
                .ceilMode(ceilMode).countIncludePad(countIncludePad));
    }

    /** True when some window can reach into zero padding that counts in the average's divisor. */
    public boolean countsPadding() {
        return kind == PoolKind.AVG && countIncludePad && (padding.h() > 0 || padding.w() > 0);
    }
}
