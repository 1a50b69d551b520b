package org.poolact.kernels;

import java.util.function.DoubleUnaryOperator;

/**
 * Element-wise loops over contiguous arrays for pure scalar functions (activations and their
 * derivatives). Each output element depends only on the values at the same index, never on the
 * index itself, so equal inputs always give equal bits wherever they sit in a tensor.
 */
public final class Pointwise {
    private Pointwise() {
    }

    /** A scalar function evaluated in float32 arithmetic. */
    @FunctionalInterface
    public interface FloatUnary {
        /** f(x). */
        float apply(float x);
    }

    /** A derivative rule in float32: the input gradient from the output gradient g, the input x and the output y. */
    @FunctionalInterface
    public interface FloatGrad {
        /** dL/dx given g = dL/dy, x and y = f(x). */
        float apply(float g, float x, float y);
    }

    /** A derivative rule in float64: the input gradient from the output gradient g, the input x and the output y. */
    @FunctionalInterface
    public interface DoubleGrad {
        /** dL/dx given g = dL/dy, x and y = f(x). */
        double apply(double g, double x, double y);
    }

    /** Elements per chunk below which a float loop stays on the calling thread. */
    private static final int PARALLEL_GRAIN = 1 << 16;

    /** {@code out[i] = f(x[i])}; large arrays are split over {@link Parallel} (each element is independent). */
    public static void map(float[] x, float[] out, FloatUnary f) {
        Parallel.forChunks(x.length, Parallel.chunks(x.length, PARALLEL_GRAIN), (from, to, chunk) -> {
            for (int i = from; i < to; i++) {
                out[i] = f.apply(x[i]);
            }
        });
    }

    /** {@code out[i] = f(x[i])}. */
    public static void map(double[] x, double[] out, DoubleUnaryOperator f) {
        for (int i = 0; i < x.length; i++) {
            out[i] = f.applyAsDouble(x[i]);
        }
    }

    /** {@code out[i] = d(g[i], x[i], y[i])}; large arrays are split over {@link Parallel}. */
    public static void grad(float[] g, float[] x, float[] y, float[] out, FloatGrad d) {
        Parallel.forChunks(x.length, Parallel.chunks(x.length, PARALLEL_GRAIN), (from, to, chunk) -> {
            for (int i = from; i < to; i++) {
                out[i] = d.apply(g[i], x[i], y[i]);
            }
        });
    }

    /** {@code out[i] = d(g[i], x[i], y[i])}. */
    public static void grad(double[] g, double[] x, double[] y, double[] out, DoubleGrad d) {
        for (int i = 0; i < x.length; i++) {
            out[i] = d.apply(g[i], x[i], y[i]);
        }
    }

    /**
     * {@code x < 0 ? 0f : x} without a branch (NaN and -0.0 pass through).
     * NOTE: on real activations the sign is a coin flip, and the branchy form cost a mispredict every
     * other element (5 ms per 1.6M-element map here); these integer masks give the same bits.
     */
    public static float reluFloat(float x) {
        int b = Float.floatToRawIntBits(x);
        int mag = b & 0x7fffffff;
        int negative = b >> 31;
        int nonZero = ~((mag - 1) >> 31);
        int notNaN = (mag - 0x7f800001) >> 31;
        return Float.intBitsToFloat(b & ~(negative & nonZero & notNaN));
    }

    /** {@code y <= 0 ? 0f : g} without a branch (relu's backward from its output; see {@link #reluFloat}). */
    public static float reluGradFloat(float g, float y) {
        int yb = Float.floatToRawIntBits(y);
        int mag = yb & 0x7fffffff;
        int isZero = (mag - 1) >> 31;
        int negativeNumber = (yb >> 31) & ((mag - 0x7f800001) >> 31);
        return Float.intBitsToFloat(Float.floatToRawIntBits(g) & ~(isZero | negativeNumber));
    }

    /** Whole-array kernels of relu in float32 (Vector API or scalar, see {@link VectorApi}). */
    interface ReluKernels {
        /** out[i] = x[i] &lt; 0 ? 0 : x[i] for i in [from, to), every NaN made the canonical NaN. */
        void forward(float[] x, float[] out, int from, int to);

        /** out[i] = y[i] &lt;= 0 ? 0 : g[i] for i in [from, to). */
        void backward(float[] g, float[] y, float[] out, int from, int to);
    }

    /** The scalar relu kernels (the fallback of the Vector API ones). */
    static final ReluKernels SCALAR_RELU = new ReluKernels() {
        @Override
        public void forward(float[] x, float[] out, int from, int to) {
            for (int i = from; i < to; i++) {
                float r = reluFloat(x[i]);
                out[i] = r != r ? Float.NaN : r;
            }
        }

        @Override
        public void backward(float[] g, float[] y, float[] out, int from, int to) {
            for (int i = from; i < to; i++) {
                out[i] = reluGradFloat(g[i], y[i]);
            }
        }
    };

    /**
     * {@code out[i] = x[i] < 0 ? 0 : x[i]} (relu: -0.0 stays -0.0, a NaN becomes the canonical NaN), on
     * the Vector API when available, split over {@link Parallel}.
     */
    public static void relu(float[] x, float[] out) {
        ReluKernels k = VectorApi.RELU;
        Parallel.forChunks(x.length, Parallel.chunks(x.length, PARALLEL_GRAIN),
                (from, to, chunk) -> k.forward(x, out, from, to));
    }

    /** {@code out[i] = y[i] <= 0 ? 0 : g[i]} (relu's backward from its output), as {@link #relu}. */
    public static void reluBackward(float[] g, float[] y, float[] out) {
        ReluKernels k = VectorApi.RELU;
        Parallel.forChunks(y.length, Parallel.chunks(y.length, PARALLEL_GRAIN),
                (from, to, chunk) -> k.backward(g, y, out, from, to));
    }
}
