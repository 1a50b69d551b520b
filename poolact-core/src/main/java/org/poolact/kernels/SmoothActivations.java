package org.poolact.kernels;

import java.util.Optional;

/**
 * Fast float32 kernels of the smooth activations (gelu exact and tanh, silu, sigmoid, tanh, mish): each element
 * is widened to double, evaluated with short polynomials built only from +, *, / and fused
 * multiply-adds (no library exp or erf), and rounded once to float. The double-precision result is
 * within about 1e-13 relative of the true value, so the float32 result is the correctly rounded one
 * except where the true value lies within that distance of a rounding midpoint (then it can be one
 * ulp off): in practice the same bits as the double reference formulas of {@code ScalarActivation},
 * monotone wherever the function is, and far inside the tolerance against libtorch (whose own
 * vectorised float erf is an approximation of about 1e-7).
 *
 * <p>The scalar forms here and the Vector API loops of {@link VectorSmoothActivations} run the same
 * operations in the same order (every multiply-add an FMA), so they give identical bits; the Vector
 * API is used only when {@link VectorApi} allows it. Large arrays are split over {@link Parallel}
 * (each element is independent, so the split never changes a result).
 *
 * <p>{@code -Dpoolact.kernels=plain} makes the factories return empty, and the ops keep their
 * reference path (double formulas with {@link StrictMath} and {@link SpecialMath}).
 */
public final class SmoothActivations {
    /** Elements per chunk below which a loop stays on the calling thread. */
    private static final int PARALLEL_GRAIN = 1 << 14;

    static final double SQRT1_2 = 0.7071067811865476;
    static final double INV_SQRT_2PI = 0.3989422804014327;
    static final double SQRT_2_OVER_PI = 0.7978845608028654;
    static final double GELU_KAPPA = 0.044715;
    /** 2 * sqrt(2/pi), the factor of gelu(tanh)'s backward written with sigmoid(2u). */
    static final double TWO_SQRT_2_OVER_PI = 2 * SQRT_2_OVER_PI;
    static final double THREE_KAPPA = 3 * GELU_KAPPA;

    // exp(v) = 2^k * exp(r), k = round(v / ln 2), r = v - k ln 2 (Cody and Waite's reduction)
    static final double LOG2E = 1.4426950408889634;
    /** The double nearest ln 2, and the rest: LN2_HI + LN2_LO = ln 2 to about 1e-33. */
    static final double LN2_HI = 0.6931471805599453;
    static final double LN2_LO = 2.3190468138462996e-17;
    /** 1.5 * 2^52: adding it rounds to an integer that then sits in the low bits of the double. */
    static final double ROUNDER = 0x1.8p52;
    /** Below this, {@link #exp} returns 0 (2^k would leave the normal range). */
    static final double EXP_MIN = -708.0;
    /**
     * 1/(n+1)!, n = 0..11: exp(r) = 1 + r Q(r) and expm1(r) = r Q(r), Q = sum EXP_Q[n] r^n; for
     * |r| &lt;= ln(2)/2 the first term left out is below 5e-16 of expm1(r) (2e-16 of exp(r)).
     */
    static final double[] EXP_Q = expQCoefficients(12);

    /**
     * erfc(a) for a &gt;= 0 is written exp(-a^2) * w * P(z), w = 1/(a + L), z = (a - L)/(a + L) = 1 - 2Lw,
     * so that (a + L) exp(a^2) erfc(a) = P(z) is smooth on z in [-1, 1) (the variable of Weideman's
     * method, SIAM J. Numer. Anal. 31 (1994)). P: a least-squares fit of degree 17 weighted for
     * relative error, made for this class with mpmath at 40 digits on 1000 Chebyshev points of
     * a in [0, 26] (poolact-core/src/test/resources/org/poolact/kernels/fit_erfc.py); max relative
     * error of w * P(z) against erfcx(a) on a dense grid: 3e-14.
     */
    static final double ERFC_L = 3.0;
    static final double TWO_ERFC_L = 2 * ERFC_L;
    /** Coefficients of P, constant first. */
    static final double[] ERFC_P = {
        1.0740069070883485, -0.8833944531698384, 0.5902283571019251, -0.31046726190349333,
        0.11952776137209697, -0.026827234564417834, -0.0012124178971383054, 0.0030340613274836173,
        -0.0005483001367214595, -0.0002767730522731427, 0.00010752080386304877, 3.037628081359103e-05,
        -1.736770622205853e-05, -4.686704407982954e-06, 2.6115430201084483e-06, 8.90938200764741e-07,
        -2.8097101766915517e-07, -1.279539415123472e-07,
    };
    /** Above this a = |x|/sqrt(2), Phi(-|x|) is below 1e-295 and taken as 0 (gelu(x) rounds to -0.0f there). */
    static final double ERFC_CUTOFF = 26.0;
    /**
     * Below this a, Phi(-|x|) = 1/2 - a/sqrt(pi) (to a^3): exactly 1/2 in double for the tiniest x, as
     * in the reference formula.
     * NOTE: without it the polynomial's 1e-14 offset from 1/2 decided the float ties of x/2 for
     * denormal x the other way from the reference (about 1 input in 200 of a random denormal sweep).
     */
    static final double ERFC_TINY = 0x1p-20;
    static final double INV_SQRT_PI = 0.5641895835477563;

    /** The activations with a kernel here; each names its PyTorch function. */
    public enum Kind {
        /** {@code F.gelu(x)}: x * Phi(x). */
        GELU,
        /** {@code F.gelu(x, approximate='tanh')}: x * (1 + tanh(sqrt(2/pi) (x + 0.044715 x^3))) / 2. */
        GELU_TANH,
        /** {@code F.silu(x)}: x * sigmoid(x). */
        SILU,
        /** {@code torch.sigmoid(x)}; backward g * (1 - y) * y from the output. */
        SIGMOID,
        /** {@code torch.tanh(x)}; backward g * (1 - y^2) from the output. */
        TANH,
        /** {@code F.mish(x)}: x * tanh(softplus(x)). */
        MISH,
        /** ATen's elu kernel (elu, selu, celu): constants given to {@link #elu}. */
        ELU
    }

    /** The whole-array loops over [from, to), on the Vector API or in plain Java. */
    interface Lanes {
        void forward(Spec spec, float[] x, float[] out, int from, int to);

        void backward(Spec spec, float[] g, float[] x, float[] y, float[] out, int from, int to);
    }

    private SmoothActivations() {
    }

    /**
     * The float32 kernel of {@code kind} (forward and backward; Vector API when available), or empty
     * under {@code -Dpoolact.kernels=plain} (the caller then keeps its reference formulas).
     *
     * @throws IllegalArgumentException for {@link Kind#ELU}, which has parameters (see {@link #elu})
     */
    public static Optional<FloatActivationKernel> kernel(Kind kind) {
        if (kind == Kind.ELU) {
            throw new IllegalArgumentException("SmoothActivations.kernel: kind ELU needs its constants, use elu(...)");
        }
        return bind(Spec.of(kind));
    }

    /**
     * ATen's elu kernel in float32 with the constants as the op rounds them (neg = (float) alpha *
     * (float) scale, pos = (float) scale, inputScale = (float) inputScale): x &lt;= 0 ? expm1(x *
     * inputScale) * neg : x * pos (the products x * inputScale and x * pos in float), backward x &lt;= 0
     * ? g * inputScale * neg * exp(x * inputScale) : g * pos. Empty under
     * {@code -Dpoolact.kernels=plain}, and for inputScale &lt;= 0 (celu with a negative alpha), whose
     * exponentials of positive arguments this kernel does not cover.
     */
    public static Optional<FloatActivationKernel> elu(float neg, float pos, float inputScale) {
        if (!(inputScale > 0)) {
            return Optional.empty();
        }
        return bind(new Spec(Kind.ELU, neg, pos, inputScale));
    }

    private static Optional<FloatActivationKernel> bind(Spec spec) {
        if ("plain".equals(System.getProperty("poolact.kernels"))) {
            return Optional.empty();
        }
        return Optional.of(new Bound(spec, VectorApi.SMOOTH));
    }

    /** A kind with its constants (used by {@link Kind#ELU} only; 1 for the others). */
    record Spec(Kind kind, float neg, float pos, float inputScale) {
        /** A kind with the constants 1 (elu with alpha 1 for {@link Kind#ELU}). */
        static Spec of(Kind kind) {
            return new Spec(kind, 1f, 1f, 1f);
        }
    }

    /** One kind bound to a {@link Lanes} implementation (tests bind the scalar one explicitly). */
    static final class Bound implements FloatActivationKernel {
        private final Spec spec;
        private final Lanes lanes;

        Bound(Spec spec, Lanes lanes) {
            this.spec = spec;
            this.lanes = lanes;
        }

        @Override
        public float forward(float x) {
            return SCALAR.forwardOne(spec, x);
        }

        @Override
        public float backward(float g, float x, float y) {
            return SCALAR.backwardOne(spec, g, x, y);
        }

        @Override
        public void forward(float[] x, float[] out) {
            Parallel.forChunks(x.length, Parallel.chunks(x.length, PARALLEL_GRAIN),
                    (from, to, chunk) -> lanes.forward(spec, x, out, from, to));
        }

        @Override
        public void backward(float[] g, float[] x, float[] y, float[] out) {
            Parallel.forChunks(x.length, Parallel.chunks(x.length, PARALLEL_GRAIN),
                    (from, to, chunk) -> lanes.backward(spec, g, x, y, out, from, to));
        }
    }

    /** The plain-Java loops (the fallback of {@link VectorSmoothActivations}, and its tail loop). */
    static final Scalar SCALAR = new Scalar();

    /** Element-by-element evaluation; every formula here is mirrored lane for lane in {@link VectorSmoothActivations}. */
    static final class Scalar implements Lanes {
        @Override
        public void forward(Spec spec, float[] x, float[] out, int from, int to) {
            for (int i = from; i < to; i++) {
                out[i] = forwardOne(spec, x[i]);
            }
        }

        @Override
        public void backward(Spec spec, float[] g, float[] x, float[] y, float[] out, int from, int to) {
            for (int i = from; i < to; i++) {
                out[i] = backwardOne(spec, g[i], x[i], y[i]);
            }
        }

        float forwardOne(Spec spec, float x) {
            double v = x;
            double r;
            switch (spec.kind()) {
                case GELU:
                    r = v * phi(v, tailPhi(v));
                    break;
                case GELU_TANH:
                    // NOTE: u = sqrt(2/pi) x (1 + 0.044715 x^2) has the sign of x (-0.0 and NaN included)
                    r = v * logistic(v, exp(-2 * Math.abs(geluTanhInner(v))));
                    break;
                case SILU:
                    r = v * logistic(v, exp(-Math.abs(v)));
                    break;
                case TANH:
                    r = tanhOf(v);
                    break;
                case MISH: {
                    double e = exp(-Math.abs(v));
                    double num = mishNum(v, e);
                    r = v * (num * mishRden(v, e, num));
                    break;
                }
                case ELU:
                    r = v <= 0 ? expm1(eluArgument(spec, x)) * spec.neg() : v * spec.pos();
                    break;
                default:
                    r = logistic(v, exp(-Math.abs(v)));
                    break;
            }
            return toFloat(r);
        }

        float backwardOne(Spec spec, float g, float x, float y) {
            double v = x;
            double yd = y;
            double r;
            switch (spec.kind()) {
                case GELU: {
                    double e = exp(-(halfSquare(v)));
                    r = g * Math.fma(v, e * INV_SQRT_2PI, phi(v, tailPhiFromExp(v, e)));
                    break;
                }
                case GELU_TANH: {
                    double e = exp(-2 * Math.abs(geluTanhInner(v)));
                    double s = logistic(v, e);
                    double slope = TWO_SQRT_2_OVER_PI * Math.fma(THREE_KAPPA, v * v, 1);
                    r = g * Math.fma(v * s * logisticComplement(v, e), slope, s);
                    break;
                }
                case SILU: {
                    double e = exp(-Math.abs(v));
                    r = g * logistic(v, e) * Math.fma(v, logisticComplement(v, e), 1);
                    break;
                }
                case TANH:
                    r = g * (1 - yd * yd);
                    break;
                case MISH: {
                    double e = exp(-Math.abs(v));
                    double num = mishNum(v, e);
                    double rden = mishRden(v, e, num);
                    double h = 2 * e * (1 + e) * rden;
                    // 1 - t^2: 4 e^2 (1 + e)^2 / den^2 for x >= 0, 4 (num + 1) / den^2 below
                    double oneMinusT2 = v >= 0 ? h * h : 4 * (num + 1) * rden * rden;
                    r = g * Math.fma(v * logistic(v, e), oneMinusT2, num * rden);
                    break;
                }
                case ELU:
                    r = v <= 0 ? (double) g * spec.inputScale() * spec.neg() * exp(eluArgument(spec, x)) : (double) g * spec.pos();
                    break;
                default:
                    r = g * (1 - yd) * yd;
                    break;
            }
            return toFloat(r);
        }
    }

    /**
     * -|x * inputScale| with the product in float, as ATen's kernel: for x &lt;= 0 (the only lanes that
     * use it) that is the product itself, and the Vector API loop then never feeds exp a positive number.
     */
    static double eluArgument(Spec spec, float x) {
        return -Math.abs((double) (x * spec.inputScale()));
    }

    /** Rounds to float, every NaN made the canonical NaN. */
    static float toFloat(double r) {
        float f = (float) r;
        return f != f ? Float.NaN : f;
    }

    /** x^2 / 2 = a^2 with a = |x| / sqrt(2), as the kernels compute it. */
    static double halfSquare(double x) {
        double a = Math.abs(x) * SQRT1_2;
        return a * a;
    }

    /** Phi(-|x|) = erfc(|x| / sqrt(2)) / 2. */
    static double tailPhi(double x) {
        return tailPhiFromExp(x, exp(-halfSquare(x)));
    }

    /** Phi(-|x|) given e = exp(-x^2 / 2) (as {@link #exp} computes it); 0 beyond {@link #ERFC_CUTOFF}. */
    static double tailPhiFromExp(double x, double e) {
        double a = Math.abs(x) * SQRT1_2;
        double w = 1 / (a + ERFC_L);
        double z = Math.fma(-TWO_ERFC_L, w, 1);
        double p = ERFC_P[ERFC_P.length - 1];
        for (int n = ERFC_P.length - 2; n >= 0; n--) {
            p = Math.fma(p, z, ERFC_P[n]);
        }
        double t = e * w * p * 0.5;
        return a >= ERFC_CUTOFF ? 0.0 : a < ERFC_TINY ? Math.fma(a, -INV_SQRT_PI, 0.5) : t;
    }

    /** Phi(x) from t = Phi(-|x|). */
    static double phi(double x, double t) {
        return x < 0 ? t : 1 - t;
    }

    /** sqrt(2/pi) * (x + 0.044715 x^3), in the reference's order of operations. */
    static double geluTanhInner(double x) {
        return SQRT_2_OVER_PI * (x + GELU_KAPPA * x * x * x);
    }

    /**
     * logistic(t) = 1 / (1 + exp(-t)) from e = exp(-|t|), as e/(1 + e) for t &lt; 0 (no cancellation):
     * sigmoid(x) with t = x, and (1 + tanh(u)) / 2 with t = 2u (u has the sign of x, which is passed).
     */
    static double logistic(double sign, double e) {
        double q = 1 / (1 + e);
        return sign >= 0 ? q : e * q;
    }

    /** 1 - logistic(t), from the same e (see {@link #logistic}). */
    static double logisticComplement(double sign, double e) {
        double q = 1 / (1 + e);
        return sign >= 0 ? e * q : q;
    }

    /** tanh(x) = sign(x) * (-m) / (2 + m), m = expm1(-2|x|) (no cancellation for small |x|). */
    static double tanhOf(double x) {
        double m = expm1(-2 * Math.abs(x));
        return Math.copySign(-m / (2 + m), x);
    }

    /**
     * tanh(softplus(x)) = n / (n + 2), n = e^x (e^x + 2), is num / den from e = exp(-|x|): for x &gt;= 0
     * num = 1 + 2e, den = 1 + 2e + 2e^2 (both divided by e^(2x), so nothing overflows); below,
     * num = e (e + 2), den = num + 2.
     */
    static double mishNum(double x, double e) {
        return x >= 0 ? Math.fma(e, 2, 1) : e * (e + 2);
    }

    /** 1 / den of {@link #mishNum}. */
    static double mishRden(double x, double e, double num) {
        return 1 / (x >= 0 ? Math.fma(e * 2, e, num) : num + 2);
    }

    /**
     * exp(v) - 1 for v &lt;= 0 within a few ulps (double), also for tiny |v|: 2^k expm1(r) + (2^k - 1)
     * with expm1(r) = r Q(r); -1 below EXP_MIN; expm1(-0.0) = +0.0.
     */
    static double expm1(double v) {
        boolean under = v < EXP_MIN;
        double c = under ? EXP_MIN : v;
        double t = Math.fma(c, LOG2E, ROUNDER);
        double r = reduced(c, t);
        double scale = twoToK(t);
        double res = Math.fma(scale, r * expQ(r), scale - 1);
        return under ? -1.0 : res;
    }

    /**
     * exp(v) for v &lt;= 0 (all the kernels need) within about 2 ulps (double): 2^k (1 + r Q(r)); 0
     * below EXP_MIN, where the result would leave the normal range; NaN gives NaN.
     * NOTE: the clamp is a compare and select, not Math.max: the Vector API's NaN-propagating max costs
     * as much as a third of the polynomial.
     */
    static double exp(double v) {
        boolean under = v < EXP_MIN;
        double c = under ? EXP_MIN : v;
        double t = Math.fma(c, LOG2E, ROUNDER);
        double r = reduced(c, t);
        double res = Math.fma(expQ(r), r, 1) * twoToK(t);
        return under ? 0.0 : res;
    }

    /** r = c - k ln 2 (two FMAs), k = t - ROUNDER = round(c / ln 2), t = c log2(e) + ROUNDER. */
    static double reduced(double c, double t) {
        double k = t - ROUNDER;
        double r = Math.fma(k, -LN2_HI, c);
        return Math.fma(k, -LN2_LO, r);
    }

    /** 2^k for t = k + ROUNDER: the low bits of t hold k, and (k + 1023) &lt;&lt; 52 is 2^k's pattern for -1022 &lt;= k. */
    static double twoToK(double t) {
        return Double.longBitsToDouble((Double.doubleToRawLongBits(t) + 1023) << 52);
    }

    /** Q(r) = (exp(r) - 1) / r = sum r^n / (n+1)!, n = 0..11, by Horner (FMA). */
    static double expQ(double r) {
        double p = EXP_Q[EXP_Q.length - 1];
        for (int n = EXP_Q.length - 2; n >= 0; n--) {
            p = Math.fma(p, r, EXP_Q[n]);
        }
        return p;
    }

    private static double[] expQCoefficients(int count) {
        double[] c = new double[count];
        double f = 1;
        for (int n = 0; n < count; n++) {
            f /= n + 1;
            c[n] = f;
        }
        return c;
    }
}
