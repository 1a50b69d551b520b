package org.poolact.lab.train;

/**
 * Sparsity of one block's output over the test set.
 *
 * @param block        block name ({@code conv1}, ..., {@code fc1})
 * @param zeroFraction fraction of the block's output values that are exactly 0
 * @param deadUnits    channels (or features) that are 0 for every test example and position
 * @param units        channels (or features) of the block
 */
public record BlockStats(String block, double zeroFraction, int deadUnits, int units) {
    /** {@code deadUnits / units}. */
    public double deadFraction() {
        return units == 0 ? 0 : (double) deadUnits / units;
    }
}
