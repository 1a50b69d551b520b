package org.poolact.kernels;

/** Reference float GEMM: each C entry is a double sum over k of float products, rounded once. */
final class PlainFloatGemm implements FloatGemm {
    static final PlainFloatGemm INSTANCE = new PlainFloatGemm();

    private PlainFloatGemm() {
    }

    @Override
    public void gemm(int m, int n, int k, float[] a, int aOff, int aRow, int aCol, float[] b, int bOff, int bRow,
                     int bCol, float[] c, int cOff, int ldc, boolean accumulate) {
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = accumulate ? c[cOff + i * ldc + j] : 0.0;
                for (int p = 0; p < k; p++) {
                    s += (double) a[aOff + i * aRow + p * aCol] * b[bOff + p * bRow + j * bCol];
                }
                c[cOff + i * ldc + j] = (float) s;
            }
        }
    }

    @Override
    public String name() {
        return "plain";
    }
}
