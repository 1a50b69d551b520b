package org.poolact.random;

/**
 * The 16-wide Box-Muller step of torch's CPU {@code normal_} for contiguous float32 tensors of 16 or
 * more elements ({@code normal_fill_16_AVX2}), computed lane by lane in float arithmetic so the bits
 * match: {@code u1 = 1 - data[j]}, {@code u2 = data[j + 8]} for j in 0..7,
 * {@code radius = sqrt(-2 * log(u1))}, {@code theta = 2pi * u2}, then
 * {@code data[j] = fma(radius * cos(theta), std, mean)} and {@code data[j + 8] = fma(radius * sin(theta), std, mean)}.
 *
 * <p>NOTE: log, sin and cos are not libm's: torch uses the Cephes-style polynomial approximations of
 * {@code avx_mathfun.h} ({@code log256_ps}, {@code sincos256_ps}), in float, and the compiler fused
 * some multiply-adds. Java's {@code Math.log}/{@code Math.sin} in double, rounded to float, differ
 * from them in the last bit for a few percent of the values. This class reproduces the polynomial
 * evaluation step by step.
 */
final class BoxMuller16 {
    private static final float TWO_PI = (float) (2.0f * Math.PI);

    private static final float SQRTHF = 0.707106781186547524f;
    private static final float LOG_P0 = 7.0376836292E-2f;
    private static final float LOG_P1 = -1.1514610310E-1f;
    private static final float LOG_P2 = 1.1676998740E-1f;
    private static final float LOG_P3 = -1.2420140846E-1f;
    private static final float LOG_P4 = +1.4249322787E-1f;
    private static final float LOG_P5 = -1.6668057665E-1f;
    private static final float LOG_P6 = +2.0000714765E-1f;
    private static final float LOG_P7 = -2.4999993993E-1f;
    private static final float LOG_P8 = +3.3333331174E-1f;
    private static final float LOG_Q1 = -2.12194440e-4f;
    private static final float LOG_Q2 = 0.693359375f;

    private static final float MINUS_DP1 = -0.78515625f;
    private static final float MINUS_DP2 = -2.4187564849853515625e-4f;
    private static final float MINUS_DP3 = -3.77489497744594108e-8f;
    private static final float SINCOF_P0 = -1.9515295891E-4f;
    private static final float SINCOF_P1 = 8.3321608736E-3f;
    private static final float SINCOF_P2 = -1.6666654611E-1f;
    private static final float COSCOF_P0 = 2.443315711809948E-005f;
    private static final float COSCOF_P1 = -1.388731625493765E-003f;
    private static final float COSCOF_P2 = 4.166664568298827E-002f;
    private static final float FOPI = 1.27323954473516f;

    private BoxMuller16() {
    }

    /** Transforms {@code data[off..off+16)} (uniforms in [0, 1)) into normals in place. */
    static void fill16(float[] data, int off, float mean, float std) {
        for (int j = 0; j < 8; j++) {
            float u1 = 1.0f - data[off + j];
            float u2 = data[off + j + 8];
            float radius = (float) Math.sqrt(-2.0f * log(u1));
            float theta = TWO_PI * u2;
            float[] sc = sincos(theta);
            float n1 = radius * sc[1];
            float n2 = radius * sc[0];
            data[off + j] = Math.fma(n1, std, mean);
            data[off + j + 8] = Math.fma(n2, std, mean);
        }
    }

    /**
     * a * b + c with one rounding. NOTE: libtorch's kernel is compiled with FMA enabled and the compiler
     * contracts each multiply whose only use is an add into a fused multiply-add; evaluating these steps
     * unfused differs in the last bit for about 1% of the values (measured against libtorch 2.7.1).
     */
    private static float madd(float a, float b, float c) {
        return Math.fma(a, b, c);
    }

    /** {@code log256_ps} for one lane; x is in (0, 1] here. */
    static float log(float x) {
        boolean invalid = x <= 0f;
        x = Math.max(x, Float.MIN_NORMAL);
        int bits = Float.floatToRawIntBits(x);
        int imm0 = bits >>> 23;
        x = Float.intBitsToFloat((bits & ~0x7f800000) | Float.floatToRawIntBits(0.5f));
        imm0 -= 0x7f;
        float e = (float) imm0;
        e = e + 1.0f;
        boolean mask = x < SQRTHF;
        float tmp = mask ? x : 0f;
        x = x - 1.0f;
        e = e - (mask ? 1.0f : 0f);
        x = x + tmp;
        float z = x * x;
        float y = LOG_P0;
        y = madd(y, x, LOG_P1);
        y = madd(y, x, LOG_P2);
        y = madd(y, x, LOG_P3);
        y = madd(y, x, LOG_P4);
        y = madd(y, x, LOG_P5);
        y = madd(y, x, LOG_P6);
        y = madd(y, x, LOG_P7);
        y = madd(y, x, LOG_P8);
        y = y * x;
        // y = y * z + e * q1: the first product is the one fused
        y = madd(y, z, e * LOG_Q1);
        // y = y - z * 0.5
        y = madd(-z, 0.5f, y);
        // x = (x + y) + e * q2
        x = madd(e, LOG_Q2, x + y);
        return invalid ? Float.NaN : x;
    }

    /** {@code sincos256_ps} for one lane: {sin, cos}; x is in [0, 2pi] here. */
    static float[] sincos(float x) {
        boolean negative = Float.floatToRawIntBits(x) < 0;
        x = Math.abs(x);
        float y = x * FOPI;
        int imm2 = (int) y;
        imm2 = (imm2 + 1) & ~1;
        y = (float) imm2;
        int imm4 = imm2;
        int swapSignSin = (imm2 & 4) << 29;
        boolean polyMask = (imm2 & 2) == 0;
        x = madd(y, MINUS_DP1, x);
        x = madd(y, MINUS_DP2, x);
        x = madd(y, MINUS_DP3, x);
        imm4 -= 2;
        int signCos = (~imm4 & 4) << 29;
        int signSin = (negative ? 0x80000000 : 0) ^ swapSignSin;

        float z = x * x;
        float yc = COSCOF_P0;
        yc = madd(yc, z, COSCOF_P1);
        yc = madd(yc, z, COSCOF_P2);
        yc = yc * z;
        // yc = yc * z - z * 0.5: the first product is the one fused
        yc = madd(yc, z, -(z * 0.5f));
        yc = yc + 1.0f;

        float ys = SINCOF_P0;
        ys = madd(ys, z, SINCOF_P1);
        ys = madd(ys, z, SINCOF_P2);
        ys = ys * z;
        ys = madd(ys, x, x);

        float sin = polyMask ? ys : yc;
        float cos = polyMask ? yc : ys;
        sin = Float.intBitsToFloat(Float.floatToRawIntBits(sin) ^ signSin);
        cos = Float.intBitsToFloat(Float.floatToRawIntBits(cos) ^ signCos);
        return new float[] {sin, cos};
    }
}
