package org.poolact.nn.functional;

/**
 * The {@code padding} argument of conv2d: explicit amounts per side (an int or an (h, w) pair), or
 * PyTorch's strings {@code 'valid'} (no padding) and {@code 'same'} (output size = input size,
 * stride 1 only). For 'same' the total padding per dim is {@code dilation * (kernel - 1)}; the
 * top/left side gets half of it rounded down and the bottom/right side the rest, as PyTorch does.
 *
 * @param kind   explicit, valid or same
 * @param height padding added to the top and to the bottom (explicit only)
 * @param width  padding added to the left and to the right (explicit only)
 */
public record ConvPadding(Kind kind, int height, int width) {
    /** How the padding is given. */
    public enum Kind {
        /** Explicit amounts. */
        EXPLICIT,
        /** {@code padding='valid'}: none. */
        VALID,
        /** {@code padding='same'}: the output has the input's size (stride 1). */
        SAME
    }

    /** {@code padding='valid'}. */
    public static final ConvPadding VALID = new ConvPadding(Kind.VALID, 0, 0);
    /** {@code padding='same'}. */
    public static final ConvPadding SAME = new ConvPadding(Kind.SAME, 0, 0);
    /** {@code padding=0}, the default. */
    public static final ConvPadding NONE = new ConvPadding(Kind.EXPLICIT, 0, 0);

    /** Checks the amounts: negative padding is rejected as PyTorch's conv2d does. */
    public ConvPadding {
        if (kind == null) {
            throw new IllegalArgumentException("conv2d: padding kind must not be null");
        }
        if (height < 0 || width < 0) {
            throw new IllegalArgumentException("conv2d: negative padding is not supported, got padding=("
                    + height + ", " + width + ")");
        }
    }

    /** {@code padding=p}: p on every side. */
    public static ConvPadding of(int p) {
        return of(p, p);
    }

    /** {@code padding=(h, w)}: h above and below, w left and right. */
    public static ConvPadding of(int h, int w) {
        return new ConvPadding(Kind.EXPLICIT, h, w);
    }

    /**
     * The amounts actually added, {top, bottom, left, right}, for a kernel (kh, kw) with dilation (dh, dw).
     */
    public int[] resolve(int kh, int kw, int dh, int dw) {
        switch (kind) {
            case SAME: {
                int th = dh * (kh - 1);
                int tw = dw * (kw - 1);
                return new int[] {th / 2, th - th / 2, tw / 2, tw - tw / 2};
            }
            case VALID:
                return new int[] {0, 0, 0, 0};
            default:
                return new int[] {height, height, width, width};
        }
    }

    /** True for padding 0 / 'valid' handled as zero amounts; 'same' is never zero by this test. */
    public boolean isZero() {
        return kind == Kind.EXPLICIT && height == 0 && width == 0;
    }

    /** As PyTorch prints the attribute: {@code (1, 1)}, {@code same} or {@code valid}. */
    public String repr() {
        switch (kind) {
            case SAME:
                return "same";
            case VALID:
                return "valid";
            default:
                return "(" + height + ", " + width + ")";
        }
    }
}
