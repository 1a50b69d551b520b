package org.poolact.lab.order;

import java.util.LinkedHashMap;
import java.util.Map;

import org.poolact.nn.Module;
import org.poolact.nn.functional.AvgPool2dOptions;
import org.poolact.nn.functional.LPPool2dOptions;
import org.poolact.nn.functional.MaxPool2dOptions;
import org.poolact.nn.functional.Pooling;
import org.poolact.nn.functional.Size2;
import org.poolact.nn.pooling.AdaptiveAvgPool2d;
import org.poolact.nn.pooling.AdaptiveMaxPool2d;
import org.poolact.nn.pooling.AvgPool2d;
import org.poolact.nn.pooling.LPPool2d;
import org.poolact.nn.pooling.MaxPool2d;
import org.poolact.tensor.Tensor;

/**
 * One pooling with its PyTorch arguments. Fields that do not apply to the type are ignored (and
 * left at their defaults): windowed types use kernel/stride/padding/ceilMode, avg also
 * countIncludePad and divisorOverride, lp normType (1 or 2, no padding), adaptive types outputSize.
 *
 * @param stride          null for PyTorch's default (the kernel size)
 * @param divisorOverride null for none
 */
public record PoolConfig(PoolType type, Size2 kernel, Size2 stride, Size2 padding, boolean ceilMode,
                         boolean countIncludePad, Integer divisorOverride, double normType, Size2 outputSize) {

    /** A windowed pooling with square kernel, stride and padding. */
    public static PoolConfig windowed(PoolType type, int kernel, int stride, int padding, boolean ceilMode) {
        return new PoolConfig(type, Size2.of(kernel), Size2.of(stride), Size2.of(padding), ceilMode, true, null,
                type == PoolType.LP ? 2 : 0, null);
    }

    /** max_pool2d. */
    public static PoolConfig max(int kernel, int stride, int padding, boolean ceilMode) {
        return windowed(PoolType.MAX, kernel, stride, padding, ceilMode);
    }

    /** avg_pool2d. */
    public static PoolConfig avg(int kernel, int stride, int padding, boolean ceilMode, boolean countIncludePad,
                                 Integer divisorOverride) {
        return new PoolConfig(PoolType.AVG, Size2.of(kernel), Size2.of(stride), Size2.of(padding), ceilMode,
                countIncludePad, divisorOverride, 0, null);
    }

    /** lp_pool2d with norm_type p (1 or 2). */
    public static PoolConfig lp(double p, int kernel, int stride, boolean ceilMode) {
        return new PoolConfig(PoolType.LP, Size2.of(kernel), Size2.of(stride), Size2.of(0), ceilMode, true, null, p,
                null);
    }

    /** An adaptive pooling to an outH x outW output. */
    public static PoolConfig adaptive(PoolType type, int outH, int outW) {
        return new PoolConfig(type, null, null, null, false, true, null, 0, Size2.of(outH, outW));
    }

    /** The stride in effect. */
    public Size2 effectiveStride() {
        return stride == null ? kernel : stride;
    }

    /**
     * Checks the arguments as the engine's op would, without an input.
     *
     * @throws IllegalArgumentException naming the op and the argument
     */
    public PoolConfig validate() {
        if (type.windowed()) {
            Tensor probe = Tensor.zeros(1, 1, 64, 64);
            apply(probe);
        } else if (outputSize.h() <= 0 || outputSize.w() <= 0) {
            throw new IllegalArgumentException(opName() + ": output_size must be positive, got " + outputSize);
        }
        if (type == PoolType.LP && normType != 1 && normType != 2) {
            throw new IllegalArgumentException("lp_pool2d: analyze covers norm_type 1 and 2, got " + Fmt.num(normType));
        }
        return this;
    }

    /** PyTorch's functional name, e.g. {@code avg_pool2d}. */
    public String opName() {
        switch (type) {
            case MAX: return "max_pool2d";
            case AVG: return "avg_pool2d";
            case LP: return "lp_pool2d";
            case ADAPTIVE_AVG: return "adaptive_avg_pool2d";
            default: return "adaptive_max_pool2d";
        }
    }

    /** The engine op on a [N, C, H, W] or [C, H, W] tensor (records autograd). */
    public Tensor apply(Tensor x) {
        switch (type) {
            case MAX:
                return Pooling.maxPool2d(x, MaxPool2dOptions.of(kernel).stride(effectiveStride()).padding(padding)
                        .ceilMode(ceilMode));
            case AVG:
                return Pooling.avgPool2d(x, new AvgPool2dOptions(kernel, effectiveStride(), padding, ceilMode,
                        countIncludePad, divisorOverride));
            case LP:
                return Pooling.lpPool2d(x, new LPPool2dOptions(normType, kernel, effectiveStride(), ceilMode));
            case ADAPTIVE_AVG:
                return Pooling.adaptiveAvgPool2d(x, outputSize);
            default:
                return Pooling.adaptiveMaxPool2d(x, outputSize.h(), outputSize.w());
        }
    }

    /** The module, e.g. {@code MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)}, printed as PyTorch prints it. */
    public Module module() {
        switch (type) {
            case MAX:
                return new MaxPool2d(MaxPool2dOptions.of(kernel).stride(effectiveStride()).padding(padding)
                        .ceilMode(ceilMode));
            case AVG:
                return new AvgPool2d(new AvgPool2dOptions(kernel, effectiveStride(), padding, ceilMode,
                        countIncludePad, divisorOverride));
            case LP:
                return new LPPool2d(new LPPool2dOptions(normType, kernel, effectiveStride(), ceilMode));
            case ADAPTIVE_AVG:
                return new AdaptiveAvgPool2d(outputSize);
            default:
                return new AdaptiveMaxPool2d(outputSize, false);
        }
    }

    /** Output height and width for an H x W input (windowed: PyTorch's formula; adaptive: outputSize). */
    public int[] outputSize(int h, int w) {
        if (!type.windowed()) {
            return new int[] {outputSize.h(), outputSize.w()};
        }
        Size2 s = effectiveStride();
        return new int[] {Pooling.outputSize(h, kernel.h(), s.h(), padding.h(), 1, ceilMode),
            Pooling.outputSize(w, kernel.w(), s.w(), padding.w(), 1, ceilMode)};
    }

    /** Whether an H x W input is accepted (output at least 1x1). */
    public boolean accepts(int h, int w) {
        int[] o = outputSize(h, w);
        return o[0] >= 1 && o[1] >= 1;
    }

    /** A short label for tables: {@code max k2 s2}, {@code avg k3 s2 p1 cip}, {@code lp2 k2 s2}, {@code adaptive_avg 2x2}. */
    public String label() {
        if (!type.windowed()) {
            return type.label() + " " + outputSize.h() + "x" + outputSize.w();
        }
        StringBuilder sb = new StringBuilder(type == PoolType.LP ? "lp" + Fmt.num(normType) : type.label());
        sb.append(" k").append(size(kernel)).append(" s").append(size(effectiveStride()));
        if (padding.h() != 0 || padding.w() != 0) {
            sb.append(" p").append(size(padding));
        }
        if (ceilMode) {
            sb.append(" ceil");
        }
        if (type == PoolType.AVG) {
            if (divisorOverride != null) {
                sb.append(" div").append(divisorOverride);
            } else if (padding.h() != 0 || padding.w() != 0) {
                sb.append(countIncludePad ? " cip" : " nocip");
            }
        }
        return sb.toString();
    }

    private static String size(Size2 s) {
        return s.h() == s.w() ? Integer.toString(s.h()) : s.h() + "x" + s.w();
    }

    /**
     * The JSON object of this pooling, as {@code compare} writes it ({@code kind}, {@code kernel},
     * {@code stride}, {@code padding}, {@code ceil_mode}, {@code count_include_pad}) plus
     * {@code divisor_override}, {@code norm_type} or {@code output_size} where they apply.
     */
    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", type.label());
        if (type.windowed()) {
            m.put("kernel", pair(kernel));
            m.put("stride", pair(effectiveStride()));
            m.put("padding", pair(padding));
            m.put("ceil_mode", ceilMode);
            m.put("count_include_pad", countIncludePad);
            if (type == PoolType.AVG) {
                m.put("divisor_override", divisorOverride);
            }
            if (type == PoolType.LP) {
                m.put("norm_type", normType);
            }
        } else {
            m.put("output_size", pair(outputSize));
        }
        m.put("label", label());
        return m;
    }

    private static int[] pair(Size2 s) {
        return new int[] {s.h(), s.w()};
    }
}
