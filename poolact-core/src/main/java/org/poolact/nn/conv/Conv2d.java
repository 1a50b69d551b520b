package org.poolact.nn.conv;

import org.poolact.nn.Module;
import org.poolact.nn.functional.Conv2dOptions;
import org.poolact.nn.functional.ConvPadding;
import org.poolact.nn.functional.Convolution;
import org.poolact.nn.functional.PaddingMode;
import org.poolact.nn.init.Init;
import org.poolact.random.Generator;
import org.poolact.tensor.Tensor;

/**
 * {@code torch.nn.Conv2d(in_channels, out_channels, kernel_size, stride=1, padding=0, dilation=1,
 * groups=1, bias=True, padding_mode='zeros')}: a thin module over {@link Convolution#conv2d}.
 * Parameters "weight" [out, in / groups, kH, kW] and "bias" [out], initialised as PyTorch's
 * {@code reset_parameters}: kaiming_uniform_(weight, a=sqrt(5)), then bias ~ U(-1/sqrt(fan_in), 1/sqrt(fan_in))
 * with fan_in = in / groups * kH * kW, both drawn from the given generator (weight first).
 */
public class Conv2d extends Module {
    private final int inChannels;
    private final int outChannels;
    private final int kernelH;
    private final int kernelW;
    private final Conv2dOptions options;
    private final Tensor weight;
    private final Tensor bias;

    /** {@code nn.Conv2d(in, out, kernel_size)} on the default generator. */
    public Conv2d(int inChannels, int outChannels, int kernelSize) {
        this(builder(inChannels, outChannels, kernelSize));
    }

    /** {@code nn.Conv2d(in, out, kernel_size, stride)} on the default generator. */
    public Conv2d(int inChannels, int outChannels, int kernelSize, int stride) {
        this(builder(inChannels, outChannels, kernelSize).stride(stride));
    }

    /** {@code nn.Conv2d(in, out, kernel_size, stride, padding)} on the default generator. */
    public Conv2d(int inChannels, int outChannels, int kernelSize, int stride, int padding) {
        this(builder(inChannels, outChannels, kernelSize).stride(stride).padding(padding));
    }

    /** {@code nn.Conv2d(in, out, kernel_size)} drawing its initial weights from {@code generator}. */
    public Conv2d(int inChannels, int outChannels, int kernelSize, Generator generator) {
        this(builder(inChannels, outChannels, kernelSize).generator(generator));
    }

    /** {@code nn.Conv2d(in, out, kernel_size, stride, padding)} drawing from {@code generator}. */
    public Conv2d(int inChannels, int outChannels, int kernelSize, int stride, int padding, Generator generator) {
        this(builder(inChannels, outChannels, kernelSize).stride(stride).padding(padding).generator(generator));
    }

    private Conv2d(Builder b) {
        this.inChannels = b.inChannels;
        this.outChannels = b.outChannels;
        this.kernelH = b.kernelH;
        this.kernelW = b.kernelW;
        this.options = b.options.build();
        int groups = options.groups();
        if (groups <= 0) {
            throw new IllegalArgumentException("Conv2d: groups must be a positive integer, got groups=" + groups);
        }
        if (inChannels % groups != 0) {
            throw new IllegalArgumentException("Conv2d: in_channels must be divisible by groups, got in_channels="
                    + inChannels + ", groups=" + groups);
        }
        if (outChannels % groups != 0) {
            throw new IllegalArgumentException("Conv2d: out_channels must be divisible by groups, got out_channels="
                    + outChannels + ", groups=" + groups);
        }
        if (inChannels <= 0 || outChannels <= 0 || kernelH <= 0 || kernelW <= 0) {
            throw new IllegalArgumentException("Conv2d: in_channels, out_channels and kernel_size must be positive, got "
                    + inChannels + ", " + outChannels + ", kernel_size=(" + kernelH + ", " + kernelW + ")");
        }
        if (options.padding().kind() == ConvPadding.Kind.SAME && (options.strideH() != 1 || options.strideW() != 1)) {
            throw new IllegalArgumentException("Conv2d: padding='same' is not supported for strided convolutions, got "
                    + "stride=(" + options.strideH() + ", " + options.strideW() + ")");
        }
        Generator g = b.generator == null ? Generator.defaultGenerator() : b.generator;
        this.weight = registerParameter("weight", Tensor.empty(b.dtype, outChannels, inChannels / groups, kernelH, kernelW));
        this.bias = registerParameter("bias", b.bias ? Tensor.empty(b.dtype, outChannels) : null);
        resetParameters(g);
    }

    /** A builder with PyTorch's defaults for a square kernel. */
    public static Builder builder(int inChannels, int outChannels, int kernelSize) {
        return new Builder(inChannels, outChannels, kernelSize, kernelSize);
    }

    /** A builder with PyTorch's defaults for a (kH, kW) kernel. */
    public static Builder builder(int inChannels, int outChannels, int kernelH, int kernelW) {
        return new Builder(inChannels, outChannels, kernelH, kernelW);
    }

    /** Re-draws the parameters as PyTorch's {@code _ConvNd.reset_parameters} does. */
    public final void resetParameters(Generator g) {
        // NOTE: differs from Linear on purpose, as in PyTorch: with fan_in == 0 the conv bias is not drawn at
        // all (no random numbers consumed), while Linear draws it from U(0, 0).
        Init.kaimingUniform_(weight, Math.sqrt(5), g);
        if (bias != null) {
            int fanIn = Init.fanInAndFanOut(weight)[0];
            if (fanIn != 0) {
                double bound = 1 / Math.sqrt(fanIn);
                Init.uniform_(bias, -bound, bound, g);
            }
        }
    }

    @Override
    public Tensor forward(Tensor input) {
        return Convolution.conv2d(input, weight, bias, options);
    }

    /** The weight parameter. */
    public Tensor weight() {
        return weight;
    }

    /** The bias parameter, or null. */
    public Tensor bias() {
        return bias;
    }

    /** stride, padding, dilation, groups and padding mode. */
    public Conv2dOptions options() {
        return options;
    }

    public int inChannels() {
        return inChannels;
    }

    public int outChannels() {
        return outChannels;
    }

    /** {kH, kW}. */
    public int[] kernelSize() {
        return new int[] {kernelH, kernelW};
    }

    /** PyTorch's {@code _ConvNd.extra_repr}: non-default padding, dilation, groups, bias and padding_mode only. */
    @Override
    public String extraRepr() {
        Conv2dOptions o = options;
        StringBuilder s = new StringBuilder();
        s.append(inChannels).append(", ").append(outChannels)
                .append(", kernel_size=(").append(kernelH).append(", ").append(kernelW).append(')')
                .append(", stride=(").append(o.strideH()).append(", ").append(o.strideW()).append(')');
        if (!o.padding().isZero()) {
            s.append(", padding=").append(o.padding().repr());
        }
        if (o.dilationH() != 1 || o.dilationW() != 1) {
            s.append(", dilation=(").append(o.dilationH()).append(", ").append(o.dilationW()).append(')');
        }
        if (o.groups() != 1) {
            s.append(", groups=").append(o.groups());
        }
        if (bias == null) {
            s.append(", bias=False");
        }
        if (o.paddingMode() != PaddingMode.ZEROS) {
            s.append(", padding_mode=").append(o.paddingMode().torchName());
        }
        return s.toString();
    }

    /** Builder for {@link Conv2d}; unset values take PyTorch's defaults. */
    public static final class Builder {
        private final int inChannels;
        private final int outChannels;
        private final int kernelH;
        private final int kernelW;
        private final Conv2dOptions.Builder options = Conv2dOptions.builder();
        private boolean bias = true;
        private Generator generator;
        private org.poolact.tensor.DType dtype = org.poolact.tensor.DType.FLOAT32;

        private Builder(int inChannels, int outChannels, int kernelH, int kernelW) {
            this.inChannels = inChannels;
            this.outChannels = outChannels;
            this.kernelH = kernelH;
            this.kernelW = kernelW;
        }

        public Builder stride(int s) {
            options.stride(s);
            return this;
        }

        public Builder stride(int h, int w) {
            options.stride(h, w);
            return this;
        }

        public Builder padding(int p) {
            options.padding(p);
            return this;
        }

        public Builder padding(int h, int w) {
            options.padding(h, w);
            return this;
        }

        /** Includes {@link ConvPadding#SAME} and {@link ConvPadding#VALID}. */
        public Builder padding(ConvPadding p) {
            options.padding(p);
            return this;
        }

        public Builder dilation(int d) {
            options.dilation(d);
            return this;
        }

        public Builder dilation(int h, int w) {
            options.dilation(h, w);
            return this;
        }

        public Builder groups(int g) {
            options.groups(g);
            return this;
        }

        /** {@code bias=False} when false. */
        public Builder bias(boolean b) {
            bias = b;
            return this;
        }

        public Builder paddingMode(PaddingMode m) {
            options.paddingMode(m);
            return this;
        }

        /** The generator the initial weights are drawn from (default: {@code Generator.defaultGenerator()}). */
        public Builder generator(Generator g) {
            generator = g;
            return this;
        }

        /** Parameter dtype (default float32), as {@code dtype=} of the constructor. */
        public Builder dtype(org.poolact.tensor.DType d) {
            dtype = d;
            return this;
        }

        public Conv2d build() {
            return new Conv2d(this);
        }
    }
}
