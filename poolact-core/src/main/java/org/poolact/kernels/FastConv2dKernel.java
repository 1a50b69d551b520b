package org.poolact.kernels;

import java.util.Arrays;

/**
 * The default {@link Conv2dKernel}. Float32 stays in float: im2col per sample and group into a float
 * buffer, then {@link FloatGemm#fast()}; the samples of a batch are split over {@link Parallel}'s
 * threads (each with its own im2col buffer). The weight gradient is summed per chunk of samples and
 * the chunks' partial sums are added in chunk order, so it is deterministic for a given thread count.
 * Float64 goes to {@link PlainConv2dKernel} unchanged (it is the gradient-check path), and so do
 * small float32 convolutions ({@link FloatGemm#isSmall}) and forwards where the plain kernel
 * reproduces libtorch's bits.
 */
final class FastConv2dKernel implements Conv2dKernel {
    /** The default: convolutions below {@link FloatGemm#isSmall} go to the plain kernel. */
    static final FastConv2dKernel INSTANCE = new FastConv2dKernel(true);
    /** Always the float path, whatever the size (tests compare it with the plain kernel). */
    static final FastConv2dKernel ALWAYS_FLOAT = new FastConv2dKernel(false);

    private final boolean smallToPlain;

    private FastConv2dKernel(boolean smallToPlain) {
        this.smallToPlain = smallToPlain;
    }

    /** True when this float32 convolution should run on the plain kernel (see {@link FloatGemm#isSmall}). */
    private boolean plainFor(Geometry g) {
        return smallToPlain && FloatGemm.isSmall((long) g.n() * g.outC() * g.colCols() * g.colRows());
    }

    /**
     * {@link #plainFor}, or a convolution where the plain float forward gives libtorch's own bits (one
     * sample, one group, under 4 output channels, kernel up to 3x3, at most 20480 input values: see
     * {@link PlainConv2dKernel#forward(Geometry, float[], float[], float[])}), so such outputs print as
     * PyTorch prints them.
     */
    private boolean plainForwardFor(Geometry g) {
        boolean libtorchOrder = g.n() == 1 && g.groups() == 1 && g.outC() < 4 && g.kh() <= 3 && g.kw() <= 3
                && (long) g.c() * g.h() * g.w() <= 20480;
        return plainFor(g) || smallToPlain && libtorchOrder;
    }

    @Override
    public double[] forward(Geometry g, double[] input, double[] weight, double[] bias) {
        return PlainConv2dKernel.INSTANCE.forward(g, input, weight, bias);
    }

    @Override
    public double[] backwardInput(Geometry g, double[] gradOut, double[] weight) {
        return PlainConv2dKernel.INSTANCE.backwardInput(g, gradOut, weight);
    }

    @Override
    public double[] backwardWeight(Geometry g, double[] gradOut, double[] input) {
        return PlainConv2dKernel.INSTANCE.backwardWeight(g, gradOut, input);
    }

    @Override
    public double[] backwardBias(Geometry g, double[] gradOut) {
        return PlainConv2dKernel.INSTANCE.backwardBias(g, gradOut);
    }

    @Override
    public float[] forward(Geometry g, float[] input, float[] weight, float[] bias) {
        if (plainForwardFor(g)) {
            return PlainConv2dKernel.INSTANCE.forward(g, input, weight, bias);
        }
        int rows = g.colRows();
        int cols = g.colCols();
        int og = g.og();
        FloatGemm gemm = FloatGemm.fast();
        float[] out = new float[g.n() * g.outC() * cols];
        Parallel.forChunks(g.n(), Parallel.chunks(g.n(), 1), (from, to, chunk) -> {
            float[] col = new float[rows * cols];
            for (int b = from; b < to; b++) {
                for (int grp = 0; grp < g.groups(); grp++) {
                    im2col(g, input, b, grp, col);
                    int outOff = (b * g.outC() + grp * og) * cols;
                    gemm.gemm(og, cols, rows, weight, grp * og * rows, rows, 1, col, 0, cols, 1, out, outOff, cols,
                            false);
                }
                if (bias != null) {
                    for (int o = 0; o < g.outC(); o++) {
                        int off = (b * g.outC() + o) * cols;
                        float bo = bias[o];
                        for (int p = 0; p < cols; p++) {
                            out[off + p] += bo;
                        }
                    }
                }
            }
        });
        return out;
    }

    @Override
    public float[] backwardInput(Geometry g, float[] gradOut, float[] weight) {
        if (plainFor(g)) {
            return PlainConv2dKernel.INSTANCE.backwardInput(g, gradOut, weight);
        }
        int rows = g.colRows();
        int cols = g.colCols();
        int og = g.og();
        FloatGemm gemm = FloatGemm.fast();
        float[] gradIn = new float[g.n() * g.c() * g.h() * g.w()];
        Parallel.forChunks(g.n(), Parallel.chunks(g.n(), 1), (from, to, chunk) -> {
            float[] col = new float[rows * cols];
            for (int b = from; b < to; b++) {
                for (int grp = 0; grp < g.groups(); grp++) {
                    int gOff = (b * g.outC() + grp * og) * cols;
                    // col[rows x cols] = W_g^T [rows x og] * gradOut_g [og x cols]
                    gemm.gemm(rows, cols, og, weight, grp * og * rows, 1, rows, gradOut, gOff, cols, 1, col, 0, cols,
                            false);
                    col2imAdd(g, col, b, grp, gradIn);
                }
            }
        });
        return gradIn;
    }

    @Override
    public float[] backwardWeight(Geometry g, float[] gradOut, float[] input) {
        if (plainFor(g)) {
            return PlainConv2dKernel.INSTANCE.backwardWeight(g, gradOut, input);
        }
        int rows = g.colRows();
        int cols = g.colCols();
        int og = g.og();
        FloatGemm gemm = FloatGemm.fast();
        int chunks = Parallel.chunks(g.n(), 1);
        // NOTE: computed transposed, gW^T [rows x og] = col [rows x cols] * gradOut_g^T [cols x og]:
        // the GEMM then reads im2col's rows contiguously and gathers only og columns of gradOut
        // (the other orientation gathers all rows x cols entries of col^T, 4.5x more for conv2 of
        // the default model, and pads a 9-column first layer to a 32-wide register tile).
        float[][] partial = new float[chunks][];
        Parallel.forChunks(g.n(), chunks, (from, to, chunk) -> {
            float[] gw = new float[g.outC() * rows];
            float[] col = new float[rows * cols];
            for (int b = from; b < to; b++) {
                for (int grp = 0; grp < g.groups(); grp++) {
                    im2col(g, input, b, grp, col);
                    int gOff = (b * g.outC() + grp * og) * cols;
                    gemm.gemm(rows, og, cols, col, 0, cols, 1, gradOut, gOff, 1, cols, gw, grp * og * rows, og, true);
                }
            }
            partial[chunk] = gw;
        });
        float[] sum = partial[0];
        for (int c = 1; c < chunks; c++) {
            float[] p = partial[c];
            for (int i = 0; i < sum.length; i++) {
                sum[i] += p[i];
            }
        }
        float[] gradW = new float[sum.length];
        for (int grp = 0; grp < g.groups(); grp++) {
            int base = grp * og * rows;
            for (int r = 0; r < rows; r++) {
                for (int o = 0; o < og; o++) {
                    gradW[base + o * rows + r] = sum[base + r * og + o];
                }
            }
        }
        return gradW;
    }

    @Override
    public float[] backwardBias(Geometry g, float[] gradOut) {
        if (plainFor(g)) {
            return PlainConv2dKernel.INSTANCE.backwardBias(g, gradOut);
        }
        int cols = g.colCols();
        float[] gradB = new float[g.outC()];
        Parallel.forChunks(g.outC(), Parallel.chunks(g.outC(), 8), (from, to, chunk) -> {
            for (int o = from; o < to; o++) {
                double s = 0;
                for (int b = 0; b < g.n(); b++) {
                    s += sum(gradOut, (b * g.outC() + o) * cols, cols);
                }
                gradB[o] = (float) s;
            }
        });
        return gradB;
    }

    /**
     * a[off] + ... + a[off + len - 1]: eight float partial sums (independent chains, for speed; each
     * holds at most len / 8 terms), added in double.
     */
    private static double sum(float[] a, int off, int len) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        float s4 = 0;
        float s5 = 0;
        float s6 = 0;
        float s7 = 0;
        int i = 0;
        for (; i + 7 < len; i += 8) {
            s0 += a[off + i];
            s1 += a[off + i + 1];
            s2 += a[off + i + 2];
            s3 += a[off + i + 3];
            s4 += a[off + i + 4];
            s5 += a[off + i + 5];
            s6 += a[off + i + 6];
            s7 += a[off + i + 7];
        }
        double s = ((double) s0 + s1) + ((double) s2 + s3) + ((double) s4 + s5) + ((double) s6 + s7);
        for (; i < len; i++) {
            s += a[off + i];
        }
        return s;
    }

    /**
     * col[(ci*kh + i)*kw + j][y*ow + x] = input value under kernel tap (i, j) of output (y, x), 0 in the padding.
     * NOTE: the float twin of {@link PlainConv2dKernel#im2col} (both clip columns with
     * {@link Geometry#firstCol}/{@link Geometry#endCol}); Java has no generics over primitive arrays,
     * and this one adds the copy and shifted-row fast paths. Keep the two in step.
     */
    private static void im2col(Geometry g, float[] input, int b, int grp, float[] col) {
        int cols = g.colCols();
        int plane = g.h() * g.w();
        int ow = g.ow();
        int sw = g.strideW();
        int row = 0;
        for (int ci = 0; ci < g.cg(); ci++) {
            int inOff = (b * g.c() + grp * g.cg() + ci) * plane;
            for (int i = 0; i < g.kh(); i++) {
                for (int j = 0; j < g.kw(); j++, row++) {
                    int colOff = row * cols;
                    int dx = j * g.dilationW() - g.padLeft();
                    int x0 = g.firstCol(dx);
                    int x1 = g.endCol(dx, x0);
                    if (sameWidth(g)) {
                        im2colRowShift(g, input, inOff, i * g.dilationH() - g.padTop(), dx, x0, x1, col, colOff);
                        continue;
                    }
                    for (int y = 0; y < g.oh(); y++) {
                        int iy = y * g.strideH() - g.padTop() + i * g.dilationH();
                        int dst = colOff + y * ow;
                        if (iy < 0 || iy >= g.h()) {
                            Arrays.fill(col, dst, dst + ow, 0f);
                            continue;
                        }
                        int src = inOff + iy * g.w() + dx;
                        // NOTE: the zero margins are a column or two; loops beat Arrays.fill calls here
                        for (int x = 0; x < x0; x++) {
                            col[dst + x] = 0f;
                        }
                        if (sw == 1) {
                            System.arraycopy(input, src + x0, col, dst + x0, x1 - x0);
                        } else {
                            for (int x = x0; x < x1; x++) {
                                col[dst + x] = input[src + x * sw];
                            }
                        }
                        for (int x = x1; x < ow; x++) {
                            col[dst + x] = 0f;
                        }
                    }
                }
            }
        }
    }

    /**
     * Stride 1 and output as wide as the input (e.g. 3x3 with padding 1): an im2col row is then the
     * input plane shifted by dy rows and dx columns, so it is copied in one piece and only the
     * wrapped-around margin columns and the rows outside the input are zeroed.
     */
    private static boolean sameWidth(Geometry g) {
        return g.strideH() == 1 && g.strideW() == 1 && g.ow() == g.w();
    }

    /** One im2col row (tap with row offset dy, column offset dx) for {@link #sameWidth} geometries. */
    private static void im2colRowShift(Geometry g, float[] input, int inOff, int dy, int dx, int x0, int x1,
                                       float[] col, int colOff) {
        int ow = g.ow();
        int oh = g.oh();
        int y0 = Math.max(0, Math.min(oh, -dy));
        int y1 = Math.max(y0, Math.min(oh, g.h() - dy));
        if (x1 <= x0 || y1 <= y0) {
            Arrays.fill(col, colOff, colOff + oh * ow, 0f);
            return;
        }
        Arrays.fill(col, colOff, colOff + y0 * ow, 0f);
        Arrays.fill(col, colOff + y1 * ow, colOff + oh * ow, 0f);
        int qs = y0 * ow + x0;
        int qe = (y1 - 1) * ow + x1;
        // NOTE: ow == w, so input (y + dy, x + dx) sits at inOff + dy*w + dx + (y*ow + x) for every valid (y, x)
        System.arraycopy(input, inOff + dy * ow + dx + qs, col, colOff + qs, qe - qs);
        zeroMargins(col, colOff, ow, y0, y1, x0, x1);
    }

    /** The adjoint of {@link #im2colRowShift}: one long add; the margins of col (scratch) are zeroed first. */
    private static void col2imRowShift(Geometry g, float[] col, int colOff, int dy, int dx, int x0, int x1,
                                       float[] gradIn, int inOff) {
        int ow = g.ow();
        int oh = g.oh();
        int y0 = Math.max(0, Math.min(oh, -dy));
        int y1 = Math.max(y0, Math.min(oh, g.h() - dy));
        if (x1 <= x0 || y1 <= y0) {
            return;
        }
        // the wrapped margin entries then add 0 to neighbouring positions, which leaves their values as they are
        zeroMargins(col, colOff, ow, y0, y1, x0, x1);
        int qs = y0 * ow + x0;
        int qe = (y1 - 1) * ow + x1;
        int base = inOff + dy * ow + dx;
        for (int q = qs; q < qe; q++) {
            gradIn[base + q] += col[colOff + q];
        }
    }

    private static void zeroMargins(float[] col, int colOff, int ow, int y0, int y1, int x0, int x1) {
        for (int y = y0; y < y1; y++) {
            int r = colOff + y * ow;
            for (int x = 0; x < x0; x++) {
                col[r + x] = 0f;
            }
            for (int x = x1; x < ow; x++) {
                col[r + x] = 0f;
            }
        }
    }

    /**
     * The adjoint of {@link #im2col}: adds each column entry back into the input position it was read from.
     * NOTE: the loop nest mirrors im2col on purpose (gather vs scatter-add); keep the two in step.
     */
    private static void col2imAdd(Geometry g, float[] col, int b, int grp, float[] gradIn) {
        int cols = g.colCols();
        int plane = g.h() * g.w();
        int ow = g.ow();
        int sw = g.strideW();
        int row = 0;
        for (int ci = 0; ci < g.cg(); ci++) {
            int inOff = (b * g.c() + grp * g.cg() + ci) * plane;
            for (int i = 0; i < g.kh(); i++) {
                for (int j = 0; j < g.kw(); j++, row++) {
                    int colOff = row * cols;
                    int dx = j * g.dilationW() - g.padLeft();
                    int x0 = g.firstCol(dx);
                    int x1 = g.endCol(dx, x0);
                    if (sameWidth(g)) {
                        col2imRowShift(g, col, colOff, i * g.dilationH() - g.padTop(), dx, x0, x1, gradIn, inOff);
                        continue;
                    }
                    for (int y = 0; y < g.oh(); y++) {
                        int iy = y * g.strideH() - g.padTop() + i * g.dilationH();
                        if (iy < 0 || iy >= g.h()) {
                            continue;
                        }
                        int src = colOff + y * ow;
                        int dst = inOff + iy * g.w() + dx;
                        if (sw == 1) {
                            // unit stride: a loop the JIT vectorises
                            for (int x = x0; x < x1; x++) {
                                gradIn[dst + x] += col[src + x];
                            }
                        } else {
                            for (int x = x0; x < x1; x++) {
                                gradIn[dst + x * sw] += col[src + x];
                            }
                        }
                    }
                }
            }
        }
    }
}
