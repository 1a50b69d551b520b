package org.poolact.data;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes IDX unsigned-byte files ({@link IdxReader}'s format) atomically: the bytes go to a
 * temporary file in the target's directory, which is then renamed over the target. A reader never
 * sees a half-written file, and a crash leaves at most a {@code *.tmp} file behind.
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
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        // NOTE: not Files.createTempFile, which makes the file owner-only (0600); this one gets the
        // usual permissions, like any other file the user writes.
        Path tmp = dir.resolve(target.getFileName() + "." + ProcessHandle.current().pid() + "-" + System.nanoTime()
                + ".tmp");
        boolean done = false;
        try {
            try (OutputStream raw = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                 DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw, 1 << 16))) {
                body.write(out);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
        } finally {
            if (!done) {
                Files.deleteIfExists(tmp);
            }
        }
    }
}
