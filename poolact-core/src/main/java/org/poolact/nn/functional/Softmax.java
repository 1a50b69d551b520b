package org.poolact.nn.functional;

import org.poolact.autograd.Autograd;
import org.poolact.kernels.SoftmaxKernels;
import org.poolact.tensor.Shape;
import org.poolact.tensor.Tensor;

/** {@code F.softmax} and {@code F.log_softmax} along one dimension, numerically stable. */
public final class Softmax {
    private Softmax() {
    }

    /**
     * {@code F.log_softmax(x, dim)}: {@code x - max - log(sum(exp(x - max)))} along {@code dim}
     * (negative dims count from the end). grad_fn {@code LogSoftmaxBackward0}; its gradient is
     * {@code g - softmax(x) * sum(g)}.
     */
    public static Tensor logSoftmax(Tensor x, int dim) {
        return apply(x, dim, "log_softmax", true);
    }

    /**
     * {@code F.softmax(x, dim)}: {@code exp(x - max) / sum(exp(x - max))} along {@code dim}.
     * grad_fn {@code SoftmaxBackward0}; its gradient is {@code y * (g - sum(g * y))}.
     */
    public static Tensor softmax(Tensor x, int dim) {
        return apply(x, dim, "softmax", false);
    }

    private static Tensor apply(Tensor x, int dim, String op, boolean log) {
        int rank = Math.max(x.dim(), 1);
        if (dim < -rank || dim >= rank) {
            throw new IllegalArgumentException(op + ": dim out of range (expected to be in range of [" + (-rank) + ", "
                    + (rank - 1) + "], but got " + dim + ")");
        }
        int[] shape = x.shape();
        int[] split = split(shape, x.dim() == 0 ? 0 : Shape.wrapDim(dim, x.dim()));
        double[] xd = x.toDoubleArray();
        double[] yd = new double[xd.length];
        if (log) {
            SoftmaxKernels.logSoftmax(xd, split[0], split[1], split[2], yd);
        } else {
            SoftmaxKernels.softmax(xd, split[0], split[1], split[2], yd);
        }
        Tensor y = Tensor.fromDoubles(yd, x.dtype(), shape);
        // NOTE: the backward uses the ROUNDED output y, as PyTorch's kernels do (they save the result).
        return Autograd.record(y, log ? "LogSoftmaxBackward0" : "SoftmaxBackward0", g -> {
            double[] yr = y.toDoubleArray();
            double[] gx = new double[yr.length];
            if (log) {
                SoftmaxKernels.logSoftmaxBackward(yr, g.toDoubleArray(), split[0], split[1], split[2], gx);
            } else {
                SoftmaxKernels.softmaxBackward(yr, g.toDoubleArray(), split[0], split[1], split[2], gx);
            }
            return new Tensor[] {Tensor.fromDoubles(gx, x.dtype(), shape)};
        }, x);
    }

    /** {outer, size, inner} for a reduction over {@code dim} of a contiguous tensor. */
    private static int[] split(int[] shape, int dim) {
        if (shape.length == 0) {
            return new int[] {1, 1, 1};
        }
        int outer = 1;
        for (int d = 0; d < dim; d++) {
            outer *= shape[d];
        }
        int inner = 1;
        for (int d = dim + 1; d < shape.length; d++) {
            inner *= shape[d];
        }
        return new int[] {outer, shape[dim], inner};
    }
}
