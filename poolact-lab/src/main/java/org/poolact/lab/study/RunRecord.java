package org.poolact.lab.study;

import java.util.List;

import org.poolact.lab.train.BlockOrder;
import org.poolact.lab.train.CnnBuilder;
import org.poolact.lab.train.EpochMetrics;

/**
 * One line of {@code results.jsonl}: a finished run.
 *
 * @param act           canonical activation spec
 * @param pool          {@code max} or {@code avg}
 * @param order         {@code act-pool} or {@code pool-act}
 * @param seed          seed (same initial weights and batches for both orders)
 * @param dataset       data set name
 * @param fingerprint   the run's {@code TrainConfig.fingerprint()}
 * @param testAccuracy  final test accuracy
 * @param testLoss      final test loss
 * @param epochSeconds  mean training seconds per epoch
 * @param epochs        every epoch's metrics
 */
public record RunRecord(String act, String pool, String order, long seed, String dataset, String fingerprint,
                        double testAccuracy, double testLoss, double epochSeconds, List<EpochMetrics> epochs) {
    /** The grid cell and order this record belongs to. */
    public RunKey key() {
        return new RunKey(act, CnnBuilder.parsePool(pool), BlockOrder.parse(order), seed);
    }
}
