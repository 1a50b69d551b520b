package org.poolact.nn.functional;

import java.util.Random;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;

import org.poolact.tensor.DType;
import org.poolact.tensor.Tensor;
import org.poolact.testing.TorchRef;

/**
 * Test helpers: seeded random tensors and the PyTorch reference for F.pad's four modes (the
 * forward-and-backward comparison with libtorch is {@link TorchRef#compareWithTorch}).
 *
 * <p>DJL 0.36.0 exposes only constant padding of libtorch, so reflect, replicate and circular padding
 * are composed here from libtorch ops that DJL reaches and that carry autograd: slicing
 * ({@code x[..., a:b]}), {@code flip} and {@code cat}. Each mode is written from its definition,
 * one axis at a time (2-D padding in these modes is separable): reflect = the {@code k} elements after
 * the edge, flipped; replicate = the edge slice repeated {@code k} times; circular = the {@code k}
 * elements from the other end; constant = a block of zeros.
 */
final class FunctionalRef {
    private FunctionalRef() {
    }

    /** A float tensor of the shape with N(0, 1) values from a seeded java.util.Random. */
    static Tensor randn(long seed, DType dt, int... shape) {
        Random r = new Random(seed);
        Tensor t = Tensor.empty(dt, shape);
        for (int i = 0; i < t.numel(); i++) {
            t.setFlat(i, r.nextGaussian());
        }
        return t;
    }

    /** The torch reference of {@code F.pad(x, (left, right, top, bottom), mode)} on the last two axes. */
    static NDArray pad(NDArray x, int left, int right, int top, int bottom, PadMode mode) {
        int rank = x.getShape().dimension();
        NDArray y = padAxis(x, rank - 1, left, right, mode);
        return padAxis(y, rank - 2, top, bottom, mode);
    }

    private static NDArray padAxis(NDArray x, int axis, int before, int after, PadMode mode) {
        if (before == 0 && after == 0) {
            return x;
        }
        long n = x.getShape().get(axis);
        NDList parts = new NDList();
        if (before > 0) {
            parts.add(piece(x, axis, n, before, true, mode));
        }
        parts.add(x);
        if (after > 0) {
            parts.add(piece(x, axis, n, after, false, mode));
        }
        return NDArrays.concat(parts, axis);
    }

    private static NDArray piece(NDArray x, int axis, long n, int k, boolean before, PadMode mode) {
        switch (mode) {
            case REFLECT:
                return (before ? slice(x, axis, 1, k + 1) : slice(x, axis, n - 1 - k, n - 1)).flip(axis);
            case REPLICATE: {
                NDArray edge = before ? slice(x, axis, 0, 1) : slice(x, axis, n - 1, n);
                NDList copies = new NDList();
                for (int i = 0; i < k; i++) {
                    copies.add(edge);
                }
                return k == 1 ? edge : NDArrays.concat(copies, axis);
            }
            case CIRCULAR:
                return before ? slice(x, axis, n - k, n) : slice(x, axis, 0, k);
            default: {
                long[] s = x.getShape().getShape().clone();
                s[axis] = k;
                return x.getManager().zeros(new ai.djl.ndarray.types.Shape(s), x.getDataType());
            }
        }
    }

    /** x[..., from:to] along the last axis, or x[..., from:to, :] along the one before it. */
    private static NDArray slice(NDArray x, int axis, long from, long to) {
        int rank = x.getShape().dimension();
        String spec = axis == rank - 1 ? "..., " + from + ":" + to : "..., " + from + ":" + to + ", :";
        return x.get(new NDIndex(spec));
    }
}
