package org.poolact.lab.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.LongConsumer;

/** SHA-256 of files, as {@code sha256sum} prints it (lower-case hex). */
public final class Sha256 {
    private Sha256() {
    }

    /** Hex SHA-256 of a file; {@code progress} receives the bytes hashed so far. */
    public static String of(Path file, LongConsumer progress) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
        byte[] buf = new byte[1 << 16];
        long done = 0;
        try (InputStream in = Files.newInputStream(file)) {
            for (int r; (r = in.read(buf)) > 0; ) {
                md.update(buf, 0, r);
                done += r;
                progress.accept(done);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /**
     * Throws unless {@code file}'s SHA-256 is {@code expected}; the message names both digests and
     * {@code advice} (what to do about it).
     */
    public static void verify(Path file, String expected, LongConsumer progress, String advice) throws IOException {
        String got = of(file, progress);
        if (!got.equalsIgnoreCase(expected)) {
            throw new DataFetchException(file + ": SHA-256 mismatch: expected " + expected + ", got " + got
                    + " (" + Files.size(file) + " bytes). " + advice);
        }
    }
}
