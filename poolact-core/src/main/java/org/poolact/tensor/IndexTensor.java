package org.poolact.tensor;

import java.util.Arrays;

/**
 * An int64 tensor of indices, as returned by {@code argmax}, {@code max(dim)} and
 * {@code max_pool2d(..., return_indices=True)}. Row-major, immutable shape, no autograd.
 */
public final class IndexTensor {
    private final int[] shape;
    private final long[] data;

    /** Wraps {@code data} (not copied) with the given shape. */
    public IndexTensor(long[] data, int... shape) {
        if (Shape.numel(shape) != data.length) {
            throw new IllegalArgumentException("IndexTensor: shape " + Arrays.toString(shape) + " needs "
                    + Shape.numel(shape) + " elements, got " + data.length);
        }
        this.shape = shape.clone();
        this.data = data;
    }

    public int[] shape() {
        return shape.clone();
    }

    public int dim() {
        return shape.length;
    }

    public int numel() {
        return data.length;
    }

    /** The backing array, not a copy. */
    public long[] data() {
        return data;
    }

    /** Element at a flat index. */
    public long getFlat(int i) {
        return data[i];
    }

    /** Element at a full index. */
    public long get(int... index) {
        int[] st = Shape.contiguousStrides(shape);
        int flat = 0;
        for (int d = 0; d < index.length; d++) {
            flat += index[d] * st[d];
        }
        return data[flat];
    }

    /** As a tensor of the given dtype (indices are exact in float64 up to 2^53). */
    public Tensor toTensor(DType dtype) {
        Tensor t = Tensor.empty(dtype, shape);
        for (int i = 0; i < data.length; i++) {
            t.setFlat(i, data[i]);
        }
        return t;
    }

    /** PyTorch's printed form, e.g. {@code tensor([0, 3, 5])} (int64 is a default dtype: no dtype suffix). */
    @Override
    public String toString() {
        return TensorPrinter.formatIndices(this);
    }
}
