package org.poolact.lab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.Optional;

import org.junit.jupiter.api.Test;
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
        Optional<IdxFiles> files = RealData.find(id);
        assumeTrue(files.isPresent(), id.cliName() + " not fetched (looked in " + RealData.candidates()
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

    @Test
    void mnistCountsLabelsAndPixelSums() throws IOException {
        IdxFiles files = require(DataSetId.MNIST);
        Dataset train = files.loadTrain();
        Dataset test = files.loadTest();
        assertEquals(60_000, train.size());
        assertEquals(10_000, test.size());
        assertArrayEquals(new int[] {5, 0, 4, 1, 9}, Arrays.copyOf(train.labels(), 5));
        assertArrayEquals(new int[] {7, 2, 1, 0, 4}, Arrays.copyOf(test.labels(), 5));
        assertEquals(267_236, Arrays.stream(train.labels()).sum());
        assertEquals(44_434, Arrays.stream(test.labels()).sum());
        IdxImages trainImages = IdxReader.readImages(files.trainImages());
        assertEquals(1_567_298_545L, pixelSum(trainImages));
        assertEquals(264_923_200L, pixelSum(IdxReader.readImages(files.testImages())));
        assertEquals(0.1307, pixelSum(trainImages) / (60_000.0 * 784 * 255), 1e-4);
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
        IdxFiles files = require(DataSetId.FASHION_MNIST);
        Dataset train = files.loadTrain();
        Dataset test = files.loadTest();
        assertEquals(60_000, train.size());
        assertEquals(10_000, test.size());
        int[] sixThousand = new int[10];
        Arrays.fill(sixThousand, 6000);
        int[] oneThousand = new int[10];
        Arrays.fill(oneThousand, 1000);
        assertArrayEquals(sixThousand, classCounts(train));
        assertArrayEquals(oneThousand, classCounts(test));
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 0}, Arrays.copyOf(test.labels(), 11), "interleaved");
        IdxImages trainImages = IdxReader.readImages(files.trainImages());
        assertEquals(3_431_889_312L, pixelSum(trainImages));
        assertEquals(573_580_711L, pixelSum(IdxReader.readImages(files.testImages())));
        // the published Fashion-MNIST training mean is 0.2860
        assertEquals(0.2860, pixelSum(trainImages) / (60_000.0 * 784 * 255), 5e-4);
    }
}
