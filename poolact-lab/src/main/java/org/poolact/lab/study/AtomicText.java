package org.poolact.lab.study;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/** Writes a text file atomically: a temporary file in the same directory, forced to disk, renamed over the target. */
final class AtomicText {
    private AtomicText() {
    }

    /**
     * Replaces {@code file} with {@code text} (UTF-8); readers see the old or the new content, never a part.
     */
    // NOTE: not Files.createTempFile, which creates the file with mode 600; this one follows the umask
    // like any other output file.
    static void write(Path file, CharSequence text) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve("." + file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
