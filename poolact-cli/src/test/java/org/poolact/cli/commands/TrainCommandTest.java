package org.poolact.cli.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poolact.cli.Cli;
import org.poolact.data.IdxImages;
import org.poolact.data.IdxWriter;

import com.fasterxml.jackson.databind.JsonNode;

class TrainCommandTest {
    /** The small model the 12x12 test images fit. */
    static final String ARCH = "c4k3p1,A,P2,f10";

    /** Four small IDX files under torchvision's names: 12x12 images, the class in a bright quadrant. */
    static Path writeIdx(Path dir) throws IOException {
        for (String split : List.of("train", "t10k")) {
            int n = split.equals("train") ? 64 : 32;
            byte[] pixels = new byte[n * 144];
            byte[] labels = new byte[n];
            for (int i = 0; i < n; i++) {
                labels[i] = (byte) (i % 4);
                for (int p = 0; p < 144; p++) {
                    int quadrant = (p / 12 / 6) * 2 + p % 12 / 6;
                    pixels[i * 144 + p] = (byte) ((i * 31 + p * 17) % 90 + (quadrant == i % 4 ? 150 : 0));
                }
            }
            IdxWriter.writeImages(dir.resolve(split + "-images-idx3-ubyte"), new IdxImages(n, 12, 12, pixels));
            IdxWriter.writeLabels(dir.resolve(split + "-labels-idx1-ubyte"), labels);
        }
        return dir;
    }

    /** Exit code 0 and something on stdout; stderr carries progress lines, so it is not required to be empty. */
    static Cli.Run succeeded(Cli.Run r) {
        assertEquals(0, r.exit(), r.err());
        assertTrue(!r.out().isEmpty(), "stdout");
        return r;
    }

    @Test
    void jsonHasPerEpochAndFinalMetrics(@TempDir Path dir) throws IOException {
        writeIdx(dir);
        JsonNode j = Cli.run("train", "--idx-dir", dir.toString(), "--arch", ARCH, "--epochs", "2", "--batch-size", "16",
                "--act", "relu", "--pool", "avg", "--order", "pool-act", "--progress", "none", "--format", "json").ok().json();
        assertEquals("c4k3p1,P2,A,f10", j.get("arch").asText());
        assertEquals("pool-act", j.get("order").asText());
        assertEquals(2, j.get("epochs").size());
        for (String f : List.of("test_accuracy", "test_loss", "train_loss", "seconds", "lr", "blocks")) {
            assertTrue(j.get("epochs").get(1).has(f), f);
        }
        assertEquals(j.get("epochs").get(1).get("test_accuracy").asDouble(), j.get("test_accuracy").asDouble());
        assertEquals(2, j.get("epoch_seconds").size());
        assertTrue(j.get("zero_fraction").get("conv1").asDouble() >= 0);
        assertTrue(j.get("dead_units").has("conv1"));
        assertEquals(0, j.get("resumed_from").asInt());
    }

    @Test
    void textAndLogLinesWithCheckpointAndResume(@TempDir Path dir) throws IOException {
        writeIdx(dir);
        Path ckpt = dir.resolve("ckpt.safetensors");
        Cli.Run first = succeeded(Cli.run("train", "--idx-dir", dir.toString(), "--arch", ARCH, "--epochs", "1", "--progress", "log",
                "--checkpoint", ckpt.toString()));
        assertTrue(first.out().contains("final: test_accuracy"), first.out());
        assertTrue(first.err().contains("epoch 1/1  train_loss"), first.err());
        assertTrue(Files.exists(ckpt));
        Cli.Run resumed = succeeded(Cli.run("train", "--idx-dir", dir.toString(), "--arch", ARCH, "--epochs", "2", "--progress", "log",
                "--checkpoint", ckpt.toString(), "--resume", "--format", "json"));
        assertTrue(resumed.err().contains("resuming at epoch 2"), resumed.err());
        assertEquals(1, resumed.json().get("resumed_from").asInt());
        assertEquals(2, resumed.json().get("epochs").size());
    }

    @Test
    void badOptionsExitWithCode2AndOneLine(@TempDir Path dir) throws IOException {
        writeIdx(dir);
        String idx = dir.toString();
        Cli.assertBadInput(Cli.run("train", "--idx-dir", idx, "--arch", "c4k3,A,Q2,f10"),
                "poolact: arch: token 3 'Q2' at column 8: unknown layer 'Q'");
        Cli.assertBadInput(Cli.run("train", "--idx-dir", idx, "--arch", ARCH, "--order", "before"),
                "poolact: order: expected one of act-pool, pool-act but got 'before'");
        // the analysis' poolings are not trainable; the spellings are exact
        for (String pool : List.of("lp2", "lp", "adaptive_max", "MAX")) {
            Cli.assertBadInput(Cli.run("train", "--idx-dir", idx, "--arch", ARCH, "--pool", pool),
                    "poolact: pool: expected one of max, avg but got '" + pool + "'");
        }
        Cli.assertBadInput(Cli.run("train", "--idx-dir", idx, "--arch", "c4k3p1,A,P2,f7"),
                "poolact: arch: expected the last layer to be f10 (one output per class) but got 'f7'");
        Cli.assertBadInput(Cli.run("train", "--idx-dir", idx, "--resume"), "poolact: --resume needs --checkpoint FILE");
        Cli.assertBadInput(Cli.run("train", "--idx-dir", dir.resolve("nothing").toString()),
                "poolact: --idx-dir " + dir.resolve("nothing") + ": " + dir.resolve("nothing").resolve("train-images-idx3-ubyte")
                        + ": missing");
    }
}
