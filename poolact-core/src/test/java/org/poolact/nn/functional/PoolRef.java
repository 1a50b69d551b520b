package org.poolact.nn.functional;

import java.util.Random;
import java.util.function.Function;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.pooling.Pool;

import org.poolact.tensor.DType;
import org.poolact.tensor.Tensor;
import org.poolact.testing.TorchRef;

/**
 * libtorch references for the pooling tests. Where DJL's PyTorch engine has no direct call (dilated
 * max pool, count_include_pad=false, divisor_override, adaptive pools) the reference is composed
 * from other torch ops, as documented on each method.
 */
final class PoolRef {
    private PoolRef() {
    }

    /** Largest scaled error allowed against torch (the brief's bound is 1e-5). */
    static final double TOL = 1e-6;

    /**
     * One reference case: compares our forward with torch's and the input gradient under a fixed
     * random upstream gradient w (so each output's gradient lands where the op routes it).
     */
    static void check(String what, Tensor x, Function<Tensor, Tensor> ours, Function<NDArray, NDArray> ref) {
        Tensor leaf = x.detach().requiresGrad(true);
        Tensor y = ours.apply(leaf);
        TorchRef.compareWithTorch(what, y, randn(99, x.dtype(), y.shape()), new Tensor[] {leaf},
                nd -> ref.apply(nd[0]), TOL);
    }

    static Shape pair(int h, int w) {
        return new Shape(h, w);
    }

    /** Distinct-valued Gaussian input (no ties, so every reference gradient is unambiguous). */
    static Tensor randn(long seed, DType dt, int... shape) {
        return FunctionalRef.randn(seed, dt, shape);
    }

    /** Small integers from {0, 1, 2}: many ties inside each window. */
    static Tensor ties(long seed, DType dt, int... shape) {
        Random r = new Random(seed);
        Tensor t = Tensor.empty(dt, shape);
        for (int i = 0; i < t.numel(); i++) {
            t.setFlat(i, r.nextInt(3));
        }
        return t;
    }

    /**
     * torch.max_pool2d. Dilation 1: DJL's Pool.maxPool2d. Dilation > 1 (DJL has no dilation argument):
     * pad with -inf by concatenation, then the elementwise torch.maximum of the strided slices
     * x_pad[:, :, i*dH :: sH, j*dW :: sW] over the kernel offsets (oH, oW from the formula).
     */
    static NDArray maxPool(NDArray x, int kH, int kW, int sH, int sW, int pH, int pW, int dH, int dW,
                           boolean ceil) {
        if (dH == 1 && dW == 1) {
            return Pool.maxPool2d(x, pair(kH, kW), pair(sH, sW), pair(pH, pW), ceil);
        }
        long[] s = x.getShape().getShape();
        int h = (int) s[2];
        int w = (int) s[3];
        int oH = Pooling.outputSize(h, kH, sH, pH, dH, ceil);
        int oW = Pooling.outputSize(w, kW, sW, pW, dW, ceil);
        int needH = (oH - 1) * sH + (kH - 1) * dH + 1;
        int needW = (oW - 1) * sW + (kW - 1) * dW + 1;
        NDArray padded = pad(x, pH, Math.max(pH, needH - h - pH), pW, Math.max(pW, needW - w - pW),
                Float.NEGATIVE_INFINITY);
        NDArray out = null;
        for (int i = 0; i < kH; i++) {
            for (int j = 0; j < kW; j++) {
                NDArray sl = padded.get(":, :, " + (i * dH) + ":" + (i * dH + (oH - 1) * sH + 1) + ":" + sH + ", "
                        + (j * dW) + ":" + (j * dW + (oW - 1) * sW + 1) + ":" + sW);
                out = out == null ? sl : out.maximum(sl);
            }
        }
        return out;
    }

    /** Constant padding of the last two dims by concatenation (keeps autograd). */
    static NDArray pad(NDArray x, int top, int bottom, int left, int right, float value) {
        long[] s = x.getShape().getShape();
        NDManager m = x.getManager();
        NDArray y = x;
        if (top > 0 || bottom > 0) {
            NDList parts = new NDList();
            if (top > 0) {
                parts.add(m.full(new Shape(s[0], s[1], top, s[3]), value, x.getDataType()));
            }
            parts.add(y);
            if (bottom > 0) {
                parts.add(m.full(new Shape(s[0], s[1], bottom, s[3]), value, x.getDataType()));
            }
            y = ai.djl.ndarray.NDArrays.concat(parts, 2);
        }
        long hh = y.getShape().get(2);
        if (left > 0 || right > 0) {
            NDList parts = new NDList();
            if (left > 0) {
                parts.add(m.full(new Shape(s[0], s[1], hh, left), value, x.getDataType()));
            }
            parts.add(y);
            if (right > 0) {
                parts.add(m.full(new Shape(s[0], s[1], hh, right), value, x.getDataType()));
            }
            y = ai.djl.ndarray.NDArrays.concat(parts, 3);
        }
        return y;
    }

    /**
     * torch.avg_pool2d. count_include_pad=true, no override: DJL's Pool.avgPool2d. count_include_pad=false
     * (DJL passes true regardless): avg(x) / avg(ones), both with count_include_pad=true over the same
     * windows, which is sum / (number of input elements). divisor_override: the window sums divided by
     * the override, the sums taken as a no-padding, floor-mode average (every window full) of the
     * zero-padded input times kH*kW, cut to the output size torch gives for the real call.
     */
    static NDArray avgPool(NDArray x, int kH, int kW, int sH, int sW, int pH, int pW, boolean ceil,
                           boolean countIncludePad, Integer divisorOverride) {
        NDArray base = Pool.avgPool2d(x, pair(kH, kW), pair(sH, sW), pair(pH, pW), ceil, true);
        if (divisorOverride != null) {
            long oH = base.getShape().get(2);
            long oW = base.getShape().get(3);
            long h = x.getShape().get(2);
            long w = x.getShape().get(3);
            int bottom = (int) Math.max(pH, (oH - 1) * sH + kH - h - pH);
            int right = (int) Math.max(pW, (oW - 1) * sW + kW - w - pW);
            NDArray padded = pad(x, pH, bottom, pW, right, 0f);
            NDArray sums = Pool.avgPool2d(padded, pair(kH, kW), pair(sH, sW), pair(0, 0), false, true).mul(TorchRef.num(padded, kH * kW));
            return sums.get(":, :, 0:" + oH + ", 0:" + oW).div(TorchRef.num(sums, divisorOverride));
        }
        if (countIncludePad) {
            return base;
        }
        NDArray ones = x.getManager().ones(x.getShape(), x.getDataType());
        return base.div(Pool.avgPool2d(ones, pair(kH, kW), pair(sH, sW), pair(pH, pW), ceil, true));
    }

    private static int start(int a, int out, int in) {
        return (int) Math.floor((double) a * in / out);
    }

    private static int end(int a, int out, int in) {
        return (int) Math.ceil((double) (a + 1) * in / out);
    }

    /** adaptive_{avg,max}_pool2d composed from torch mean/amax over slices [floor(i*H/o), ceil((i+1)*H/o)), concatenated. */
    static NDArray adaptive(NDArray x, int oH, int oW, boolean max) {
        int h = (int) x.getShape().get(2);
        int w = (int) x.getShape().get(3);
        NDList rows = new NDList();
        for (int i = 0; i < oH; i++) {
            NDList cells = new NDList();
            for (int j = 0; j < oW; j++) {
                NDArray sl = x.get(":, :, " + start(i, oH, h) + ":" + end(i, oH, h) + ":1, " + start(j, oW, w) + ":"
                        + end(j, oW, w) + ":1");
                cells.add(max ? sl.max(new int[] {3}, true).max(new int[] {2}, true)
                        : sl.mean(new int[] {3}, true).mean(new int[] {2}, true));
            }
            rows.add(concat(cells, 3));
        }
        return concat(rows, 2);
    }

    /** NOTE: DJL's concat of a one-element list returns an array cut off from autograd; skip it then. */
    private static NDArray concat(NDList parts, int axis) {
        return parts.size() == 1 ? parts.head() : ai.djl.ndarray.NDArrays.concat(parts, axis);
    }

    /**
     * torch.nn.functional.lp_pool2d as written in torch/nn/functional.py:
     * (sign(o) * relu(|o|)) * kW*kH, to the power 1/p, with o = avg_pool2d(x^p, k, s, 0, ceil_mode).
     */
    static NDArray lpPool(NDArray x, double p, int kH, int kW, int sH, int sW, boolean ceil) {
        NDArray o = Pool.avgPool2d(x.pow(TorchRef.num(x, p)), pair(kH, kW), pair(sH, sW), pair(0, 0), ceil, true);
        return o.sign().mul(o.abs().maximum(TorchRef.num(o, 0))).mul(TorchRef.num(o, kH * kW)).pow(TorchRef.num(o, 1.0 / p));
    }
}
