package org.poolact.lab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class StratifiedSplitTest {
    @Test
    void fashionCountsGiveExactly1000TestImagesPerClass() {
        int[] valid = new int[10];
        Arrays.fill(valid, 7000);
        int[] expected = new int[10];
        Arrays.fill(expected, 1000);
        assertArrayEquals(expected, StratifiedSplit.testCounts(valid, 10_000));
        // with the 2 empty rows counted as images (7002 in class 0), largest remainder still gives 1000 each:
        // floors are 1000, 999 x 9 (sum 9991); remainders 18000 (class 0) < 68002 (others), so classes 1..9 get +1
        int[] raw = valid.clone();
        raw[0] = 7002;
        assertArrayEquals(expected, StratifiedSplit.testCounts(raw, 10_000));
    }

    @Test
    void tiesGoToTheLowerClass() {
        assertArrayEquals(new int[] {1, 0, 0}, StratifiedSplit.testCounts(new int[] {1, 1, 1}, 1));
        assertArrayEquals(new int[] {1, 1, 0}, StratifiedSplit.testCounts(new int[] {1, 1, 1}, 2));
        assertArrayEquals(new int[] {0, 1, 1}, StratifiedSplit.testCounts(new int[] {2, 3, 3}, 2));
        assertArrayEquals(new int[] {0, 0, 0}, StratifiedSplit.testCounts(new int[] {0, 5, 5}, 0));
        assertArrayEquals(new int[] {0, 5, 5}, StratifiedSplit.testCounts(new int[] {0, 5, 5}, 10));
    }

    @Test
    void randomCountsSumExactlyAndStayWithinOneOfTheirShare() {
        Random r = new Random(42);
        for (int trial = 0; trial < 2000; trial++) {
            int k = 1 + r.nextInt(12);
            int[] counts = new int[k];
            long total = 0;
            for (int c = 0; c < k; c++) {
                counts[c] = r.nextInt(trial % 3 == 0 ? 10 : 9000);
                total += counts[c];
            }
            int test = (int) (total == 0 ? 0 : r.nextLong(total + 1));
            int[] t = StratifiedSplit.testCounts(counts, test);
            assertEquals(test, Arrays.stream(t).sum(), "total of " + Arrays.toString(counts));
            for (int c = 0; c < k; c++) {
                double share = total == 0 ? 0 : (double) counts[c] * test / total;
                assertTrue(t[c] >= Math.floor(share) && t[c] <= Math.ceil(share),
                        "class " + c + " of " + Arrays.toString(counts) + " gets " + t[c] + ", share " + share);
                assertTrue(t[c] <= counts[c]);
            }
        }
    }

    @Test
    void the60000By10000SplitOfUnevenClasses() {
        int[] counts = {7002, 6800, 7300, 7000, 6900, 7100, 6950, 7050, 6898, 7000}; // 70000 in all
        int[] t = StratifiedSplit.testCounts(counts, 10_000);
        assertEquals(10_000, Arrays.stream(t).sum());
        assertEquals(60_000, Arrays.stream(counts).sum() - Arrays.stream(t).sum());
        // shares: 1000.29, 971.43, 1042.86, 1000, 985.71, 1014.29, 992.86, 1007.14, 985.43, 1000; floors sum
        // to 9996, the 4 left go to remainders .857 (classes 2, 6), .714 (class 4) and the tie .4286 between
        // classes 1 and 8 (both 30000/70000 exactly) goes to class 1
        assertArrayEquals(new int[] {1000, 972, 1043, 1000, 986, 1014, 993, 1007, 985, 1000}, t);
    }

    @Test
    void badArgumentsAreRejected() {
        assertEquals("StratifiedSplit: expected a test size in [0, 3], got 4",
                assertThrows(IllegalArgumentException.class,
                        () -> StratifiedSplit.testCounts(new int[] {1, 2}, 4)).getMessage());
        assertEquals("StratifiedSplit: expected counts >= 0, got -1 for class 1",
                assertThrows(IllegalArgumentException.class,
                        () -> StratifiedSplit.testCounts(new int[] {1, -1}, 0)).getMessage());
    }

    @Test
    void interleaveGoesRankByRankSkippingEmptyClasses() {
        List<int[]> order = StratifiedSplit.interleave(new int[] {2, 0, 5}, new int[] {2, 1, 3});
        int[][] expected = {{0, 2}, {1, 0}, {2, 5}, {0, 3}, {2, 6}, {2, 7}};
        assertEquals(expected.length, order.size());
        for (int i = 0; i < expected.length; i++) {
            assertArrayEquals(expected[i], order.get(i), "position " + i);
        }
    }
}
