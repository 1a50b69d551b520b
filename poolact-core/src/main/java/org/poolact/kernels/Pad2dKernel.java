package org.poolact.kernels;

/**
 * Padding of the last two dims of contiguous [planes, h, w] data through per-axis index maps:
 * output (i, j) reads input (rowMap[i], colMap[j]), or {@code value} where either map is -1.
 * Every padding mode (constant, reflect, replicate, circular) is such a pair of maps.
 */
public final class Pad2dKernel {
    private Pad2dKernel() {
    }

    /** Forward: returns [planes, rowMap.length, colMap.length]. */
    public static double[] forward(double[] in, int planes, int h, int w, int[] rowMap, int[] colMap, double value) {
        int oh = rowMap.length;
        int ow = colMap.length;
        double[] out = new double[planes * oh * ow];
        for (int p = 0; p < planes; p++) {
            int inOff = p * h * w;
            int outOff = p * oh * ow;
            for (int i = 0; i < oh; i++) {
                int r = rowMap[i];
                int dst = outOff + i * ow;
                for (int j = 0; j < ow; j++) {
                    int c = colMap[j];
                    out[dst + j] = r < 0 || c < 0 ? value : in[inOff + r * w + c];
                }
            }
        }
        return out;
    }

    /** Backward: each output gradient is added to the input position it was read from; returns [planes, h, w]. */
    public static double[] backward(double[] gradOut, int planes, int h, int w, int[] rowMap, int[] colMap) {
        int oh = rowMap.length;
        int ow = colMap.length;
        double[] gradIn = new double[planes * h * w];
        for (int p = 0; p < planes; p++) {
            int inOff = p * h * w;
            int outOff = p * oh * ow;
            for (int i = 0; i < oh; i++) {
                int r = rowMap[i];
                if (r < 0) {
                    continue;
                }
                int src = outOff + i * ow;
                for (int j = 0; j < ow; j++) {
                    int c = colMap[j];
                    if (c >= 0) {
                        gradIn[inOff + r * w + c] += gradOut[src + j];
                    }
                }
            }
        }
        return gradIn;
    }
}
