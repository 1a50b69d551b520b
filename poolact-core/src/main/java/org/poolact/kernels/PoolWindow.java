package org.poolact.kernels;

/**
 * The geometry of a 2-D sliding-window pool over planes of {@code inH x inW} values, giving
 * {@code outH x outW} outputs. Validated by the caller ({@code org.poolact.nn.functional.Pooling}).
 *
 * <p>The float32 and float64 kernels clip their windows to the input through the same helpers:
 * {@link #maxWindow} for max pooling, {@link #avgWindow} (and {@link #avgWindows}, all windows at
 * once) for average pooling. Each fills a caller's {@code int[4]}, so nothing is allocated per window.
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

    /**
     * The taps of max-pooling window (oh, ow) that lie inside the input: rows {@code bounds[0]},
     * {@code bounds[0] + dH}, ... below {@code bounds[1]} and columns {@code bounds[2]},
     * {@code bounds[2] + dW}, ... below {@code bounds[3]}. The window starts at
     * {@code (oh * sH - pH, ow * sW - pW)}; taps in the padding are skipped along the dilation grid and
     * the end is clipped to the input. {@code bounds[0] * inW + bounds[2]} is the index PyTorch reports
     * for a window whose values are all -inf.
     * NOTE: the kernels pass one {@code int[4]} per loop, allocated outside the hot loops; writing the
     * four ends last keeps the inlined code as fast as the inline arithmetic it replaced.
     */
    public void maxWindow(int oh, int ow, int[] bounds) {
        int h0 = oh * sH - pH;
        int w0 = ow * sW - pW;
        int h1 = Math.min(h0 + (kH - 1) * dH + 1, inH);
        int w1 = Math.min(w0 + (kW - 1) * dW + 1, inW);
        while (h0 < 0) {
            h0 += dH;
        }
        while (w0 < 0) {
            w0 += dW;
        }
        bounds[0] = h0;
        bounds[1] = h1;
        bounds[2] = w0;
        bounds[3] = w1;
    }

    /**
     * Average-pooling window (oh, ow) clipped to the input, rows [bounds[0], bounds[1]) and columns
     * [bounds[2], bounds[3]), and its divisor, PyTorch's rule: the window clipped to the padded input
     * (input + padding on each side) for count_include_pad, the window clipped to the input itself
     * otherwise; divisor_override wins over both. Returns 0 for a window with no input element (its
     * output is 0 and it passes no gradient).
     */
    public int avgWindow(int oh, int ow, boolean countIncludePad, Integer divisorOverride, int[] bounds) {
        int h0 = oh * sH - pH;
        int w0 = ow * sW - pW;
        int h1 = Math.min(h0 + kH, inH + pH);
        int w1 = Math.min(w0 + kW, inW + pW);
        int poolSize = (h1 - h0) * (w1 - w0);
        h0 = Math.max(h0, 0);
        w0 = Math.max(w0, 0);
        h1 = Math.min(h1, inH);
        w1 = Math.min(w1, inW);
        bounds[0] = h0;
        bounds[1] = h1;
        bounds[2] = w0;
        bounds[3] = w1;
        if (h0 >= h1 || w0 >= w1) {
            return 0;
        }
        if (divisorOverride != null) {
            return divisorOverride;
        }
        return countIncludePad ? poolSize : (h1 - h0) * (w1 - w0);
    }

    /**
     * {@link #avgWindow} of every output position in row-major order: fills {@code bounds[q]} (outH * outW
     * arrays of 4) and returns the divisors, so a kernel that walks plane by plane clips once per call.
     */
    public int[] avgWindows(boolean countIncludePad, Integer divisorOverride, int[][] bounds) {
        int[] divs = new int[bounds.length];
        for (int oh = 0, q = 0; oh < outH; oh++) {
            for (int ow = 0; ow < outW; ow++, q++) {
                divs[q] = avgWindow(oh, ow, countIncludePad, divisorOverride, bounds[q]);
            }
        }
        return divs;
    }
}
