package org.poolact.lab.train;

/**
 * Derived seeds: each epoch re-seeds the shuffling and dropout generators from (run seed, epoch,
 * stream), so a run resumed at an epoch boundary continues exactly as if never stopped.
 */
final class Seeds {
    /** Stream of the data-loader shuffling. */
    static final int SHUFFLE = 1;
    /** Stream of dropout masks. */
    static final int DROPOUT = 2;

    private Seeds() {
    }

    /** SplitMix64 of the three values: well spread, deterministic, non-negative. */
    static long derive(long seed, int epoch, int stream) {
        long z = seed * 0x9E3779B97F4A7C15L + epoch * 0xBF58476D1CE4E5B9L + stream * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return (z ^ (z >>> 31)) & Long.MAX_VALUE;
    }
}
