package org.poolact.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetTest {
    @TempDir
    Path dir;

    @Test
    void fromIdxChecksCountsAndLabelRange() throws IOException {
        Path img = dir.resolve("train-images-idx3-ubyte");
        Path lab = dir.resolve("train-labels-idx1-ubyte");
        IdxWriter.writeImages(img, new IdxImages(3, 2, 2, new byte[12]));
        IdxWriter.writeLabels(lab, new byte[] {1, 2});
        assertEquals("Dataset: train-labels-idx1-ubyte has 2 labels but train-images-idx3-ubyte has 3 images",
                assertThrows(IllegalArgumentException.class, () -> Dataset.fromIdx(img, lab, 10)).getMessage());
        IdxWriter.writeLabels(lab, new byte[] {1, 10, 2});
        assertEquals("Dataset: train-labels-idx1-ubyte: label at index 1 (byte 9) is 10, expected a class in [0, 10)",
                assertThrows(IllegalArgumentException.class, () -> Dataset.fromIdx(img, lab, 10)).getMessage());
        IdxWriter.writeLabels(lab, new byte[] {1, 9, 2});
        Dataset ds = Dataset.fromIdx(img, lab, 10);
        assertEquals(3, ds.size());
        assertArrayEquals(new int[] {1, 9, 2}, ds.labels());
    }

    @Test
    void subsetIsAPrefix() {
        Dataset ds = DataLoaderTest.synthetic(20);
        Dataset sub = ds.subset(5);
        assertEquals(5, sub.size());
        assertEquals(4, sub.label(4));
        assertEquals(ds.pixel(4, 2, 1), sub.pixel(4, 2, 1));
        assertEquals(29, sub.pixel(4, 2, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> sub.label(5));
        assertEquals("Dataset.subset: expected n in [1, 20], got 21",
                assertThrows(IllegalArgumentException.class, () -> ds.subset(21)).getMessage());
    }
}
