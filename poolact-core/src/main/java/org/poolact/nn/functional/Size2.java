package org.poolact.nn.functional;

/**
 * A (height, width) size argument such as kernel_size, stride, padding or output_size, which PyTorch
 * takes as one int or as a pair. It remembers which form it was given in, so module reprs print
 * {@code 2} or {@code (2, 3)} exactly as PyTorch echoes the user's argument.
 *
 * @param h      the value for the height dimension
 * @param w      the value for the width dimension
 * @param isPair whether it was given as a pair (prints as a tuple)
 */
public record Size2(int h, int w, boolean isPair) {

    /** One int used for both dimensions, printed as that int. */
    public static Size2 of(int size) {
        return new Size2(size, size, false);
    }

    /** A (height, width) pair, printed as a tuple. */
    public static Size2 of(int h, int w) {
        return new Size2(h, w, true);
    }

    /** Python's repr of the argument: {@code 2} or {@code (2, 3)}. */
    @Override
    public String toString() {
        return isPair ? "(" + h + ", " + w + ")" : Integer.toString(h);
    }
}
