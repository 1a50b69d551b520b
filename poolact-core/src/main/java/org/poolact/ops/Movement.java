package org.poolact.ops;

import java.util.Arrays;

import org.poolact.autograd.Autograd;
import org.poolact.tensor.Shape;
import org.poolact.tensor.Tensor;

/** Movement ops: reshape/view, permute, transpose, flatten, (un)squeeze, expand, and broadcast reduction. */
public final class Movement {
    private Movement() {
    }

    /** Resolves one -1 in a requested shape and checks the element count, as {@code view} does. */
    public static int[] inferShape(int[] requested, int numel) {
        int[] shape = requested.clone();
        int infer = -1;
        long known = 1;
        for (int d = 0; d < shape.length; d++) {
            if (shape[d] == -1) {
                if (infer >= 0) {
                    throw new IllegalArgumentException("only one dimension can be inferred");
                }
                infer = d;
            } else if (shape[d] < 0) {
                throw new IllegalArgumentException("invalid shape dimension " + shape[d]);
            } else {
                known *= shape[d];
            }
        }
        if (infer >= 0) {
            if (known == 0 || numel % known != 0) {
                throw new IllegalArgumentException("shape '" + Arrays.toString(requested)
                        + "' is invalid for input of size " + numel);
            }
            shape[infer] = (int) (numel / known);
        } else if (known != numel) {
            throw new IllegalArgumentException("shape '" + Arrays.toString(requested)
                    + "' is invalid for input of size " + numel);
        }
        return shape;
    }

    /** {@code tensor.view(shape)}: shares storage; grad_fn ViewBackward0. */
    public static Tensor view(Tensor x, int... shape) {
        int[] s = inferShape(shape, x.numel());
        int[] orig = x.shape();
        return Autograd.record(x.viewStorage(s), "ViewBackward0", g -> new Tensor[] {reshapeRaw(g, orig)}, x);
    }

    /** {@code tensor.reshape(shape)}: a view here, since storage is always contiguous; grad_fn ViewBackward0 as in PyTorch. */
    public static Tensor reshape(Tensor x, int... shape) {
        return view(x, shape);
    }

    private static Tensor reshapeRaw(Tensor g, int[] shape) {
        return view(g, shape);
    }

    /** {@code torch.flatten(x, start, end)}; grad_fn ViewBackward0. */
    public static Tensor flatten(Tensor x, int startDim, int endDim) {
        if (x.dim() == 0) {
            return view(x, 1);
        }
        int s = Shape.wrapDim(startDim, x.dim());
        int e = Shape.wrapDim(endDim, x.dim());
        if (s > e) {
            throw new IllegalArgumentException("flatten() has invalid args: start_dim cannot come after end_dim");
        }
        int[] in = x.shape();
        int[] out = new int[in.length - (e - s)];
        int k = 0;
        for (int d = 0; d < s; d++) {
            out[k++] = in[d];
        }
        int prod = 1;
        for (int d = s; d <= e; d++) {
            prod *= in[d];
        }
        out[k++] = prod;
        for (int d = e + 1; d < in.length; d++) {
            out[k++] = in[d];
        }
        return view(x, out);
    }

    /** {@code tensor.unsqueeze(dim)}; grad_fn UnsqueezeBackward0. */
    public static Tensor unsqueeze(Tensor x, int dim) {
        int d = Shape.wrapDim(dim, x.dim() + 1);
        int[] in = x.shape();
        int[] out = new int[in.length + 1];
        for (int i = 0, k = 0; i < out.length; i++) {
            out[i] = i == d ? 1 : in[k++];
        }
        return Autograd.record(x.viewStorage(out), "UnsqueezeBackward0",
                g -> new Tensor[] {view(g, in)}, x);
    }

    /** {@code tensor.squeeze(dim)}: removes dim if its size is 1; grad_fn SqueezeBackward1. */
    public static Tensor squeeze(Tensor x, int dim) {
        int d = Shape.wrapDim(dim, x.dim());
        int[] in = x.shape();
        if (x.dim() == 0 || in[d] != 1) {
            return x;
        }
        int[] out = new int[in.length - 1];
        for (int i = 0, k = 0; i < in.length; i++) {
            if (i != d) {
                out[k++] = in[i];
            }
        }
        return Autograd.record(x.viewStorage(out), "SqueezeBackward1", g -> new Tensor[] {view(g, in)}, x);
    }

    /** {@code tensor.permute(dims)} (materialised); grad_fn PermuteBackward0. */
    public static Tensor permute(Tensor x, int... dims) {
        int r = x.dim();
        if (dims.length != r) {
            throw new IllegalArgumentException("permute(sparse_coo): number of dimensions in the tensor input does "
                    + "not match the length of the desired ordering of dimensions i.e. input.dim() = " + r
                    + " is not equal to len(dims) = " + dims.length);
        }
        int[] p = new int[r];
        boolean[] seen = new boolean[r];
        for (int i = 0; i < r; i++) {
            p[i] = Shape.wrapDim(dims[i], r);
            if (seen[p[i]]) {
                throw new IllegalArgumentException("permute(): duplicate dims are not allowed.");
            }
            seen[p[i]] = true;
        }
        int[] in = x.shape();
        int[] inSt = x.strides();
        int[] out = new int[r];
        int[] srcSt = new int[r];
        for (int i = 0; i < r; i++) {
            out[i] = in[p[i]];
            srcSt[i] = inSt[p[i]];
        }
        Tensor res = Tensor.empty(x.dtype(), out);
        int n = res.numel();
        int[] idx = new int[r];
        int src = 0;
        for (int i = 0; i < n; i++) {
            res.setFlat(i, x.getFlat(src));
            for (int d = r - 1; d >= 0; d--) {
                idx[d]++;
                src += srcSt[d];
                if (idx[d] < out[d]) {
                    break;
                }
                src -= srcSt[d] * out[d];
                idx[d] = 0;
            }
        }
        int[] inverse = new int[r];
        for (int i = 0; i < r; i++) {
            inverse[p[i]] = i;
        }
        return Autograd.record(res, "PermuteBackward0", g -> new Tensor[] {permute(g, inverse)}, x);
    }

    /** {@code tensor.transpose(d0, d1)}; grad_fn TransposeBackward0. */
    public static Tensor transpose(Tensor x, int dim0, int dim1) {
        int r = x.dim();
        int a = Shape.wrapDim(dim0, r);
        int b = Shape.wrapDim(dim1, r);
        int[] p = new int[r];
        for (int i = 0; i < r; i++) {
            p[i] = i;
        }
        p[a] = b;
        p[b] = a;
        Tensor res;
        try (var ignored = org.poolact.autograd.GradMode.noGrad()) {
            res = permute(x, p);
        }
        return Autograd.record(res, "TransposeBackward0", g -> new Tensor[] {transpose(g, a, b)}, x);
    }

    /** {@code tensor.expand(shape)} materialised; -1 keeps a size; grad_fn ExpandBackward0. */
    public static Tensor expand(Tensor x, int... shape) {
        int[] in = x.shape();
        if (shape.length < in.length) {
            throw new IllegalArgumentException("expand: the number of sizes provided (" + shape.length
                    + ") must be greater or equal to the number of dimensions in the tensor (" + in.length + ")");
        }
        int[] target = shape.clone();
        int off = shape.length - in.length;
        for (int d = 0; d < shape.length; d++) {
            if (target[d] == -1) {
                if (d < off) {
                    throw new IllegalArgumentException("expand: -1 is not allowed in a leading, non-existing dimension");
                }
                target[d] = in[d - off];
            }
            if (d >= off && in[d - off] != 1 && in[d - off] != target[d]) {
                throw new IllegalArgumentException("The expanded size of the tensor (" + target[d]
                        + ") must match the existing size (" + in[d - off] + ") at non-singleton dimension " + d
                        + ".  Target sizes: " + Arrays.toString(shape) + ".  Tensor sizes: " + Arrays.toString(in));
            }
        }
        Tensor zero = Tensor.zeros(x.dtype(), target);
        Tensor res = Elementwise.zip(x, zero, x.dtype(), (v, z) -> v);
        return Autograd.record(res, "ExpandBackward0", g -> new Tensor[] {sumToShape(g, in)}, x);
    }

    /**
     * Sums a broadcast gradient back to {@code shape}: over leading dims and dims where shape has 1.
     * Not recorded (used inside backward closures, where grad mode is off).
     */
    public static Tensor sumToShape(Tensor g, int[] shape) {
        int[] gs = g.shape();
        if (Arrays.equals(gs, shape)) {
            return g;
        }
        Tensor out = Tensor.empty(g.dtype(), shape);
        int[] st = Elementwise.broadcastStrides(shape, gs);
        int r = gs.length;
        int[] idx = new int[r];
        int o = 0;
        int n = g.numel();
        double[] acc = new double[out.numel()];
        for (int i = 0; i < n; i++) {
            acc[o] += g.getFlat(i);
            for (int d = r - 1; d >= 0; d--) {
                idx[d]++;
                o += st[d];
                if (idx[d] < gs[d]) {
                    break;
                }
                o -= st[d] * gs[d];
                idx[d] = 0;
            }
        }
        for (int i = 0; i < acc.length; i++) {
            out.setFlat(i, acc[i]);
        }
        return out;
    }
}
