package org.poolact.data;

import java.io.IOException;
import java.nio.file.Path;

import org.poolact.tensor.Tensor;

/**
 * An in-memory image classification data set: {@code size()} single-channel images of
 * {@code rows x cols} unsigned-byte pixels with an integer label in {@code [0, numClasses)}.
 * Pixels are kept as bytes (47 MB for MNIST's training set instead of 188 MB of floats) and
 * converted on demand to float32 tensors of shape {@code [N, 1, rows, cols]} scaled to
 * {@code [0, 1]}, exactly as torchvision's {@code ToTensor()} does: {@code (float) b / 255f}.
 */
public final class Dataset {
    private final String name;
    private final int size;
    private final int rows;
    private final int cols;
    private final int numClasses;
    private final byte[] pixels;
    private final int[] labels;

    private Dataset(String name, int size, int rows, int cols, int numClasses, byte[] pixels, int[] labels) {
        this.name = name;
        this.size = size;
        this.rows = rows;
        this.cols = cols;
        this.numClasses = numClasses;
        this.pixels = pixels;
        this.labels = labels;
    }

    /**
     * Reads an image file and a label file in IDX format and checks that they belong together: the
     * same count, and every label in {@code [0, numClasses)}.
     */
    public static Dataset fromIdx(Path imagesFile, Path labelsFile, int numClasses) throws IOException {
        IdxImages images = IdxReader.readImages(imagesFile);
        byte[] labels = IdxReader.readLabels(labelsFile);
        return of(imagesFile.getFileName() + " + " + labelsFile.getFileName(), images, labels, numClasses,
                imagesFile.getFileName().toString(), labelsFile.getFileName().toString());
    }

    /** A data set over IDX content already in memory (not copied). */
    public static Dataset of(String name, IdxImages images, byte[] labels, int numClasses) {
        return of(name, images, labels, numClasses, "images", "labels");
    }

    private static Dataset of(String name, IdxImages images, byte[] labels, int numClasses, String imagesName,
            String labelsName) {
        if (numClasses <= 0 || numClasses > 256) {
            throw new IllegalArgumentException("Dataset: expected numClasses in [1, 256], got " + numClasses);
        }
        if (labels.length != images.count()) {
            throw new IllegalArgumentException("Dataset: " + labelsName + " has " + labels.length + " labels but "
                    + imagesName + " has " + images.count() + " images");
        }
        int[] ints = new int[labels.length];
        for (int i = 0; i < labels.length; i++) {
            ints[i] = labels[i] & 0xff;
            if (ints[i] >= numClasses) {
                throw new IllegalArgumentException("Dataset: " + labelsName + ": label at index " + i + " (byte "
                        + (IdxReader.headerLength(1) + i) + ") is " + ints[i] + ", expected a class in [0, "
                        + numClasses + ")");
            }
        }
        return new Dataset(name, images.count(), images.rows(), images.cols(), numClasses, images.pixels(), ints);
    }

    /** A name for messages and logs. */
    public String name() {
        return name;
    }

    /** Number of examples, {@code len(dataset)}. */
    public int size() {
        return size;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public int numClasses() {
        return numClasses;
    }

    /** Label of example {@code index}. */
    public int label(int index) {
        checkIndex(index);
        return labels[index];
    }

    /** All labels, a copy. */
    public int[] labels() {
        return java.util.Arrays.copyOf(labels, size);
    }

    /** Raw pixel byte {@code (row, col)} of example {@code index}, in 0..255. */
    public int pixel(int index, int row, int col) {
        checkIndex(index);
        if (row < 0 || row >= rows || col < 0 || col >= cols) {
            throw new IndexOutOfBoundsException("Dataset.pixel: (row, col) = (" + row + ", " + col
                    + ") outside " + rows + "x" + cols);
        }
        return pixels[index * rows * cols + row * cols + col] & 0xff;
    }

    /**
     * The first {@code n} examples (no copy), for small tests: {@code torch.utils.data.Subset(ds,
     * range(n))}. The order is the file's; Fashion-MNIST files written by poolact interleave the
     * classes so that a prefix is stratified.
     */
    public Dataset subset(int n) {
        if (n <= 0 || n > size) {
            throw new IllegalArgumentException("Dataset.subset: expected n in [1, " + size + "], got " + n);
        }
        return new Dataset(name + "[:" + n + "]", n, rows, cols, numClasses, pixels, labels);
    }

    /** All images as one float32 tensor {@code [size, 1, rows, cols]} in {@code [0, 1]}. */
    public Tensor images() {
        int[] all = new int[size];
        for (int i = 0; i < size; i++) {
            all[i] = i;
        }
        return images(all, Normalization.NONE);
    }

    /**
     * The images at {@code indices} as a float32 tensor {@code [indices.length, 1, rows, cols]}:
     * {@code b / 255f}, then {@code (x - mean) / std} in float32 if {@code norm} is not
     * {@link Normalization#NONE} (torchvision's {@code ToTensor()} then {@code Normalize}).
     */
    public Tensor images(int[] indices, Normalization norm) {
        int pixelsPerImage = rows * cols;
        float[] out = new float[indices.length * pixelsPerImage];
        float mean = (float) norm.mean();
        float std = (float) norm.std();
        boolean normalise = norm != Normalization.NONE;
        for (int k = 0; k < indices.length; k++) {
            int src = indices[k];
            checkIndex(src);
            int from = src * pixelsPerImage;
            int to = k * pixelsPerImage;
            for (int p = 0; p < pixelsPerImage; p++) {
                float x = (pixels[from + p] & 0xff) / 255f;
                out[to + p] = normalise ? (x - mean) / std : x;
            }
        }
        return Tensor.wrap(out, indices.length, 1, rows, cols);
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("Dataset " + name + ": index " + index + " outside [0, " + size + ")");
        }
    }

    @Override
    public String toString() {
        return "Dataset(" + name + ", size=" + size + ", " + rows + "x" + cols + ", classes=" + numClasses + ")";
    }
}
