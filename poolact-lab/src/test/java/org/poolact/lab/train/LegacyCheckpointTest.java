package org.poolact.lab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poolact.io.SafeTensors;
import org.poolact.tensor.Tensor;

/**
 * Checkpoints written by the optimiser code before parameter groups (committed resources, made by
 * {@code WriteLegacyCheckpoints.java} next to them from main at c4a0219) still resume: the third
 * epoch continues exactly as an uninterrupted run of today's code, so weights, momentum buffers and
 * Adam moments were all restored.
 */
class LegacyCheckpointTest {

    private static void resumesExactly(TrainConfig three, String resource, String stateKey, Path dir) throws IOException {
        Path ckpt = dir.resolve(resource);
        try (InputStream in = LegacyCheckpointTest.class.getResourceAsStream(resource)) {
            assertNotNull(in, resource + " missing");
            Files.copy(in, ckpt);
        }
        assertTrue(SafeTensors.load(ckpt).tensors().containsKey(stateKey), "legacy layout: " + stateKey);
        TrainResult straight = new Trainer(three, LegacyConfigs.TRAIN, LegacyConfigs.TEST).run();
        TrainResult resumed = new Trainer(three, LegacyConfigs.TRAIN, LegacyConfigs.TEST).checkpoint(ckpt, true).run();
        assertEquals(2, resumed.resumedFrom());
        assertEquals(straight.epochs().stream().map(EpochMetrics::testLoss).toList(),
                resumed.epochs().stream().map(EpochMetrics::testLoss).toList());
        Map<String, Tensor> a = straight.model().net().stateDict();
        Map<String, Tensor> b = resumed.model().net().stateDict();
        for (String k : a.keySet()) {
            assertArrayEquals(a.get(k).toDoubleArray(), b.get(k).toDoubleArray(), resource + " " + k);
        }
    }

    @Test
    void sgdCheckpointOfTheSingleGroupOptimiserResumes(@TempDir Path dir) throws IOException {
        resumesExactly(LegacyConfigs.sgd(), "legacy-sgd.safetensors", "optimizer.0.weight.momentum_buffer", dir);
    }

    @Test
    void adamCheckpointOfTheSingleGroupOptimiserResumes(@TempDir Path dir) throws IOException {
        resumesExactly(LegacyConfigs.adam(), "legacy-adam.safetensors", "optimizer.0.weight.exp_avg_sq", dir);
    }
}
