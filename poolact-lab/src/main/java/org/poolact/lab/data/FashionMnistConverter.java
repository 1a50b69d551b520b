package org.poolact.lab.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import org.poolact.data.IdxImages;
import org.poolact.data.IdxWriter;

/**
 * Converts the Fashion-MNIST npm package ({@code package/src/clothes/{0..9}.json}, each
 * {@code {"data": [[784 ints 0..255], ...]}}, file {@code c} holding the images of class {@code c})
 * into the four IDX files, with the split of {@link StratifiedSplit} (10,000 test images).
 *
 * <p>NOTE: fashion-mnist@1.1.0 holds 70,002 rows, not 70,000: class 0 has 7,002, of which rows 1000
 * and 7001 are EMPTY arrays (they look like separators between a 1,000-image block and a
 * 6,000-image block). Empty rows are skipped and reported; any other row that is not exactly 784
 * integers in 0..255 is an error. What remains is 7,000 images per class, so the split gives
 * exactly 1,000 test and 6,000 training images per class, the class balance of the original
 * Fashion-MNIST.
 */
public final class FashionMnistConverter {
    /** Pixels per 28x28 image. */
    public static final int PIXELS = 28 * 28;
    /** Size of the test set. */
    public static final int TEST_SIZE = 10_000;

    private static final JsonFactory JSON = new JsonFactory();

    private FashionMnistConverter() {
    }

    /**
     * The images of one class file.
     *
     * @param pixels      {@code count * 784} bytes, image after image, in file order
     * @param count       number of images kept
     * @param skippedRows indices (in the file's {@code data} array) of the empty rows skipped
     */
    public record ClassImages(byte[] pixels, int count, List<Integer> skippedRows) {
    }

    /** Parses one {@code {"data": [[...784 ints...], ...]}} file; {@code name} is used in messages. */
    public static ClassImages parse(InputStream json, String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(7_000 * PIXELS);
        List<Integer> skipped = new ArrayList<>();
        byte[] row = new byte[PIXELS];
        int count = 0;
        try (JsonParser p = JSON.createParser(json)) {
            expect(p, JsonToken.START_OBJECT, name, "{");
            boolean sawData = false;
            for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                if (t != JsonToken.FIELD_NAME) {
                    throw error(p, name, "a field name", t);
                }
                if (!p.currentName().equals("data")) {
                    p.nextToken();
                    p.skipChildren();
                    continue;
                }
                sawData = true;
                expect(p, JsonToken.START_ARRAY, name, "the data array");
                int index = 0;
                for (JsonToken r = p.nextToken(); r != JsonToken.END_ARRAY; r = p.nextToken(), index++) {
                    if (r != JsonToken.START_ARRAY) {
                        throw error(p, name, "row " + index + " as an array", r);
                    }
                    int n = 0;
                    for (JsonToken v = p.nextToken(); v != JsonToken.END_ARRAY; v = p.nextToken()) {
                        if (v != JsonToken.VALUE_NUMBER_INT) {
                            throw error(p, name, "row " + index + ": " + PIXELS + " integers", v);
                        }
                        if (n == PIXELS) {
                            throw new IOException(name + ": row " + index + ": expected " + PIXELS
                                    + " pixels, got more (at byte " + p.currentTokenLocation().getByteOffset() + ")");
                        }
                        int value = p.getIntValue();
                        if (value < 0 || value > 255) {
                            throw new IOException(name + ": row " + index + ", pixel " + n + ": expected 0..255, got "
                                    + value + " (at byte " + p.currentTokenLocation().getByteOffset() + ")");
                        }
                        row[n++] = (byte) value;
                    }
                    if (n == 0) {
                        skipped.add(index);
                    } else if (n != PIXELS) {
                        throw new IOException(name + ": row " + index + ": expected " + PIXELS + " pixels, got " + n);
                    } else {
                        out.write(row);
                        count++;
                    }
                }
            }
            if (!sawData) {
                throw new IOException(name + ": expected a \"data\" field, found none");
            }
        }
        return new ClassImages(out.toByteArray(), count, List.copyOf(skipped));
    }

    /** The per-class test counts for a test set of {@code testSize} (step 1 of {@link StratifiedSplit}). */
    public static int[] testCounts(List<ClassImages> classes, int testSize) {
        int[] counts = classes.stream().mapToInt(ClassImages::count).toArray();
        return StratifiedSplit.testCounts(counts, testSize);
    }

    /**
     * Writes the four IDX files into {@code dir} (each atomically): the first {@code t_c} images of
     * class {@code c} go to the test set, the rest to the training set, both interleaved by class.
     */
    public static IdxFiles write(List<ClassImages> classes, Path dir) throws IOException {
        return write(classes, dir, TEST_SIZE);
    }

    /** {@link #write(List, Path)} with another test size (for tests). */
    static IdxFiles write(List<ClassImages> classes, Path dir, int testSize) throws IOException {
        if (classes.size() != 10) {
            throw new IllegalArgumentException("FashionMnistConverter: expected 10 classes, got " + classes.size());
        }
        int[] test = testCounts(classes, testSize);
        int[] zero = new int[10];
        int[] trainTake = new int[10];
        for (int c = 0; c < 10; c++) {
            trainTake[c] = classes.get(c).count() - test[c];
        }
        IdxFiles files = IdxFiles.in(dir);
        writeSet(classes, StratifiedSplit.interleave(test, trainTake), files.trainImages(), files.trainLabels());
        writeSet(classes, StratifiedSplit.interleave(zero, test), files.testImages(), files.testLabels());
        return files;
    }

    private static void writeSet(List<ClassImages> classes, List<int[]> order, Path images, Path labels)
            throws IOException {
        byte[] px = new byte[order.size() * PIXELS];
        byte[] lab = new byte[order.size()];
        for (int i = 0; i < order.size(); i++) {
            int c = order.get(i)[0];
            int k = order.get(i)[1];
            System.arraycopy(classes.get(c).pixels(), k * PIXELS, px, i * PIXELS, PIXELS);
            lab[i] = (byte) c;
        }
        IdxWriter.writeImages(images, new IdxImages(order.size(), 28, 28, px));
        IdxWriter.writeLabels(labels, lab);
    }

    private static void expect(JsonParser p, JsonToken want, String name, String what) throws IOException {
        JsonToken t = p.nextToken();
        if (t != want) {
            throw error(p, name, what, t);
        }
    }

    private static IOException error(JsonParser p, String name, String what, JsonToken got) {
        return new IOException(name + ": at byte " + p.currentTokenLocation().getByteOffset() + ": expected " + what
                + ", got " + (got == null ? "end of file" : got.asString() != null ? got.asString() : got.name()));
    }
}
