package org.poolact.kernels;

/**
 * Float32 matrix multiply kernels: C[m x n] (+)= A[m x k] * B[k x n] over float arrays, in float,
 * never through double. Operands are addressed by strides, so transposed or sub-matrix views need no
 * copy: A(i, p) is {@code a[aOff + i * aRow + p * aCol]}, B(p, j) is {@code b[bOff + p * bRow + j * bCol]}
 * and C(i, j) is {@code c[cOff + i * ldc + j]}.
 *
 * <p>{@link #plain()} is the reference (each entry a double sum rounded once); {@link #fast()} is the
 * engine's default: a register-blocked kernel on the JDK's Vector API when the JVM runs with
 * {@code --add-modules jdk.incubator.vector}, else a cache-blocked loop nest that the JIT vectorises.
 * Implementations are single-threaded; {@link #gemmParallel} splits a product over {@link Parallel}.
 */
public interface FloatGemm {

    /**
     * C (+)= A * B with the strided addressing of the class comment.
     *
     * @param accumulate add into C instead of overwriting it
     */
    void gemm(int m, int n, int k, float[] a, int aOff, int aRow, int aCol, float[] b, int bOff, int bRow, int bCol,
              float[] c, int cOff, int ldc, boolean accumulate);

    /** A short name for reports ("plain", "java", "vector-512"...). */
    String name();

    /**
     * C[m x n] (+)= op(A) * op(B) over contiguous row-major arrays, as {@link Gemm#gemm}: with
     * {@code transA} A is stored k x m, with {@code transB} B is stored n x k.
     */
    default void gemm(boolean transA, boolean transB, int m, int n, int k, float[] a, int aOff, float[] b, int bOff,
                      float[] c, int cOff, boolean accumulate) {
        gemm(m, n, k, a, aOff, transA ? 1 : k, transA ? m : 1, b, bOff, transB ? 1 : n, transB ? k : 1,
                c, cOff, n, accumulate);
    }

    /**
     * As {@link #gemm(boolean, boolean, int, int, int, float[], int, float[], int, float[], int, boolean)},
     * split over {@link Parallel}'s threads by blocks of rows or of columns of C (whichever is larger).
     * Each entry of C is computed by one thread in the same order as single-threaded, so the result
     * does not depend on the thread count.
     */
    default void gemmParallel(boolean transA, boolean transB, int m, int n, int k, float[] a, int aOff, float[] b,
                              int bOff, float[] c, int cOff, boolean accumulate) {
        int aRow = transA ? 1 : k;
        int aCol = transA ? m : 1;
        int bRow = transB ? 1 : n;
        int bCol = transB ? k : 1;
        // NOTE: blocks of 32 rows/columns keep every chunk but the last free of partial register tiles.
        final int unit = 32;
        boolean byRows = m >= n;
        int units = ((byRows ? m : n) + unit - 1) / unit;
        long work = 2L * m * n * k;
        int chunks = work < (1 << 20) ? 1 : Parallel.chunks(units, 1);
        Parallel.forChunks(units, chunks, (from, to, chunk) -> {
            if (byRows) {
                int r0 = from * unit;
                int r1 = Math.min(m, to * unit);
                gemm(r1 - r0, n, k, a, aOff + r0 * aRow, aRow, aCol, b, bOff, bRow, bCol, c, cOff + r0 * n, n,
                        accumulate);
            } else {
                int c0 = from * unit;
                int c1 = Math.min(n, to * unit);
                gemm(m, c1 - c0, k, a, aOff, aRow, aCol, b, bOff + c0 * bCol, bRow, bCol, c, cOff + c0, n,
                        accumulate);
            }
        });
    }

    /** The reference kernel: every entry a double-precision sum over k, rounded once to float. */
    static FloatGemm plain() {
        return PlainFloatGemm.INSTANCE;
    }

    /** The blocked, JIT-vectorised kernel in plain Java (the fallback of {@link #fast()}). */
    static FloatGemm java() {
        return BlockedFloatGemm.INSTANCE;
    }

    /**
     * Whether a float32 product of {@code multiplyAdds} multiply-adds is small enough that ops keep the
     * plain double path for it (below 2^15): it costs next to nothing, each result is a double sum
     * rounded once, and small examples (demos, printed outputs) come out as before the fast kernels.
     */
    static boolean isSmall(long multiplyAdds) {
        return multiplyAdds < (1L << 15);
    }

    /** The kernel the ops use: {@link #fast()}, or {@link #plain()} under {@code -Dpoolact.kernels=plain}. */
    static FloatGemm selected() {
        return "plain".equals(System.getProperty("poolact.kernels")) ? plain() : fast();
    }

    /**
     * The fastest kernel this JVM offers: the Vector API kernel when the module jdk.incubator.vector is
     * present (and {@code poolact.vector} is not {@code off}), else {@link #java()}. See {@link VectorApi}.
     */
    static FloatGemm fast() {
        return VectorApi.GEMM;
    }
}
