package org.poolact.kernels;

/**
 * A float32 activation as a kernel: scalar forms and whole-array loops that give the same bits for
 * the same element value, wherever it sits in an array. The backward takes the output gradient g,
 * the input x and the forward's output y (some rules read y, others x).
 */
public interface FloatActivationKernel {
    /** f(x); exactly what {@link #forward(float[], float[])} stores for that element. */
    float forward(float x);

    /** dL/dx given g = dL/dy, x and y = f(x); exactly what {@link #backward(float[], float[], float[], float[])} stores. */
    float backward(float g, float x, float y);

    /** {@code out[i] = f(x[i])}. */
    void forward(float[] x, float[] out);

    /** {@code out[i] = backward(g[i], x[i], y[i])}. */
    void backward(float[] g, float[] x, float[] y, float[] out);
}
