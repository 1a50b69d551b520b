package org.poolact.kernels;

/**
 * Plain 2-D pooling kernels over contiguous {@code [planes, H, W]} arrays (planes = N*C), following
 * the loops of PyTorch's CPU kernels (aten/src/ATen/native/cpu/MaxPoolKernel.cpp, AvgPoolKernel.cpp,
 * AdaptiveAvgPoolKernel.cpp, AdaptiveMaxPoolKernel.cpp) so that ties, NaN and rounding come out the same.
 *
 * <p>Values travel as {@code double[]}. When {@code f32} is true every sum and quotient is rounded
 * to float after each step, which gives exactly float32 IEEE arithmetic (a double holds the exact
 * sum or correctly rounded quotient of two floats, so rounding it once more is the float result).
 * A faster kernel can replace these without touching the ops that call them.
 */
public final class PoolKernels {
    private PoolKernels() {
    }

    private static double round(double v, boolean f32) {
        return f32 ? (double) (float) v : v;
    }

    /**
     * Max pooling with indices. Padding acts as -inf. Each window scans row by row and takes an
     * element when {@code val > max || isNaN(val)}: on ties the FIRST maximum wins, and the LAST NaN
     * in the window wins (NaN propagates). The index is flat within its H*W plane; it starts at the
     * window's first in-bounds element, so an all -inf window reports that element.
     */
    public static void maxPool2d(double[] in, int planes, PoolWindow g, double[] out, long[] indices) {
        int inPlane = g.inH() * g.inW();
        int outPlane = g.outH() * g.outW();
        int[] b = new int[4];
        for (int c = 0; c < planes; c++) {
            int inOff = c * inPlane;
            int o = c * outPlane;
            for (int oh = 0; oh < g.outH(); oh++) {
                for (int ow = 0; ow < g.outW(); ow++, o++) {
                    g.maxWindow(oh, ow, b);
                    int idx = scanMax(in, inOff, g.inW(), b[0], b[1], g.dH(), b[2], b[3], g.dW());
                    out[o] = idx < 0 ? Double.NEGATIVE_INFINITY : in[inOff + idx];
                    indices[o] = idx < 0 ? b[0] * g.inW() + b[2] : idx;
                }
            }
        }
    }

    /**
     * Scans rows [ih0, ih1) step dH and columns [iw0, iw1) step dW of the plane at {@code inOff},
     * starting from a maximum of -inf, and returns the flat in-plane index taken, or -1 when no
     * element beats -inf (then PyTorch reports the window's first in-bounds position with value -inf).
     */
    private static int scanMax(double[] in, int inOff, int inW, int ih0, int ih1, int dH, int iw0, int iw1, int dW) {
        int maxIndex = -1;
        double maxVal = Double.NEGATIVE_INFINITY;
        for (int ih = ih0; ih < ih1; ih += dH) {
            for (int iw = iw0; iw < iw1; iw += dW) {
                int idx = ih * inW + iw;
                double v = in[inOff + idx];
                // NOTE: strict '>' keeps the first of equal maxima; every NaN replaces, so the last NaN wins.
                if (v > maxVal || Double.isNaN(v)) {
                    maxVal = v;
                    maxIndex = idx;
                }
            }
        }
        return maxIndex;
    }

    /**
     * Backward of max pooling (plain and adaptive): {@code gradIn[index] += gradOut} for every output,
     * in output order.
     */
    public static void scatterAddByIndex(double[] gradOut, long[] indices, int planes, int inPlane, int outPlane,
                                         double[] gradIn, boolean f32) {
        for (int c = 0; c < planes; c++) {
            int inOff = c * inPlane;
            for (int o = c * outPlane, end = o + outPlane; o < end; o++) {
                int i = inOff + (int) indices[o];
                gradIn[i] = round(gradIn[i] + gradOut[o], f32);
            }
        }
    }

    /** Average pooling: out = (sum of the window's input elements, row by row) / divisor. */
    public static void avgPool2d(double[] in, int planes, PoolWindow g, boolean countIncludePad,
                                 Integer divisorOverride, double[] out, boolean f32) {
        int inPlane = g.inH() * g.inW();
        int outPlane = g.outH() * g.outW();
        int[] b = new int[4];
        for (int oh = 0; oh < g.outH(); oh++) {
            for (int ow = 0; ow < g.outW(); ow++) {
                int div = g.avgWindow(oh, ow, countIncludePad, divisorOverride, b);
                for (int c = 0; c < planes; c++) {
                    int o = c * outPlane + oh * g.outW() + ow;
                    if (div == 0) {
                        out[o] = 0;
                        continue;
                    }
                    int inOff = c * inPlane;
                    double sum = 0;
                    for (int ih = b[0]; ih < b[1]; ih++) {
                        for (int iw = b[2]; iw < b[3]; iw++) {
                            sum = round(sum + in[inOff + ih * g.inW() + iw], f32);
                        }
                    }
                    out[o] = round(sum / div, f32);
                }
            }
        }
    }

    /** Backward of average pooling: each input of a window gets {@code gradOut / divisor}. */
    public static void avgPool2dBackward(double[] gradOut, int planes, PoolWindow g, boolean countIncludePad,
                                         Integer divisorOverride, double[] gradIn, boolean f32) {
        int inPlane = g.inH() * g.inW();
        int outPlane = g.outH() * g.outW();
        int[] b = new int[4];
        for (int oh = 0; oh < g.outH(); oh++) {
            for (int ow = 0; ow < g.outW(); ow++) {
                int div = g.avgWindow(oh, ow, countIncludePad, divisorOverride, b);
                if (div == 0) {
                    continue;
                }
                for (int c = 0; c < planes; c++) {
                    double delta = round(gradOut[c * outPlane + oh * g.outW() + ow] / div, f32);
                    int inOff = c * inPlane;
                    for (int ih = b[0]; ih < b[1]; ih++) {
                        for (int iw = b[2]; iw < b[3]; iw++) {
                            int i = inOff + ih * g.inW() + iw;
                            gradIn[i] = round(gradIn[i] + delta, f32);
                        }
                    }
                }
            }
        }
    }

    /** Start of adaptive window {@code a} of {@code outSize} over {@code inSize}: floor(a * in / out). */
    public static int adaptiveStart(int a, int outSize, int inSize) {
        return (int) Math.floorDiv((long) a * inSize, outSize);
    }

    /** End (exclusive) of adaptive window {@code a}: ceil((a + 1) * in / out). */
    public static int adaptiveEnd(int a, int outSize, int inSize) {
        return (int) -Math.floorDiv(-(long) (a + 1) * inSize, outSize);
    }

    /** One adaptive window: plane c, flat output position o, input rows [ih0, ih1) and columns [iw0, iw1). */
    @FunctionalInterface
    private interface AdaptiveWindow {
        void apply(int c, int o, int ih0, int ih1, int iw0, int iw1);
    }

    /** Visits every adaptive window of every plane, in output order. */
    private static void forEachAdaptiveWindow(int planes, int inH, int inW, int outH, int outW, AdaptiveWindow f) {
        for (int c = 0; c < planes; c++) {
            for (int oh = 0; oh < outH; oh++) {
                int ih0 = adaptiveStart(oh, outH, inH);
                int ih1 = adaptiveEnd(oh, outH, inH);
                for (int ow = 0; ow < outW; ow++) {
                    f.apply(c, (c * outH + oh) * outW + ow, ih0, ih1, adaptiveStart(ow, outW, inW),
                            adaptiveEnd(ow, outW, inW));
                }
            }
        }
    }

    /** Adaptive average pooling: out = sum / kh / kw (two roundings, as PyTorch divides twice). */
    public static void adaptiveAvgPool2d(double[] in, int planes, int inH, int inW, int outH, int outW,
                                         double[] out, boolean f32) {
        forEachAdaptiveWindow(planes, inH, inW, outH, outW, (c, o, ih0, ih1, iw0, iw1) -> {
            int inOff = c * inH * inW;
            double sum = 0;
            for (int ih = ih0; ih < ih1; ih++) {
                for (int iw = iw0; iw < iw1; iw++) {
                    sum = round(sum + in[inOff + ih * inW + iw], f32);
                }
            }
            out[o] = round(round(sum / (ih1 - ih0), f32) / (iw1 - iw0), f32);
        });
    }

    /** Backward of adaptive average pooling: each input of a window gets gradOut / kh / kw. */
    public static void adaptiveAvgPool2dBackward(double[] gradOut, int planes, int inH, int inW, int outH, int outW,
                                                 double[] gradIn, boolean f32) {
        forEachAdaptiveWindow(planes, inH, inW, outH, outW, (c, o, ih0, ih1, iw0, iw1) -> {
            int inOff = c * inH * inW;
            double delta = round(round(gradOut[o] / (ih1 - ih0), f32) / (iw1 - iw0), f32);
            for (int ih = ih0; ih < ih1; ih++) {
                for (int iw = iw0; iw < iw1; iw++) {
                    int i = inOff + ih * inW + iw;
                    gradIn[i] = round(gradIn[i] + delta, f32);
                }
            }
        });
    }

    /** Adaptive max pooling with flat in-plane indices; same tie (first wins) and NaN (last wins) rule as {@link #maxPool2d}. */
    public static void adaptiveMaxPool2d(double[] in, int planes, int inH, int inW, int outH, int outW,
                                         double[] out, long[] indices) {
        forEachAdaptiveWindow(planes, inH, inW, outH, outW, (c, o, ih0, ih1, iw0, iw1) -> {
            int inOff = c * inH * inW;
            int idx = scanMax(in, inOff, inW, ih0, ih1, 1, iw0, iw1, 1);
            out[o] = idx < 0 ? Double.NEGATIVE_INFINITY : in[inOff + idx];
            indices[o] = idx < 0 ? ih0 * inW + iw0 : idx;
        });
    }

    /**
     * {@link #maxPool2d(double[], int, PoolWindow, double[], long[])} for float32, in float: the same
     * scan, ties and NaN rule (float to double is exact, so every comparison comes out the same).
     * NOTE: both clip with {@link PoolWindow#maxWindow}; the loops stay twins because Java has no
     * generics over primitive arrays, so keep the two in step. Planes are split over {@link Parallel}'s
     * threads.
     */
    public static void maxPool2d(float[] in, int planes, PoolWindow g, float[] out, long[] indices) {
        int inPlane = g.inH() * g.inW();
        int outPlane = g.outH() * g.outW();
        boolean twoByTwo = g.kH() == 2 && g.kW() == 2 && g.sH() == 2 && g.sW() == 2 && g.pH() == 0 && g.pW() == 0
                && g.dH() == 1 && g.dW() == 1 && 2 * g.outH() <= g.inH() && 2 * g.outW() <= g.inW();
        Parallel.forChunks(planes, Parallel.chunks(planes, 4), (from, to, chunk) -> {
            if (twoByTwo) {
                maxPool2x2(in, from, to, g, out, indices);
                return;
            }
            int[] b = new int[4];
            for (int c = from; c < to; c++) {
                int inOff = c * inPlane;
                int o = c * outPlane;
                for (int oh = 0; oh < g.outH(); oh++) {
                    for (int ow = 0; ow < g.outW(); ow++, o++) {
                        g.maxWindow(oh, ow, b);
                        int idx = scanMax(in, inOff, g.inW(), b[0], b[1], g.dH(), b[2], b[3], g.dW());
                        out[o] = idx < 0 ? Float.NEGATIVE_INFINITY : in[inOff + idx];
                        indices[o] = idx < 0 ? b[0] * g.inW() + b[2] : idx;
                    }
                }
            }
        });
    }

    /**
     * The 2x2, stride-2 windows of planes [from, to), all inside the input, with the general scan's
     * result: without NaN, the scan keeps the first element equal (as floats compare, so -0.0 == 0.0)
     * to the window's maximum, which is found here with Math.max and selects the JIT turns into
     * conditional moves; a window holding a NaN (the maximum is then NaN) goes to the general scan.
     * NOTE: on real activations the comparisons are coin flips, and the branchy scan cost a
     * mispredict per window or more (6 ms for the first pool of the default model, now 1).
     */
    private static void maxPool2x2(float[] in, int from, int to, PoolWindow g, float[] out, long[] indices) {
        int w = g.inW();
        int inPlane = g.inH() * w;
        int outW = g.outW();
        int outPlane = g.outH() * outW;
        for (int c = from; c < to; c++) {
            int o = c * outPlane;
            for (int oh = 0; oh < g.outH(); oh++) {
                int row = 2 * oh * w;
                int base = c * inPlane + row;
                for (int ow = 0; ow < outW; ow++, o++) {
                    int i0 = base + 2 * ow;
                    float a = in[i0];
                    float b = in[i0 + 1];
                    float d = in[i0 + w];
                    float e = in[i0 + w + 1];
                    float m = Math.max(Math.max(a, b), Math.max(d, e));
                    int at = w + 1;
                    at = d == m ? w : at;
                    at = b == m ? 1 : at;
                    at = a == m ? 0 : at;
                    if (m != m) {
                        at = scanMax(in, c * inPlane, w, 2 * oh, 2 * oh + 2, 1, 2 * ow, 2 * ow + 2, 1) - row - 2 * ow;
                    }
                    out[o] = in[i0 + at];
                    indices[o] = row + 2 * ow + at;
                }
            }
        }
    }

    /** The float twin of {@link #scanMax(double[], int, int, int, int, int, int, int, int)}; keep the two in step. */
    private static int scanMax(float[] in, int inOff, int inW, int ih0, int ih1, int dH, int iw0, int iw1, int dW) {
        int maxIndex = -1;
        float maxVal = Float.NEGATIVE_INFINITY;
        for (int ih = ih0; ih < ih1; ih += dH) {
            for (int iw = iw0; iw < iw1; iw += dW) {
                int idx = ih * inW + iw;
                float v = in[inOff + idx];
                if (v > maxVal || v != v) {
                    maxVal = v;
                    maxIndex = idx;
                }
            }
        }
        return maxIndex;
    }

    /** {@link #scatterAddByIndex(double[], long[], int, int, int, double[], boolean)} for float32, in float. */
    public static void scatterAddByIndex(float[] gradOut, long[] indices, int planes, int inPlane, int outPlane,
                                         float[] gradIn) {
        Parallel.forChunks(planes, Parallel.chunks(planes, 4), (from, to, chunk) -> {
            for (int c = from; c < to; c++) {
                int inOff = c * inPlane;
                for (int o = c * outPlane, end = o + outPlane; o < end; o++) {
                    gradIn[inOff + (int) indices[o]] += gradOut[o];
                }
            }
        });
    }

    /**
     * {@link #avgPool2d(double[], int, PoolWindow, boolean, Integer, double[], boolean)} for float32, in
     * float: the same window sums in the same order and the same divisors (a float sum or quotient
     * is exactly the double one rounded to float). Plane by plane, planes split over {@link Parallel}.
     * NOTE: both clip with {@link PoolWindow#avgWindow}; the loops stay twins because Java has no
     * generics over primitive arrays. The double kernel walks planes innermost; here each plane is
     * walked whole, which keeps memory access sequential and gives every element the same additions
     * in the same order.
     */
    public static void avgPool2d(float[] in, int planes, PoolWindow g, boolean countIncludePad,
                                 Integer divisorOverride, float[] out) {
        int inPlane = g.inH() * g.inW();
        int outPlane = g.outH() * g.outW();
        int[][] bounds = new int[outPlane][4];
        int[] divs = g.avgWindows(countIncludePad, divisorOverride, bounds);
        Parallel.forChunks(planes, Parallel.chunks(planes, 4), (from, to, chunk) -> {
            for (int c = from; c < to; c++) {
                int inOff = c * inPlane;
                for (int q = 0; q < outPlane; q++) {
                    int[] b = bounds[q];
                    float sum = 0f;
                    for (int ih = b[0]; ih < b[1]; ih++) {
                        for (int iw = b[2]; iw < b[3]; iw++) {
                            sum += in[inOff + ih * g.inW() + iw];
                        }
                    }
                    out[c * outPlane + q] = divs[q] == 0 ? 0f : sum / divs[q];
                }
            }
        });
    }

    /** {@link #avgPool2dBackward(double[], int, PoolWindow, boolean, Integer, double[], boolean)} for float32, in float. */
    public static void avgPool2dBackward(float[] gradOut, int planes, PoolWindow g, boolean countIncludePad,
                                         Integer divisorOverride, float[] gradIn) {
        int inPlane = g.inH() * g.inW();
        int outPlane = g.outH() * g.outW();
        int[][] bounds = new int[outPlane][4];
        int[] divs = g.avgWindows(countIncludePad, divisorOverride, bounds);
        Parallel.forChunks(planes, Parallel.chunks(planes, 4), (from, to, chunk) -> {
            for (int c = from; c < to; c++) {
                int inOff = c * inPlane;
                for (int q = 0; q < outPlane; q++) {
                    if (divs[q] == 0) {
                        continue;
                    }
                    int[] b = bounds[q];
                    float delta = gradOut[c * outPlane + q] / divs[q];
                    for (int ih = b[0]; ih < b[1]; ih++) {
                        for (int iw = b[2]; iw < b[3]; iw++) {
                            gradIn[inOff + ih * g.inW() + iw] += delta;
                        }
                    }
                }
            }
        });
    }
}
