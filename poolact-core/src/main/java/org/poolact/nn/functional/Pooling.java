package org.poolact.nn.functional;

import java.util.Arrays;

import org.poolact.autograd.Autograd;
import org.poolact.kernels.PoolKernels;
import org.poolact.kernels.PoolWindow;
import org.poolact.ops.Elementwise;
import org.poolact.ops.Reductions;
import org.poolact.tensor.DType;
import org.poolact.tensor.IndexTensor;
import org.poolact.tensor.Tensor;

/**
 * 2-D pooling, {@code torch.nn.functional.{max,avg,adaptive_avg,adaptive_max,lp}_pool2d}, with
 * PyTorch 2.7.1's CPU semantics. Inputs are {@code [N, C, H, W]} or unbatched {@code [C, H, W]};
 * the output keeps the input's rank. The loops live in {@link PoolKernels}.
 *
 * <p>Output size along one dimension (see {@link #outputSize}):
 * {@code out = floor((in + 2*pad - dilation*(k-1) - 1 + (ceil_mode ? stride-1 : 0)) / stride) + 1},
 * and in ceil mode a last window that would start in the right padding is dropped.
 */
public final class Pooling {
    private Pooling() {
    }

    /** {@code (output, indices)} of a max pool; indices are flat positions within each H*W input plane. */
    public record MaxPoolResult(Tensor output, IndexTensor indices) {
    }

    // ------------------------------------------------------------------ output size

    /**
     * PyTorch's {@code pooling_output_shape}: {@code floor((inputSize + 2*padding - dilation*(kernelSize-1) - 1
     * + (ceilMode ? stride-1 : 0)) / stride) + 1}; in ceil mode, if the last window would start at or
     * after {@code inputSize + padding} (inside the right padding) it is dropped. No argument checks;
     * the result may be zero or negative for a kernel bigger than the padded input.
     */
    public static int outputSize(int inputSize, int kernelSize, int stride, int padding, int dilation,
                                 boolean ceilMode) {
        int numerator = inputSize + 2 * padding - dilation * (kernelSize - 1) - 1 + (ceilMode ? stride - 1 : 0);
        int out = Math.floorDiv(numerator, stride) + 1;
        // NOTE: without this, ceil mode could create a window that sees only right padding.
        if (ceilMode && (out - 1) * stride >= inputSize + padding) {
            out--;
        }
        return out;
    }

    // ------------------------------------------------------------------ max_pool2d

    /** {@code F.max_pool2d(x, kernelSize)}: square kernel, stride = kernel, no padding. */
    public static Tensor maxPool2d(Tensor x, int kernelSize) {
        return maxPool2d(x, MaxPool2dOptions.of(kernelSize));
    }

    /**
     * {@code F.max_pool2d(x, ...)}: the maximum of each window; padding counts as -inf. On ties the
     * first maximum in row-major window order is taken; a NaN in the window makes the output NaN (the
     * last NaN is taken). The gradient goes only to the taken element (MaxPool2DWithIndicesBackward0).
     * {@code returnIndices} in the options is ignored here; use {@link #maxPool2dWithIndices}.
     */
    public static Tensor maxPool2d(Tensor x, MaxPool2dOptions o) {
        return maxPool2dWithIndices(x, o).output();
    }

    /** {@code F.max_pool2d(x, ..., return_indices=True)}: output and int64 indices into each H*W plane. */
    public static MaxPoolResult maxPool2dWithIndices(Tensor x, MaxPool2dOptions o) {
        String op = "max_pool2d";
        Size2 k = o.kernelSize();
        Size2 s = o.effectiveStride();
        checkWindow(op, k, s, o.padding(), o.dilation());
        Planes p = Planes.of(op, x);
        PoolWindow g = window(op, p, k, s, o.padding(), o.dilation(), o.ceilMode());
        int outPlane = g.outH() * g.outW();
        if (x.dtype() == DType.FLOAT32) {
            return maxPool2dFloat(x, p, g);
        }
        double[] out = new double[p.count * outPlane];
        long[] idx = new long[out.length];
        PoolKernels.maxPool2d(x.toDoubleArray(), p.count, g, out, idx);
        int[] outShape = p.outShape(g.outH(), g.outW());
        Tensor y = Tensor.fromDoubles(out, x.dtype(), outShape);
        IndexTensor indices = new IndexTensor(idx, outShape);
        boolean f32 = x.dtype() == DType.FLOAT32;
        Autograd.record(y, "MaxPool2DWithIndicesBackward0", grad -> {
            double[] gi = new double[x.numel()];
            PoolKernels.scatterAddByIndex(grad.toDoubleArray(), idx, p.count, p.h * p.w, outPlane, gi, f32);
            return new Tensor[] {Tensor.fromDoubles(gi, x.dtype(), x.shape())};
        }, x);
        return new MaxPoolResult(y, indices);
    }

    /** {@link #maxPool2dWithIndices} for float32, in float end to end (same scan, ties and NaN rule). */
    private static MaxPoolResult maxPool2dFloat(Tensor x, Planes p, PoolWindow g) {
        int outPlane = g.outH() * g.outW();
        float[] out = new float[p.count * outPlane];
        long[] idx = new long[out.length];
        PoolKernels.maxPool2d(x.floatData(), p.count, g, out, idx);
        int[] outShape = p.outShape(g.outH(), g.outW());
        Tensor y = Tensor.wrap(out, outShape);
        Autograd.record(y, "MaxPool2DWithIndicesBackward0", grad -> {
            float[] gi = new float[x.numel()];
            float[] go = grad.dtype() == DType.FLOAT32 ? grad.floatData() : grad.toFloatArray();
            PoolKernels.scatterAddByIndex(go, idx, p.count, p.h * p.w, outPlane, gi);
            return new Tensor[] {Tensor.wrap(gi, x.shape())};
        }, x);
        return new MaxPoolResult(y, new IndexTensor(idx, outShape));
    }

    // ------------------------------------------------------------------ avg_pool2d

    /** {@code F.avg_pool2d(x, kernelSize)}: square kernel, stride = kernel, no padding. */
    public static Tensor avgPool2d(Tensor x, int kernelSize) {
        return avgPool2d(x, AvgPool2dOptions.of(kernelSize));
    }

    /**
     * {@code F.avg_pool2d(x, ...)}: sum of each window's input elements divided by, in PyTorch's order
     * of precedence: divisor_override; else with count_include_pad the window size clipped to the
     * padded input (so a ceil-mode window hanging past the right padding counts only up to it);
     * else the number of input elements in the window. grad_fn AvgPool2DBackward0.
     */
    public static Tensor avgPool2d(Tensor x, AvgPool2dOptions o) {
        String op = "avg_pool2d";
        Size2 k = o.kernelSize();
        Size2 s = o.effectiveStride();
        Size2 one = Size2.of(1);
        checkWindow(op, k, s, o.padding(), one);
        Integer div = o.divisorOverride();
        if (div != null && div == 0) {
            throw new IllegalArgumentException(op + ": divisor must be not zero, but got divisor_override=0");
        }
        Planes p = Planes.of(op, x);
        PoolWindow g = window(op, p, k, s, o.padding(), one, o.ceilMode());
        boolean f32 = x.dtype() == DType.FLOAT32;
        boolean include = o.countIncludePad();
        if (f32) {
            // NOTE: float32 in float end to end, the same sums and quotients (see the float kernel)
            float[] outF = new float[p.count * g.outH() * g.outW()];
            PoolKernels.avgPool2d(x.floatData(), p.count, g, include, div, outF);
            Tensor yf = Tensor.wrap(outF, p.outShape(g.outH(), g.outW()));
            return Autograd.record(yf, "AvgPool2DBackward0", grad -> {
                float[] gi = new float[x.numel()];
                float[] go = grad.dtype() == DType.FLOAT32 ? grad.floatData() : grad.toFloatArray();
                PoolKernels.avgPool2dBackward(go, p.count, g, include, div, gi);
                return new Tensor[] {Tensor.wrap(gi, x.shape())};
            }, x);
        }
        double[] out = new double[p.count * g.outH() * g.outW()];
        PoolKernels.avgPool2d(x.toDoubleArray(), p.count, g, include, div, out, f32);
        Tensor y = Tensor.fromDoubles(out, x.dtype(), p.outShape(g.outH(), g.outW()));
        return Autograd.record(y, "AvgPool2DBackward0", grad -> {
            double[] gi = new double[x.numel()];
            PoolKernels.avgPool2dBackward(grad.toDoubleArray(), p.count, g, include, div, gi, f32);
            return new Tensor[] {Tensor.fromDoubles(gi, x.dtype(), x.shape())};
        }, x);
    }

    // ------------------------------------------------------------------ adaptive pools

    /** {@code F.adaptive_avg_pool2d(x, outputSize)} with a square output. */
    public static Tensor adaptiveAvgPool2d(Tensor x, int outputSize) {
        return adaptiveAvgPool2d(x, Size2.of(outputSize));
    }

    /** {@code F.adaptive_avg_pool2d(x, (outH, outW))}. */
    public static Tensor adaptiveAvgPool2d(Tensor x, int outH, int outW) {
        return adaptiveAvgPool2d(x, Size2.of(outH, outW));
    }

    /**
     * {@code F.adaptive_avg_pool2d}: output cell (i, j) averages rows [floor(i*H/outH), ceil((i+1)*H/outH))
     * and the matching columns; the sum is divided by the row count, then by the column count.
     * grad_fn AdaptiveAvgPool2DBackward0, except for a 1x1 output, where PyTorch computes
     * {@code x.mean((-1, -2), keepdim=True)} and the grad_fn is MeanBackward1.
     */
    public static Tensor adaptiveAvgPool2d(Tensor x, Size2 outputSize) {
        String op = "adaptive_avg_pool2d";
        Planes p = Planes.ofAdaptive(op, x, outputSize);
        int oh = outputSize.h();
        int ow = outputSize.w();
        if (oh == 1 && ow == 1) {
            // NOTE: PyTorch's shortcut; changes the grad_fn name, not the value.
            return Reductions.mean(x, new int[] {-1, -2}, true);
        }
        boolean f32 = x.dtype() == DType.FLOAT32;
        double[] out = new double[p.count * oh * ow];
        PoolKernels.adaptiveAvgPool2d(x.toDoubleArray(), p.count, p.h, p.w, oh, ow, out, f32);
        Tensor y = Tensor.fromDoubles(out, x.dtype(), p.outShape(oh, ow));
        return Autograd.record(y, "AdaptiveAvgPool2DBackward0", grad -> {
            double[] gi = new double[x.numel()];
            PoolKernels.adaptiveAvgPool2dBackward(grad.toDoubleArray(), p.count, p.h, p.w, oh, ow, gi, f32);
            return new Tensor[] {Tensor.fromDoubles(gi, x.dtype(), x.shape())};
        }, x);
    }

    /** {@code F.adaptive_max_pool2d(x, outputSize)} with a square output. */
    public static Tensor adaptiveMaxPool2d(Tensor x, int outputSize) {
        return adaptiveMaxPool2dWithIndices(x, Size2.of(outputSize)).output();
    }

    /** {@code F.adaptive_max_pool2d(x, (outH, outW))}. */
    public static Tensor adaptiveMaxPool2d(Tensor x, int outH, int outW) {
        return adaptiveMaxPool2dWithIndices(x, Size2.of(outH, outW)).output();
    }

    /**
     * {@code F.adaptive_max_pool2d(x, outputSize, return_indices=True)}: the maximum over the same
     * windows as {@link #adaptiveAvgPool2d(Tensor, Size2)}, with max_pool2d's tie and NaN rules.
     * grad_fn AdaptiveMaxPool2DBackward0.
     */
    public static MaxPoolResult adaptiveMaxPool2dWithIndices(Tensor x, Size2 outputSize) {
        String op = "adaptive_max_pool2d";
        Planes p = Planes.ofAdaptive(op, x, outputSize);
        int oh = outputSize.h();
        int ow = outputSize.w();
        double[] out = new double[p.count * oh * ow];
        long[] idx = new long[out.length];
        PoolKernels.adaptiveMaxPool2d(x.toDoubleArray(), p.count, p.h, p.w, oh, ow, out, idx);
        int[] outShape = p.outShape(oh, ow);
        Tensor y = Tensor.fromDoubles(out, x.dtype(), outShape);
        boolean f32 = x.dtype() == DType.FLOAT32;
        Autograd.record(y, "AdaptiveMaxPool2DBackward0", grad -> {
            double[] gi = new double[x.numel()];
            PoolKernels.scatterAddByIndex(grad.toDoubleArray(), idx, p.count, p.h * p.w, oh * ow, gi, f32);
            return new Tensor[] {Tensor.fromDoubles(gi, x.dtype(), x.shape())};
        }, x);
        return new MaxPoolResult(y, new IndexTensor(idx, outShape));
    }

    // ------------------------------------------------------------------ lp_pool2d

    /** {@code F.lp_pool2d(x, normType, kernelSize)}: stride = kernel, floor mode. */
    public static Tensor lpPool2d(Tensor x, double normType, int kernelSize) {
        return lpPool2d(x, LPPool2dOptions.of(normType, kernelSize));
    }

    /**
     * {@code F.lp_pool2d}, composed exactly as PyTorch does:
     * {@code out = avg_pool2d(x.pow(p), kernel, stride, 0, ceil_mode)}, then
     * {@code (sign(out) * relu(|out|)).mul(kW*kH).pow(1/p)}. So p=1 is a sum pool that keeps negative
     * sums; for a ceil-mode window clipped at the edge the average's clipped divisor times kW*kH is
     * not a plain sum (as in PyTorch); a fractional p on negative inputs gives NaN; where the pooled
     * value is 0 the gradient is 0. grad_fn PowBackward0.
     */
    public static Tensor lpPool2d(Tensor x, LPPool2dOptions o) {
        double p = o.normType();
        if (p == 0 || Double.isNaN(p)) {
            throw new IllegalArgumentException("lp_pool2d: norm_type must be a non-zero number, but got " + p);
        }
        Size2 k = o.kernelSize();
        AvgPool2dOptions avg = new AvgPool2dOptions(k, o.effectiveStride(), Size2.of(0), o.ceilMode(), true, null);
        Tensor pooled;
        try {
            pooled = avgPool2d(Elementwise.pow(x, p), avg);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage().replaceFirst("^avg_pool2d", "lp_pool2d"), e);
        }
        return signReluAbs(pooled).mul((double) k.h() * k.w()).pow(1.0 / p);
    }

    /** {@code sign(v) * relu(|v|)}: v, with zero (and -0) mapped to +0; d/dv = 1 where v != 0, else 0. */
    private static Tensor signReluAbs(Tensor v) {
        Tensor out = Elementwise.map(v, a -> a != 0 ? a : 0.0);
        return Autograd.record(out, "MulBackward0",
                g -> new Tensor[] {Elementwise.zip(g, v.detach(), g.dtype(), (gi, a) -> a != 0 ? gi : 0.0)}, v);
    }

    // ------------------------------------------------------------------ argument checks

    private static void checkWindow(String op, Size2 k, Size2 s, Size2 pad, Size2 dil) {
        if (k.h() <= 0 || k.w() <= 0) {
            throw new IllegalArgumentException(op + ": kernel_size should be greater than zero, but got kH: " + k.h()
                    + " kW: " + k.w());
        }
        if (s.h() <= 0 || s.w() <= 0) {
            throw new IllegalArgumentException(op + ": stride should be greater than zero, but got dH: " + s.h()
                    + " dW: " + s.w());
        }
        if (dil.h() <= 0 || dil.w() <= 0) {
            throw new IllegalArgumentException(op + ": dilation should be greater than zero, but got dilationH: "
                    + dil.h() + " dilationW: " + dil.w());
        }
        checkPad(op, pad.h(), k.h(), dil.h());
        checkPad(op, pad.w(), k.w(), dil.w());
        if (k.w() / 2 < pad.w() || k.h() / 2 < pad.h()) {
            // NOTE: with dilation > 1 the effective-kernel check above passes more; PyTorch then applies this one.
            throw new IllegalArgumentException(op + ": pad should be smaller than or equal to half of kernel size, "
                    + "but got padW = " + pad.w() + ", padH = " + pad.h() + ", kW = " + k.w() + ", kH = " + k.h());
        }
    }

    private static void checkPad(String op, int pad, int k, int dil) {
        if (pad < 0) {
            throw new IllegalArgumentException(op + ": pad must be non-negative, but got pad: " + pad);
        }
        if (pad > ((k - 1) * dil + 1) / 2) {
            throw new IllegalArgumentException(op + ": pad should be at most half of effective kernel size, but got pad="
                    + pad + ", kernel_size=" + k + " and dilation=" + dil);
        }
    }

    private static PoolWindow window(String op, Planes p, Size2 k, Size2 s, Size2 pad, Size2 dil, boolean ceil) {
        int oh = outputSize(p.h, k.h(), s.h(), pad.h(), dil.h(), ceil);
        int ow = outputSize(p.w, k.w(), s.w(), pad.w(), dil.w(), ceil);
        if (oh < 1 || ow < 1) {
            throw new IllegalArgumentException(op + ": Given input size: (" + p.channels + "x" + p.h + "x" + p.w
                    + "). Calculated output size: (" + p.channels + "x" + oh + "x" + ow + "). Output size is too small");
        }
        return new PoolWindow(k.h(), k.w(), s.h(), s.w(), pad.h(), pad.w(), dil.h(), dil.w(), p.h, p.w, oh, ow);
    }

    /** The input seen as {@code count} planes of h x w, plus its leading dims for the output shape. */
    private static final class Planes {
        final int[] lead;
        final int count;
        final int channels;
        final int h;
        final int w;

        private Planes(int[] shape) {
            this.lead = Arrays.copyOf(shape, shape.length - 2);
            int c = 1;
            for (int d : lead) {
                c *= d;
            }
            this.count = c;
            this.channels = shape[shape.length - 3];
            this.h = shape[shape.length - 2];
            this.w = shape[shape.length - 1];
        }

        /** Windowed pools: 3-D or 4-D with non-zero C, H, W (batch may be 0), as pool2d_shape_check. */
        static Planes of(String op, Tensor x) {
            int[] s = x.shape();
            boolean ok = (s.length == 3 || s.length == 4);
            for (int d = s.length - 3; ok && d < s.length; d++) {
                ok = s[d] != 0;
            }
            if (!ok) {
                throw new IllegalArgumentException(op + ": Expected 3D or 4D (batch mode) tensor with optional 0 dim "
                        + "batch size for input, but got: " + Arrays.toString(s));
            }
            return new Planes(s);
        }

        static Planes ofAdaptive(String op, Tensor x, Size2 outputSize) {
            int[] s = x.shape();
            if (s.length != 3 && s.length != 4) {
                throw new IllegalArgumentException(op + "(): Expected 3D or 4D tensor, but got: " + Arrays.toString(s));
            }
            for (int d = s.length - 3; d < s.length; d++) {
                if (s[d] == 0) {
                    throw new IllegalArgumentException(op + "(): Expected input to have non-zero size for non-batch "
                            + "dimensions, but input has sizes " + Arrays.toString(s) + " with dimension " + d
                            + " being empty");
                }
            }
            if (outputSize.h() <= 0 || outputSize.w() <= 0) {
                // NOTE: PyTorch accepts 0 here and returns an empty tensor; we refuse it as a bad size.
                throw new IllegalArgumentException(op + ": elements of output_size must be greater than 0, but got ("
                        + outputSize.h() + ", " + outputSize.w() + ")");
            }
            return new Planes(s);
        }

        int[] outShape(int oh, int ow) {
            int[] out = Arrays.copyOf(lead, lead.length + 2);
            out[lead.length] = oh;
            out[lead.length + 1] = ow;
            return out;
        }
    }
}
