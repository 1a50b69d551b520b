package org.poolact.ops;

import org.poolact.autograd.Autograd;
import org.poolact.tensor.IndexTensor;
import org.poolact.tensor.Shape;
import org.poolact.tensor.Tensor;

/** Reductions: sum, mean, max, argmax. Sums accumulate in double. */
public final class Reductions {
    private Reductions() {
    }

    /** Values and int64 indices, as returned by {@code torch.max(x, dim)}. */
    public record ValuesIndices(Tensor values, IndexTensor indices) {
    }

    /** {@code x.sum()}; grad_fn SumBackward0. */
    public static Tensor sum(Tensor x) {
        double s = 0;
        for (int i = 0; i < x.numel(); i++) {
            s += x.getFlat(i);
        }
        int[] in = x.shape();
        Tensor out = Tensor.scalar(s, x.dtype());
        return Autograd.record(out, "SumBackward0",
                g -> new Tensor[] {Tensor.full(g.item(), x.dtype(), in)}, x);
    }

    /** {@code x.mean()}; grad_fn MeanBackward0. */
    public static Tensor mean(Tensor x) {
        double s = 0;
        int n = x.numel();
        for (int i = 0; i < n; i++) {
            s += x.getFlat(i);
        }
        int[] in = x.shape();
        Tensor out = Tensor.scalar(s / n, x.dtype());
        return Autograd.record(out, "MeanBackward0",
                g -> new Tensor[] {Tensor.full(g.item() / n, x.dtype(), in)}, x);
    }

    /** {@code x.sum(dims, keepdim)}; grad_fn SumBackward1. */
    public static Tensor sum(Tensor x, int[] dims, boolean keepdim) {
        return reduceDims(x, dims, keepdim, false);
    }

    /** {@code x.mean(dims, keepdim)}; grad_fn MeanBackward1. */
    public static Tensor mean(Tensor x, int[] dims, boolean keepdim) {
        return reduceDims(x, dims, keepdim, true);
    }

    private static Tensor reduceDims(Tensor x, int[] dims, boolean keepdim, boolean mean) {
        int r = x.dim();
        boolean[] red = new boolean[Math.max(r, 1)];
        for (int d : dims) {
            red[Shape.wrapDim(d, r)] = true;
        }
        int[] in = x.shape();
        int[] kept = in.clone();
        int count = 1;
        for (int d = 0; d < r; d++) {
            if (red[d]) {
                count *= in[d];
                kept[d] = 1;
            }
        }
        Tensor summed = Movement.sumToShape(x.detach(), kept);
        final int cnt = count;
        Tensor keptOut = mean ? Elementwise.map(summed, v -> v / cnt) : summed;
        Tensor out = keepdim ? keptOut : keptOut.viewStorage(dropDims(kept, red));
        return Autograd.record(out, mean ? "MeanBackward1" : "SumBackward1", g -> {
            Tensor gk = g.viewStorage(kept);
            Tensor e = Movement.expand(gk, in);
            return new Tensor[] {mean ? Elementwise.map(e, v -> v / cnt) : e};
        }, x);
    }

    private static int[] dropDims(int[] shape, boolean[] red) {
        return java.util.stream.IntStream.range(0, shape.length).filter(d -> !red[d]).map(d -> shape[d]).toArray();
    }

    /** {@code x.max()}: NaN if any element is NaN (PyTorch propagates NaN); grad_fn MaxBackward1. */
    public static Tensor max(Tensor x) {
        if (x.numel() == 0) {
            throw new IllegalArgumentException("max(): Expected reduction dim to be specified for input.numel() == 0. "
                    + "Specify the reduction dim with the 'dim' argument.");
        }
        int arg = (int) argmax(x);
        double m = x.getFlat(arg);
        int[] in = x.shape();
        Tensor out = Tensor.scalar(m, x.dtype());
        // NOTE: PyTorch's full max() spreads the gradient evenly over all elements equal to the max.
        return Autograd.record(out, "MaxBackward1", g -> {
            int ties = 0;
            for (int i = 0; i < x.numel(); i++) {
                if (x.getFlat(i) == m || (Double.isNaN(m) && Double.isNaN(x.getFlat(i)))) {
                    ties++;
                }
            }
            Tensor gi = Tensor.zeros(x.dtype(), in);
            for (int i = 0; i < x.numel(); i++) {
                if (x.getFlat(i) == m || (Double.isNaN(m) && Double.isNaN(x.getFlat(i)))) {
                    gi.setFlat(i, g.item() / ties);
                }
            }
            return new Tensor[] {gi};
        }, x);
    }

    /** {@code x.argmax()}: flat index of the first maximum; the first NaN wins, as in PyTorch. */
    public static long argmax(Tensor x) {
        int best = 0;
        double bv = x.getFlat(0);
        for (int i = 1; i < x.numel() && !Double.isNaN(bv); i++) {
            double v = x.getFlat(i);
            if (v > bv || Double.isNaN(v)) {
                bv = v;
                best = i;
            }
        }
        return best;
    }

    /** {@code torch.max(x, dim, keepdim)}: first index of the maximum (NaN wins); grad_fn MaxBackward0. */
    public static ValuesIndices max(Tensor x, int dim, boolean keepdim) {
        int r = x.dim();
        int d = Shape.wrapDim(dim, r);
        int[] in = x.shape();
        int outer = 1;
        for (int i = 0; i < d; i++) {
            outer *= in[i];
        }
        int len = r == 0 ? 1 : in[d];
        if (len == 0) {
            throw new IllegalArgumentException("max(): Expected reduction dim " + d + " to have non-zero size.");
        }
        int inner = 1;
        for (int i = d + 1; i < r; i++) {
            inner *= in[i];
        }
        int[] kept = in.clone();
        if (r > 0) {
            kept[d] = 1;
        }
        Tensor vals = Tensor.empty(x.dtype(), kept);
        long[] idx = new long[outer * inner];
        for (int o = 0; o < outer; o++) {
            for (int k = 0; k < inner; k++) {
                int base = o * len * inner + k;
                int best = 0;
                double bv = x.getFlat(base);
                for (int j = 1; j < len && !Double.isNaN(bv); j++) {
                    double v = x.getFlat(base + j * inner);
                    if (v > bv || Double.isNaN(v)) {
                        bv = v;
                        best = j;
                    }
                }
                vals.setFlat(o * inner + k, bv);
                idx[o * inner + k] = best;
            }
        }
        boolean[] red = new boolean[Math.max(r, 1)];
        red[d] = true;
        int[] outShape = keepdim || r == 0 ? kept : dropDims(kept, red);
        Tensor values = vals.viewStorage(outShape);
        final int fo = outer;
        final int fi = inner;
        Autograd.record(values, "MaxBackward0", g -> {
            Tensor gi = Tensor.zeros(x.dtype(), in);
            for (int o = 0; o < fo; o++) {
                for (int k = 0; k < fi; k++) {
                    int j = (int) idx[o * fi + k];
                    gi.setFlat(o * len * fi + j * fi + k, g.getFlat(o * fi + k));
                }
            }
            return new Tensor[] {gi};
        }, x);
        return new ValuesIndices(values, new IndexTensor(idx, outShape));
    }

    /** Reduction helper for tests and metrics: number of non-zero elements ({@code torch.count_nonzero}); NaN counts. */
    public static int countNonzero(Tensor x) {
        int c = 0;
        for (int i = 0; i < x.numel(); i++) {
            if (x.getFlat(i) != 0) {
                c++;
            }
        }
        return c;
    }
}
