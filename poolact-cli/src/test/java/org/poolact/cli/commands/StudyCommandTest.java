package org.poolact.cli.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.poolact.cli.commands.TrainCommandTest.succeeded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poolact.cli.Cli;

import com.fasterxml.jackson.databind.JsonNode;

class StudyCommandTest {

    @Test
    void runsTheGridResumesAndWritesTheReport(@TempDir Path dir) throws IOException {
        Path idx = TrainCommandTest.writeIdx(Files.createDirectories(dir.resolve("idx")));
        Path out = dir.resolve("study");
        Path report = out.resolve("report.html");
        String[] args = {"study", "--idx-dir", idx.toString(), "--arch", TrainCommandTest.ARCH, "--acts", "relu,gelu",
            "--pools", "max,avg", "--seeds", "2", "--epochs", "1", "--batch-size", "16", "--out", out.toString(),
            "--report", report.toString(), "--progress", "none", "--format", "json"};
        Cli.Run first = succeeded(Cli.run(args));
        assertTrue(first.err().contains("study: 0 of 16 runs already in"), first.err());
        JsonNode j = first.json();
        assertEquals(16, j.get("runs").asInt());
        assertEquals(4, j.get("cells").size());
        JsonNode cell = j.get("cells").get(0);
        assertEquals("relu", cell.get("act").asText());
        assertEquals("max", cell.get("pool").asText());
        assertTrue(cell.get("diff").get("identical").asBoolean(), "relu commutes with max pooling: " + cell);
        assertEquals(16, Files.readAllLines(out.resolve("results.jsonl")).size());
        assertTrue(Files.readString(report).contains("<svg"));

        Cli.Run again = succeeded(Cli.run(args));
        assertTrue(again.err().contains("study: 16 of 16 runs already in"), again.err());
        assertTrue(!again.err().contains("study: run "), again.err());
        assertEquals(16, Files.readAllLines(out.resolve("results.jsonl")).size());

        Cli.Run text = succeeded(Cli.run("study", "--idx-dir", idx.toString(), "--arch", TrainCommandTest.ARCH, "--acts", "relu,gelu",
                "--pools", "max,avg", "--seeds", "2", "--epochs", "1", "--batch-size", "16", "--out", out.toString(),
                "--progress", "none"));
        assertTrue(text.out().contains("relu/max: the post says both orders give the same result. Supported"), text.out());
        // the sparsity table: relu commutes with max pooling, so both orders have the same zeros and dead units
        String reluMax = text.out().lines().dropWhile(l -> !l.startsWith("zeros and dead units after the last epoch"))
                .filter(l -> l.startsWith("relu        max")).findFirst().orElseThrow(() -> new AssertionError(text.out()));
        Matcher conv1 = Pattern.compile("(\\d+\\.\\d% +\\d+) \\| +(\\d+\\.\\d% +\\d+)")
                .matcher(reluMax);
        assertTrue(conv1.find(), reluMax);
        assertEquals(conv1.group(1), conv1.group(2), reluMax);
    }

    @Test
    void badGridOptionsExitWithCode2(@TempDir Path dir) throws IOException {
        Path idx = TrainCommandTest.writeIdx(dir);
        Cli.assertBadInput(Cli.run("study", "--idx-dir", idx.toString(), "--pools", "max,min", "--out", dir.toString()),
                "poolact: pool: expected one of max, avg but got 'min'");
        Cli.assertBadInput(Cli.run("study", "--idx-dir", idx.toString(), "--pools", "max,lp", "--out", dir.toString()),
                "poolact: pool: expected one of max, avg but got 'lp'");
        Cli.assertBadInput(Cli.run("study", "--idx-dir", idx.toString(), "--seeds", "0", "--out", dir.toString()),
                "poolact: seeds: expected a positive count but got 0");
    }
}
