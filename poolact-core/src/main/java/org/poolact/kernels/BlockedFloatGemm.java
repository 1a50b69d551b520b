package org.poolact.kernels;

import java.util.Arrays;

/**
 * Float GEMM in plain Java: B is packed into contiguous blocks of KC x NC (L2-sized), and each row
 * of C is updated four rows of B at a time in a single loop over columns, which the JIT's
 * superword pass turns into vector FMAs/adds. Every C entry is summed over k in order, in float.
 */
final class BlockedFloatGemm implements FloatGemm {
    static final BlockedFloatGemm INSTANCE = new BlockedFloatGemm();
    private static final int KC = 128;
    private static final int NC = 512;
    private static final ThreadLocal<float[]> PACK = ThreadLocal.withInitial(() -> new float[KC * NC]);

    private BlockedFloatGemm() {
    }

    @Override
    public void gemm(int m, int n, int k, float[] a, int aOff, int aRow, int aCol, float[] b, int bOff, int bRow,
                     int bCol, float[] c, int cOff, int ldc, boolean accumulate) {
        if (!accumulate) {
            for (int i = 0; i < m; i++) {
                Arrays.fill(c, cOff + i * ldc, cOff + i * ldc + n, 0f);
            }
        }
        float[] bp = PACK.get();
        for (int j0 = 0; j0 < n; j0 += NC) {
            int jn = Math.min(NC, n - j0);
            for (int p0 = 0; p0 < k; p0 += KC) {
                int kn = Math.min(KC, k - p0);
                for (int pp = 0; pp < kn; pp++) {
                    int src = bOff + (p0 + pp) * bRow + j0 * bCol;
                    if (bCol == 1) {
                        System.arraycopy(b, src, bp, pp * jn, jn);
                    } else {
                        for (int jj = 0; jj < jn; jj++) {
                            bp[pp * jn + jj] = b[src + jj * bCol];
                        }
                    }
                }
                for (int i = 0; i < m; i++) {
                    rowUpdate(c, cOff + i * ldc + j0, jn, a, aOff + i * aRow + p0 * aCol, aCol, kn, bp);
                }
            }
        }
    }

    /** c[cr .. cr+jn) += sum over pp < kn of a[ar + pp*aCol] * bp[pp*jn ..]. */
    private static void rowUpdate(float[] c, int cr, int jn, float[] a, int ar, int aCol, int kn, float[] bp) {
        int pp = 0;
        for (; pp + 3 < kn; pp += 4) {
            float a0 = a[ar + pp * aCol];
            float a1 = a[ar + (pp + 1) * aCol];
            float a2 = a[ar + (pp + 2) * aCol];
            float a3 = a[ar + (pp + 3) * aCol];
            int b0 = pp * jn;
            int b1 = b0 + jn;
            int b2 = b1 + jn;
            int b3 = b2 + jn;
            for (int j = 0; j < jn; j++) {
                c[cr + j] = c[cr + j] + a0 * bp[b0 + j] + a1 * bp[b1 + j] + a2 * bp[b2 + j] + a3 * bp[b3 + j];
            }
        }
        for (; pp < kn; pp++) {
            float av = a[ar + pp * aCol];
            int b0 = pp * jn;
            for (int j = 0; j < jn; j++) {
                c[cr + j] += av * bp[b0 + j];
            }
        }
    }

    @Override
    public String name() {
        return "java";
    }
}
