package org.poolact.lab.train;

import org.poolact.data.Dataset;

/** The runs whose 2-epoch checkpoints were written by the pre-param-group optimiser code (see LegacyCheckpointTest). */
public final class LegacyConfigs {
    static final Dataset TRAIN = SyntheticData.make("train", 96, 1);
    static final Dataset TEST = SyntheticData.make("test", 40, 2);

    private LegacyConfigs() {
    }

    /** SGD with momentum and weight decay, StepLR: 3 epochs. */
    static TrainConfig sgd() {
        return SyntheticData.config().epochs(3).seed(9).weightDecay(1e-3).schedule(Schedule.STEP).build();
    }

    /** Adam with weight decay and StepLR (cosine annealing would tie T_max, hence the fingerprint, to the epochs): 3 epochs. */
    static TrainConfig adam() {
        return SyntheticData.config().epochs(3).seed(11).optimizer(OptimizerKind.ADAM).lr(0.01).weightDecay(1e-4)
                .schedule(Schedule.STEP).gamma(0.5).build();
    }
}
