package org.poolact.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.poolact.random.Generator;

/**
 * The shuffled example order against PyTorch: fixtures written by
 * {@code src/test/resources/data/gen_dataloader_fixtures.py} with Debian's python3-torch 1.13.1
 * ({@code DataLoader(range(n), batch_size, shuffle=True, generator=g, drop_last)} over 3 epochs,
 * and {@code torch.randperm(n, generator=g)}). NOTE: libtorch 2.7.1 is not checked here (DJL has no
 * DataLoader); the rng helper checks randperm against it.
 */
class DataLoaderTorchTest {
    private static List<String[]> fixtures(String kind) throws IOException {
        List<String[]> out = new ArrayList<>();
        try (InputStream in = DataLoaderTorchTest.class.getResourceAsStream("/data/dataloader_fixtures.txt");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.startsWith(kind + " ")) {
                    out.add(line.split(" : ", 2));
                }
            }
        }
        return out;
    }

    private static int[] ints(String s) {
        return Arrays.stream(s.trim().split(" ")).mapToInt(Integer::parseInt).toArray();
    }

    @Test
    void epochOrdersMatchTorchDataLoader() throws IOException {
        List<String[]> cases = fixtures("loader");
        assertEquals(6, cases.size());
        for (String[] c : cases) {
            String[] p = c[0].split(" ");
            int n = Integer.parseInt(p[1]);
            int batchSize = Integer.parseInt(p[2]);
            boolean dropLast = Boolean.parseBoolean(p[3]);
            long seed = Long.parseLong(p[4]);
            int epochs = Integer.parseInt(p[5]);
            byte[] labels = new byte[n];
            Dataset ds = Dataset.of("range", new IdxImages(n, 1, 1, new byte[n]), labels, 1);
            DataLoader loader = DataLoader.builder(ds).batchSize(batchSize).dropLast(dropLast)
                    .shuffle(new Generator(seed)).build();
            List<Integer> order = new ArrayList<>();
            for (int e = 0; e < epochs; e++) {
                for (Batch b : loader) {
                    for (int i : b.indices()) {
                        order.add(i);
                    }
                }
            }
            assertArrayEquals(ints(c[1]), order.stream().mapToInt(Integer::intValue).toArray(), c[0]);
        }
    }

    @Test
    void randpermMatchesTorch() throws IOException {
        List<String[]> cases = fixtures("randperm");
        cases.addAll(fixtures("randperm-ends"));
        assertEquals(6, cases.size());
        for (String[] c : cases) {
            String[] p = c[0].split(" ");
            int n = Integer.parseInt(p[1]);
            int[] perm = DataLoader.randperm(n, new Generator(Long.parseLong(p[2])));
            int[] expected = ints(c[1]);
            if (p[0].equals("randperm-ends")) {
                int[] ends = new int[64];
                System.arraycopy(perm, 0, ends, 0, 32);
                System.arraycopy(perm, n - 32, ends, 32, 32);
                perm = ends;
            }
            assertArrayEquals(expected, perm, c[0]);
        }
    }
}
