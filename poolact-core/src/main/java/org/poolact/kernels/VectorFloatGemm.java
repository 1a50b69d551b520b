package org.poolact.kernels;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * Float GEMM on the JDK Vector API (incubator module jdk.incubator.vector, loaded only when present:
 * see {@link VectorApi}). Classic register-blocked GEMM: per block of KC steps of k, B is packed into
 * panels of NR = 2 vectors of columns (zero-padded at the edges), and a micro-kernel keeps the
 * MR x NR tile of C in 2 * MR vector registers across the block, one FMA per A-value and B-vector.
 * A is read in place through its strides (its values are broadcast one at a time, so any layout
 * serves); only a last, partial panel of MR rows is packed, zero-padded. A last panel of at most one
 * vector of columns goes to a one-vector kernel. Each C entry is a float FMA chain over one block,
 * added to C block by block; the tiling does not change these chains, so the results do not depend
 * on MR, NR or which kernel took the tile.
 */
final class VectorFloatGemm implements FloatGemm {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int L = S.length();
    private static final int NR = 2 * L;
    private static final int MR = 4;
    private static final int KC = 256;
    private static final ThreadLocal<float[][]> BUFFERS =
            ThreadLocal.withInitial(() -> new float[][] {new float[MR * KC * 64], new float[KC * NR], new float[MR * NR]});

    VectorFloatGemm() {
    }

    @Override
    public void gemm(int m, int n, int k, float[] a, int aOff, int aRow, int aCol, float[] b, int bOff, int bRow,
                     int bCol, float[] c, int cOff, int ldc, boolean accumulate) {
        if (m <= 0 || n <= 0) {
            return;
        }
        if (k <= 0) {
            if (!accumulate) {
                for (int i = 0; i < m; i++) {
                    java.util.Arrays.fill(c, cOff + i * ldc, cOff + i * ldc + n, 0f);
                }
            }
            return;
        }
        float[][] buf = BUFFERS.get();
        int mPanels = (m + MR - 1) / MR;
        int nPanels = (n + NR - 1) / NR;
        if (buf[0].length < mPanels * MR * KC) {
            buf[0] = new float[mPanels * MR * KC];
        }
        float[] ap = buf[0];
        float[] bp = buf[1];
        float[] tmp = buf[2];
        for (int p0 = 0; p0 < k; p0 += KC) {
            int kn = Math.min(KC, k - p0);
            boolean add = accumulate || p0 > 0;
            int aBlock = aOff + p0 * aCol;
            int fullPanels = m / MR;
            if (fullPanels < mPanels) {
                // only the last, partial panel of rows is packed (zero-padded); full panels are read in place
                packA(m - fullPanels * MR, kn, a, aBlock + fullPanels * MR * aRow, aRow, aCol, ap);
            }
            for (int jp = 0; jp < nPanels; jp++) {
                int j0 = jp * NR;
                int jn = Math.min(NR, n - j0);
                packB(kn, jn, b, bOff + p0 * bRow + j0 * bCol, bRow, bCol, bp);
                for (int ip = 0; ip < mPanels; ip++) {
                    int i0 = ip * MR;
                    boolean packed = ip == fullPanels;
                    int ao = packed ? 0 : aBlock + i0 * aRow;
                    int ar = packed ? 1 : aRow;
                    int ac = packed ? MR : aCol;
                    float[] as = packed ? ap : a;
                    int co = cOff + i0 * ldc + j0;
                    int mn = Math.min(MR, m - i0);
                    if (jn <= L) {
                        kernelHalf(kn, as, ao, ar, ac, bp, c, co, ldc, mn, jn, add, tmp);
                    } else {
                        kernel(kn, as, ao, ar, ac, bp, c, co, ldc, mn, jn, add, tmp);
                    }
                }
            }
        }
    }

    /** ap[(panel * kn + pp) * MR + r] = A(panel * MR + r, pp), 0 past the last row. */
    private static void packA(int m, int kn, float[] a, int off, int aRow, int aCol, float[] ap) {
        int mPanels = (m + MR - 1) / MR;
        if (aRow == 1) {
            // A stored transposed (a column of A is contiguous): the MR values of one k step are adjacent
            for (int ip = 0; ip < mPanels; ip++) {
                int base = ip * kn * MR;
                int rows = Math.min(MR, m - ip * MR);
                for (int pp = 0; pp < kn; pp++) {
                    int src = off + ip * MR + pp * aCol;
                    int dst = base + pp * MR;
                    for (int r = 0; r < rows; r++) {
                        ap[dst + r] = a[src + r];
                    }
                    for (int r = rows; r < MR; r++) {
                        ap[dst + r] = 0f;
                    }
                }
            }
            return;
        }
        for (int ip = 0; ip < mPanels; ip++) {
            int base = ip * kn * MR;
            if (aCol == 1 && ip * MR + MR <= m) {
                // a full panel of row-major A: four row streams, one contiguous write per k step
                // NOTE: written out for MR == 4
                int s0 = off + ip * MR * aRow;
                int s1 = s0 + aRow;
                int s2 = s1 + aRow;
                int s3 = s2 + aRow;
                for (int pp = 0; pp < kn; pp++) {
                    int d = base + pp * MR;
                    ap[d] = a[s0 + pp];
                    ap[d + 1] = a[s1 + pp];
                    ap[d + 2] = a[s2 + pp];
                    ap[d + 3] = a[s3 + pp];
                }
                continue;
            }
            for (int r = 0; r < MR; r++) {
                int i = ip * MR + r;
                if (i >= m) {
                    for (int pp = 0; pp < kn; pp++) {
                        ap[base + pp * MR + r] = 0f;
                    }
                    continue;
                }
                int src = off + i * aRow;
                for (int pp = 0; pp < kn; pp++) {
                    ap[base + pp * MR + r] = a[src + pp * aCol];
                }
            }
        }
    }

    /** bp[pp * NR + jj] = B(pp, jj), 0 past the last column. */
    private static void packB(int kn, int jn, float[] b, int off, int bRow, int bCol, float[] bp) {
        if (bRow == 1) {
            // B stored transposed (a column of B is contiguous): read each column in order, so the
            // reads stream and only the writes (into this small, cache-resident panel) are strided
            for (int jj = 0; jj < NR; jj++) {
                if (jj < jn) {
                    int src = off + jj * bCol;
                    for (int pp = 0; pp < kn; pp++) {
                        bp[pp * NR + jj] = b[src + pp];
                    }
                } else {
                    for (int pp = 0; pp < kn; pp++) {
                        bp[pp * NR + jj] = 0f;
                    }
                }
            }
            return;
        }
        if (bCol == 1 && jn == NR) {
            // a full panel of row-major B: two vectors per k step (an arraycopy call per 32 floats cost more)
            for (int pp = 0, src = off, dst = 0; pp < kn; pp++, src += bRow, dst += NR) {
                FloatVector.fromArray(S, b, src).intoArray(bp, dst);
                FloatVector.fromArray(S, b, src + L).intoArray(bp, dst + L);
            }
            return;
        }
        for (int pp = 0; pp < kn; pp++) {
            int src = off + pp * bRow;
            int dst = pp * NR;
            if (bCol == 1) {
                System.arraycopy(b, src, bp, dst, jn);
            } else {
                for (int jj = 0; jj < jn; jj++) {
                    bp[dst + jj] = b[src + jj * bCol];
                }
            }
            for (int jj = jn; jj < NR; jj++) {
                bp[dst + jj] = 0f;
            }
        }
    }

    /**
     * The MR x NR tile of C at {@code co}: an FMA chain over the kn steps of the block per entry. A(r, pp)
     * is {@code a[ao + r * ar + pp * ac]} (in place, or a packed panel: ar = 1, ac = MR); B is the
     * packed panel bp.
     */
    private static void kernel(int kn, float[] a, int ao, int ar, int ac, float[] bp, float[] c, int co, int ldc,
                               int mn, int jn, boolean add, float[] tmp) {
        int a0 = ao;
        int a1 = ao + ar;
        int a2 = a1 + ar;
        int a3 = a2 + ar;
        FloatVector c00 = FloatVector.zero(S);
        FloatVector c01 = c00;
        FloatVector c10 = c00;
        FloatVector c11 = c00;
        FloatVector c20 = c00;
        FloatVector c21 = c00;
        FloatVector c30 = c00;
        FloatVector c31 = c00;
        int bo = 0;
        for (int pp = 0; pp < kn; pp++, a0 += ac, a1 += ac, a2 += ac, a3 += ac, bo += NR) {
            FloatVector b0 = FloatVector.fromArray(S, bp, bo);
            FloatVector b1 = FloatVector.fromArray(S, bp, bo + L);
            FloatVector av = FloatVector.broadcast(S, a[a0]);
            c00 = av.fma(b0, c00);
            c01 = av.fma(b1, c01);
            av = FloatVector.broadcast(S, a[a1]);
            c10 = av.fma(b0, c10);
            c11 = av.fma(b1, c11);
            av = FloatVector.broadcast(S, a[a2]);
            c20 = av.fma(b0, c20);
            c21 = av.fma(b1, c21);
            av = FloatVector.broadcast(S, a[a3]);
            c30 = av.fma(b0, c30);
            c31 = av.fma(b1, c31);
        }
        if (mn == MR && jn == NR) {
            store(c00, c, co, add);
            store(c01, c, co + L, add);
            store(c10, c, co + ldc, add);
            store(c11, c, co + ldc + L, add);
            store(c20, c, co + 2 * ldc, add);
            store(c21, c, co + 2 * ldc + L, add);
            store(c30, c, co + 3 * ldc, add);
            store(c31, c, co + 3 * ldc + L, add);
            return;
        }
        c00.intoArray(tmp, 0);
        c01.intoArray(tmp, L);
        c10.intoArray(tmp, NR);
        c11.intoArray(tmp, NR + L);
        c20.intoArray(tmp, 2 * NR);
        c21.intoArray(tmp, 2 * NR + L);
        c30.intoArray(tmp, 3 * NR);
        c31.intoArray(tmp, 3 * NR + L);
        storeTile(c, co, ldc, mn, jn, add, tmp);
    }

    /**
     * {@link #kernel} for a last panel of at most L columns (jn <= L): one vector of B per step, so
     * a narrow edge (e.g. 4 of n = 196) costs half the FMAs of a full NR panel; the same chains.
     * NOTE: written out like {@link #kernel} on purpose: the accumulators must stay scalar-replaced
     * locals for the JIT to keep them in registers, so the two cannot share a helper.
     */
    private static void kernelHalf(int kn, float[] a, int ao, int ar, int ac, float[] bp, float[] c, int co, int ldc,
                                   int mn, int jn, boolean add, float[] tmp) {
        int a0 = ao;
        int a1 = ao + ar;
        int a2 = a1 + ar;
        int a3 = a2 + ar;
        FloatVector c0 = FloatVector.zero(S);
        FloatVector c1 = c0;
        FloatVector c2 = c0;
        FloatVector c3 = c0;
        int bo = 0;
        for (int pp = 0; pp < kn; pp++, a0 += ac, a1 += ac, a2 += ac, a3 += ac, bo += NR) {
            FloatVector b0 = FloatVector.fromArray(S, bp, bo);
            c0 = FloatVector.broadcast(S, a[a0]).fma(b0, c0);
            c1 = FloatVector.broadcast(S, a[a1]).fma(b0, c1);
            c2 = FloatVector.broadcast(S, a[a2]).fma(b0, c2);
            c3 = FloatVector.broadcast(S, a[a3]).fma(b0, c3);
        }
        c0.intoArray(tmp, 0);
        c1.intoArray(tmp, NR);
        c2.intoArray(tmp, 2 * NR);
        c3.intoArray(tmp, 3 * NR);
        storeTile(c, co, ldc, mn, jn, add, tmp);
    }

    /** Rows [0, mn) and columns [0, jn) of the tile in tmp (row stride NR) into C. */
    private static void storeTile(float[] c, int co, int ldc, int mn, int jn, boolean add, float[] tmp) {
        for (int r = 0; r < mn; r++) {
            for (int jj = 0; jj < jn; jj++) {
                int d = co + r * ldc + jj;
                c[d] = add ? c[d] + tmp[r * NR + jj] : tmp[r * NR + jj];
            }
        }
    }

    private static void store(FloatVector v, float[] c, int off, boolean add) {
        (add ? v.add(FloatVector.fromArray(S, c, off)) : v).intoArray(c, off);
    }

    @Override
    public String name() {
        return "vector-" + S.vectorBitSize();
    }
}
