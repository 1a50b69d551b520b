package org.poolact.lab.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poolact.data.Dataset;
import org.poolact.io.SafeTensors;
import org.poolact.nn.functional.ActivationSpec;
import org.poolact.tensor.Tensor;

class TrainerTest {
    private static final Dataset TRAIN = SyntheticData.make("train", 96, 1);
    private static final Dataset TEST = SyntheticData.make("test", 40, 2);

    /** Records every batch loss. */
    private static final class Losses implements TrainListener {
        final List<Double> values = new ArrayList<>();

        @Override
        public void onBatch(int epoch, int batch, int batches, double loss) {
            values.add(loss);
        }
    }

    private static List<Double> losses(TrainConfig c) throws IOException {
        Losses l = new Losses();
        new Trainer(c, TRAIN, TEST).listener(l).run();
        return l.values;
    }

    @Test
    void sameSeedGivesTheSameLossesBitForBit() throws IOException {
        TrainConfig c = SyntheticData.config().seed(3).build();
        List<Double> a = losses(c);
        List<Double> b = losses(c);
        assertEquals(2 * 6, a.size());
        assertEquals(a, b);
        assertNotEquals(a, losses(SyntheticData.config().seed(4).build()));
    }

    @Test
    void adamWithScheduleDropoutAndBatchNormIsDeterministicToo() throws IOException {
        TrainConfig c = SyntheticData.config().arch(ArchSpec.parse("c4k3p1,B,A,P2,f8,A,D0.3,f4"))
                .optimizer(OptimizerKind.ADAM).lr(0.01).weightDecay(1e-4).schedule(Schedule.COSINE).seed(5).build();
        assertEquals(losses(c), losses(c));
    }

    @Test
    void learnsTheSyntheticTaskAndReportsSparsity() throws IOException {
        TrainResult r = new Trainer(SyntheticData.config().epochs(4).build(), TRAIN, TEST).run();
        EpochMetrics last = r.last();
        assertTrue(last.testAccuracy() >= 0.9, "accuracy " + last.testAccuracy());
        assertEquals(List.of("conv1", "conv2", "fc1"), last.blocks().stream().map(BlockStats::block).toList());
        for (BlockStats b : last.blocks()) {
            // relu then max pool: some zeros, never all
            assertTrue(b.zeroFraction() > 0 && b.zeroFraction() < 1, b.toString());
            assertTrue(b.deadUnits() >= 0 && b.deadUnits() <= b.units(), b.toString());
        }
    }

    @Test
    void resumingFromACheckpointContinuesExactly(@TempDir Path dir) throws IOException {
        TrainConfig three = SyntheticData.config().epochs(3).seed(9).build();
        Path full = dir.resolve("full.safetensors");
        TrainResult straight = new Trainer(three, TRAIN, TEST).checkpoint(full, false).run();

        Path ckpt = dir.resolve("run.safetensors");
        new Trainer(three.toBuilder().epochs(2).build(), TRAIN, TEST).checkpoint(ckpt, true).run();
        Losses after = new Losses();
        TrainResult resumed = new Trainer(three, TRAIN, TEST).checkpoint(ckpt, true).listener(after).run();

        assertEquals(2, resumed.resumedFrom());
        assertEquals(6, after.values.size(), "only the third epoch runs");
        assertEquals(straight.epochs().stream().map(EpochMetrics::testLoss).toList(),
                resumed.epochs().stream().map(EpochMetrics::testLoss).toList());
        Map<String, Tensor> a = straight.model().net().stateDict();
        Map<String, Tensor> b = resumed.model().net().stateDict();
        for (String k : a.keySet()) {
            assertArrayEquals(a.get(k).toDoubleArray(), b.get(k).toDoubleArray(), k);
        }
        // the checkpoint file holds the final weights under PyTorch's state_dict names
        Map<String, Tensor> saved = SafeTensors.load(ckpt).tensors();
        assertArrayEquals(a.get("0.weight").toFloatArray(), saved.get("0.weight").toFloatArray());
        assertTrue(saved.containsKey("optimizer.0.weight.momentum_buffer"), saved.keySet().toString());
    }

    @Test
    void resumeRefusesACheckpointOfAnotherRun(@TempDir Path dir) throws IOException {
        Path ckpt = dir.resolve("run.safetensors");
        new Trainer(SyntheticData.config().epochs(1).build(), TRAIN, TEST).checkpoint(ckpt, true).run();
        TrainConfig other = SyntheticData.config().act(ActivationSpec.parse("gelu")).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Trainer(other, TRAIN, TEST).checkpoint(ckpt, true).run());
        assertTrue(e.getMessage().startsWith("resume: " + ckpt + " belongs to another run"), e.getMessage());
    }

    @Test
    void missingCheckpointStartsFresh(@TempDir Path dir) throws IOException {
        Path ckpt = dir.resolve("none.safetensors");
        TrainResult r = new Trainer(SyntheticData.config().epochs(1).build(), TRAIN, TEST).checkpoint(ckpt, true).run();
        assertEquals(0, r.resumedFrom());
        assertTrue(Files.exists(ckpt));
    }
}
