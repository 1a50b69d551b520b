package org.poolact.data;

/**
 * The content of an idx3 unsigned-byte file: {@code count} images of {@code rows x cols} pixels,
 * row-major, one unsigned byte (0..255) per pixel, image after image.
 *
 * @param count  number of images (the first IDX dimension)
 * @param rows   image height
 * @param cols   image width
 * @param pixels {@code count * rows * cols} bytes; read them with {@code b & 0xff}
 */
public record IdxImages(int count, int rows, int cols, byte[] pixels) {
    /** Checks that {@code pixels} holds exactly {@code count * rows * cols} bytes. */
    public IdxImages {
        if (count < 0 || rows <= 0 || cols <= 0) {
            throw new IllegalArgumentException("IdxImages: expected count >= 0 and rows, cols > 0, got count="
                    + count + ", rows=" + rows + ", cols=" + cols);
        }
        long need = (long) count * rows * cols;
        if (pixels.length != need) {
            throw new IllegalArgumentException("IdxImages: expected " + need + " pixel bytes for " + count
                    + " images of " + rows + "x" + cols + ", got " + pixels.length);
        }
    }

    /** Bytes of one image. */
    public int imageSize() {
        return rows * cols;
    }
}
