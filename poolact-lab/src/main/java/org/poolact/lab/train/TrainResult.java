package org.poolact.lab.train;

import java.util.List;

/**
 * A finished training run.
 *
 * @param config      what was run
 * @param epochs      metrics of every epoch, including those restored from a checkpoint
 * @param model       the trained network
 * @param resumedFrom epochs restored from a checkpoint (0 for a fresh run)
 */
public record TrainResult(TrainConfig config, List<EpochMetrics> epochs, CnnBuilder.Model model, int resumedFrom) {
    /** The last epoch's metrics. */
    public EpochMetrics last() {
        return epochs.get(epochs.size() - 1);
    }
}
