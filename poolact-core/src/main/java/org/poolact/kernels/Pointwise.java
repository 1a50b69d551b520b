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

    /** {@code out[i] = f(x[i])}. */
    public static void map(float[] x, float[] out, FloatUnary f) {
        for (int i = 0; i < x.length; i++) {
            out[i] = f.apply(x[i]);
        }
    }

    /** {@code out[i] = f(x[i])}. */
    public static void map(double[] x, double[] out, DoubleUnaryOperator f) {
        for (int i = 0; i < x.length; i++) {
            out[i] = f.applyAsDouble(x[i]);
        }
    }

    /** {@code out[i] = d(g[i], x[i], y[i])}. */
    public static void grad(float[] g, float[] x, float[] y, float[] out, FloatGrad d) {
        for (int i = 0; i < x.length; i++) {
            out[i] = d.apply(g[i], x[i], y[i]);
        }
    }

    /** {@code out[i] = d(g[i], x[i], y[i])}. */
    public static void grad(double[] g, double[] x, double[] y, double[] out, DoubleGrad d) {
        for (int i = 0; i < x.length; i++) {
            out[i] = d.apply(g[i], x[i], y[i]);
        }
    }
}
