package org.poolact.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads IDX files (the format of MNIST: a big-endian header, then raw unsigned bytes) in one
 * streaming pass, validating everything before a byte of data is used:
 * <ul>
 *   <li>the magic number: {@code 0x00000803} for images (idx3, unsigned byte), {@code 0x00000801}
 *       for labels (idx1, unsigned byte);</li>
 *   <li>every dimension is positive and the data fits in one Java array;</li>
 *   <li>the exact length: header plus {@code count * rows * cols} (or {@code count}) bytes, no
 *       more (trailing bytes) and no less (truncation).</li>
 * </ul>
 * Any violation throws {@link IdxFormatException} naming the file, the byte position, what was
 * expected and what came. A partial data set is never returned.
 */
public final class IdxReader {
    /** Magic number of an idx3 unsigned-byte file (images): type 0x08, 3 dimensions. */
    public static final int IMAGES_MAGIC = 0x00000803;
    /** Magic number of an idx1 unsigned-byte file (labels): type 0x08, 1 dimension. */
    public static final int LABELS_MAGIC = 0x00000801;

    private static final int MAX_ARRAY = Integer.MAX_VALUE - 8;

    private IdxReader() {
    }

    /** Reads an idx3 unsigned-byte image file. */
    public static IdxImages readImages(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return readImages(in, file.getFileName().toString(), Files.size(file));
        }
    }

    /** Reads an idx1 unsigned-byte label file; values are unsigned bytes (use {@code b & 0xff}). */
    public static byte[] readLabels(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            return readLabels(in, file.getFileName().toString(), Files.size(file));
        }
    }

    /**
     * Reads an idx3 unsigned-byte image stream.
     *
     * @param name   used in error messages (usually the file name)
     * @param length the total length if known (a file's size), or -1: then trailing bytes are found
     *               by reading past the end of the data
     */
    public static IdxImages readImages(InputStream in, String name, long length) throws IOException {
        int[] dims = readHeader(in, name, length, IMAGES_MAGIC, 3);
        byte[] pixels = readBody(in, name, length, dims);
        return new IdxImages(dims[0], dims[1], dims[2], pixels);
    }

    /** Reads an idx1 unsigned-byte label stream; see {@link #readImages(InputStream, String, long)}. */
    public static byte[] readLabels(InputStream in, String name, long length) throws IOException {
        int[] dims = readHeader(in, name, length, LABELS_MAGIC, 1);
        return readBody(in, name, length, dims);
    }

    /** Header length of an IDX file with {@code ndims} dimensions: magic plus one int32 per dimension. */
    public static int headerLength(int ndims) {
        return 4 + 4 * ndims;
    }

    /** "60000 images of 28x28" or "60000 labels", as used in messages. */
    static String describe(int[] dims) {
        return dims.length == 3 ? dims[0] + " images of " + dims[1] + "x" + dims[2] : dims[0] + " labels";
    }

    private static int[] readHeader(InputStream in, String name, long length, int magic, int ndims)
            throws IOException {
        int headerLength = headerLength(ndims);
        byte[] header = in.readNBytes(headerLength);
        String kind = ndims == 3 ? "idx3" : "idx1";
        if (header.length >= 4) {
            int got = readInt(header, 0);
            if (got != magic) {
                throw new IdxFormatException(name, 0, String.format(
                        "bad magic number at byte 0: expected 0x%08X (%s, unsigned byte %s), got 0x%08X%s",
                        magic, kind, ndims == 3 ? "images" : "labels", got, magicHint(got)));
            }
        }
        if (header.length < headerLength) {
            throw new IdxFormatException(name, header.length, "truncated at byte " + header.length
                    + ": expected a " + headerLength + "-byte " + kind + " header, got " + header.length + " bytes");
        }
        int[] dims = new int[ndims];
        String[] what = ndims == 3 ? new String[] {"image count", "row count", "column count"}
                : new String[] {"label count"};
        long product = 1;
        for (int d = 0; d < ndims; d++) {
            int pos = 4 + 4 * d;
            dims[d] = readInt(header, pos);
            if (dims[d] <= 0) {
                throw new IdxFormatException(name, pos, "bad dimension at byte " + pos + ": expected a positive "
                        + what[d] + ", got " + dims[d]);
            }
            product *= dims[d];
        }
        if (product > MAX_ARRAY - headerLength) {
            throw new IdxFormatException(name, 4, "too large: " + describe(dims) + " need " + product
                    + " bytes, at most " + (MAX_ARRAY - headerLength) + " are supported");
        }
        long expected = headerLength + product;
        if (length >= 0 && length < expected) {
            throw new IdxFormatException(name, length, "truncated at byte " + length + ": expected " + expected
                    + " bytes for " + describe(dims) + ", got " + length);
        }
        if (length > expected) {
            throw new IdxFormatException(name, expected, (length - expected) + " trailing bytes after byte "
                    + expected + ": expected " + expected + " bytes for " + describe(dims) + ", got " + length);
        }
        return dims;
    }

    private static byte[] readBody(InputStream in, String name, long length, int[] dims) throws IOException {
        int headerLength = headerLength(dims.length);
        int size = 1;
        for (int d : dims) {
            size *= d;
        }
        long expected = (long) headerLength + size;
        byte[] body = in.readNBytes(size);
        if (body.length < size) {
            // NOTE: reached when the length was unknown, or the file shrank while we read it.
            long at = headerLength + body.length;
            throw new IdxFormatException(name, at, "truncated at byte " + at + ": expected " + expected
                    + " bytes for " + describe(dims) + ", got " + at);
        }
        if (in.read() != -1) {
            throw new IdxFormatException(name, expected, "trailing bytes after byte " + expected + ": expected "
                    + expected + " bytes for " + describe(dims) + ", got more");
        }
        return body;
    }

    private static String magicHint(int got) {
        if (got == IMAGES_MAGIC) {
            return " (an idx3 image file)";
        }
        if (got == LABELS_MAGIC) {
            return " (an idx1 label file)";
        }
        if ((got >>> 16) == 0x1F8B) {
            return " (a gzip file: decompress it first)";
        }
        return "";
    }

    private static int readInt(byte[] b, int off) {
        return ((b[off] & 0xff) << 24) | ((b[off + 1] & 0xff) << 16) | ((b[off + 2] & 0xff) << 8) | (b[off + 3] & 0xff);
    }
}
