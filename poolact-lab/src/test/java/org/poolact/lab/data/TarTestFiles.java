package org.poolact.lab.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Builds small ustar .tgz files for tests. */
final class TarTestFiles {
    private final ByteArrayOutputStream tar = new ByteArrayOutputStream();

    static byte[] header(String name, String prefix, long size, char type) {
        byte[] h = new byte[512];
        put(h, 0, name);
        put(h, 100, "0000644\0");
        put(h, 108, "0000000\0");
        put(h, 116, "0000000\0");
        put(h, 124, String.format("%011o\0", size));
        put(h, 136, "00000000000\0");
        h[156] = (byte) type;
        put(h, 257, "ustar\0");
        put(h, 263, "00");
        put(h, 345, prefix);
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        put(h, 148, String.format("%06o\0 ", sum));
        return h;
    }

    private static void put(byte[] h, int off, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(b, 0, h, off, b.length);
    }

    TarTestFiles raw(byte[] bytes) {
        tar.writeBytes(bytes);
        return this;
    }

    TarTestFiles file(String name, byte[] content) {
        return entry(name, "", content, '0');
    }

    TarTestFiles entry(String name, String prefix, byte[] content, char type) {
        tar.writeBytes(header(name, prefix, content.length, type));
        tar.writeBytes(content);
        tar.writeBytes(new byte[(512 - content.length % 512) % 512]);
        return this;
    }

    byte[] tarBytes(boolean end) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(tar.toByteArray());
        if (end) {
            out.writeBytes(new byte[1024]);
        }
        return out.toByteArray();
    }

    Path writeTgz(Path file, boolean end) throws IOException {
        return writeGzip(file, tarBytes(end));
    }

    static Path writeGzip(Path file, byte[] bytes) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(bytes);
        }
        return file;
    }
}
