package org.poolact.lab.study;

import java.nio.file.Path;
import java.util.List;

import org.poolact.lab.order.PoolType;
import org.poolact.lab.train.CnnBuilder;
import org.poolact.lab.train.TrainConfig;
import org.poolact.nn.functional.ActivationSpec;

/**
 * A study grid: every activation x pooling x block order, for seeds {@code firstSeed ..
 * firstSeed + seeds - 1}.
 *
 * @param dataset   data set name, recorded with each run
 * @param acts      activations
 * @param pools     poolings, each one of {@link CnnBuilder#POOLS}
 * @param seeds     number of seeds
 * @param firstSeed the first seed
 * @param base      every other training option (its act, pool, order and seed are replaced per run)
 * @param outDir    where {@code results.jsonl} and run checkpoints live
 */
public record StudyConfig(String dataset, List<ActivationSpec> acts, List<PoolType> pools, int seeds, long firstSeed,
                          TrainConfig base, Path outDir) {
    /** Checks the grid is not empty. */
    public StudyConfig {
        if (acts.isEmpty() || pools.isEmpty()) {
            throw new IllegalArgumentException("study: expected at least one activation and one pooling but got acts="
                    + acts + " pools=" + pools.stream().map(PoolType::label).toList());
        }
        if (seeds <= 0) {
            throw new IllegalArgumentException("seeds: expected a positive count but got " + seeds);
        }
        pools.forEach(CnnBuilder::checkPool);
        acts = List.copyOf(acts);
        pools = List.copyOf(pools);
    }

    /** {@code outDir/results.jsonl}. */
    public Path resultsFile() {
        return outDir.resolve("results.jsonl");
    }

    /** Runs in execution order: seed, then activation, then pooling, then the two orders. */
    public List<RunKey> runs() {
        List<RunKey> out = new java.util.ArrayList<>();
        for (int s = 0; s < seeds; s++) {
            for (ActivationSpec a : acts) {
                for (PoolType p : pools) {
                    for (org.poolact.lab.train.BlockOrder o : org.poolact.lab.train.BlockOrder.values()) {
                        out.add(new RunKey(a.toString(), p, o, firstSeed + s));
                    }
                }
            }
        }
        return out;
    }

    /** The training config of one run. */
    public TrainConfig configFor(RunKey key) {
        return base.toBuilder().act(ActivationSpec.parse(key.act())).pool(key.pool()).order(key.order())
                .seed(key.seed()).build();
    }
}
