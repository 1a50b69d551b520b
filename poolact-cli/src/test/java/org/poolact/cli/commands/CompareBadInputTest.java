package org.poolact.cli.commands;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poolact.cli.Cli;

/** Every kind of bad input to {@code compare} ends in exit code 2 and one line naming the problem. */
class CompareBadInputTest {
    @TempDir
    Path dir;

    private Cli.Run compare(String content, String... extra) throws IOException {
        return compareWith(content, "relu", "max", extra);
    }

    private Cli.Run compareWith(String content, String act, String pool, String... extra) throws IOException {
        Path f = dir.resolve("map.json");
        Files.writeString(f, content);
        String[] base = {"compare", "--input", f.toString(), "--act", act, "--pool", pool};
        String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return Cli.run(args);
    }

    @Test
    void malformedJsonGivesLineAndColumn() throws IOException {
        Cli.assertBadInput(compare("[[1, 2],\n [3, 4}]"), "map.json: line 2, column 7: ");
    }

    @Test
    void unclosedJsonList() throws IOException {
        Cli.assertBadInput(compare("[[1, 2], [3, 4]"), "map.json: line 1, column ");
    }

    @Test
    void malformedTensorTextGivesLineAndColumn() throws IOException {
        Cli.assertBadInput(compare("tensor([[1.0000, 2.0000],\n        [3.0000, x]])"), "map.json: line 2, column 18: ");
    }

    @Test
    void raggedJsonList() throws IOException {
        Cli.assertBadInput(compare("[[1, 2, 3],\n [4, 5]]"), "map.json: line 2, column 2: ragged nested list");
    }

    @Test
    void raggedDepth() throws IOException {
        Cli.assertBadInput(compare("[[1, 2], 3]"), "ragged nested list");
    }

    @Test
    void raggedTensorText() throws IOException {
        Cli.assertBadInput(compare("tensor([[1., 2.], [3.]])"), "ragged");
    }

    @Test
    void nonNumberString() throws IOException {
        Cli.assertBadInput(compare("[[1, \"two\"], [3, 4]]"), "line 1, column 6: expected a number, found the string \"two\"");
    }

    @Test
    void nonNumberNull() throws IOException {
        Cli.assertBadInput(compare("[[1, null], [3, 4]]"), "expected a number, found null");
    }

    @Test
    void nonNumberObject() throws IOException {
        Cli.assertBadInput(compare("{\"data\": [[1, 2]]}"), "expected a nested list of numbers, found an object");
    }

    @Test
    void unknownActivationListsTheValidNames() throws IOException {
        Cli.assertBadInput(compareWith("[[1, 2], [3, 4]]", "swish", "max"),
                "unknown activation 'swish'; valid names: relu,");
    }

    @Test
    void activationParameterThatDoesNotParse() throws IOException {
        Cli.assertBadInput(compareWith("[[1, 2], [3, 4]]", "leaky_relu:abc", "max"),
                "parameter 'abc' is not a number");
    }

    @Test
    void kernelBiggerThanTheMap() throws IOException {
        Cli.assertBadInput(compare("[[1, 2, 3], [4, 5, 6], [7, 8, 9]]", "--kernel", "4"), "kernel");
    }

    @Test
    void paddingOverHalfTheKernel() throws IOException {
        Cli.assertBadInput(compare("[[1, 2, 3], [4, 5, 6], [7, 8, 9]]", "--padding", "2"), "pad");
    }

    @Test
    void zeroKernel() throws IOException {
        Cli.assertBadInput(compare("[[1, 2], [3, 4]]", "--kernel", "0"), "kernel");
    }

    @Test
    void emptyFile() throws IOException {
        Cli.assertBadInput(compare(""), "map.json: empty input");
    }

    @Test
    void blankFile() throws IOException {
        Cli.assertBadInput(compare("  \n\n "), "map.json: empty input");
    }

    @Test
    void missingFile() {
        String missing = dir.resolve("nope.json").toString();
        Cli.assertBadInput(Cli.run("compare", "--input", missing, "--act", "relu", "--pool", "max"),
                missing + ": no such file");
    }

    @Test
    void directoryInsteadOfFile() {
        Cli.assertBadInput(Cli.run("compare", "--input", dir.toString(), "--act", "relu", "--pool", "max"),
                "is a directory");
    }

    @Test
    void wrongRank() throws IOException {
        Cli.assertBadInput(compare("[1, 2, 3, 4]"), "expected a map of rank 2 (HxW), 3 (CxHxW) or 4 (NxCxHxW), got rank 1");
    }

    @Test
    void listWithoutNumbers() throws IOException {
        Cli.assertBadInput(compare("[[], []]"), "holds no numbers");
    }

    @Test
    void neitherJsonNorTensorText() throws IOException {
        Cli.assertBadInput(compare("hello"), "expected a JSON nested list '[...]' or PyTorch tensor text");
    }

    @Test
    void summarisedTensorText() throws IOException {
        Cli.assertBadInput(compare("tensor([[1., 2., ..., 9.]])"), "...");
    }

    @Test
    void missingRequiredOption() {
        Cli.assertBadInput(Cli.run("compare", "--act", "relu", "--pool", "max"), "Missing required option: '--input=FILE'");
    }

    @Test
    void unknownPoolKind() throws IOException {
        Cli.assertBadInput(compareWith("[[1, 2], [3, 4]]", "relu", "lp"), "--pool");
    }

    @Test
    void badKernelValue() throws IOException {
        Cli.assertBadInput(compare("[[1, 2], [3, 4]]", "--kernel", "2,x"), "expected an integer N or a pair H,W");
    }

    @Test
    void badCountIncludePad() throws IOException {
        Cli.assertBadInput(compare("[[1, 2], [3, 4]]", "--count-include-pad", "maybe"), "--count-include-pad");
    }
}
