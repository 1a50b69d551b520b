package org.poolact.data;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;

import org.poolact.io.AtomicFiles;

/**
 * Writes IDX unsigned-byte files ({@link IdxReader}'s format) atomically ({@link AtomicFiles}): a
 * reader never sees a half-written file, and a crash leaves at most a {@code *.tmp} file behind.
 */
public final class IdxWriter {
    private IdxWriter() {
    }

    /** Writes an idx3 unsigned-byte image file. */
    public static void writeImages(Path file, IdxImages images) throws IOException {
        writeAtomically(file, out -> {
            out.writeInt(IdxReader.IMAGES_MAGIC);
            out.writeInt(images.count());
            out.writeInt(images.rows());
            out.writeInt(images.cols());
            out.write(images.pixels());
        });
    }

    /** Writes an idx1 unsigned-byte label file. */
    public static void writeLabels(Path file, byte[] labels) throws IOException {
        if (labels.length == 0) {
            throw new IllegalArgumentException("IdxWriter.writeLabels: expected at least one label, got 0");
        }
        writeAtomically(file, out -> {
            out.writeInt(IdxReader.LABELS_MAGIC);
            out.writeInt(labels.length);
            out.write(labels);
        });
    }

    /** Body of an atomic write. */
    @FunctionalInterface
    interface Body {
        void write(DataOutputStream out) throws IOException;
    }

    static void writeAtomically(Path file, Body body) throws IOException {
        AtomicFiles.write(file, raw -> {
            DataOutputStream out = new DataOutputStream(raw);
            body.write(out);
            out.flush();
        });
    }
}
