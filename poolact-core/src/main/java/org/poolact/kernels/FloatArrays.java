package org.poolact.kernels;

/**
 * Whole-range float32 array loops the fast kernels share, on the Vector API when available (see
 * {@link VectorApi}), else these scalar loops.
 */
interface FloatArrays {
    /** dst[dOff + i] += src[sOff + i] for i in [0, len), each a float addition. */
    void addInto(float[] dst, int dOff, float[] src, int sOff, int len);

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
    };

    /** The fastest implementation this JVM offers. */
    static FloatArrays fast() {
        return VectorApi.ARRAYS;
    }
}
