package org.poolact.lab.train;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes legacy-sgd.safetensors and legacy-adam.safetensors, read by LegacyCheckpointTest: training
 * checkpoints after 2 of 3 epochs, written by the optimiser code before parameter groups existed
 * (main at c4a0219, per-parameter optimiser state stored as optimizer.NAME.KEY). Not compiled by the
 * build; it was run once against that commit's classes:
 *
 *   git archive c4a0219 poolact-core/src/main poolact-lab/src/main \
 *       poolact-lab/src/test/java/org/poolact/lab/train/SyntheticData.java | tar -x -C /tmp/m
 *   javac -d out -cp JACKSON:PROGRESSBAR --add-modules jdk.incubator.vector (those sources) LegacyConfigs.java \
 *       WriteLegacyCheckpoints.java
 *   java -cp out:... --add-modules jdk.incubator.vector org.poolact.lab.train.WriteLegacyCheckpoints DIR
 */
public final class WriteLegacyCheckpoints {
    private WriteLegacyCheckpoints() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Files.createDirectories(dir);
        for (TrainConfig c : new TrainConfig[] {LegacyConfigs.sgd(), LegacyConfigs.adam()}) {
            String name = c.optimizer() == OptimizerKind.ADAM ? "legacy-adam.safetensors" : "legacy-sgd.safetensors";
            new Trainer(c.toBuilder().epochs(2).build(), LegacyConfigs.TRAIN, LegacyConfigs.TEST)
                    .checkpoint(dir.resolve(name), true).run();
        }
    }
}
