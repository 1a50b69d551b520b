package org.poolact.lab.train;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code poolact train --format json} prints (snake_case through {@link LabJson}): the run's
 * settings, every epoch, and the final values.
 *
 * @param dataset       data set name
 * @param arch          the layers built (order applied)
 * @param act           activation spec
 * @param pool          pooling
 * @param order         block order
 * @param seed          seed
 * @param epochs        per-epoch metrics
 * @param testAccuracy  final test accuracy
 * @param testLoss      final test loss
 * @param epochSeconds  training seconds of each epoch
 * @param zeroFraction  final fraction of exact zeros after each block
 * @param deadUnits     final dead units per block: channels (or features) zero on the whole test set
 * @param deadFraction  final dead units / units per block
 * @param resumedFrom   epochs restored from a checkpoint
 */
public record TrainOutput(String dataset, String arch, String act, String pool, String order, long seed,
                          List<EpochMetrics> epochs, double testAccuracy, double testLoss, List<Double> epochSeconds,
                          Map<String, Double> zeroFraction, Map<String, Integer> deadUnits,
                          Map<String, Double> deadFraction, int resumedFrom) {

    /** The output of a finished run. */
    public static TrainOutput of(String dataset, TrainResult r) {
        TrainConfig c = r.config();
        EpochMetrics last = r.last();
        Map<String, Double> zeros = new LinkedHashMap<>();
        Map<String, Integer> dead = new LinkedHashMap<>();
        Map<String, Double> deadFrac = new LinkedHashMap<>();
        for (BlockStats b : last.blocks()) {
            zeros.put(b.block(), b.zeroFraction());
            dead.put(b.block(), b.deadUnits());
            deadFrac.put(b.block(), b.deadFraction());
        }
        return new TrainOutput(dataset, c.orderedArch().toString(), c.act().toString(), c.pool().label(),
                c.order().cliName(), c.seed(), r.epochs(), last.testAccuracy(), last.testLoss(),
                r.epochs().stream().map(EpochMetrics::seconds).toList(), zeros, dead, deadFrac, r.resumedFrom());
    }
}
