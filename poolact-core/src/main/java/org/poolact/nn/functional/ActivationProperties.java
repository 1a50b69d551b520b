package org.poolact.nn.functional;

/**
 * Declared order properties of an activation f as this engine computes it in float32 (the
 * dtype of the pooling-order analysis), used to decide whether f commutes with a pooling:
 * a non-decreasing f commutes with max pooling, a non-increasing one turns max into min, an
 * affine one commutes with averaging, and f(0) matters wherever zero padding is averaged in.
 *
 * @param nonDecreasing a <= b implies f(a) <= f(b) for all float32 a, b (NaN aside), as computed
 * @param exactNonDecreasing the same in exact real arithmetic for PyTorch's definition; it differs
 *                      from {@code nonDecreasing} where rounding creates or hides a drop (softsign,
 *                      softplus's threshold switch)
 * @param nonIncreasing a <= b implies f(a) >= f(b) for all float32 a, b (NaN aside)
 * @param affine        f(x) = c1 * x + c0 for all x
 * @param valueAtZero   f(0)
 * @param reason        one sentence saying why (or where the order breaks)
 */
public record ActivationProperties(boolean nonDecreasing, boolean exactNonDecreasing, boolean nonIncreasing,
                                   boolean affine,
                                   double valueAtZero, String reason) {

    /** Non-decreasing or non-increasing. */
    public boolean monotone() {
        return nonDecreasing || nonIncreasing;
    }

    /** f(0) == 0. */
    public boolean zeroAtZero() {
        return valueAtZero == 0;
    }
}
