package org.poolact.kernels;

/**
 * Whole-range float32 array loops the fast kernels share, on the Vector API when available (see
 * {@link VectorApi}), else these scalar loops.
 */
interface FloatArrays {
    /** dst[dOff + i] += src[sOff + i] for i in [0, len), each a float addition. */
    void addInto(float[] dst, int dOff, float[] src, int sOff, int len);

    /**
     * a[off] + ... + a[off + len - 1]: eight float partial sums, the k-th over the elements at
     * positions i = k (mod 8) below the last multiple of 8 (independent chains, for speed; each
     * holds at most len / 8 terms), combined in double as ((s0 + s1) + (s2 + s3)) + ((s4 + s5) +
     * (s6 + s7)) (left to right), then the rest added in double.
     */
    double sum8(float[] a, int off, int len);

    /** The combination of {@link #sum8}'s partial sums and its tail, shared by both implementations. */
    static double finishSum8(float s0, float s1, float s2, float s3, float s4, float s5, float s6, float s7,
                             float[] a, int from, int to) {
        double s = ((double) s0 + s1) + ((double) s2 + s3) + ((double) s4 + s5) + ((double) s6 + s7);
        for (int i = from; i < to; i++) {
            s += a[i];
        }
        return s;
    }

    /**
     * The scalar loops.
     * NOTE: C2 in JDK 17 does not vectorise {@code dst[dOff + i] += src[sOff + i]} over two float
     * arrays it cannot prove distinct when the offsets differ (col2im's case), hence the Vector API twin.
     */
    FloatArrays SCALAR = new FloatArrays() {
        @Override
        public void addInto(float[] dst, int dOff, float[] src, int sOff, int len) {
            for (int i = 0; i < len; i++) {
                dst[dOff + i] += src[sOff + i];
            }
        }

        @Override
        public double sum8(float[] a, int off, int len) {
            float s0 = 0;
            float s1 = 0;
            float s2 = 0;
            float s3 = 0;
            float s4 = 0;
            float s5 = 0;
            float s6 = 0;
            float s7 = 0;
            int i = 0;
            for (; i + 7 < len; i += 8) {
                s0 += a[off + i];
                s1 += a[off + i + 1];
                s2 += a[off + i + 2];
                s3 += a[off + i + 3];
                s4 += a[off + i + 4];
                s5 += a[off + i + 5];
                s6 += a[off + i + 6];
                s7 += a[off + i + 7];
            }
            return finishSum8(s0, s1, s2, s3, s4, s5, s6, s7, a, off + i, off + len);
        }
    };

    /** The fastest implementation this JVM offers. */
    static FloatArrays fast() {
        return VectorApi.ARRAYS;
    }
}
