package org.poolact.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdxReaderTest {
    @TempDir
    Path dir;

    /** 3 images of 2x4 with pixel value (image * 8 + p) * 7 mod 256. */
    private static IdxImages sampleImages() {
        byte[] px = new byte[3 * 2 * 4];
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) (i * 7 * 13);
        }
        return new IdxImages(3, 2, 4, px);
    }

    private static byte[] header(int magic, int... dims) {
        ByteBuffer b = ByteBuffer.allocate(4 + 4 * dims.length);
        b.putInt(magic);
        for (int d : dims) {
            b.putInt(d);
        }
        return b.array();
    }

    private Path write(String name, byte[]... parts) throws IOException {
        int len = 0;
        for (byte[] p : parts) {
            len += p.length;
        }
        byte[] all = new byte[len];
        int off = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, off, p.length);
            off += p.length;
        }
        Path f = dir.resolve(name);
        Files.write(f, all);
        return f;
    }

    private static String message(Path f, boolean images) {
        IdxFormatException e = assertThrows(IdxFormatException.class,
                () -> {
                    if (images) {
                        IdxReader.readImages(f);
                    } else {
                        IdxReader.readLabels(f);
                    }
                });
        assertEquals(f.getFileName().toString(), e.fileName());
        return e.getMessage();
    }

    @Test
    void writerThenReaderRoundTripsImagesAndLabels() throws IOException {
        IdxImages img = sampleImages();
        Path fi = dir.resolve("imgs-idx3-ubyte");
        IdxWriter.writeImages(fi, img);
        assertEquals(16 + 24, Files.size(fi));
        IdxImages back = IdxReader.readImages(fi);
        assertEquals(3, back.count());
        assertEquals(2, back.rows());
        assertEquals(4, back.cols());
        assertArrayEquals(img.pixels(), back.pixels());
        byte[] header = Arrays.copyOf(Files.readAllBytes(fi), 16);
        assertArrayEquals(header(0x803, 3, 2, 4), header);

        byte[] labels = {5, 0, 9, (byte) 200};
        Path fl = dir.resolve("labels-idx1-ubyte");
        IdxWriter.writeLabels(fl, labels);
        assertArrayEquals(labels, IdxReader.readLabels(fl));
        assertArrayEquals(header(0x801, 4), Arrays.copyOf(Files.readAllBytes(fl), 8));
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temp file left behind");
        }
    }

    @Test
    void writerReplacesAnExistingFile() throws IOException {
        Path fl = dir.resolve("l");
        IdxWriter.writeLabels(fl, new byte[] {1, 2, 3});
        IdxWriter.writeLabels(fl, new byte[] {4});
        assertArrayEquals(new byte[] {4}, IdxReader.readLabels(fl));
    }

    @Test
    void wrongMagicNamesBothNumbers() throws IOException {
        Path f = write("train-images-idx3-ubyte", header(0x801, 3), new byte[3]);
        assertEquals("train-images-idx3-ubyte: bad magic number at byte 0: expected 0x00000803 (idx3, unsigned byte"
                + " images), got 0x00000801 (an idx1 label file)", message(f, true));
        Path g = write("labels", header(0x803, 1, 1, 1), new byte[1]);
        assertEquals("labels: bad magic number at byte 0: expected 0x00000801 (idx1, unsigned byte labels), got"
                + " 0x00000803 (an idx3 image file)", message(g, false));
        Path z = write("train-images-idx3-ubyte.gz", new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 0});
        assertEquals("train-images-idx3-ubyte.gz: bad magic number at byte 0: expected 0x00000803 (idx3, unsigned"
                + " byte images), got 0x1F8B0800 (a gzip file: decompress it first)", message(z, true));
        Path fl = write("floats", header(0x0D03, 1, 1, 1), new byte[4]);
        assertEquals("floats: bad magic number at byte 0: expected 0x00000803 (idx3, unsigned byte images), got"
                + " 0x00000D03", message(fl, true));
    }

    @Test
    void nonPositiveDimensionsAreRejectedWithTheirPosition() throws IOException {
        assertEquals("a: bad dimension at byte 4: expected a positive image count, got 0",
                message(write("a", header(0x803, 0, 28, 28)), true));
        assertEquals("b: bad dimension at byte 8: expected a positive row count, got -28",
                message(write("b", header(0x803, 1, -28, 28)), true));
        assertEquals("c: bad dimension at byte 12: expected a positive column count, got 0",
                message(write("c", header(0x803, 1, 28, 0)), true));
        assertEquals("d: bad dimension at byte 4: expected a positive label count, got -1",
                message(write("d", header(0x801, -1)), false));
        assertEquals("e: too large: 100000 images of 200x200 need 4000000000 bytes, at most 2147483623 are supported",
                message(write("e", header(0x803, 100000, 200, 200)), true));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 3, 4, 9, 15, 16, 17, 30, 39})
    void truncatedImageFileNamesThePosition(int keep) throws IOException {
        IdxImages img = sampleImages();
        Path full = dir.resolve("full");
        IdxWriter.writeImages(full, img);
        byte[] bytes = Arrays.copyOf(Files.readAllBytes(full), keep);
        Path f = write("train-images-idx3-ubyte", bytes);
        String expected = keep < 16
                ? "train-images-idx3-ubyte: truncated at byte " + keep + ": expected a 16-byte idx3 header, got "
                        + keep + " bytes"
                : "train-images-idx3-ubyte: truncated at byte " + keep + ": expected 40 bytes for 3 images of 2x4, got "
                        + keep;
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> IdxReader.readImages(f));
        assertEquals(expected, e.getMessage());
        assertEquals(keep, e.position());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 7, 8, 11})
    void truncatedLabelFileNamesThePosition(int keep) throws IOException {
        Path full = dir.resolve("full");
        IdxWriter.writeLabels(full, new byte[] {1, 2, 3, 4});
        Path f = write("t10k-labels-idx1-ubyte", Arrays.copyOf(Files.readAllBytes(full), keep));
        String expected = keep < 8
                ? "t10k-labels-idx1-ubyte: truncated at byte " + keep + ": expected a 8-byte idx1 header, got " + keep
                        + " bytes"
                : "t10k-labels-idx1-ubyte: truncated at byte " + keep + ": expected 12 bytes for 4 labels, got " + keep;
        assertEquals(expected, message(f, false));
    }

    @Test
    void trailingGarbageIsRejected() throws IOException {
        Path f = write("x-idx3", header(0x803, 1, 2, 2), new byte[4], new byte[] {9, 9, 9});
        assertEquals("x-idx3: 3 trailing bytes after byte 20: expected 20 bytes for 1 images of 2x2, got 23",
                message(f, true));
        Path g = write("y-idx1", header(0x801, 2), new byte[3]);
        assertEquals("y-idx1: 1 trailing bytes after byte 10: expected 10 bytes for 2 labels, got 11", message(g, false));
    }

    @Test
    void streamsOfUnknownLengthAreCheckedWhileReading() throws IOException {
        byte[] good = concat(header(0x803, 1, 2, 2), new byte[] {1, 2, 3, 4});
        assertArrayEquals(new byte[] {1, 2, 3, 4}, IdxReader.readImages(new ByteArrayInputStream(good), "s", -1).pixels());
        IdxFormatException shortRead = assertThrows(IdxFormatException.class,
                () -> IdxReader.readImages(new ByteArrayInputStream(Arrays.copyOf(good, 18)), "s", -1));
        assertEquals("s: truncated at byte 18: expected 20 bytes for 1 images of 2x2, got 18", shortRead.getMessage());
        IdxFormatException longRead = assertThrows(IdxFormatException.class,
                () -> IdxReader.readImages(new ByteArrayInputStream(Arrays.copyOf(good, 21)), "s", -1));
        assertEquals("s: trailing bytes after byte 20: expected 20 bytes for 1 images of 2x2, got more",
                longRead.getMessage());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
