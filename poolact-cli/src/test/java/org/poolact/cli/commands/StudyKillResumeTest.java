package org.poolact.cli.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poolact.cli.Cli;
import org.poolact.cli.Main;
import org.poolact.lab.data.DataSetId;
import org.poolact.lab.data.FetchedData;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Issue 6's acceptance item on real data: a 2-seed, 2-epoch study over relu/prelu x max/avg is killed
 * with SIGKILL in the middle of a run (a separate JVM running {@link Main}), then the same command
 * resumes it. The finished study must hold the 16 runs of an uninterrupted study, each once, with the
 * same numbers (timings aside). MNIST is cut to 1,024 training and 512 test images to keep it short.
 */
class StudyKillResumeTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static String[] args(Path idx, Path out) {
        return new String[] {"study", "--idx-dir", idx.toString(), "--acts", "relu,prelu", "--pools", "max,avg",
            "--seeds", "2", "--epochs", "2", "--train-limit", "1024", "--test-limit", "512", "--progress", "log",
            "--out", out.toString()};
    }

    @Test
    void aStudyKilledMidRunResumesWithoutLosingOrRepeatingRuns(@TempDir Path dir) throws Exception {
        Optional<Path> mnist = FetchedData.find(DataSetId.MNIST).map(f -> f.trainImages().getParent());
        Assumptions.assumeTrue(mnist.isPresent(), "no MNIST IDX files: run .ci/fetch-data.sh");

        Path reference = dir.resolve("reference");
        TrainCommandTest.succeeded(Cli.run(args(mnist.get(), reference)));
        List<String> expected = withoutTimings(Files.readAllLines(reference.resolve("results.jsonl")));
        assertEquals(16, expected.size());

        Path killed = dir.resolve("killed");
        int recordedAtKill = runAndKillMidRun(args(mnist.get(), killed), killed, dir.resolve("killed.log"));
        assertTrue(recordedAtKill >= 1 && recordedAtKill < 16, "runs recorded when killed: " + recordedAtKill);

        Cli.Run resumed = TrainCommandTest.succeeded(Cli.run(args(mnist.get(), killed)));
        assertTrue(resumed.err().contains("study: " + recordedAtKill + " of 16 runs already in"), resumed.err());
        assertTrue(resumed.err().contains("resuming at epoch 2"), "the killed run resumes from its checkpoint: " + resumed.err());
        List<String> lines = Files.readAllLines(killed.resolve("results.jsonl"));
        assertEquals(16, lines.size());
        assertEquals(16, new HashSet<>(lines.stream().map(StudyKillResumeTest::runKey).toList()).size(), "a run was recorded twice");
        assertEquals(expected, withoutTimings(lines));
    }

    /**
     * Starts the study in a new JVM and kills it (SIGKILL) once at least one run is recorded and the
     * next run has written its epoch-1 checkpoint. Returns the number of runs recorded at that moment.
     */
    private static int runAndKillMidRun(String[] studyArgs, Path out, Path log) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            cmd.add("--add-modules");
            cmd.add("jdk.incubator.vector");
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Main.class.getName());
        cmd.addAll(List.of(studyArgs));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            Path results = out.resolve("results.jsonl");
            Path checkpoints = out.resolve("checkpoints");
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (System.nanoTime() < deadline && p.isAlive()) {
                int recorded = Files.exists(results) ? Files.readAllLines(results).size() : 0;
                if (recorded >= 1 && hasCheckpoint(checkpoints)) {
                    p.destroyForcibly(); // SIGKILL on Linux and macOS: no shutdown hooks, no finally blocks
                    assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the killed JVM did not exit");
                    assertFalse(p.exitValue() == 0, "the study finished before it could be killed");
                    return Files.readAllLines(results).size();
                }
                Thread.sleep(20);
            }
            throw new AssertionError("no mid-run moment to kill the study at; its output:\n"
                    + Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            p.destroyForcibly();
        }
    }

    private static boolean hasCheckpoint(Path checkpoints) throws IOException {
        if (!Files.isDirectory(checkpoints)) {
            return false;
        }
        try (var files = Files.list(checkpoints)) {
            return files.anyMatch(f -> f.getFileName().toString().endsWith(".safetensors"));
        }
    }

    private static String runKey(String line) {
        try {
            JsonNode j = MAPPER.readTree(line);
            return j.get("act").asText() + "/" + j.get("pool").asText() + "/" + j.get("order").asText() + "/" + j.get("seed").asInt();
        } catch (IOException e) {
            throw new AssertionError("results line is not JSON: " + line, e);
        }
    }

    /** Each results line as JSON without its wall-clock fields (epoch_seconds, and seconds per epoch). */
    private static List<String> withoutTimings(List<String> lines) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            ObjectNode j = (ObjectNode) MAPPER.readTree(line);
            j.remove("epoch_seconds");
            for (JsonNode e : j.get("epochs")) {
                ((ObjectNode) e).remove("seconds");
            }
            out.add(j.toString());
        }
        return out;
    }
}
