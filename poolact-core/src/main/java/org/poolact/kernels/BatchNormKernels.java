package org.poolact.kernels;

/**
 * Batch-normalisation loops over a contiguous {@code [N, C, S]} array (S = product of the spatial
 * sizes), in double. Per channel c the reduction runs over the {@code N * S} values of that channel.
 */
public final class BatchNormKernels {
    private BatchNormKernels() {
    }

    /**
     * Per-channel mean and biased variance (divide by {@code N * S}), two-pass for accuracy.
     *
     * @param mean out, length C
     * @param var  out, length C
     */
    public static void meanVar(double[] x, int n, int c, int s, double[] mean, double[] var) {
        int count = n * s;
        for (int ch = 0; ch < c; ch++) {
            double sum = 0;
            for (int b = 0; b < n; b++) {
                int base = (b * c + ch) * s;
                for (int i = 0; i < s; i++) {
                    sum += x[base + i];
                }
            }
            double m = sum / count;
            double sq = 0;
            for (int b = 0; b < n; b++) {
                int base = (b * c + ch) * s;
                for (int i = 0; i < s; i++) {
                    double d = x[base + i] - m;
                    sq += d * d;
                }
            }
            mean[ch] = m;
            var[ch] = sq / count;
        }
    }

    /**
     * {@code out = (x - mean[c]) * invstd[c] * weight[c] + bias[c]}; weight/bias may be null (1 and 0).
     */
    public static void normalize(double[] x, int n, int c, int s, double[] mean, double[] invstd, double[] weight,
                                 double[] bias, double[] out) {
        for (int b = 0; b < n; b++) {
            for (int ch = 0; ch < c; ch++) {
                double w = weight == null ? 1 : weight[ch];
                double bb = bias == null ? 0 : bias[ch];
                double m = mean[ch];
                double is = invstd[ch];
                int base = (b * c + ch) * s;
                for (int i = 0; i < s; i++) {
                    out[base + i] = (x[base + i] - m) * is * w + bb;
                }
            }
        }
    }

    /**
     * Gradients of batch norm. With {@code training} the statistics depend on x:
     * {@code dx = w * invstd / M * (M * g - sum(g) - xhat * sum(g * xhat))}, M = N * S;
     * otherwise {@code dx = g * w * invstd}. Always {@code dweight = sum(g * xhat)}, {@code dbias = sum(g)}.
     *
     * @param gradX      out, same length as x, or null if not needed
     * @param gradWeight out, length C, or null
     * @param gradBias   out, length C, or null
     */
    public static void backward(double[] x, double[] g, int n, int c, int s, double[] mean, double[] invstd,
                                double[] weight, boolean training, double[] gradX, double[] gradWeight,
                                double[] gradBias) {
        int count = n * s;
        for (int ch = 0; ch < c; ch++) {
            double m = mean[ch];
            double is = invstd[ch];
            double sumG = 0;
            double sumGXhat = 0;
            for (int b = 0; b < n; b++) {
                int base = (b * c + ch) * s;
                for (int i = 0; i < s; i++) {
                    double gi = g[base + i];
                    sumG += gi;
                    sumGXhat += gi * (x[base + i] - m) * is;
                }
            }
            if (gradWeight != null) {
                gradWeight[ch] = sumGXhat;
            }
            if (gradBias != null) {
                gradBias[ch] = sumG;
            }
            if (gradX == null) {
                continue;
            }
            double w = weight == null ? 1 : weight[ch];
            double k = w * is;
            double meanG = sumG / count;
            double meanGXhat = sumGXhat / count;
            for (int b = 0; b < n; b++) {
                int base = (b * c + ch) * s;
                for (int i = 0; i < s; i++) {
                    int j = base + i;
                    if (training) {
                        double xhat = (x[j] - m) * is;
                        gradX[j] = k * (g[j] - meanG - xhat * meanGXhat);
                    } else {
                        gradX[j] = k * g[j];
                    }
                }
            }
        }
    }
}
