package org.poolact.lab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.StringJoiner;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poolact.data.Dataset;
import org.poolact.lab.data.FashionMnistConverter.ClassImages;

class FashionMnistConverterTest {
    @TempDir
    Path dir;

    /** A row of 784 pixels all equal to {@code v}, as JSON. */
    private static String row(int v) {
        return "[" + String.join(",", Collections.nCopies(784, Integer.toString(v))) + "]";
    }

    private static ClassImages parse(String json) throws IOException {
        return FashionMnistConverter.parse(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "c.json");
    }

    @Test
    void parsesRowsAndSkipsEmptyOnes() throws IOException {
        ClassImages c = parse("{\"data\":[" + row(1) + ",[]," + row(255) + ",[]]}");
        assertEquals(2, c.count());
        assertEquals(List.of(1, 3), c.skippedRows());
        assertEquals(1, c.pixels()[0]);
        assertEquals((byte) 255, c.pixels()[784]);
        assertEquals(2 * 784, c.pixels().length);
        assertEquals(1, parse("{\"other\":{\"x\":[1]},\"data\":[" + row(0) + "]}").count());
    }

    @Test
    void badRowsAreErrors() {
        assertEquals("c.json: row 1: expected 784 pixels, got 3",
                assertThrows(IOException.class, () -> parse("{\"data\":[" + row(0) + ",[1,2,3]]}")).getMessage());
        String tooLong = "{\"data\":[" + row(0).replace("]", ",0]") + "]}";
        assertEquals("c.json: row 0: expected 784 pixels, got more (at byte 1578)",
                assertThrows(IOException.class, () -> parse(tooLong)).getMessage());
        String big = "{\"data\":[" + row(0).replaceFirst("0", "256") + "]}";
        assertEquals("c.json: row 0, pixel 0: expected 0..255, got 256 (at byte 10)",
                assertThrows(IOException.class, () -> parse(big)).getMessage());
        String real = "{\"data\":[" + row(0).replaceFirst("0", "0.5") + "]}";
        assertEquals("c.json: at byte 10: expected row 0: 784 integers, got VALUE_NUMBER_FLOAT",
                assertThrows(IOException.class, () -> parse(real)).getMessage());
        assertEquals("c.json: expected a \"data\" field, found none",
                assertThrows(IOException.class, () -> parse("{}")).getMessage());
    }

    /** Class c has counts[c] images; image k of class c has all pixels equal to k mod 256. */
    private static List<ClassImages> synthetic(int[] counts) {
        List<ClassImages> classes = new ArrayList<>();
        for (int count : counts) {
            byte[] px = new byte[count * 784];
            for (int k = 0; k < count; k++) {
                java.util.Arrays.fill(px, k * 784, (k + 1) * 784, (byte) k);
            }
            classes.add(new ClassImages(px, count, List.of()));
        }
        return classes;
    }

    @Test
    void writesAStratifiedInterleavedSplit() throws IOException {
        int[] counts = {12, 10, 10, 10, 10, 10, 10, 10, 10, 8}; // 100 images, test 20
        IdxFiles files = FashionMnistConverter.write(synthetic(counts), dir, 20);
        Dataset test = Dataset.fromIdx(files.testImages(), files.testLabels(), 10);
        Dataset train = Dataset.fromIdx(files.trainImages(), files.trainLabels(), 10);
        assertEquals(20, test.size());
        assertEquals(80, train.size());
        // shares 2.4, 2 x 8, 1.6: floors 2,2,...,2,1 (19), the one left goes to class 9 (remainder .6 > .4)
        int[] testLabels = test.labels();
        StringJoiner seen = new StringJoiner(",");
        for (int i = 0; i < 20; i++) {
            seen.add(testLabels[i] + ":" + test.pixel(i, 0, 0));
        }
        assertEquals("0:0,1:0,2:0,3:0,4:0,5:0,6:0,7:0,8:0,9:0,0:1,1:1,2:1,3:1,4:1,5:1,6:1,7:1,8:1,9:1",
                seen.toString(), "the first images of each class, interleaved");
        // training set: rank 0 of every class is its first image after the test ones
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, java.util.Arrays.copyOf(train.labels(), 10));
        assertEquals(2, train.pixel(0, 5, 5));
        assertEquals(2, train.pixel(9, 27, 27));
        int[] perClass = new int[10];
        for (int l : train.labels()) {
            perClass[l]++;
        }
        assertArrayEquals(new int[] {10, 8, 8, 8, 8, 8, 8, 8, 8, 6}, perClass);
        // the tail of the training file is class 0's extra images: ranks 8 and 9 of class 0 only... and class 0
        // rank 9 (its 12th image, value 11) is the last entry
        assertEquals(0, train.label(79));
        assertEquals(11, train.pixel(79, 0, 0));
    }
}
