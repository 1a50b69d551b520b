package org.poolact.lab.train;

/**
 * Callbacks of a {@link Trainer} (DJL-style listeners): the trainer itself never prints. All calls
 * come from the training thread, in order.
 */
public interface TrainListener {
    /**
     * Training starts (or resumes).
     *
     * @param startEpoch      the first epoch that will run (1-based; above 1 after a resume)
     * @param batchesPerEpoch training batches per epoch
     */
    default void onTrainStart(TrainConfig config, int startEpoch, int batchesPerEpoch, int trainSize, int testSize) {
    }

    /** An epoch starts (1-based). */
    default void onEpochStart(int epoch, int epochs) {
    }

    /** A training batch finished with this loss; {@code batch} counts from 1. */
    default void onBatch(int epoch, int batch, int batches, double loss) {
    }

    /** An epoch's training and evaluation finished. */
    default void onEpochEnd(EpochMetrics metrics, int epochs) {
    }

    /** Training finished. */
    default void onTrainEnd(TrainResult result) {
    }
}
