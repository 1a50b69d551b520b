package org.poolact.nn.functional;

import org.poolact.autograd.Autograd;
import org.poolact.kernels.Pad2dKernel;
import org.poolact.tensor.Shape;
import org.poolact.tensor.Tensor;

/**
 * {@code F.pad(x, (left, right, top, bottom), mode, value)} for the last two dims. Output size:
 * (H + top + bottom, W + left + right). Reflect mirrors without repeating the edge
 * ([a b c] padded by 2 gives [c b a b c b a]); replicate repeats the edge; circular wraps around.
 * grad_fn per {@link PadMode#gradFnName()}; the backward adds each output gradient into the input
 * position it was read from.
 */
public final class Padding {
    private Padding() {
    }

    /** {@code F.pad(x, (left, right, top, bottom), mode='constant', value=0)}. */
    public static Tensor pad(Tensor x, int left, int right, int top, int bottom) {
        return pad(x, left, right, top, bottom, PadMode.CONSTANT, 0.0);
    }

    /** {@code F.pad(x, (left, right, top, bottom), mode)}; constant mode pads with 0. */
    public static Tensor pad(Tensor x, int left, int right, int top, int bottom, PadMode mode) {
        return pad(x, left, right, top, bottom, mode, 0.0);
    }

    /**
     * {@code F.pad(x, (left, right, top, bottom), mode, value)}; {@code value} is used by constant mode only.
     * Constant mode takes any input of 2 or more dims; the other modes take 3-D or 4-D inputs.
     *
     * @throws IllegalArgumentException on negative amounts (not supported here), a wrong rank, reflect
     *                                  padding not smaller than the dim, or circular padding larger than it
     */
    public static Tensor pad(Tensor x, int left, int right, int top, int bottom, PadMode mode, double value) {
        int[] s = x.shape();
        String amounts = "(" + left + ", " + right + ", " + top + ", " + bottom + ")";
        if (left < 0 || right < 0 || top < 0 || bottom < 0) {
            throw new IllegalArgumentException("pad: negative padding is not supported, got padding " + amounts);
        }
        if (mode == PadMode.CONSTANT) {
            if (s.length < 2) {
                throw new IllegalArgumentException("pad: expected an input with at least 2 dimensions for 4 padding "
                        + "values, but got input of size " + Shape.str(s));
            }
        } else if (s.length != 3 && s.length != 4) {
            throw new IllegalArgumentException("pad: expected a 3-D or 4-D input for padding mode " + mode.torchName()
                    + ", but got input of size " + Shape.str(s));
        }
        int h = s[s.length - 2];
        int w = s[s.length - 1];
        if (mode != PadMode.CONSTANT) {
            checkAmount(mode, left, right, w, s.length - 1, s);
            checkAmount(mode, top, bottom, h, s.length - 2, s);
        }
        int planes = 1;
        for (int d = 0; d < s.length - 2; d++) {
            planes *= s[d];
        }
        int[] rowMap = indexMap(h, top, bottom, mode);
        int[] colMap = indexMap(w, left, right, mode);
        int[] outShape = s.clone();
        outShape[s.length - 2] = rowMap.length;
        outShape[s.length - 1] = colMap.length;
        double[] out = Pad2dKernel.forward(x.toDoubleArray(), planes, h, w, rowMap, colMap, value);
        Tensor result = Tensor.fromDoubles(out, x.dtype(), outShape);
        final int np = planes;
        return Autograd.record(result, mode.gradFnName(), g -> new Tensor[] {
            Tensor.fromDoubles(Pad2dKernel.backward(g.toDoubleArray(), np, h, w, rowMap, colMap), x.dtype(), s)}, x);
    }

    private static void checkAmount(PadMode mode, int before, int after, int size, int dim, int[] s) {
        if (size == 0) {
            throw new IllegalArgumentException("pad: padding mode " + mode.torchName()
                    + " needs non-empty spatial dims, but got input of size " + Shape.str(s));
        }
        if (mode == PadMode.REFLECT && (before >= size || after >= size)) {
            throw new IllegalArgumentException("pad: Padding size should be less than the corresponding input "
                    + "dimension, but got: padding (" + before + ", " + after + ") at dimension " + dim
                    + " of input " + Shape.str(s));
        }
        if (mode == PadMode.CIRCULAR && (before > size || after > size)) {
            throw new IllegalArgumentException("pad: Padding value causes wrapping around more than once: padding ("
                    + before + ", " + after + ") at dimension " + dim + " of input " + Shape.str(s)
                    + " must be at most " + size);
        }
    }

    /** For each padded position along one axis, the source index in the input, or -1 for the constant. */
    static int[] indexMap(int n, int before, int after, PadMode mode) {
        int[] map = new int[n + before + after];
        for (int i = 0; i < map.length; i++) {
            int src = i - before;
            switch (mode) {
                case REFLECT:
                    map[i] = src < 0 ? -src : src >= n ? 2 * (n - 1) - src : src;
                    break;
                case REPLICATE:
                    map[i] = Math.min(Math.max(src, 0), n - 1);
                    break;
                case CIRCULAR:
                    map[i] = Math.floorMod(src, n);
                    break;
                default:
                    map[i] = src >= 0 && src < n ? src : -1;
            }
        }
        return map;
    }
}
