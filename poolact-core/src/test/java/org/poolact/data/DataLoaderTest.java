package org.poolact.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.poolact.random.Generator;
import org.poolact.tensor.Tensor;

class DataLoaderTest {
    /** n images of 3x2; pixel p of image i is (i * 6 + p) mod 256, label i mod 10. */
    static Dataset synthetic(int n) {
        byte[] px = new byte[n * 6];
        for (int i = 0; i < px.length; i++) {
            px[i] = (byte) i;
        }
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            labels[i] = (byte) (i % 10);
        }
        return Dataset.of("synthetic", new IdxImages(n, 3, 2, px), labels, 10);
    }

    private static List<int[]> epoch(DataLoader loader) {
        List<int[]> out = new ArrayList<>();
        for (Batch b : loader) {
            out.add(b.indices());
        }
        return out;
    }

    private static int[] flat(List<int[]> batches) {
        return batches.stream().flatMapToInt(Arrays::stream).toArray();
    }

    @ParameterizedTest
    @CsvSource({"10,3,false,4,1", "10,3,true,3,3", "9,3,false,3,3", "9,3,true,3,3", "10,10,true,1,10",
            "10,64,false,1,10", "1,1,false,1,1"})
    void batchCountsAndSizesFollowDropLast(int n, int batchSize, boolean dropLast, int batches, int lastSize) {
        DataLoader loader = DataLoader.builder(synthetic(n)).batchSize(batchSize).dropLast(dropLast).build();
        assertEquals(batches, loader.numBatches());
        List<int[]> e = epoch(loader);
        assertEquals(batches, e.size());
        assertEquals(lastSize, e.get(e.size() - 1).length);
        int[] expected = new int[dropLast ? batches * batchSize : n];
        Arrays.setAll(expected, i -> i);
        assertArrayEquals(expected, flat(e), "without shuffle, the file order");
    }

    @Test
    void batchContentIsToTensorOfTheIndexedImages() {
        Dataset ds = synthetic(7);
        Batch b = DataLoader.builder(ds).batchSize(4).build().iterator().next();
        assertArrayEquals(new int[] {4, 1, 3, 2}, b.images().shape());
        assertArrayEquals(new int[] {0, 1, 2, 3}, b.labels());
        assertArrayEquals(new long[] {0, 1, 2, 3}, b.targets().data());
        float[] x = b.images().floatData();
        for (int i = 0; i < x.length; i++) {
            assertEquals((float) i / 255f, x[i]);
        }
    }

    @Test
    void normalisationIsFloat32SubtractThenDivide() {
        Dataset ds = synthetic(50);
        Batch b = DataLoader.builder(ds).batchSize(50).normalize(Normalization.MNIST).build().iterator().next();
        float[] x = b.images().floatData();
        float mean = 0.1307f;
        float std = 0.3081f;
        for (int i = 0; i < x.length; i++) {
            float v = (i & 0xff) / 255f;
            assertEquals((v - mean) / std, x[i], 0f, "pixel " + i);
        }
        // first pixel is 0: (0 - 0.1307f) / 0.3081f
        assertEquals(-0.42421296f, x[0], 1e-7f);
    }

    @Test
    void sameSeedSameOrderDifferentSeedDifferentOrder() {
        Dataset ds = synthetic(100);
        DataLoader a = DataLoader.builder(ds).batchSize(16).shuffle(new Generator(7)).build();
        DataLoader b = DataLoader.builder(ds).batchSize(16).shuffle(new Generator(7)).build();
        DataLoader c = DataLoader.builder(ds).batchSize(16).shuffle(new Generator(8)).build();
        int[] a1 = flat(epoch(a));
        int[] a2 = flat(epoch(a));
        int[] b1 = flat(epoch(b));
        int[] b2 = flat(epoch(b));
        int[] c1 = flat(epoch(c));
        assertArrayEquals(a1, b1, "epoch 1, same seed");
        assertArrayEquals(a2, b2, "epoch 2, same seed");
        assertFalse(Arrays.equals(a1, c1), "different seeds give different orders");
        assertFalse(Arrays.equals(a1, a2), "each epoch is reshuffled");
        for (int[] order : List.of(a1, a2, c1)) {
            int[] sorted = order.clone();
            Arrays.sort(sorted);
            int[] all = new int[100];
            Arrays.setAll(all, i -> i);
            assertArrayEquals(all, sorted, "each epoch visits every example once");
        }
        int[] identity = new int[100];
        Arrays.setAll(identity, i -> i);
        assertFalse(Arrays.equals(identity, a1), "shuffled");
    }

    @Test
    void labelsFollowTheShuffledIndices() {
        Dataset ds = synthetic(30);
        for (Batch b : DataLoader.builder(ds).batchSize(8).shuffle(new Generator(3)).build()) {
            for (int i = 0; i < b.size(); i++) {
                assertEquals(b.indices()[i] % 10, b.labels()[i]);
                assertEquals((float) ((b.indices()[i] * 6) & 0xff) / 255f, b.images().floatData()[i * 6]);
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"10,3,false", "9,3,false", "10,3,true", "9,3,true"})
    void epochDrawsAsTorchDataLoader(int n, int batchSize, boolean dropLast) {
        // one random64 (base seed), randperm(n) for the order, randperm(n) when the sampler ends
        Generator used = new Generator(11);
        DataLoader loader = DataLoader.builder(synthetic(n)).batchSize(batchSize).dropLast(dropLast).shuffle(used).build();
        int[] order = flat(epoch(loader));
        Generator ref = new Generator(11);
        ref.random64();
        int[] perm = DataLoader.randperm(n, ref);
        DataLoader.randperm(n, ref);
        assertArrayEquals(Arrays.copyOf(perm, order.length), order);
        assertEquals(ref.random(), used.random(), "generator state after one epoch");
    }

    @Test
    void partialLastBatchReadsPastTheEndBeforeItIsReturned() {
        Generator g = new Generator(5);
        Iterator<Batch> it = DataLoader.builder(synthetic(5)).batchSize(3).shuffle(g).build().iterator();
        it.next();
        Generator ref = new Generator(5);
        ref.random64();
        DataLoader.randperm(5, ref);
        it.next(); // partial batch of 2: torch's BatchSampler hits StopIteration while filling it
        DataLoader.randperm(5, ref);
        assertEquals(ref.random(), g.random());
        assertFalse(it.hasNext());
        assertThrows(java.util.NoSuchElementException.class, it::next);
    }

    @Test
    void randpermIsAPermutation() {
        for (int n : new int[] {1, 2, 17, 1000}) {
            int[] p = DataLoader.randperm(n, new Generator(n));
            int[] s = p.clone();
            Arrays.sort(s);
            for (int i = 0; i < n; i++) {
                assertEquals(i, s[i]);
            }
        }
    }

    @Test
    void badOptionsAreRejected() {
        Dataset ds = synthetic(5);
        assertEquals("DataLoader: batch_size should be a positive integer value, but got batch_size=0",
                assertThrows(IllegalArgumentException.class, () -> DataLoader.builder(ds).batchSize(0)).getMessage());
        assertEquals("DataLoader: drop_last=True with batch_size=6 leaves no batch of 5 examples",
                assertThrows(IllegalArgumentException.class,
                        () -> DataLoader.builder(ds).batchSize(6).dropLast(true).build()).getMessage());
        assertEquals("DataLoader: shuffle needs an explicit generator, got null",
                assertThrows(IllegalArgumentException.class, () -> DataLoader.builder(ds).shuffle(null)).getMessage());
        assertEquals("Normalization: expected finite mean and std > 0, got mean=0.5, std=0.0",
                assertThrows(IllegalArgumentException.class, () -> new Normalization(0.5, 0)).getMessage());
    }

    @Test
    void wholeDataSetAsOneTensor() {
        Tensor all = synthetic(4).images();
        assertArrayEquals(new int[] {4, 1, 3, 2}, all.shape());
        assertEquals(23f / 255f, all.floatData()[23]);
    }
}
