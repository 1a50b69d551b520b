package org.poolact.data;

/**
 * Per-channel normalisation {@code (x - mean) / std}, torchvision's {@code Normalize(mean, std)}
 * for one channel. Both are rounded to float32 and applied in float32, as torchvision does on a
 * float32 tensor.
 *
 * @param mean subtracted first
 * @param std  divided by next; must be positive
 */
public record Normalization(double mean, double std) {
    /** No normalisation: images stay in [0, 1]. */
    public static final Normalization NONE = new Normalization(0.0, 1.0);
    /** The usual MNIST statistics of the training set: {@code Normalize((0.1307,), (0.3081,))}. */
    public static final Normalization MNIST = new Normalization(0.1307, 0.3081);

    /** Checks {@code std > 0} and both finite. */
    public Normalization {
        if (!(std > 0) || !Double.isFinite(std) || !Double.isFinite(mean)) {
            throw new IllegalArgumentException("Normalization: expected finite mean and std > 0, got mean=" + mean
                    + ", std=" + std);
        }
    }
}
