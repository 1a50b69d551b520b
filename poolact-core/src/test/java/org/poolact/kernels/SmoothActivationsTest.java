package org.poolact.kernels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.poolact.kernels.SmoothActivations.Kind;
import org.poolact.kernels.SmoothActivations.Spec;

/**
 * The float32 kernels of {@link SmoothActivations} (gelu, gelu(tanh), silu, sigmoid, tanh, mish, elu): the Vector API loops give the bits of the scalar
 * forms (any length, offset, special value), the results are within half an ulp (plus about 1e-6 ulp)
 * of accurate double references, they agree with the double reference formulas the ops used before
 * (bit for bit on dense sweeps), and they are monotone wherever the function is.
 */
class SmoothActivationsTest {
    private static final double SQRT1_2 = 0.7071067811865476;
    private static final double SQRT_2_OVER_PI = 0.7978845608028654;
    private static final double KAPPA = 0.044715;

    private static float[] specials() {
        return new float[] {0f, -0f, 1f, -1f, Float.MIN_VALUE, -Float.MIN_VALUE, 3 * Float.MIN_VALUE,
            -5 * Float.MIN_VALUE, Float.MIN_NORMAL, -Float.MIN_NORMAL, 1e-30f, -1e-30f, Float.MAX_VALUE,
            -Float.MAX_VALUE, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN,
            Float.intBitsToFloat(0xffc00000), Float.intBitsToFloat(0x7f800001), Float.intBitsToFloat(0xffffffff),
            -0.75f, -0.7518f, -1.2785f, 5f, -5f, 9f, -9f, 10f, -10f, 13f, -13f, 14f, -14f, 14.5f, -14.5f, 20f, -20f,
            36.7f, -36.7f, 37.5f, -37.5f, 38f, -38f, 88f, -88f, 700f, -700f, 710f, -710f, 746f, -746f, 1e6f, -1e6f,
            1e19f, -1e19f, 1e38f, -1e38f};
    }

    /** Random floats mixing Gaussians of several scales, wide uniforms, specials and raw bit patterns. */
    private static float[] mixed(Random r, int n) {
        float[] sp = specials();
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            switch (i % 6) {
                case 0:
                    x[i] = sp[r.nextInt(sp.length)];
                    break;
                case 1:
                    x[i] = Float.intBitsToFloat(r.nextInt());
                    break;
                case 2:
                    x[i] = (float) (r.nextDouble() * 60 - 30);
                    break;
                case 3:
                    x[i] = Float.intBitsToFloat(r.nextInt(0x00800000) | (r.nextBoolean() ? 0x80000000 : 0));
                    break;
                default:
                    x[i] = (float) (r.nextGaussian() * (i % 4 == 0 ? 1 : 4));
                    break;
            }
        }
        return x;
    }

    private static void assertSameBits(float[] want, float[] got, String what) {
        for (int i = 0; i < want.length; i++) {
            if (Float.floatToRawIntBits(want[i]) != Float.floatToRawIntBits(got[i])) {
                fail(what + " at " + i + ": " + want[i] + " vs " + got[i]);
            }
        }
    }

    @Test
    void vectorLoopsGiveTheScalarBitsForEveryLengthOffsetAndSpecialValue() {
        assertEquals("org.poolact.kernels.VectorSmoothActivations", VectorApi.SMOOTH.getClass().getName());
        Random r = new Random(11);
        int cases = 0;
        for (int n : new int[] {0, 1, 3, 7, 8, 9, 15, 16, 17, 31, 33, 511, 512, 513, 1023, 1025, 4099, 70_001}) {
            float[] x = mixed(r, n);
            float[] g = mixed(r, n);
            for (Kind kind : Kind.values()) {
                for (int from : new int[] {0, Math.min(n, 3)}) {
                    int to = Math.max(from, n - (n > 5 ? 2 : 0));
                    float[] ys = new float[n];
                    float[] yv = new float[n];
                    SmoothActivations.SCALAR.forward(Spec.of(kind), x, ys, from, to);
                    VectorApi.SMOOTH.forward(Spec.of(kind), x, yv, from, to);
                    assertSameBits(ys, yv, kind + " forward n=" + n + " from=" + from);
                    float[] gs = new float[n];
                    float[] gv = new float[n];
                    SmoothActivations.SCALAR.backward(Spec.of(kind), g, x, ys, gs, from, to);
                    VectorApi.SMOOTH.backward(Spec.of(kind), g, x, ys, gv, from, to);
                    assertSameBits(gs, gv, kind + " backward n=" + n + " from=" + from);
                    cases += 2;
                }
                // the public kernel (split over threads) equals its element form
                FloatActivationKernel k = new SmoothActivations.Bound(Spec.of(kind), VectorApi.SMOOTH);
                float[] y = new float[n];
                k.forward(x, y);
                float[] gi = new float[n];
                k.backward(g, x, y, gi);
                for (int i = 0; i < n; i++) {
                    assertEquals(Float.floatToRawIntBits(k.forward(x[i])), Float.floatToRawIntBits(y[i]), kind + " element " + i);
                    assertEquals(Float.floatToRawIntBits(k.backward(g[i], x[i], y[i])), Float.floatToRawIntBits(gi[i]),
                            kind + " element grad " + i);
                }
            }
        }
        assertEquals(18 * 7 * 4, cases);
    }

    // ------------------------------------------------------------------ accurate double references

    private static double sigmoidRef(double x) {
        return 1 / (1 + StrictMath.exp(-x));
    }

    private static double forwardRef(Kind kind, double x) {
        switch (kind) {
            case GELU:
                return x * 0.5 * SpecialMath.erfc(-x * SQRT1_2);
            case GELU_TANH:
                return x * sigmoidRef(2 * SQRT_2_OVER_PI * (x + KAPPA * x * x * x));
            case SILU:
                return x * sigmoidRef(x);
            case TANH:
                return StrictMath.tanh(x);
            case MISH:
                return x * StrictMath.tanh(StrictMath.log1p(StrictMath.exp(x)));
            case ELU:
                return x <= 0 ? StrictMath.expm1(x) : x;
            default:
                return sigmoidRef(x);
        }
    }

    private static double derivativeRef(Kind kind, double x) {
        switch (kind) {
            case GELU:
                return 0.5 * SpecialMath.erfc(-x * SQRT1_2) + x * 0.3989422804014327 * StrictMath.exp(-0.5 * x * x);
            case GELU_TANH: {
                double u2 = 2 * SQRT_2_OVER_PI * (x + KAPPA * x * x * x);
                double s = sigmoidRef(u2);
                double sc = sigmoidRef(-u2);
                return s + x * s * sc * 2 * SQRT_2_OVER_PI * (1 + 3 * KAPPA * x * x);
            }
            case SILU: {
                double s = sigmoidRef(x);
                return s * (1 + x * sigmoidRef(-x));
            }
            case MISH: {
                double t = StrictMath.tanh(StrictMath.log1p(StrictMath.exp(x)));
                return t + x * sigmoidRef(x) * (1 - t * t);
            }
            case ELU:
                return x <= 0 ? StrictMath.exp(x) : 1;
            default:
                throw new IllegalArgumentException(kind.toString());
        }
    }

    /** |got - want| in units of the float ulp at want (the float spacing, denormal included). */
    private static double ulps(float got, double want) {
        return Math.abs(got - want) / Math.ulp((float) want);
    }

    /** x in [-10, 10] every 2^-13, the negative tail to where gelu underflows, the positive one to 1e4, and random floats. */
    private static float[] sweep() {
        float[] xs = new float[2 * 10 * 8192 + 1 + 4 * 20_000 + 60_000];
        int k = 0;
        for (int i = -10 * 8192; i <= 10 * 8192; i++) {
            xs[k++] = i / 8192f;
        }
        Random r = new Random(12);
        for (int i = 0; i < 20_000; i++) {
            xs[k++] = (float) (-10 - r.nextDouble() * 4.5);
            xs[k++] = (float) (10 + r.nextDouble() * 9990);
            xs[k++] = (float) Math.scalb(r.nextDouble(), -r.nextInt(150));
            xs[k++] = -(float) Math.scalb(r.nextDouble(), -r.nextInt(150));
        }
        for (int i = 0; i < 60_000; i++) {
            xs[k++] = (float) (r.nextGaussian() * 3);
        }
        return xs;
    }

    @Test
    void withinHalfAnUlpOfAccurateDoubleReferences() {
        // measured max (forward / backward): gelu 0.5 / 0.499994, gelu(tanh) 0.5 / 0.49999, silu 0.5 /
        // 0.499997, sigmoid 0.499996 ulp, i.e. correctly rounded on the sweep (0.5 exactly: float ties
        // of denormal x/2, rounded to even as the reference does); 0.5 + 1e-6 allowed
        float[] xs = sweep();
        StringBuilder report = new StringBuilder();
        for (Kind kind : Kind.values()) {
            double worstF = 0;
            double worstB = 0;
            for (float x : xs) {
                float y = SmoothActivations.SCALAR.forwardOne(Spec.of(kind), x);
                worstF = Math.max(worstF, ulps(y, forwardRef(kind, x)));
                if (kind != Kind.SIGMOID && kind != Kind.TANH) {
                    float d = SmoothActivations.SCALAR.backwardOne(Spec.of(kind), 1f, x, y);
                    worstB = Math.max(worstB, ulps(d, derivativeRef(kind, x)));
                }
            }
            report.append(kind).append(": forward ").append(worstF).append(" ulp, backward ").append(worstB).append(" ulp; ");
            assertTrue(worstF <= 0.500001 && worstB <= 0.500001, report.toString());
        }
    }

    @Test
    void sigmoidAndTanhBackwardsAreTheDoubleFormulasOfTheOutputRoundedOnce() {
        Random r = new Random(13);
        for (int i = 0; i < 100_000; i++) {
            float g = (float) r.nextGaussian();
            float y = r.nextFloat();
            float want = (float) ((double) g * (1 - (double) y) * y);
            assertEquals(Float.floatToRawIntBits(want),
                    Float.floatToRawIntBits(SmoothActivations.SCALAR.backwardOne(Spec.of(Kind.SIGMOID), g, 0f, y)));
            float yt = 2 * y - 1;
            want = (float) ((double) g * (1 - (double) yt * yt));
            assertEquals(Float.floatToRawIntBits(want),
                    Float.floatToRawIntBits(SmoothActivations.SCALAR.backwardOne(Spec.of(Kind.TANH), g, 0f, yt)));
        }
    }

    /** The double formulas of ScalarActivation's reference path, rounded once (as under poolact.kernels=plain). */
    private static float plainForward(Kind kind, float xf) {
        double x = xf;
        switch (kind) {
            case GELU:
                return (float) (x * 0.5 * SpecialMath.erfc(-x * SQRT1_2));
            case GELU_TANH:
                return (float) (0.5 * x * (1 + StrictMath.tanh(SQRT_2_OVER_PI * (x + KAPPA * x * x * x))));
            case SILU:
                return (float) (x / (1 + StrictMath.exp(-x)));
            case TANH:
                return (float) StrictMath.tanh(x);
            case MISH:
                return (float) (x * StrictMath.tanh(StrictMath.log1p(StrictMath.exp(x))));
            case ELU:
                return x <= 0 ? (float) (x == 0 ? 0.0 : StrictMath.expm1(x)) : xf;
            default:
                return (float) sigmoidRef(x);
        }
    }

    @Test
    void sameBitsAsTheReferenceFormulasOnADenseSweepAndAtSpecialValues() {
        // the reference of gelu(tanh) computes 1 + tanh(u), which cancels for x < -3; compare it above
        float[] xs = sweep();
        for (Kind kind : Kind.values()) {
            int differ = 0;
            int compared = 0;
            for (float x : xs) {
                if (kind == Kind.GELU_TANH && x < -3) {
                    continue;
                }
                compared++;
                if (Float.floatToRawIntBits(plainForward(kind, x)) != Float.floatToRawIntBits(SmoothActivations.SCALAR.forwardOne(Spec.of(kind), x))) {
                    differ++;
                }
            }
            // measured: 0 differ for every kind (303 841 points; 216 994 for gelu(tanh))
            assertTrue(differ <= compared / 100_000, kind + ": " + differ + " of " + compared + " differ");
        }
        for (float x : specials()) {
            for (Kind kind : Kind.values()) {
                float want = plainForward(kind, x);
                float got = SmoothActivations.SCALAR.forwardOne(Spec.of(kind), x);
                if (Float.isNaN(want)) {
                    assertTrue(Float.isNaN(got), kind + "(" + x + ") = " + got + ", reference NaN");
                } else if (!(kind == Kind.GELU_TANH && x < -3)) {
                    assertEquals(Float.floatToRawIntBits(want), Float.floatToRawIntBits(got), kind + "(" + x + ")");
                }
            }
        }
        // gelu(tanh) far left: libtorch and the reference give -0.0 once 1 + tanh(u) is 0; this is its tiny true value
        assertEquals(Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(SmoothActivations.SCALAR.forwardOne(Spec.of(Kind.GELU_TANH), -20f)));
        assertTrue(Float.isNaN(SmoothActivations.SCALAR.forwardOne(Spec.of(Kind.GELU_TANH), Float.NEGATIVE_INFINITY)));
    }

    @Test
    void backwardAtSpecialValuesFollowsTheReferenceFormulas() {
        for (float x : specials()) {
            double xd = x;
            float gelu = (float) (0.5 * SpecialMath.erfc(-xd * SQRT1_2) + xd * 0.3989422804014327 * StrictMath.exp(-0.5 * xd * xd));
            double s = sigmoidRef(xd);
            float silu = (float) (s * (1 + xd * (1 - s)));
            float[][] pairs = {{gelu, SmoothActivations.SCALAR.backwardOne(Spec.of(Kind.GELU), 1f, x, 0f)},
                {silu, SmoothActivations.SCALAR.backwardOne(Spec.of(Kind.SILU), 1f, x, 0f)}};
            for (float[] p : pairs) {
                if (Float.isNaN(p[0])) {
                    assertTrue(Float.isNaN(p[1]), "at " + x + ": " + p[1]);
                } else {
                    assertEquals(p[0], p[1], Math.ulp(p[0]), "at " + x);
                }
            }
        }
    }

    @Test
    void monotoneWhereTheFunctionIs() {
        // gelu decreases below -0.7518 (tanh form: -0.7523), silu below -1.2785, mish below -1.1924,
        // sigmoid, tanh and elu (alpha 1) nowhere
        Random r = new Random(14);
        float[][] ranges = {{-0.75f, 40f}, {-0.75f, 40f}, {-1.278f, 40f}, {-100f, 100f}, {-100f, 100f}, {-1.19f, 40f},
            {-100f, 100f}};
        for (Kind kind : Kind.values()) {
            float lo = ranges[kind.ordinal()][0];
            float hi = ranges[kind.ordinal()][1];
            float[] centres = new float[300];
            for (int i = 0; i < centres.length; i++) {
                centres[i] = i < 6 ? new float[] {lo, 0f, 1f, -0.5f, 3f, 8f}[i] : (float) (lo + Math.abs(r.nextGaussian()) * 4);
            }
            Arrays.sort(centres);
            int checked = 0;
            for (float c : centres) {
                float x = Math.max(lo, c);
                float prev = SmoothActivations.SCALAR.forwardOne(Spec.of(kind), x);
                for (int j = 0; j < 4000 && x < hi; j++) {
                    x = Math.nextUp(x);
                    float cur = SmoothActivations.SCALAR.forwardOne(Spec.of(kind), x);
                    if (cur < prev) {
                        fail(kind + " drops at " + x + ": " + prev + " -> " + cur);
                    }
                    prev = cur;
                    checked++;
                }
            }
            for (float x = lo, prev = SmoothActivations.SCALAR.forwardOne(Spec.of(kind), lo); x < hi; x += 1f / 1024) {
                float cur = SmoothActivations.SCALAR.forwardOne(Spec.of(kind), x);
                assertTrue(cur >= prev, kind + " drops at " + x);
                prev = cur;
            }
            assertTrue(checked > 1_000_000, kind + " " + checked);
        }
    }

    /** ScalarActivation's elu family in float32: the reference formulas with the op's float constants. */
    private static float eluPlain(Spec c, float x, boolean grad, float g) {
        float t = x * c.inputScale();
        if (grad) {
            return x <= 0 ? (float) ((double) g * c.inputScale() * c.neg() * StrictMath.exp(t)) : g * c.pos();
        }
        return x <= 0 ? (float) ((t == 0 ? 0.0 : StrictMath.expm1(t)) * c.neg()) : x * c.pos();
    }

    @Test
    void eluFamilyWithItsConstantsGivesTheReferenceBitsAndTheVectorLoopTheScalarBits() {
        // elu(1), elu(2), elu(-0.7), selu, celu(0.5): neg = (float) alpha * (float) scale, pos, inputScale
        float seluScale = (float) 1.0507009873554805;
        Spec[] specs = {new Spec(Kind.ELU, 1f, 1f, 1f), new Spec(Kind.ELU, 2f, 1f, 1f), new Spec(Kind.ELU, -0.7f, 1f, 1f),
            new Spec(Kind.ELU, (float) 1.6732632423543772 * seluScale, seluScale, 1f), new Spec(Kind.ELU, 0.5f, 1f, 2f)};
        float[] xs = sweep();
        Random r = new Random(15);
        int differ = 0;
        for (Spec c : specs) {
            for (float x : xs) {
                float g = (float) r.nextGaussian();
                differ += Float.floatToRawIntBits(eluPlain(c, x, false, 0f)) != Float.floatToRawIntBits(SmoothActivations.SCALAR.forwardOne(c, x)) ? 1 : 0;
                differ += Float.floatToRawIntBits(eluPlain(c, x, true, g)) != Float.floatToRawIntBits(SmoothActivations.SCALAR.backwardOne(c, g, x, 0f)) ? 1 : 0;
            }
            for (float x : specials()) {
                float want = eluPlain(c, x, false, 0f);
                float got = SmoothActivations.SCALAR.forwardOne(c, x);
                assertTrue(Float.isNaN(want) ? Float.isNaN(got) : Float.floatToRawIntBits(want) == Float.floatToRawIntBits(got),
                        c + " at " + x + ": " + got + " vs " + want);
            }
            for (int n : new int[] {1, 17, 513, 4099}) {
                float[] x = mixed(r, n);
                float[] g = mixed(r, n);
                float[] ys = new float[n];
                float[] yv = new float[n];
                SmoothActivations.SCALAR.forward(c, x, ys, 0, n);
                VectorApi.SMOOTH.forward(c, x, yv, 0, n);
                assertSameBits(ys, yv, c + " forward n=" + n);
                float[] gs = new float[n];
                float[] gv = new float[n];
                SmoothActivations.SCALAR.backward(c, g, x, ys, gs, 0, n);
                VectorApi.SMOOTH.backward(c, g, x, ys, gv, 0, n);
                assertSameBits(gs, gv, c + " backward n=" + n);
            }
        }
        // measured: 0 of 3 038 410 (forward and backward, five constant sets)
        assertTrue(differ <= xs.length * specs.length * 2 / 100_000, differ + " differ");
        assertTrue(SmoothActivations.elu(-0.5f, 1f, -2f).isEmpty(), "celu with a negative alpha keeps the reference");
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> SmoothActivations.kernel(Kind.ELU));
    }
}
