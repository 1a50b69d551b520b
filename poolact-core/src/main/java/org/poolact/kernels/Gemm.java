package org.poolact.kernels;

/**
 * Plain matrix-multiply kernels over contiguous row-major arrays. The i-k-j loop order keeps the
 * inner loop streaming over contiguous rows of B and C, which the JIT vectorises.
 * A faster kernel can replace these without touching the ops that call them.
 */
public final class Gemm {
    private Gemm() {
    }

    /**
     * C[m x n] (+)= A[m x k] * B[k x n], with optional transposes of A and B.
     *
     * @param transA A is stored as k x m
     * @param transB B is stored as n x k
     * @param accumulate add into C instead of overwriting it
     */
    public static void gemm(boolean transA, boolean transB, int m, int n, int k,
                            double[] a, int aOff, double[] b, int bOff, double[] c, int cOff, boolean accumulate) {
        if (!accumulate) {
            java.util.Arrays.fill(c, cOff, cOff + m * n, 0.0);
        }
        if (transB) {
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double s = 0;
                    int bRow = bOff + j * k;
                    for (int p = 0; p < k; p++) {
                        double av = transA ? a[aOff + p * m + i] : a[aOff + i * k + p];
                        s += av * b[bRow + p];
                    }
                    c[cOff + i * n + j] += s;
                }
            }
            return;
        }
        for (int i = 0; i < m; i++) {
            int cRow = cOff + i * n;
            for (int p = 0; p < k; p++) {
                double av = transA ? a[aOff + p * m + i] : a[aOff + i * k + p];
                if (av == 0) {
                    continue;
                }
                int bRow = bOff + p * n;
                for (int j = 0; j < n; j++) {
                    c[cRow + j] += av * b[bRow + j];
                }
            }
        }
    }
}
