package org.poolact.lab.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.poolact.data.Dataset;

/**
 * The four IDX files of a 28x28, 10-class data set in one directory, under torchvision's names.
 * Users can point poolact at their own files with {@link #in(Path)}.
 *
 * @param trainImages {@code train-images-idx3-ubyte}
 * @param trainLabels {@code train-labels-idx1-ubyte}
 * @param testImages  {@code t10k-images-idx3-ubyte}
 * @param testLabels  {@code t10k-labels-idx1-ubyte}
 */
public record IdxFiles(Path trainImages, Path trainLabels, Path testImages, Path testLabels) {
    /** The four file names, in record order. */
    public static final List<String> NAMES = List.of("train-images-idx3-ubyte", "train-labels-idx1-ubyte",
            "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte");
    /** Their sizes for 60,000 train and 10,000 test images of 28x28: header plus data. */
    public static final List<Long> SIZES = List.of(16L + 60_000L * 784, 8L + 60_000, 16L + 10_000L * 784, 8L + 10_000);

    /** The four files in {@code dir}, whether or not they exist. */
    public static IdxFiles in(Path dir) {
        return new IdxFiles(dir.resolve(NAMES.get(0)), dir.resolve(NAMES.get(1)), dir.resolve(NAMES.get(2)),
                dir.resolve(NAMES.get(3)));
    }

    /** The four paths in record order. */
    public List<Path> all() {
        return List.of(trainImages, trainLabels, testImages, testLabels);
    }

    /**
     * What is missing or of the wrong size for a standard 60,000/10,000 set, one entry per file;
     * empty when all four files are in place. Only sizes are checked here (cheap); reading checks
     * everything else.
     */
    public List<String> problems() {
        List<String> out = new ArrayList<>();
        List<Path> paths = all();
        for (int i = 0; i < 4; i++) {
            Path p = paths.get(i);
            try {
                if (!Files.isRegularFile(p)) {
                    out.add(p + ": missing");
                } else if (Files.size(p) != SIZES.get(i)) {
                    out.add(p + ": " + Files.size(p) + " bytes, expected " + SIZES.get(i));
                }
            } catch (IOException e) {
                out.add(p + ": " + e.getMessage());
            }
        }
        return out;
    }

    /** True when all four files exist with the expected sizes. */
    public boolean complete() {
        return problems().isEmpty();
    }

    /** Reads and validates the training set. */
    public Dataset loadTrain() throws IOException {
        return Dataset.fromIdx(trainImages, trainLabels, 10);
    }

    /** Reads and validates the test set. */
    public Dataset loadTest() throws IOException {
        return Dataset.fromIdx(testImages, testLabels, 10);
    }
}
