package org.poolact.lab.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poolact.data.Dataset;
import org.poolact.lab.order.PoolType;
import org.poolact.lab.train.LabJson;
import org.poolact.lab.train.SyntheticData;
import org.poolact.lab.train.TrainConfig;
import org.poolact.nn.functional.ActivationSpec;

class StudyTest {
    private static final Dataset TRAIN = SyntheticData.make("train", 64, 1);
    private static final Dataset TEST = SyntheticData.make("test", 32, 2);

    private static StudyConfig grid(Path dir) {
        return new StudyConfig("synthetic", List.of(ActivationSpec.parse("relu"), ActivationSpec.parse("gelu")),
                List.of(PoolType.MAX, PoolType.AVG), 2, 0, SyntheticData.config().epochs(1).build(), dir);
    }

    /** Counts the runs that actually train. */
    private static final class Counting implements StudyListener {
        final List<RunKey> started = new ArrayList<>();
        int doneAtStart = -1;
        boolean dropped;

        @Override
        public void onStudyStart(int done, int total, boolean droppedPartialLine) {
            doneAtStart = done;
            dropped = droppedPartialLine;
        }

        @Override
        public void onRunStart(RunKey key, int index, int total) {
            started.add(key);
        }
    }

    @Test
    void resumesAfterACrashWithoutLosingOrRepeatingRuns(@TempDir Path dir) throws IOException {
        Path fresh = dir.resolve("fresh");
        List<RunRecord> all = new Study(grid(fresh), TRAIN, TEST).run(new Counting());
        assertEquals(16, all.size());
        List<String> lines = Files.readAllLines(fresh.resolve("results.jsonl"));
        assertEquals(16, lines.size());

        // a crash: 5 runs recorded, the 6th half-written (no newline), the 7th checkpointed mid-run
        Path crashed = dir.resolve("crashed");
        Files.createDirectories(crashed);
        String partial = String.join("\n", lines.subList(0, 5)) + "\n" + lines.get(5).substring(0, 40);
        Files.writeString(crashed.resolve("results.jsonl"), partial, StandardCharsets.UTF_8);
        Counting c = new Counting();
        List<RunRecord> resumed = new Study(grid(crashed), TRAIN, TEST).run(c);

        assertEquals(5, c.doneAtStart);
        assertTrue(c.dropped);
        assertEquals(11, c.started.size());
        assertEquals(16, resumed.size());
        assertEquals(16, new HashSet<>(resumed.stream().map(RunRecord::key).toList()).size(), "a run was done twice");
        // deterministic: the resumed study recorded what the uninterrupted one did (all but timings), in order
        assertEquals(withoutTimings(all), withoutTimings(ResultsFile.load(crashed.resolve("results.jsonl")).records()));
        assertFalse(Files.exists(crashed.resolve("checkpoints").resolve(resumed.get(6).key().id() + ".safetensors")));

        // run again: nothing left to do
        Counting again = new Counting();
        new Study(grid(crashed), TRAIN, TEST).run(again);
        assertEquals(16, again.doneAtStart);
        assertEquals(List.of(), again.started);
    }

    private static List<String> withoutTimings(List<RunRecord> rs) {
        return rs.stream().map(r -> r.key() + " " + r.fingerprint() + " " + r.testAccuracy() + " " + r.testLoss() + " "
                + r.epochs().stream().map(e -> e.trainLoss() + "/" + e.blocks()).toList()).toList();
    }

    @Test
    void pairedRunsShareInitAndBatches(@TempDir Path dir) throws IOException {
        List<RunRecord> all = new Study(grid(dir), TRAIN, TEST).run(new Counting());
        // relu commutes with max pooling, so with the same weights and batches both orders train identically
        for (Summary.Cell cell : Summary.of(all)) {
            if (cell.act().equals("relu") && cell.pool().equals("max")) {
                assertTrue(cell.diff().identical(), cell.toString());
            }
        }
    }

    @Test
    void refusesResultsOfOtherOptions(@TempDir Path dir) throws IOException {
        new Study(grid(dir), TRAIN, TEST).run(new Counting());
        StudyConfig other = new StudyConfig("synthetic", List.of(ActivationSpec.parse("relu")), List.of(PoolType.MAX), 1, 0,
                SyntheticData.config().epochs(1).lr(0.1).build(), dir);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new Study(other, TRAIN, TEST).run(new Counting()));
        assertTrue(e.getMessage().contains("trained with other options"), e.getMessage());
    }

    /**
     * Four lines of docs/results/mnist-2000-study.jsonl, written by the study before PoolKind was folded
     * into PoolType: a grid with the same options must count them as finished runs, under the same
     * run ids (the checkpoint file names) and fingerprints.
     */
    @Test
    void resultsWrittenBeforePoolTypeStillCountAsFinished(@TempDir Path dir) throws IOException, URISyntaxException {
        Path old = Path.of(StudyTest.class.getResource("results-before-pooltype.jsonl").toURI());
        Files.copy(old, dir.resolve("results.jsonl"));
        StudyConfig mnist2000 = new StudyConfig("mnist", List.of(ActivationSpec.parse("relu")),
                List.of(PoolType.MAX, PoolType.AVG), 1, 0, TrainConfig.builder().trainLimit(2000).testLimit(2000).build(), dir);
        Counting c = new Counting();
        List<RunRecord> records = new Study(mnist2000, TRAIN, TEST).run(c);
        assertEquals(4, c.doneAtStart);
        assertEquals(List.of(), c.started, "a finished run was trained again");
        assertEquals(List.of("relu_max_act-pool_s0", "relu_max_pool-act_s0", "relu_avg_act-pool_s0", "relu_avg_pool-act_s0"),
                records.stream().map(r -> r.key().id()).toList());
        assertEquals(mnist2000.runs(), records.stream().map(RunRecord::key).toList());
        for (RunRecord r : records) {
            assertEquals(r.fingerprint(), mnist2000.configFor(r.key()).fingerprint());
        }
        // and the line written again is the line read
        assertEquals(Files.readAllLines(old).get(2), LabJson.mapper().writeValueAsString(records.get(2)));
    }

    @Test
    void aGridOfPoolingsTrainingCannotBuildIsRefused(@TempDir Path dir) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new StudyConfig("synthetic",
                List.of(ActivationSpec.parse("relu")), List.of(PoolType.MAX, PoolType.LP), 1, 0,
                SyntheticData.config().build(), dir));
        assertEquals("pool: expected one of max, avg but got 'lp'", e.getMessage());
    }

    @Test
    void aCorruptCompleteLineIsAnErrorWithItsLineNumber(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("results.jsonl"), "{\"act\":\"relu\"}\nnot json\n");
        IOException e = assertThrows(IOException.class, () -> ResultsFile.load(dir.resolve("results.jsonl")));
        assertTrue(e.getMessage().contains("line 1") || e.getMessage().contains("line 2"), e.getMessage());
    }
}
