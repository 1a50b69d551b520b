package org.poolact.nn.functional;

/**
 * {@code padding_mode} of {@code nn.Conv2d}: how the border is filled before convolving.
 * Non-zeros modes pad explicitly with {@link Padding#pad} and then convolve with padding 0, as
 * PyTorch's {@code _ConvNd._conv_forward} does.
 */
public enum PaddingMode {
    /** {@code 'zeros'}: implicit zero padding inside the convolution (the default). */
    ZEROS,
    /** {@code 'reflect'}: mirror without repeating the edge, F.pad mode {@code 'reflect'}. */
    REFLECT,
    /** {@code 'replicate'}: repeat the edge value, F.pad mode {@code 'replicate'}. */
    REPLICATE,
    /** {@code 'circular'}: wrap around, F.pad mode {@code 'circular'}. */
    CIRCULAR;

    /** The {@link PadMode} of {@code F.pad} that implements this mode. */
    public PadMode padMode() {
        switch (this) {
            case REFLECT:
                return PadMode.REFLECT;
            case REPLICATE:
                return PadMode.REPLICATE;
            case CIRCULAR:
                return PadMode.CIRCULAR;
            default:
                return PadMode.CONSTANT;
        }
    }

    /** PyTorch's string, e.g. {@code reflect}, as printed in a module repr. */
    public String torchName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
