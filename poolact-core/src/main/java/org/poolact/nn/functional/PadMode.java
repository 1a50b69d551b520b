package org.poolact.nn.functional;

/** The {@code mode} of {@code F.pad}; each records PyTorch's grad_fn name for 2-D padding. */
public enum PadMode {
    /** {@code 'constant'}: fill with a value; grad_fn ConstantPadNdBackward0. */
    CONSTANT("ConstantPadNdBackward0"),
    /** {@code 'reflect'}: x[-i] = x[i], the edge is not repeated; grad_fn ReflectionPad2DBackward0. */
    REFLECT("ReflectionPad2DBackward0"),
    /** {@code 'replicate'}: the edge value is repeated; grad_fn ReplicationPad2DBackward0. */
    REPLICATE("ReplicationPad2DBackward0"),
    /**
     * {@code 'circular'}: x[-i] = x[n - i]. PyTorch composes it ({@code _pad_circular}) from slice
     * copies into a new tensor, so its output's grad_fn is {@code CopySlices}.
     */
    CIRCULAR("CopySlices");

    private final String gradFnName;

    PadMode(String gradFnName) {
        this.gradFnName = gradFnName;
    }

    /** PyTorch's grad_fn name for this mode on a 3-D or 4-D input padded in its last two dims. */
    public String gradFnName() {
        return gradFnName;
    }

    /** PyTorch's string, e.g. {@code reflect}. */
    public String torchName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
