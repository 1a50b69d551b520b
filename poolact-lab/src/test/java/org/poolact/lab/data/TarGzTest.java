package org.poolact.lab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TarGzTest {
    @TempDir
    Path dir;

    private static Map<String, byte[]> readAll(Path tgz) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        TarGz.read(tgz, (name, size, in) -> {
            byte[] b = in.readAllBytes();
            assertEquals(size, b.length);
            out.put(name, b);
        }, done -> { });
        return out;
    }

    @Test
    void readsFilesWithPrefixesLongNamesAndSkipsDirectories() throws IOException {
        byte[] big = new byte[1300];
        Arrays.fill(big, (byte) 7);
        String longName = "package/" + "x".repeat(150) + ".json";
        Path tgz = new TarTestFiles()
                .entry("package/", "", new byte[0], '5')
                .file("package/a.txt", "hello".getBytes(StandardCharsets.UTF_8))
                .entry("big.bin", "package/data", big, '0')
                .entry("././@LongLink", "", (longName + "\0").getBytes(StandardCharsets.UTF_8), 'L')
                .file("ignored-short-name", new byte[] {1})
                .file("package/empty", new byte[0])
                .writeTgz(dir.resolve("t.tgz"), true);
        Map<String, byte[]> got = readAll(tgz);
        assertEquals(List.of("package/a.txt", "package/data/big.bin", longName, "package/empty"),
                new ArrayList<>(got.keySet()));
        assertEquals("hello", new String(got.get("package/a.txt"), StandardCharsets.UTF_8));
        assertArrayEquals(big, got.get("package/data/big.bin"));
        assertArrayEquals(new byte[] {1}, got.get(longName));
    }

    @Test
    void unreadContentIsSkipped() throws IOException {
        Path tgz = new TarTestFiles().file("a", new byte[700]).file("b", new byte[] {42})
                .writeTgz(dir.resolve("t.tgz"), false);
        List<String> names = new ArrayList<>();
        TarGz.read(tgz, (name, size, in) -> {
            names.add(name);
            if (name.equals("b")) {
                assertEquals(42, in.read());
            }
        }, done -> { });
        assertEquals(List.of("a", "b"), names);
    }

    @Test
    void corruptHeaderIsRejected() throws IOException {
        byte[] tar = new TarTestFiles().file("a", new byte[] {1, 2}).tarBytes(true);
        tar[10] ^= 1; // flip a name bit: checksum no longer matches
        Path tgz = TarTestFiles.writeGzip(dir.resolve("bad.tgz"), tar);
        IOException e = assertThrows(IOException.class, () -> readAll(tgz));
        assertTrue(e.getMessage().startsWith("bad.tgz: corrupt tar header at byte 0: checksum "), e.getMessage());
    }

    @Test
    void truncatedArchiveIsRejected() throws IOException {
        byte[] tar = new TarTestFiles().file("a", new byte[2000]).tarBytes(false);
        Path tgz = TarTestFiles.writeGzip(dir.resolve("cut.tgz"), Arrays.copyOf(tar, 512 + 1000));
        assertEquals("cut.tgz: truncated tar entry at byte 1512",
                assertThrows(IOException.class, () -> readAll(tgz)).getMessage());
        Path tgz2 = TarTestFiles.writeGzip(dir.resolve("cut2.tgz"), Arrays.copyOf(tar, 300));
        assertEquals("cut2.tgz: truncated tar header at byte 300",
                assertThrows(IOException.class, () -> readAll(tgz2)).getMessage());
    }
}
