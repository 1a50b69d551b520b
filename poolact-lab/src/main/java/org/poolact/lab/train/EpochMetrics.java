package org.poolact.lab.train;

import java.util.List;

/**
 * What one epoch produced.
 *
 * @param epoch        1-based
 * @param trainLoss    mean training loss over the epoch's batches
 * @param testLoss     mean cross-entropy over the test set
 * @param testAccuracy fraction of test examples classified correctly
 * @param seconds      wall time of the training part of the epoch (no evaluation)
 * @param lr           learning rate used during the epoch
 * @param blocks       sparsity of each block's output on the test set
 */
public record EpochMetrics(int epoch, double trainLoss, double testLoss, double testAccuracy, double seconds, double lr,
                           List<BlockStats> blocks) {
}
