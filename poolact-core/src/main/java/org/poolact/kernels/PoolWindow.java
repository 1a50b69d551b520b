package org.poolact.kernels;

/**
 * The geometry of a 2-D sliding-window pool over planes of {@code inH x inW} values, giving
 * {@code outH x outW} outputs. Validated by the caller ({@code org.poolact.nn.functional.Pooling}).
 *
 * <p>{@link #maxWindows()} and {@link #avgWindows(boolean, Integer)} clip every window to the input
 * once per kernel call, for all planes, so the float32 and float64 kernels share one clipping rule and
 * their hot loops only read a few ints per window.
 *
 * @param kH kernel height
 * @param kW kernel width
 * @param sH stride along H
 * @param sW stride along W
 * @param pH implicit padding on top and bottom
 * @param pW implicit padding on left and right
 * @param dH dilation along H (1 for average pooling)
 * @param dW dilation along W
 */
public record PoolWindow(int kH, int kW, int sH, int sW, int pH, int pW, int dH, int dW,
                         int inH, int inW, int outH, int outW) {

    /** Ints per window in {@link #maxWindows()}: {@code h0, h1, w0, w1}. */
    public static final int MAX_INTS = 4;

    /** Ints per window in {@link #avgWindows(boolean, Integer)}: {@code h0, h1, w0, w1, divisor}. */
    public static final int AVG_INTS = 5;

    /**
     * The taps of every max-pooling window that lie inside the input, {@link #MAX_INTS} ints per
     * output position in row-major order: rows {@code h0, h0 + dH, ...} below {@code h1} and columns
     * {@code w0, w0 + dW, ...} below {@code w1}. {@code h0} is the window's first tap on or after row 0
     * (padding taps are skipped along the dilation grid) and {@code h1} is one past its last tap,
     * clipped to {@code inH}; the same for columns. {@code h0 * inW + w0} is the index PyTorch reports
     * for a window whose values are all -inf.
     */
    public int[] maxWindows() {
        int[] t = new int[outH * outW * MAX_INTS];
        for (int oh = 0, k = 0; oh < outH; oh++) {
            for (int ow = 0; ow < outW; ow++, k += MAX_INTS) {
                int h0 = oh * sH - pH;
                int w0 = ow * sW - pW;
                t[k + 1] = Math.min(h0 + (kH - 1) * dH + 1, inH);
                t[k + 3] = Math.min(w0 + (kW - 1) * dW + 1, inW);
                while (h0 < 0) {
                    h0 += dH;
                }
                while (w0 < 0) {
                    w0 += dW;
                }
                t[k] = h0;
                t[k + 2] = w0;
            }
        }
        return t;
    }

    /**
     * Every average-pooling window clipped to the input, {@link #AVG_INTS} ints per output position in
     * row-major order: rows {@code [h0, h1)}, columns {@code [w0, w1)} and the divisor, PyTorch's rule:
     * the window clipped to the padded input (input + padding on each side) for count_include_pad,
     * the window clipped to the input itself otherwise; divisor_override wins over both. The divisor
     * is 0 for a window with no input element (its output is 0 and it passes no gradient).
     */
    public int[] avgWindows(boolean countIncludePad, Integer divisorOverride) {
        int[] t = new int[outH * outW * AVG_INTS];
        for (int oh = 0, k = 0; oh < outH; oh++) {
            for (int ow = 0; ow < outW; ow++, k += AVG_INTS) {
                int h0 = oh * sH - pH;
                int w0 = ow * sW - pW;
                int h1 = Math.min(h0 + kH, inH + pH);
                int w1 = Math.min(w0 + kW, inW + pW);
                int poolSize = (h1 - h0) * (w1 - w0);
                h0 = Math.max(h0, 0);
                w0 = Math.max(w0, 0);
                h1 = Math.min(h1, inH);
                w1 = Math.min(w1, inW);
                t[k] = h0;
                t[k + 1] = h1;
                t[k + 2] = w0;
                t[k + 3] = w1;
                t[k + 4] = h0 >= h1 || w0 >= w1 ? 0
                        : divisorOverride != null ? divisorOverride
                        : countIncludePad ? poolSize : (h1 - h0) * (w1 - w0);
            }
        }
        return t;
    }
}
