package org.poolact.kernels;

/**
 * 2-D convolution kernels (cross-correlation, as PyTorch's conv2d) over contiguous row-major arrays:
 * forward, gradient with respect to the input, and gradients with respect to weight and bias, in
 * float64 and float32. The op layer ({@code nn.functional.Convolution}) validates arguments and picks
 * the dtype; it calls {@link #selected()}.
 *
 * <p>{@link #plain()} is the reference: im2col + {@link Gemm} in double; the float32 forward in float
 * in libtorch's slow_conv2d order, the float32 gradients from widened values rounded once.
 * {@link #fast()} computes float32 in float (im2col + {@link FloatGemm#fast()}, samples of the batch
 * split over {@link Parallel}) and keeps the plain path for float64 (gradient checks) and for small
 * float32 problems. {@code -Dpoolact.kernels=plain} selects the reference everywhere.
 */
public interface Conv2dKernel {

    /**
     * The sizes of one convolution. Input [n, c, h, w], weight [outC, c / groups, kh, kw], output
     * [n, outC, oh, ow]. Padding may be asymmetric: only the top/left amounts are needed here, the
     * bottom/right amounts are implied by {@code oh} and {@code ow} (positions outside the input read 0).
     */
    record Geometry(int n, int c, int h, int w, int outC, int kh, int kw,
                    int strideH, int strideW, int padTop, int padLeft,
                    int dilationH, int dilationW, int groups, int oh, int ow) {
        /** Input channels per group. */
        public int cg() {
            return c / groups;
        }

        /** Output channels per group. */
        public int og() {
            return outC / groups;
        }

        /** Rows of the im2col matrix: (c / groups) * kh * kw. */
        public int colRows() {
            return cg() * kh * kw;
        }

        /** Columns of the im2col matrix: oh * ow. */
        public int colCols() {
            return oh * ow;
        }

        /**
         * The first output column x whose input column {@code x * strideW + dx} lies inside [0, w), or ow
         * if none; {@code dx = j * dilationW - padLeft} for kernel column j. With {@link #endCol} this
         * gives the columns [x0, x1) of a kernel tap that read the input (the others read padding), the
         * clipping both im2col kernels use.
         */
        public int firstCol(int dx) {
            return dx >= 0 ? 0 : Math.min(ow, (-dx + strideW - 1) / strideW);
        }

        /** One past the last output column whose input column {@code x * strideW + dx} is inside [0, w); at least x0. */
        public int endCol(int dx, int x0) {
            int last = w - 1 - dx;
            return last < 0 ? x0 : Math.max(x0, Math.min(ow, last / strideW + 1));
        }
    }

    /**
     * out[n, o, y, x] = bias[o] + sum_{ci, i, j} in[n, g*cg + ci, y*sh - pt + i*dh, x*sw - pl + j*dw] * w[o, ci, i, j]
     * with g = o / og.
     *
     * @param bias may be null
     * @return the output, [n, outC, oh, ow]
     */
    double[] forward(Geometry g, double[] input, double[] weight, double[] bias);

    /** d loss / d input = col2im(W_g^T gradOut_g) per sample and group; returns [n, c, h, w]. */
    double[] backwardInput(Geometry g, double[] gradOut, double[] weight);

    /** d loss / d weight = sum over samples of gradOut_g im2col(input)^T; returns [outC, c / groups, kh, kw]. */
    double[] backwardWeight(Geometry g, double[] gradOut, double[] input);

    /** d loss / d bias[o] = sum over samples and positions of gradOut[n, o, :, :]. */
    double[] backwardBias(Geometry g, double[] gradOut);

    /** {@link #forward(Geometry, double[], double[], double[])} for float32. */
    float[] forward(Geometry g, float[] input, float[] weight, float[] bias);

    /** {@link #backwardInput(Geometry, double[], double[])} for float32. */
    float[] backwardInput(Geometry g, float[] gradOut, float[] weight);

    /** {@link #backwardWeight(Geometry, double[], double[])} for float32. */
    float[] backwardWeight(Geometry g, float[] gradOut, float[] input);

    /** {@link #backwardBias(Geometry, double[])} for float32. */
    float[] backwardBias(Geometry g, float[] gradOut);

    /** The reference kernels. */
    static Conv2dKernel plain() {
        return PlainConv2dKernel.INSTANCE;
    }

    /** The fast kernels (float32 in float on {@link FloatGemm#fast()}, float64 as {@link #plain()}). */
    static Conv2dKernel fast() {
        return FastConv2dKernel.INSTANCE;
    }

    /** The kernels the ops use: {@link #fast()}, or {@link #plain()} under {@code -Dpoolact.kernels=plain}. */
    static Conv2dKernel selected() {
        return "plain".equals(System.getProperty("poolact.kernels")) ? plain() : fast();
    }
}
