package org.poolact.kernels;

import static org.poolact.kernels.SmoothActivations.ERFC_CUTOFF;
import static org.poolact.kernels.SmoothActivations.ERFC_L;
import static org.poolact.kernels.SmoothActivations.ERFC_P;
import static org.poolact.kernels.SmoothActivations.ERFC_TINY;
import static org.poolact.kernels.SmoothActivations.EXP_MIN;
import static org.poolact.kernels.SmoothActivations.EXPM1_TAYLOR;
import static org.poolact.kernels.SmoothActivations.EXP_TAYLOR;
import static org.poolact.kernels.SmoothActivations.GELU_KAPPA;
import static org.poolact.kernels.SmoothActivations.INV_SQRT_2PI;
import static org.poolact.kernels.SmoothActivations.INV_SQRT_PI;
import static org.poolact.kernels.SmoothActivations.LN2_HI;
import static org.poolact.kernels.SmoothActivations.LN2_LO;
import static org.poolact.kernels.SmoothActivations.LOG2E;
import static org.poolact.kernels.SmoothActivations.ROUNDER;
import static org.poolact.kernels.SmoothActivations.SQRT1_2;
import static org.poolact.kernels.SmoothActivations.SQRT_2_OVER_PI;
import static org.poolact.kernels.SmoothActivations.THREE_KAPPA;
import static org.poolact.kernels.SmoothActivations.TWO_ERFC_L;
import static org.poolact.kernels.SmoothActivations.TWO_SQRT_2_OVER_PI;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;

/**
 * The loops of {@link SmoothActivations} on the Vector API (loaded by {@link VectorApi} only when the
 * incubator module is present): floats are widened to double lanes, and every formula of
 * {@link SmoothActivations.Scalar} is repeated here operation for operation (FMA where the scalar form
 * calls {@link Math#fma}, blends where it selects), so both give the same bits; the tail shorter than
 * a vector runs the scalar form.
 *
 * <p>NOTE: each activation runs as a few passes over blocks of {@link #BLOCK} elements (the exp
 * argument, exp, a polynomial, the rest) through small double buffers, instead of one loop: C2 stops
 * inlining Vector API calls in a method past its node budget (NodeCountInliningCutoff), and every
 * vector of a call it does not inline is boxed; one fused gelu loop ran 5x slower than these passes.
 * The buffers hold doubles exactly, so the passes change no bits.
 */
final class VectorSmoothActivations implements SmoothActivations.Lanes {
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    /** Floats with as many lanes as {@link #D}, for the widening load and narrowing store. */
    private static final VectorSpecies<Float> F =
            VectorSpecies.of(float.class, VectorShape.forBitSize(D.vectorBitSize() / 2));
    /** Elements per pass; a multiple of every lane count. */
    private static final int BLOCK = 512;

    /** The polynomials' coefficients as constants, for the unrolled Horner steps below. */
    private static final double P0 = ERFC_P[0];
    private static final double P1 = ERFC_P[1];
    private static final double P2 = ERFC_P[2];
    private static final double P3 = ERFC_P[3];
    private static final double P4 = ERFC_P[4];
    private static final double P5 = ERFC_P[5];
    private static final double P6 = ERFC_P[6];
    private static final double P7 = ERFC_P[7];
    private static final double P8 = ERFC_P[8];
    private static final double P9 = ERFC_P[9];
    private static final double P10 = ERFC_P[10];
    private static final double P11 = ERFC_P[11];
    private static final double P12 = ERFC_P[12];
    private static final double P13 = ERFC_P[13];
    private static final double P14 = ERFC_P[14];
    private static final double P15 = ERFC_P[15];
    private static final double P16 = ERFC_P[16];
    private static final double P17 = ERFC_P[17];
    private static final double T0 = EXP_TAYLOR[0];
    private static final double M0 = EXPM1_TAYLOR[0];
    private static final double M1 = EXPM1_TAYLOR[1];
    private static final double M2 = EXPM1_TAYLOR[2];
    private static final double M3 = EXPM1_TAYLOR[3];
    private static final double M4 = EXPM1_TAYLOR[4];
    private static final double M5 = EXPM1_TAYLOR[5];
    private static final double M6 = EXPM1_TAYLOR[6];
    private static final double M7 = EXPM1_TAYLOR[7];
    private static final double M8 = EXPM1_TAYLOR[8];
    private static final double M9 = EXPM1_TAYLOR[9];
    private static final double M10 = EXPM1_TAYLOR[10];
    private static final double M11 = EXPM1_TAYLOR[11];
    private static final double T1 = EXP_TAYLOR[1];
    private static final double T2 = EXP_TAYLOR[2];
    private static final double T3 = EXP_TAYLOR[3];
    private static final double T4 = EXP_TAYLOR[4];
    private static final double T5 = EXP_TAYLOR[5];
    private static final double T6 = EXP_TAYLOR[6];
    private static final double T7 = EXP_TAYLOR[7];
    private static final double T8 = EXP_TAYLOR[8];
    private static final double T9 = EXP_TAYLOR[9];
    private static final double T10 = EXP_TAYLOR[10];
    private static final double T11 = EXP_TAYLOR[11];
    private static final double T12 = EXP_TAYLOR[12];

    VectorSmoothActivations() {
    }

    @Override
    public void forward(SmoothActivations.Kind kind, float[] x, float[] out, int from, int to) {
        int end = from + D.loopBound(to - from);
        double[] e = new double[BLOCK];
        double[] p = new double[4 * BLOCK];
        for (int b = from; b < end; b += BLOCK) {
            int n = Math.min(BLOCK, end - b);
            switch (kind) {
                case GELU:
                    minusHalfSquare(x, b, n, e);
                    exp(e, p, n);
                    erfcPoly(x, b, n, p);
                    geluForward(x, b, n, e, p, out);
                    break;
                case GELU_TANH:
                    minusTwiceAbsInner(x, b, n, e);
                    exp(e, p, n);
                    geluTanhForward(x, b, n, e, out);
                    break;
                case TANH:
                    minusTwiceAbs(x, b, n, e);
                    expm1(e, p, n);
                    tanhForward(x, b, n, e, out);
                    break;
                case MISH:
                    minusAbs(x, b, n, e);
                    exp(e, p, n);
                    mishForward(x, b, n, e, out);
                    break;
                default:
                    minusAbs(x, b, n, e);
                    exp(e, p, n);
                    sigmoidForward(kind == SmoothActivations.Kind.SILU, x, b, n, e, out);
                    break;
            }
        }
        SmoothActivations.SCALAR.forward(kind, x, out, end, to);
    }

    @Override
    public void backward(SmoothActivations.Kind kind, float[] g, float[] x, float[] y, float[] out, int from, int to) {
        int end = from + D.loopBound(to - from);
        double[] e = new double[BLOCK];
        double[] p = new double[4 * BLOCK];
        for (int b = from; b < end; b += BLOCK) {
            int n = Math.min(BLOCK, end - b);
            switch (kind) {
                case GELU:
                    minusHalfSquare(x, b, n, e);
                    exp(e, p, n);
                    erfcPoly(x, b, n, p);
                    geluBackward(g, x, b, n, e, p, out);
                    break;
                case GELU_TANH:
                    minusTwiceAbsInner(x, b, n, e);
                    exp(e, p, n);
                    geluTanhBackward(g, x, b, n, e, out);
                    break;
                case SILU:
                    minusAbs(x, b, n, e);
                    exp(e, p, n);
                    siluBackward(g, x, b, n, e, out);
                    break;
                case TANH:
                    tanhBackward(g, y, b, n, out);
                    break;
                case MISH:
                    minusAbs(x, b, n, e);
                    exp(e, p, n);
                    mishBackward(g, x, b, n, e, out);
                    break;
                default:
                    sigmoidBackward(g, y, b, n, out);
                    break;
            }
        }
        SmoothActivations.SCALAR.backward(kind, g, x, y, out, end, to);
    }

    // ------------------------------------------------------------------ passes: exp arguments

    /** e[j] = -(a * a), a = |x| / sqrt(2) (the argument of exp(-x^2 / 2)). */
    private static void minusHalfSquare(float[] x, int b, int n, double[] e) {
        for (int j = 0; j < n; j += D.length()) {
            DoubleVector a = load(x, b + j).abs().mul(SQRT1_2);
            a.mul(a).neg().intoArray(e, j);
        }
    }

    /** e[j] = -2 |u|, u = sqrt(2/pi) (x + 0.044715 x^3). */
    private static void minusTwiceAbsInner(float[] x, int b, int n, double[] e) {
        for (int j = 0; j < n; j += D.length()) {
            geluTanhInner(load(x, b + j)).abs().mul(-2.0).intoArray(e, j);
        }
    }

    /** e[j] = -2 |x|. */
    private static void minusTwiceAbs(float[] x, int b, int n, double[] e) {
        for (int j = 0; j < n; j += D.length()) {
            load(x, b + j).abs().mul(-2.0).intoArray(e, j);
        }
    }

    /** e[j] = -|x|. */
    private static void minusAbs(float[] x, int b, int n, double[] e) {
        for (int j = 0; j < n; j += D.length()) {
            load(x, b + j).abs().neg().intoArray(e, j);
        }
    }

    // ------------------------------------------------------------------ passes: exp and erfc's polynomial

    /**
     * e[j] = exp(e[j]) for e[j] &lt;= 0 (see {@link SmoothActivations#exp}), in two passes through
     * scratch[2 BLOCK..4 BLOCK): the reduction (r and 2^k, 0 where exp underflows), then the polynomial.
     */
    private static void exp(double[] e, double[] scratch, int n) {
        reduce(e, scratch, n);
        for (int j = 0; j < n; j += D.length()) {
            DoubleVector r = DoubleVector.fromArray(D, scratch, 2 * BLOCK + j);
            DoubleVector p = DoubleVector.broadcast(D, T12);
            p = p.fma(r, DoubleVector.broadcast(D, T11));
            p = p.fma(r, DoubleVector.broadcast(D, T10));
            p = p.fma(r, DoubleVector.broadcast(D, T9));
            p = p.fma(r, DoubleVector.broadcast(D, T8));
            p = p.fma(r, DoubleVector.broadcast(D, T7));
            p = p.fma(r, DoubleVector.broadcast(D, T6));
            p = p.fma(r, DoubleVector.broadcast(D, T5));
            p = p.fma(r, DoubleVector.broadcast(D, T4));
            p = p.fma(r, DoubleVector.broadcast(D, T3));
            p = p.fma(r, DoubleVector.broadcast(D, T2));
            p = p.fma(r, DoubleVector.broadcast(D, T1));
            p = p.fma(r, DoubleVector.broadcast(D, T0));
            p.mul(DoubleVector.fromArray(D, scratch, 3 * BLOCK + j)).intoArray(e, j);
        }
    }

    /** e[j] = expm1(e[j]) for e[j] &lt;= 0 (see {@link SmoothActivations#expm1}): 2^k expm1(r) + (2^k - 1). */
    private static void expm1(double[] e, double[] scratch, int n) {
        reduce(e, scratch, n);
        for (int j = 0; j < n; j += D.length()) {
            DoubleVector r = DoubleVector.fromArray(D, scratch, 2 * BLOCK + j);
            DoubleVector p = DoubleVector.broadcast(D, M11);
            p = p.fma(r, DoubleVector.broadcast(D, M10));
            p = p.fma(r, DoubleVector.broadcast(D, M9));
            p = p.fma(r, DoubleVector.broadcast(D, M8));
            p = p.fma(r, DoubleVector.broadcast(D, M7));
            p = p.fma(r, DoubleVector.broadcast(D, M6));
            p = p.fma(r, DoubleVector.broadcast(D, M5));
            p = p.fma(r, DoubleVector.broadcast(D, M4));
            p = p.fma(r, DoubleVector.broadcast(D, M3));
            p = p.fma(r, DoubleVector.broadcast(D, M2));
            p = p.fma(r, DoubleVector.broadcast(D, M1));
            p = p.fma(r, DoubleVector.broadcast(D, M0));
            DoubleVector scale = DoubleVector.fromArray(D, scratch, 3 * BLOCK + j);
            // NOTE: where v underflows, scale is 0 and this gives -1 exactly, as the scalar form returns
            scale.fma(r.mul(p), scale.sub(1.0)).intoArray(e, j);
        }
    }

    /**
     * scratch[2 BLOCK + j] = r, scratch[3 BLOCK + j] = 2^k for v = e[j] = k ln 2 + r (Cody and Waite);
     * 2^k is 0 below EXP_MIN, which makes exp 0 (and expm1 -1) there like the scalar forms.
     */
    private static void reduce(double[] e, double[] scratch, int n) {
        for (int j = 0; j < n; j += D.length()) {
            DoubleVector v = DoubleVector.fromArray(D, e, j);
            VectorMask<Double> under = v.compare(VectorOperators.LT, EXP_MIN);
            DoubleVector c = v.blend(EXP_MIN, under);
            DoubleVector t = c.fma(LOG2E, ROUNDER);
            DoubleVector k = t.sub(ROUNDER);
            DoubleVector r = k.fma(DoubleVector.broadcast(D, -LN2_HI), c);
            k.fma(DoubleVector.broadcast(D, -LN2_LO), r).intoArray(scratch, 2 * BLOCK + j);
            t.viewAsIntegralLanes().add(1023L).lanewise(VectorOperators.LSHL, 52L).viewAsFloatingLanes()
                    .blend(0.0, under).intoArray(scratch, 3 * BLOCK + j);
        }
    }

    /**
     * p[j] = w = 1/(a + L) and p[BLOCK + j] = P(z), z = 1 - 2Lw, a = |x| / sqrt(2): erfc(a) =
     * exp(-a^2) w P(z). Three passes (z, then Horner in two halves through p[2 BLOCK..3 BLOCK)).
     */
    private static void erfcPoly(float[] x, int b, int n, double[] p) {
        for (int j = 0; j < n; j += D.length()) {
            DoubleVector a = load(x, b + j).abs().mul(SQRT1_2);
            DoubleVector w = one().div(a.add(ERFC_L));
            w.intoArray(p, j);
            w.fma(-TWO_ERFC_L, 1.0).intoArray(p, 2 * BLOCK + j);
        }
        for (int j = 0; j < n; j += D.length()) {
            DoubleVector z = DoubleVector.fromArray(D, p, 2 * BLOCK + j);
            DoubleVector q = DoubleVector.broadcast(D, P17);
            q = q.fma(z, DoubleVector.broadcast(D, P16));
            q = q.fma(z, DoubleVector.broadcast(D, P15));
            q = q.fma(z, DoubleVector.broadcast(D, P14));
            q = q.fma(z, DoubleVector.broadcast(D, P13));
            q = q.fma(z, DoubleVector.broadcast(D, P12));
            q = q.fma(z, DoubleVector.broadcast(D, P11));
            q = q.fma(z, DoubleVector.broadcast(D, P10));
            q = q.fma(z, DoubleVector.broadcast(D, P9));
            q.intoArray(p, BLOCK + j);
        }
        for (int j = 0; j < n; j += D.length()) {
            DoubleVector z = DoubleVector.fromArray(D, p, 2 * BLOCK + j);
            DoubleVector q = DoubleVector.fromArray(D, p, BLOCK + j);
            q = q.fma(z, DoubleVector.broadcast(D, P8));
            q = q.fma(z, DoubleVector.broadcast(D, P7));
            q = q.fma(z, DoubleVector.broadcast(D, P6));
            q = q.fma(z, DoubleVector.broadcast(D, P5));
            q = q.fma(z, DoubleVector.broadcast(D, P4));
            q = q.fma(z, DoubleVector.broadcast(D, P3));
            q = q.fma(z, DoubleVector.broadcast(D, P2));
            q = q.fma(z, DoubleVector.broadcast(D, P1));
            q = q.fma(z, DoubleVector.broadcast(D, P0));
            q.intoArray(p, BLOCK + j);
        }
    }

    // ------------------------------------------------------------------ passes: the rest

    private static void geluForward(float[] x, int b, int n, double[] e, double[] p, float[] out) {
        for (int j = 0; j < n; j += D.length()) {
            DoubleVector v = load(x, b + j);
            store(v.mul(phi(v, tailPhi(v, e, p, j))), out, b + j);
        }
    }

    private static void geluBackward(float[] g, float[] x, int b, int n, double[] e, double[] p, float[] out) {
        for (int j = 0; j < n; j += D.length()) {
            DoubleVector v = load(x, b + j);
            DoubleVector ev = DoubleVector.fromArray(D, e, j);
            store(load(g, b + j).mul(v.fma(ev.mul(INV_SQRT_2PI), phi(v, tailPhi(v, e, p, j)))), out, b + j);
        }
    }

    private static void geluTanhForward(float[] x, int b, int n, double[] e, float[] out) {
        for (int j = 0; j < n; j += D.length()) {
            DoubleVector v = load(x, b + j);
            DoubleVector ev = DoubleVector.fromArray(D, e, j);
            DoubleVector q = one().div(ev.add(1.0));
            DoubleVector s = ev.mul(q).blend(q, geluTanhInner(v).compare(VectorOperators.GE, 0.0));
            store(v.mul(s), out, b + j);
        }
    }

    private static void geluTanhBackward(float[] g, float[] x, int b, int n, double[] e, float[] out) {
        for (int j = 0; j < n; j += D.length()) {
            DoubleVector v = load(x, b + j);
            DoubleVector ev = DoubleVector.fromArray(D, e, j);
            DoubleVector q = one().div(ev.add(1.0));
            DoubleVector eq = ev.mul(q);
            VectorMask<Double> nonNegative = geluTanhInner(v).compare(VectorOperators.GE, 0.0);
            DoubleVector s = eq.blend(q, nonNegative);
            DoubleVector sc = q.blend(eq, nonNegative);
            DoubleVector slope = v.mul(v).fma(THREE_KAPPA, 1.0).mul(TWO_SQRT_2_OVER_PI);
            store(load(g, b + j).mul(v.mul(s).mul(sc).fma(slope, s)), out, b + j);
        }
    }

    /** sigmoid(x), or x * sigmoid(x) when {@code silu}, from e = exp(-|x|). */
    private static void sigmoidForward(boolean silu, float[] x, int b, int n, double[] e, float[] out) {
        for (int j = 0; j < n; j += D.length()) {
            DoubleVector v = load(x, b + j);
            DoubleVector ev = DoubleVector.fromArray(D, e, j);
            DoubleVector q = one().div(ev.add(1.0));
            DoubleVector s = ev.mul(q).blend(q, v.compare(VectorOperators.GE, 0.0));
            store(silu ? v.mul(s) : s, out, b + j);
        }
    }

    private static void siluBackward(float[] g, float[] x, int b, int n, double[] e, float[] out) {
        for (int j = 0; j < n; j += D.length()) {
            DoubleVector v = load(x, b + j);
            DoubleVector ev = DoubleVector.fromArray(D, e, j);
            DoubleVector q = one().div(ev.add(1.0));
            DoubleVector eq = ev.mul(q);
            VectorMask<Double> nonNegative = v.compare(VectorOperators.GE, 0.0);
            DoubleVector s = eq.blend(q, nonNegative);
            DoubleVector sc = q.blend(eq, nonNegative);
            store(load(g, b + j).mul(s).mul(v.fma(sc, one())), out, b + j);
        }
    }

    /** tanh(x) = copysign(-m / (2 + m), x) from m = expm1(-2|x|). */
    private static void tanhForward(float[] x, int b, int n, double[] e, float[] out) {
        for (int j = 0; j < n; j += D.length()) {
            DoubleVector m = DoubleVector.fromArray(D, e, j);
            DoubleVector t = m.neg().div(m.add(2.0)).abs();
            DoubleVector sign = load(x, b + j).viewAsIntegralLanes().and(Long.MIN_VALUE).viewAsFloatingLanes();
            store(t.viewAsIntegralLanes().or(sign.viewAsIntegralLanes()).viewAsFloatingLanes(), out, b + j);
        }
    }

    private static void tanhBackward(float[] g, float[] y, int b, int n, float[] out) {
        for (int j = 0; j < n; j += D.length()) {
            DoubleVector yv = load(y, b + j);
            store(load(g, b + j).mul(one().sub(yv.mul(yv))), out, b + j);
        }
    }

    private static void mishForward(float[] x, int b, int n, double[] e, float[] out) {
        for (int j = 0; j < n; j += D.length()) {
            DoubleVector v = load(x, b + j);
            DoubleVector ev = DoubleVector.fromArray(D, e, j);
            VectorMask<Double> pos = v.compare(VectorOperators.GE, 0.0);
            DoubleVector numNeg = ev.mul(ev.add(2.0));
            DoubleVector numPos = ev.fma(2.0, 1.0);
            DoubleVector num = numNeg.blend(numPos, pos);
            DoubleVector rden = one().div(num.add(2.0).blend(ev.mul(2.0).fma(ev, numPos), pos));
            store(v.mul(num.mul(rden)), out, b + j);
        }
    }

    private static void mishBackward(float[] g, float[] x, int b, int n, double[] e, float[] out) {
        for (int j = 0; j < n; j += D.length()) {
            DoubleVector v = load(x, b + j);
            DoubleVector ev = DoubleVector.fromArray(D, e, j);
            VectorMask<Double> pos = v.compare(VectorOperators.GE, 0.0);
            DoubleVector q = one().div(ev.add(1.0));
            DoubleVector s = ev.mul(q).blend(q, pos);
            DoubleVector numNeg = ev.mul(ev.add(2.0));
            DoubleVector numPos = ev.fma(2.0, 1.0);
            DoubleVector num = numNeg.blend(numPos, pos);
            DoubleVector rden = one().div(num.add(2.0).blend(ev.mul(2.0).fma(ev, numPos), pos));
            DoubleVector h = ev.mul(2.0).mul(ev.add(1.0)).mul(rden);
            DoubleVector oneMinusT2 = num.add(1.0).mul(4.0).mul(rden).mul(rden).blend(h.mul(h), pos);
            store(load(g, b + j).mul(v.mul(s).fma(oneMinusT2, num.mul(rden))), out, b + j);
        }
    }

    private static void sigmoidBackward(float[] g, float[] y, int b, int n, float[] out) {
        for (int j = 0; j < n; j += D.length()) {
            DoubleVector yv = load(y, b + j);
            store(load(g, b + j).mul(one().sub(yv)).mul(yv), out, b + j);
        }
    }

    // ------------------------------------------------------------------ lane helpers

    private static DoubleVector one() {
        return DoubleVector.broadcast(D, 1.0);
    }

    private static DoubleVector load(float[] a, int i) {
        return (DoubleVector) FloatVector.fromArray(F, a, i).convertShape(VectorOperators.F2D, D, 0);
    }

    private static void store(DoubleVector r, float[] out, int i) {
        FloatVector f = (FloatVector) r.convertShape(VectorOperators.D2F, F, 0);
        f.blend(Float.NaN, f.test(VectorOperators.IS_NAN)).intoArray(out, i);
    }

    /** Phi(-|x|) = exp(-a^2) * w * P(z) / 2 from the buffers, 0 beyond the cutoff. */
    private static DoubleVector tailPhi(DoubleVector x, double[] e, double[] p, int j) {
        DoubleVector a = x.abs().mul(SQRT1_2);
        DoubleVector t = DoubleVector.fromArray(D, e, j).mul(DoubleVector.fromArray(D, p, j))
                .mul(DoubleVector.fromArray(D, p, j + BLOCK)).mul(0.5);
        return t.blend(0.0, a.compare(VectorOperators.GE, ERFC_CUTOFF))
                .blend(a.fma(-INV_SQRT_PI, 0.5), a.compare(VectorOperators.LT, ERFC_TINY));
    }

    private static DoubleVector phi(DoubleVector x, DoubleVector t) {
        return one().sub(t).blend(t, x.compare(VectorOperators.LT, 0.0));
    }

    private static DoubleVector geluTanhInner(DoubleVector x) {
        return x.mul(GELU_KAPPA).mul(x).mul(x).add(x).mul(SQRT_2_OVER_PI);
    }
}
