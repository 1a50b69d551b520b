package org.poolact.nn.functional;

import org.poolact.autograd.Autograd;
import org.poolact.kernels.FloatGemm;
import org.poolact.kernels.Gemm;
import org.poolact.ops.Movement;
import org.poolact.tensor.DType;
import org.poolact.tensor.Shape;
import org.poolact.tensor.Tensor;

/**
 * {@code F.linear} and {@code torch.flatten}. linear(x, W, b) = x W^T + b for x [*, in_features],
 * W [out_features, in_features], b [out_features] or null; float32 is computed in float by
 * {@link FloatGemm#selected()} (as libtorch), float64 and small float32 products
 * ({@link FloatGemm#isSmall}) in double by {@link Gemm} and rounded once. grad_fn as PyTorch 2.x's {@code at::linear}: AddmmBackward0 for 2-D input with bias,
 * MmBackward0 for 2-D input without; other ranks flatten to 2-D and view back (ViewBackward0 with
 * bias, UnsafeViewBackward0 without, as matmul's folding does).
 */
public final class Dense {
    private Dense() {
    }

    /**
     * {@code F.linear(x, weight, bias)}.
     *
     * @throws IllegalArgumentException when weight is not 2-D, x's last dim is not in_features, or the
     *                                  bias is not [out_features]
     */
    public static Tensor linear(Tensor x, Tensor weight, Tensor bias) {
        if (weight.dim() != 2) {
            throw new IllegalArgumentException("linear: expected weight to be 2-D [out_features, in_features], but got "
                    + "weight of size " + Shape.str(weight.shape()));
        }
        int out = weight.size(0);
        int in = weight.size(1);
        if (x.dim() == 0 || x.size(-1) != in) {
            throw new IllegalArgumentException("linear: expected input with last dimension in_features=" + in
                    + " (weight of size " + Shape.str(weight.shape()) + "), but got input of size "
                    + Shape.str(x.shape()));
        }
        if (bias != null && (bias.dim() != 1 || bias.size(0) != out)) {
            throw new IllegalArgumentException("linear: expected bias of size [" + out + "] (out_features), but got bias "
                    + "of size " + Shape.str(bias.shape()));
        }
        if (x.dtype() != weight.dtype() || (bias != null && bias.dtype() != weight.dtype())) {
            throw new IllegalArgumentException("linear: expected input, weight and bias of the same dtype, but got input "
                    + x.dtype() + ", weight " + weight.dtype() + (bias == null ? "" : ", bias " + bias.dtype()));
        }
        if (x.dim() == 2) {
            return affine(x, weight, bias);
        }
        int[] s = x.shape();
        int rows = 1;
        for (int d = 0; d < s.length - 1; d++) {
            rows *= s[d];
        }
        final int m = rows;
        int[] outShape = s.clone();
        outShape[s.length - 1] = out;
        Tensor y = affine(Movement.reshape(x, m, in), weight, bias);
        if (bias != null) {
            return Movement.view(y, outShape);
        }
        return Autograd.record(y.viewStorage(outShape), "UnsafeViewBackward0",
                g -> new Tensor[] {Movement.reshape(g, m, out)}, y);
    }

    /** x [m, in] times W^T plus b, one node: AddmmBackward0 (MmBackward0 without bias). */
    private static Tensor affine(Tensor x, Tensor w, Tensor b) {
        if (x.dtype() == DType.FLOAT32 && !FloatGemm.isSmall((long) x.size(0) * x.size(1) * w.size(0))) {
            return affineFloat(x, w, b);
        }
        int m = x.size(0);
        int in = x.size(1);
        int n = w.size(0);
        double[] c = new double[m * n];
        Gemm.gemm(false, true, m, n, in, x.toDoubleArray(), 0, w.toDoubleArray(), 0, c, 0, false);
        if (b != null) {
            double[] bd = b.toDoubleArray();
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    c[i * n + j] += bd[j];
                }
            }
        }
        Tensor out = Tensor.fromDoubles(c, x.dtype(), m, n);
        return Autograd.record(out, b == null ? "MmBackward0" : "AddmmBackward0", g -> {
            double[] gd = g.toDoubleArray();
            Tensor gx = null;
            Tensor gw = null;
            Tensor gb = null;
            if (x.requiresGrad()) {
                double[] r = new double[m * in];
                Gemm.gemm(false, false, m, in, n, gd, 0, w.toDoubleArray(), 0, r, 0, false);
                gx = Tensor.fromDoubles(r, x.dtype(), m, in);
            }
            if (w.requiresGrad()) {
                double[] r = new double[n * in];
                Gemm.gemm(true, false, n, in, m, gd, 0, x.toDoubleArray(), 0, r, 0, false);
                gw = Tensor.fromDoubles(r, w.dtype(), n, in);
            }
            if (b != null && b.requiresGrad()) {
                double[] r = new double[n];
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        r[j] += gd[i * n + j];
                    }
                }
                gb = Tensor.fromDoubles(r, b.dtype(), n);
            }
            return new Tensor[] {gx, gw, gb};
        }, x, w, b);
    }

    /**
     * {@link #affine} for float32, in float on {@link FloatGemm#selected()}, split over the engine's
     * threads: y = x W^T + b; dx = g W; dW = g^T x; db = column sums of g (double sums, rounded once).
     */
    private static Tensor affineFloat(Tensor x, Tensor w, Tensor b) {
        int m = x.size(0);
        int in = x.size(1);
        int n = w.size(0);
        FloatGemm gemm = FloatGemm.selected();
        float[] c = new float[m * n];
        gemm.gemmParallel(false, true, m, n, in, x.floatData(), 0, w.floatData(), 0, c, 0, false);
        if (b != null) {
            float[] bd = b.floatData();
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    c[i * n + j] += bd[j];
                }
            }
        }
        Tensor out = Tensor.wrap(c, m, n);
        return Autograd.record(out, b == null ? "MmBackward0" : "AddmmBackward0", g -> {
            float[] gd = g.dtype() == DType.FLOAT32 ? g.floatData() : g.toFloatArray();
            Tensor gx = null;
            Tensor gw = null;
            Tensor gb = null;
            if (x.requiresGrad()) {
                float[] r = new float[m * in];
                gemm.gemmParallel(false, false, m, in, n, gd, 0, w.floatData(), 0, r, 0, false);
                gx = Tensor.wrap(r, m, in);
            }
            if (w.requiresGrad()) {
                float[] r = new float[n * in];
                gemm.gemmParallel(true, false, n, in, m, gd, 0, x.floatData(), 0, r, 0, false);
                gw = Tensor.wrap(r, n, in);
            }
            if (b != null && b.requiresGrad()) {
                double[] r = new double[n];
                for (int i = 0; i < m; i++) {
                    for (int j = 0; j < n; j++) {
                        r[j] += gd[i * n + j];
                    }
                }
                gb = Tensor.fromDoubles(r, DType.FLOAT32, n);
            }
            return new Tensor[] {gx, gw, gb};
        }, x, w, b);
    }

    /** {@code torch.flatten(x)}: all dims into one. */
    public static Tensor flatten(Tensor x) {
        return flatten(x, 0, -1);
    }

    /**
     * {@code torch.flatten(x, startDim, endDim)}: dims startDim..endDim merged into one (negative dims
     * count from the end). Returns {@code x} itself when startDim == endDim, as PyTorch does;
     * otherwise a view (grad_fn ViewBackward0).
     */
    public static Tensor flatten(Tensor x, int startDim, int endDim) {
        if (x.dim() > 0) {
            int s = Shape.wrapDim(startDim, x.dim());
            int e = Shape.wrapDim(endDim, x.dim());
            if (s == e) {
                return x;
            }
        }
        return Movement.flatten(x, startDim, endDim);
    }
}
