package org.poolact.tensor;

import java.util.Arrays;

/** Static helpers for shapes: element counts, contiguous strides, broadcasting, dim wrapping. */
public final class Shape {
    private Shape() {
    }

    /** Product of the sizes; 1 for a scalar (empty shape). */
    public static int numel(int[] shape) {
        long n = 1;
        for (int s : shape) {
            if (s < 0) {
                throw new IllegalArgumentException("shape: expected non-negative sizes, got " + Arrays.toString(shape));
            }
            n *= s;
            if (n > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("shape: " + Arrays.toString(shape) + " has more than 2^31-1 elements");
            }
        }
        return (int) n;
    }

    /** Row-major (C-contiguous) strides, in elements. */
    public static int[] contiguousStrides(int[] shape) {
        int[] st = new int[shape.length];
        int acc = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            st[i] = acc;
            acc *= Math.max(shape[i], 1);
        }
        return st;
    }

    /**
     * Wraps a possibly negative dim into [0, rank), like PyTorch's {@code maybe_wrap_dim}.
     *
     * @throws IndexOutOfBoundsException "Dimension out of range (expected to be in range of [-r, r-1], but got d)"
     */
    public static int wrapDim(int dim, int rank) {
        int r = Math.max(rank, 1);
        if (dim < -r || dim >= r) {
            throw new IndexOutOfBoundsException("Dimension out of range (expected to be in range of ["
                    + (-r) + ", " + (r - 1) + "], but got " + dim + ")");
        }
        return dim < 0 ? dim + r : dim;
    }

    /** Broadcast shape of two shapes under NumPy/PyTorch rules. */
    public static int[] broadcast(int[] a, int[] b) {
        int n = Math.max(a.length, b.length);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int da = i < n - a.length ? 1 : a[i - (n - a.length)];
            int db = i < n - b.length ? 1 : b[i - (n - b.length)];
            if (da != db && da != 1 && db != 1) {
                throw new IllegalArgumentException("The size of tensor a (" + da + ") must match the size of tensor b ("
                        + db + ") at non-singleton dimension " + i);
            }
            out[i] = da == 1 ? db : da;
        }
        return out;
    }

    /** PyTorch-style text of a shape: {@code [1, 1, 5, 5]}. */
    public static String str(int[] shape) {
        return Arrays.toString(shape);
    }
}
