package org.poolact.nn.functional;

import org.poolact.autograd.Autograd;
import org.poolact.kernels.Conv2dKernel;
import org.poolact.tensor.DType;
import org.poolact.tensor.Shape;
import org.poolact.tensor.Tensor;

/**
 * {@code torch.nn.functional.conv2d} (a cross-correlation, as in PyTorch), plus the padding modes of
 * {@code nn.Conv2d}. Input [N, C, H, W] or unbatched [C, H, W]; weight [O, C / groups, kH, kW];
 * bias [O] or null. Output [N, O, H_out, W_out] with
 * H_out = floor((H + padTop + padBottom - dilation * (kH - 1) - 1) / stride) + 1 (see {@link #outputSize}).
 * grad_fn ConvolutionBackward0, with gradients for input, weight and bias. Computed by
 * {@link Conv2dKernel#selected()}: float32 in float (as libtorch), float64 in double.
 */
public final class Convolution {
    private static final String OP = "conv2d";

    private Convolution() {
    }

    /** {@code F.conv2d(input, weight, bias)}: stride 1, padding 0, dilation 1, groups 1. */
    public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias) {
        return conv2d(input, weight, bias, Conv2dOptions.DEFAULT);
    }

    /** {@code F.conv2d(input, weight, bias, stride, padding)}. */
    public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, int stride, int padding) {
        return conv2d(input, weight, bias, Conv2dOptions.builder().stride(stride).padding(padding).build());
    }

    /** {@code F.conv2d(input, weight, bias, stride, padding, dilation, groups)}. */
    public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, int stride, int padding, int dilation,
                                int groups) {
        return conv2d(input, weight, bias, Conv2dOptions.builder().stride(stride).padding(padding)
                .dilation(dilation).groups(groups).build());
    }

    /** {@code F.conv2d(input, weight, bias, stride, padding, dilation, groups)} with a padding spec ('same', 'valid', pairs). */
    public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, int stride, ConvPadding padding,
                                int dilation, int groups) {
        return conv2d(input, weight, bias, Conv2dOptions.builder().stride(stride).padding(padding)
                .dilation(dilation).groups(groups).build());
    }

    /**
     * The convolution with all options. For a padding mode other than ZEROS, the input is first padded
     * with {@link Padding#pad} by the amounts of {@code options.padding()} and then convolved with
     * padding 0, exactly as {@code nn.Conv2d} does.
     *
     * @throws IllegalArgumentException on a wrong rank, channel mismatch, groups not dividing the
     *                                  channels, a kernel larger than the padded input, non-positive
     *                                  stride/dilation/groups, a wrong bias shape, or mixed dtypes
     */
    public static Tensor conv2d(Tensor input, Tensor weight, Tensor bias, Conv2dOptions options) {
        if (input.dim() != 3 && input.dim() != 4) {
            throw new IllegalArgumentException("Expected 3D (unbatched) or 4D (batched) input to conv2d, but got "
                    + "input of size: " + Shape.str(input.shape()));
        }
        if (input.dim() == 3) {
            // NOTE: like PyTorch's batchify: unsqueeze(0), convolve, squeeze(0) (grad_fn SqueezeBackward1).
            return conv2d(input.unsqueeze(0), weight, bias, options).squeeze(0);
        }
        validate(input, weight, bias, options);
        int[] pads = options.padding().resolve(weight.size(2), weight.size(3), options.dilationH(),
                options.dilationW());
        Tensor x = input;
        if (options.paddingMode() != PaddingMode.ZEROS && (pads[0] | pads[1] | pads[2] | pads[3]) != 0) {
            x = Padding.pad(input, pads[2], pads[3], pads[0], pads[1], options.paddingMode().padMode());
            pads = new int[4];
        }
        return convolve(x, weight, bias, options, pads);
    }

    /**
     * Output length along one dim: floor((in + 2 * padding - dilation * (kernel - 1) - 1) / stride) + 1.
     */
    public static int outputSize(int inputSize, int kernelSize, int stride, int padding, int dilation) {
        return outputSize(inputSize, kernelSize, stride, padding, padding, dilation);
    }

    /** As {@link #outputSize(int, int, int, int, int)} with different padding before and after (e.g. 'same'). */
    public static int outputSize(int inputSize, int kernelSize, int stride, int padBefore, int padAfter,
                                 int dilation) {
        return Math.floorDiv(inputSize + padBefore + padAfter - dilation * (kernelSize - 1) - 1, stride) + 1;
    }

    private static void validate(Tensor input, Tensor weight, Tensor bias, Conv2dOptions o) {
        if (weight.dim() != 4) {
            throw new IllegalArgumentException(OP + ": expected weight to be 4-D [out_channels, in_channels / groups, "
                    + "kH, kW], but got weight of size " + Shape.str(weight.shape()));
        }
        if (weight.size(2) <= 0 || weight.size(3) <= 0) {
            // NOTE: without this a 0-wide kernel "fits" any input and gives an output larger than the input.
            throw new IllegalArgumentException(OP + ": kernel size should be greater than zero, but got kernel_height: "
                    + weight.size(2) + " kernel_width: " + weight.size(3) + " (weight of size "
                    + Shape.str(weight.shape()) + ")");
        }
        if (input.dtype() != weight.dtype() || (bias != null && bias.dtype() != weight.dtype())) {
            throw new IllegalArgumentException(OP + ": expected input, weight and bias of the same dtype, but got input "
                    + input.dtype() + ", weight " + weight.dtype() + (bias == null ? "" : ", bias " + bias.dtype()));
        }
        if (o.strideH() <= 0 || o.strideW() <= 0) {
            throw new IllegalArgumentException(OP + ": non-positive stride is not supported, got stride=("
                    + o.strideH() + ", " + o.strideW() + ")");
        }
        if (o.dilationH() <= 0 || o.dilationW() <= 0) {
            throw new IllegalArgumentException(OP + ": dilation should be greater than zero, got dilation=("
                    + o.dilationH() + ", " + o.dilationW() + ")");
        }
        if (o.groups() <= 0) {
            throw new IllegalArgumentException(OP + ": non-positive groups is not supported, got groups=" + o.groups());
        }
        if (o.padding().kind() == ConvPadding.Kind.SAME && (o.strideH() != 1 || o.strideW() != 1)) {
            throw new IllegalArgumentException(OP + ": padding='same' is not supported for strided convolutions, got "
                    + "stride=(" + o.strideH() + ", " + o.strideW() + ")");
        }
        int outC = weight.size(0);
        if (outC % o.groups() != 0) {
            throw new IllegalArgumentException(OP + ": Given groups=" + o.groups() + ", expected weight to be divisible by "
                    + o.groups() + " at dimension 0, but got weight of size " + Shape.str(weight.shape()) + " instead");
        }
        int expectC = weight.size(1) * o.groups();
        if (input.size(1) != expectC) {
            throw new IllegalArgumentException(OP + ": Given groups=" + o.groups() + ", weight of size "
                    + Shape.str(weight.shape()) + ", expected input" + Shape.str(input.shape()) + " to have " + expectC
                    + " channels, but got " + input.size(1) + " channels instead");
        }
        if (bias != null && (bias.dim() != 1 || bias.size(0) != outC)) {
            throw new IllegalArgumentException(OP + ": Given weight of size " + Shape.str(weight.shape())
                    + ", expected bias to be 1-dimensional with " + outC + " elements, but got bias of size "
                    + Shape.str(bias.shape()) + " instead");
        }
        int[] pads = o.padding().resolve(weight.size(2), weight.size(3), o.dilationH(), o.dilationW());
        int ph = input.size(2) + pads[0] + pads[1];
        int pw = input.size(3) + pads[2] + pads[3];
        int kh = o.dilationH() * (weight.size(2) - 1) + 1;
        int kw = o.dilationW() * (weight.size(3) - 1) + 1;
        if (ph < kh || pw < kw) {
            throw new IllegalArgumentException(OP + ": Calculated padded input size per channel: (" + ph + " x " + pw
                    + "). Kernel size: (" + kh + " x " + kw + "). Kernel size can't be greater than actual input size");
        }
    }

    /** The zero-padded convolution of a validated 4-D input; pads = {top, bottom, left, right}. */
    private static Tensor convolve(Tensor x, Tensor weight, Tensor bias, Conv2dOptions o, int[] pads) {
        int[] s = x.shape();
        int kh = weight.size(2);
        int kw = weight.size(3);
        int oh = outputSize(s[2], kh, o.strideH(), pads[0], pads[1], o.dilationH());
        int ow = outputSize(s[3], kw, o.strideW(), pads[2], pads[3], o.dilationW());
        Conv2dKernel.Geometry geo = new Conv2dKernel.Geometry(s[0], s[1], s[2], s[3], weight.size(0), kh, kw,
                o.strideH(), o.strideW(), pads[0], pads[2], o.dilationH(), o.dilationW(), o.groups(), oh, ow);
        Conv2dKernel k = Conv2dKernel.selected();
        if (x.dtype() == DType.FLOAT32) {
            // NOTE: float32 stays in float end to end (the kernel decides how it accumulates).
            Tensor result = Tensor.wrap(k.forward(geo, x.floatData(), weight.floatData(),
                    bias == null ? null : bias.floatData()), s[0], weight.size(0), oh, ow);
            return Autograd.record(result, "ConvolutionBackward0", g -> {
                float[] gd = g.dtype() == DType.FLOAT32 ? g.floatData() : g.toFloatArray();
                Tensor gx = x.requiresGrad() ? Tensor.wrap(k.backwardInput(geo, gd, weight.floatData()), s) : null;
                Tensor gw = weight.requiresGrad()
                        ? Tensor.wrap(k.backwardWeight(geo, gd, x.floatData()), weight.shape()) : null;
                Tensor gb = bias != null && bias.requiresGrad()
                        ? Tensor.wrap(k.backwardBias(geo, gd), bias.shape()) : null;
                return new Tensor[] {gx, gw, gb};
            }, x, weight, bias);
        }
        double[] out = k.forward(geo, x.toDoubleArray(), weight.toDoubleArray(),
                bias == null ? null : bias.toDoubleArray());
        Tensor result = Tensor.fromDoubles(out, x.dtype(), s[0], weight.size(0), oh, ow);
        return Autograd.record(result, "ConvolutionBackward0", g -> {
            double[] gd = g.toDoubleArray();
            Tensor gx = x.requiresGrad() ? Tensor.fromDoubles(
                    k.backwardInput(geo, gd, weight.toDoubleArray()), x.dtype(), s) : null;
            Tensor gw = weight.requiresGrad() ? Tensor.fromDoubles(
                    k.backwardWeight(geo, gd, x.toDoubleArray()), weight.dtype(), weight.shape()) : null;
            Tensor gb = bias != null && bias.requiresGrad() ? Tensor.fromDoubles(
                    k.backwardBias(geo, gd), bias.dtype(), bias.shape()) : null;
            return new Tensor[] {gx, gw, gb};
        }, x, weight, bias);
    }
}
