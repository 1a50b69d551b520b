package org.poolact.lab.data;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.LongConsumer;
import java.util.zip.GZIPInputStream;

/**
 * A small reader of gzip-compressed tar archives (what {@code npm pack} writes): ustar and GNU
 * headers, regular files only; pax ({@code x}) path records and GNU long names ({@code L}) are
 * honoured, other entry types are skipped. Each header's checksum is verified.
 */
public final class TarGz {
    private static final int BLOCK = 512;

    /** Receives each regular file; {@code content} holds exactly {@code size} bytes. */
    @FunctionalInterface
    public interface EntryHandler {
        void entry(String name, long size, InputStream content) throws IOException;
    }

    private TarGz() {
    }

    /**
     * Streams {@code tgz}'s regular files to {@code handler} in archive order. Unread content is
     * skipped. {@code progress} receives the compressed bytes read so far.
     */
    public static void read(Path tgz, EntryHandler handler, LongConsumer progress) throws IOException {
        String where = tgz.getFileName().toString();
        try (InputStream file = new CountingInputStream(Files.newInputStream(tgz), progress);
             InputStream in = new BufferedInputStream(new GZIPInputStream(file, 1 << 16), 1 << 16)) {
            byte[] header = new byte[BLOCK];
            long offset = 0;
            String longName = null;
            while (true) {
                int got = in.readNBytes(header, 0, BLOCK);
                if (got == 0) {
                    return; // end without the two zero blocks: tolerated
                }
                if (got < BLOCK) {
                    throw new IOException(where + ": truncated tar header at byte " + (offset + got));
                }
                if (allZero(header)) {
                    return;
                }
                checkChecksum(header, where, offset);
                long size = parseNumber(header, 124, 12, where, offset);
                char type = (char) header[156];
                offset += BLOCK;
                String name = longName != null ? longName : entryName(header);
                longName = null;
                long padded = (size + BLOCK - 1) / BLOCK * BLOCK;
                if (type == 'L' || type == 'x') {
                    byte[] meta = in.readNBytes((int) padded);
                    if (meta.length < padded) {
                        throw new IOException(where + ": truncated tar entry at byte " + (offset + meta.length));
                    }
                    longName = type == 'L' ? cString(meta, 0, (int) size) : paxPath(meta, (int) size);
                } else if (type == '0' || type == '\0' || type == '7') {
                    BoundedInputStream content = new BoundedInputStream(in, size, where, offset);
                    handler.entry(name, size, content);
                    content.skipRest();
                    skipExactly(in, padded - size, where, offset + size);
                } else {
                    skipExactly(in, padded, where, offset);
                }
                offset += padded;
            }
        }
    }

    private static String entryName(byte[] h) {
        String name = cString(h, 0, 100);
        boolean ustar = new String(h, 257, 5, StandardCharsets.US_ASCII).equals("ustar");
        String prefix = ustar ? cString(h, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private static String paxPath(byte[] meta, int size) {
        // records are "<len> <key>=<value>\n"
        String text = new String(meta, 0, size, StandardCharsets.UTF_8);
        for (String line : text.split("\n")) {
            int sp = line.indexOf(' ');
            if (sp > 0 && line.startsWith("path=", sp + 1)) {
                return line.substring(sp + 6);
            }
        }
        return null;
    }

    private static String cString(byte[] b, int off, int len) {
        int end = off;
        while (end < off + len && b[end] != 0) {
            end++;
        }
        return new String(b, off, end - off, StandardCharsets.UTF_8);
    }

    private static long parseNumber(byte[] h, int off, int len, String where, long at) throws IOException {
        if ((h[off] & 0x80) != 0) { // GNU base-256
            long v = h[off] & 0x7f;
            for (int i = 1; i < len; i++) {
                v = (v << 8) | (h[off + i] & 0xff);
            }
            return v;
        }
        int i = off;
        int end = off + len;
        while (i < end && (h[i] == ' ' || h[i] == 0)) {
            i++;
        }
        long v = 0;
        for (; i < end && h[i] >= '0' && h[i] <= '7'; i++) {
            v = v * 8 + (h[i] - '0');
        }
        for (; i < end; i++) {
            if (h[i] != 0 && h[i] != ' ') {
                throw new IOException(where + ": corrupt tar header at byte " + at + ": bad octal field at byte "
                        + (at + i));
            }
        }
        return v;
    }

    private static void checkChecksum(byte[] h, String where, long at) throws IOException {
        long stored = parseNumber(h, 148, 8, where, at);
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += (i >= 148 && i < 156) ? ' ' : (h[i] & 0xff);
        }
        if (sum != stored) {
            throw new IOException(where + ": corrupt tar header at byte " + at + ": checksum " + stored
                    + " stored, " + sum + " computed");
        }
    }

    private static boolean allZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    private static void skipExactly(InputStream in, long n, String where, long at) throws IOException {
        long left = n;
        while (left > 0) {
            long s = in.skip(left);
            if (s <= 0) {
                if (in.read() < 0) {
                    throw new IOException(where + ": truncated tar entry at byte " + (at + n - left));
                }
                s = 1;
            }
            left -= s;
        }
    }

    /** At most {@code limit} bytes of the underlying stream; close does not close it. */
    private static final class BoundedInputStream extends FilterInputStream {
        private final long limit;
        private final String where;
        private final long start;
        private long left;

        BoundedInputStream(InputStream in, long limit, String where, long start) {
            super(in);
            this.limit = limit;
            this.left = limit;
            this.where = where;
            this.start = start;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int r = in.read();
            if (r < 0) {
                throw truncated();
            }
            left--;
            return r;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            if (len == 0) {
                return 0;
            }
            int r = in.read(b, off, (int) Math.min(len, left));
            if (r < 0) {
                throw truncated();
            }
            left -= r;
            return r;
        }

        // NOTE: a short entry must fail while the handler reads it, not look like a complete file.
        private IOException truncated() {
            return new IOException(where + ": truncated tar entry at byte " + (start + limit - left));
        }

        @Override
        public long skip(long n) throws IOException {
            long s = in.skip(Math.min(n, left));
            left -= s;
            return s;
        }

        @Override
        public int available() throws IOException {
            return (int) Math.min(in.available(), left);
        }

        @Override
        public void close() {
        }

        void skipRest() throws IOException {
            skipExactly(this, left, where, start + (limit - left));
        }
    }

    /** Reports the bytes read through it. */
    private static final class CountingInputStream extends FilterInputStream {
        private final LongConsumer progress;
        private long count;

        CountingInputStream(InputStream in, LongConsumer progress) {
            super(in);
            this.progress = progress;
        }

        @Override
        public int read() throws IOException {
            int r = in.read();
            if (r >= 0) {
                progress.accept(++count);
            }
            return r;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int r = in.read(b, off, len);
            if (r > 0) {
                count += r;
                progress.accept(count);
            }
            return r;
        }
    }
}
