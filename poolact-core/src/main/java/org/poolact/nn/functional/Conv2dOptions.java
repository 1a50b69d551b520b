package org.poolact.nn.functional;

/**
 * The hyper-parameters of a 2-D convolution other than its tensors: {@code stride}, {@code padding},
 * {@code dilation}, {@code groups} and {@code padding_mode}, with PyTorch's defaults (1, 0, 1, 1,
 * zeros). Build with {@link #builder()}; {@link #DEFAULT} is {@code F.conv2d}'s default.
 * Values are checked when the convolution runs, with PyTorch's messages.
 *
 * <p>NOTE: stride and dilation are plain (h, w) ints, not {@link Size2}: Size2 exists to remember whether a
 * pooling argument was an int or a pair because the pooling reprs echo that form, while torch's Conv2d
 * turns every size into a pair ({@code _pair}) and always prints tuples; and padding needs
 * {@link ConvPadding} for {@code 'same'}/{@code 'valid'}. So there is no form to remember here.
 */
public record Conv2dOptions(int strideH, int strideW, ConvPadding padding, int dilationH, int dilationW,
                            int groups, PaddingMode paddingMode) {
    /** stride 1, padding 0, dilation 1, groups 1, zeros. */
    public static final Conv2dOptions DEFAULT = builder().build();

    /** Rejects missing padding or padding mode. */
    public Conv2dOptions {
        if (padding == null || paddingMode == null) {
            throw new IllegalArgumentException("conv2d: padding and paddingMode must not be null");
        }
    }

    /** A builder starting from PyTorch's defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.strideH = strideH;
        b.strideW = strideW;
        b.padding = padding;
        b.dilationH = dilationH;
        b.dilationW = dilationW;
        b.groups = groups;
        b.paddingMode = paddingMode;
        return b;
    }

    /** Builder for {@link Conv2dOptions}. */
    public static final class Builder {
        private int strideH = 1;
        private int strideW = 1;
        private ConvPadding padding = ConvPadding.NONE;
        private int dilationH = 1;
        private int dilationW = 1;
        private int groups = 1;
        private PaddingMode paddingMode = PaddingMode.ZEROS;

        private Builder() {
        }

        /** {@code stride=s}. */
        public Builder stride(int s) {
            return stride(s, s);
        }

        /** {@code stride=(h, w)}. */
        public Builder stride(int h, int w) {
            strideH = h;
            strideW = w;
            return this;
        }

        /** {@code padding=p}. */
        public Builder padding(int p) {
            return padding(ConvPadding.of(p));
        }

        /** {@code padding=(h, w)}. */
        public Builder padding(int h, int w) {
            return padding(ConvPadding.of(h, w));
        }

        /** {@code padding=...}, including {@link ConvPadding#SAME} and {@link ConvPadding#VALID}. */
        public Builder padding(ConvPadding p) {
            padding = p;
            return this;
        }

        /** {@code dilation=d}. */
        public Builder dilation(int d) {
            return dilation(d, d);
        }

        /** {@code dilation=(h, w)}. */
        public Builder dilation(int h, int w) {
            dilationH = h;
            dilationW = w;
            return this;
        }

        /** {@code groups=g}. */
        public Builder groups(int g) {
            groups = g;
            return this;
        }

        /** {@code padding_mode=...}. */
        public Builder paddingMode(PaddingMode m) {
            paddingMode = m;
            return this;
        }

        /** The options. */
        public Conv2dOptions build() {
            return new Conv2dOptions(strideH, strideW, padding, dilationH, dilationW, groups, paddingMode);
        }
    }
}
