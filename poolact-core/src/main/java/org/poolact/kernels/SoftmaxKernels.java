package org.poolact.kernels;

/**
 * Softmax loops over a contiguous array viewed as {@code [outer, size, inner]}, reducing over the
 * middle axis, in double. Numerically stable: the row maximum is subtracted before exp.
 */
public final class SoftmaxKernels {
    private SoftmaxKernels() {
    }

    /** {@code out = x - max - log(sum(exp(x - max)))} along the middle axis (NaN propagates). */
    public static void logSoftmax(double[] x, int outer, int size, int inner, double[] out) {
        for (int o = 0; o < outer; o++) {
            for (int in = 0; in < inner; in++) {
                int base = o * size * inner + in;
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < size; k++) {
                    double v = x[base + k * inner];
                    if (v > max || Double.isNaN(v)) {
                        max = v;
                    }
                }
                // NOTE: a row of all -inf would give -inf - -inf = NaN; torch gives NaN as well.
                double sum = 0;
                for (int k = 0; k < size; k++) {
                    sum += Math.exp(x[base + k * inner] - max);
                }
                double logSum = Math.log(sum);
                for (int k = 0; k < size; k++) {
                    out[base + k * inner] = x[base + k * inner] - max - logSum;
                }
            }
        }
    }

    /** {@code out = exp(x - max) / sum(exp(x - max))} along the middle axis. */
    public static void softmax(double[] x, int outer, int size, int inner, double[] out) {
        logSoftmax(x, outer, size, inner, out);
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.exp(out[i]);
        }
    }

    /** Gradient of log-softmax: {@code gx = g - exp(y) * sum(g)} along the middle axis. */
    public static void logSoftmaxBackward(double[] y, double[] g, int outer, int size, int inner, double[] gx) {
        for (int o = 0; o < outer; o++) {
            for (int in = 0; in < inner; in++) {
                int base = o * size * inner + in;
                double sum = 0;
                for (int k = 0; k < size; k++) {
                    sum += g[base + k * inner];
                }
                for (int k = 0; k < size; k++) {
                    int j = base + k * inner;
                    gx[j] = g[j] - Math.exp(y[j]) * sum;
                }
            }
        }
    }

    /** Gradient of softmax: {@code gx = y * (g - sum(g * y))} along the middle axis. */
    public static void softmaxBackward(double[] y, double[] g, int outer, int size, int inner, double[] gx) {
        for (int o = 0; o < outer; o++) {
            for (int in = 0; in < inner; in++) {
                int base = o * size * inner + in;
                double dot = 0;
                for (int k = 0; k < size; k++) {
                    dot += g[base + k * inner] * y[base + k * inner];
                }
                for (int k = 0; k < size; k++) {
                    int j = base + k * inner;
                    gx[j] = y[j] * (g[j] - dot);
                }
            }
        }
    }
}
