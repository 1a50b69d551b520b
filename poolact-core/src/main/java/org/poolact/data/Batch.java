package org.poolact.data;

import org.poolact.tensor.IndexTensor;
import org.poolact.tensor.Tensor;

/**
 * One mini-batch from a {@link DataLoader}.
 *
 * @param images  float32 {@code [B, 1, rows, cols]}
 * @param labels  class labels, length {@code B}
 * @param indices the data set indices of the examples, length {@code B} (to check pairing or
 *                reproduce a batch)
 */
public record Batch(Tensor images, int[] labels, int[] indices) {
    /** Number of examples in the batch. */
    public int size() {
        return labels.length;
    }

    /** The labels as an int64 tensor {@code [B]}, the target type of {@code cross_entropy}. */
    public IndexTensor targets() {
        long[] t = new long[labels.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = labels[i];
        }
        return new IndexTensor(t, t.length);
    }
}
