package org.poolact.kernels;

import static org.poolact.kernels.SmoothActivations.ERFC_CUTOFF;
import static org.poolact.kernels.SmoothActivations.ERFC_L;
import static org.poolact.kernels.SmoothActivations.ERFC_P;
import static org.poolact.kernels.SmoothActivations.ERFC_TINY;
import static org.poolact.kernels.SmoothActivations.EXP_MIN;
import static org.poolact.kernels.SmoothActivations.EXP_Q;
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

import org.poolact.kernels.SmoothActivations.Kind;
import org.poolact.kernels.SmoothActivations.Spec;

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
 * argument, exp, a polynomial, the rest) through small double buffers, instead of one loop, and no
 * pass calls a helper of ours that takes or returns a vector (beyond the one-line load, store and
 * one): C2 stops inlining in a method past its node budget (NodeCountInliningCutoff) or into a
 * callee already compiled on its own, and every vector crossing a call it does not inline is boxed
 * and its operations run the Java fallback. One fused gelu loop ran 5x slower than these passes,
 * and helpers for Phi and the erfc polynomial made a training epoch 1.7-3.6x slower than now
 * (JFR showed the fallback frames). The buffers hold doubles exactly, so the passes change no bits.
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
    private static final double Q0 = EXP_Q[0];
    private static final double Q1 = EXP_Q[1];
    private static final double Q2 = EXP_Q[2];
    private static final double Q3 = EXP_Q[3];
    private static final double Q4 = EXP_Q[4];
    private static final double Q5 = EXP_Q[5];
    private static final double Q6 = EXP_Q[6];
    private static final double Q7 = EXP_Q[7];
    private static final double Q8 = EXP_Q[8];
    private static final double Q9 = EXP_Q[9];
    private static final double Q10 = EXP_Q[10];
    private static final double Q11 = EXP_Q[11];

    VectorSmoothActivations() {
    }

    @Override
    public void forward(Spec spec, float[] x, float[] out, int from, int to) {
        int end = run(spec, false, null, x, null, out, from, to);
        SmoothActivations.SCALAR.forward(spec, x, out, end, to);
    }

    @Override
    public void backward(Spec spec, float[] g, float[] x, float[] y, float[] out, int from, int to) {
        int end = run(spec, true, g, x, y, out, from, to);
        SmoothActivations.SCALAR.backward(spec, g, x, y, out, end, to);
    }

    /** The whole vectors of [from, to), block by block; returns where the scalar tail starts. */
    private static int run(Spec spec, boolean backward, float[] g, float[] x, float[] y, float[] out, int from, int to) {
        int end = from + D.loopBound(to - from);
        double[] e = new double[BLOCK];
        double[] p = new double[4 * BLOCK];
        for (int b = from; b < end; b += BLOCK) {
            int n = Math.min(BLOCK, end - b);
            prepare(spec, backward, x, b, n, e, p);
            if (backward) {
                finishBackward(spec, g, x, y, b, n, e, p, out);
            } else {
                finishForward(spec, x, b, n, e, p, out);
            }
        }
        return end;
    }

    private static void finishForward(Spec spec, float[] x, int b, int n, double[] e, double[] p, float[] out) {
        switch (spec.kind()) {
            case GELU:
                geluForward(x, b, n, p, out);
                break;
            case TANH:
                tanhForward(x, b, n, e, out);
                break;
            case MISH:
                mishForward(x, b, n, p, out);
                break;
            case ELU:
                eluForward(spec, x, b, n, e, out);
                break;
            default:
                logisticForward(spec.kind() != Kind.SIGMOID, x, b, n, p, out);
                break;
        }
    }

    private static void finishBackward(Spec spec, float[] g, float[] x, float[] y, int b, int n, double[] e,
                                       double[] p, float[] out) {
        switch (spec.kind()) {
            case GELU:
                geluBackward(g, x, b, n, e, p, out);
                break;
            case GELU_TANH:
                geluTanhBackward(g, x, b, n, p, out);
                break;
            case SILU:
                siluBackward(g, x, b, n, p, out);
                break;
            case MISH:
                mishBackward(g, x, b, n, e, p, out);
                break;
            case ELU:
                eluBackward(spec, g, x, b, n, e, out);
                break;
            default:
                fromOutputBackward(spec.kind() == Kind.TANH, g, y, b, n, out);
                break;
        }
    }

    /**
     * The passes every use of a kind starts with, leaving in the buffers: gelu: e = exp(-x^2/2),
     * p = [w | P(z) | Phi(x)]; gelu(tanh), silu, sigmoid: p = [s | 1 - s] (the logistic of 2u or x); tanh:
     * e = expm1(-2|x|); mish: e = exp(-|x|), p = [s | num | 1/den]; elu: e = expm1(t) (forward) or
     * exp(t) (backward), t = -|x * inputScale|. Backwards that read the output (sigmoid, tanh) need none.
     */
    private static void prepare(Spec spec, boolean backward, float[] x, int b, int n, double[] e, double[] p) {
        switch (spec.kind()) {
            case GELU:
                minusHalfSquare(x, b, n, e);
                exp(e, p, n);
                erfcPoly(x, b, n, p);
                geluPhi(x, b, n, e, p);
                break;
            case GELU_TANH:
                minusTwiceAbsInner(x, b, n, e);
                exp(e, p, n);
                logistic(x, b, n, e, p);
                break;
            case TANH:
                if (!backward) {
                    minusTwiceAbs(x, b, n, e);
                    expm1(e, p, n);
                }
                break;
            case ELU:
                eluArgument(spec.inputScale(), x, b, n, e);
                if (backward) {
                    exp(e, p, n);
                } else {
                    expm1(e, p, n);
                }
                break;
            case SIGMOID:
                if (!backward) {
                    minusAbs(x, b, n, e);
                    exp(e, p, n);
                    logistic(x, b, n, e, p);
                }
                break;
            default:
                minusAbs(x, b, n, e);
                exp(e, p, n);
                logistic(x, b, n, e, p);
                if (spec.kind() == Kind.MISH) {
                    mishRatio(x, b, n, e, p);
                }
                break;
        }
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
            DoubleVector v = load(x, b + j);
            v.mul(GELU_KAPPA).mul(v).mul(v).add(v).mul(SQRT_2_OVER_PI).abs().mul(-2.0).intoArray(e, j);
        }
    }

    /** e[j] = -2 |x|. */
    private static void minusTwiceAbs(float[] x, int b, int n, double[] e) {
        for (int j = 0; j < n; j += D.length()) {
            load(x, b + j).abs().mul(-2.0).intoArray(e, j);
        }
    }

    /** e[j] = -|x * inputScale| with the product in float (see {@link SmoothActivations#eluArgument}). */
    private static void eluArgument(float inputScale, float[] x, int b, int n, double[] e) {
        for (int j = 0; j < n; j += D.length()) {
            FloatVector t = FloatVector.fromArray(F, x, b + j).mul(inputScale);
            ((DoubleVector) t.convertShape(VectorOperators.F2D, D, 0)).abs().neg().intoArray(e, j);
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
     * e[j] = exp(e[j]) = 2^k (1 + r Q(r)) for e[j] &lt;= 0 (see {@link SmoothActivations#exp}), through
     * scratch[2 BLOCK..4 BLOCK): the reduction, Q, then the result.
     */
    private static void exp(double[] e, double[] scratch, int n) {
        reduce(e, scratch, n);
        expQ(e, scratch, n);
        for (int j = 0; j < n; j += D.length()) {
            DoubleVector r = DoubleVector.fromArray(D, scratch, 2 * BLOCK + j);
            DoubleVector.fromArray(D, e, j).fma(r, one()).mul(DoubleVector.fromArray(D, scratch, 3 * BLOCK + j))
                    .intoArray(e, j);
        }
    }

    /** e[j] = expm1(e[j]) = 2^k r Q(r) + (2^k - 1) for e[j] &lt;= 0 (see {@link SmoothActivations#expm1}). */
    private static void expm1(double[] e, double[] scratch, int n) {
        reduce(e, scratch, n);
        expQ(e, scratch, n);
        for (int j = 0; j < n; j += D.length()) {
            DoubleVector r = DoubleVector.fromArray(D, scratch, 2 * BLOCK + j);
            DoubleVector scale = DoubleVector.fromArray(D, scratch, 3 * BLOCK + j);
            // NOTE: where v underflows, scale is 0 and this gives -1 exactly, as the scalar form returns
            scale.fma(r.mul(DoubleVector.fromArray(D, e, j)), scale.sub(1.0)).intoArray(e, j);
        }
    }

    /** e[j] = Q(r) for r = scratch[2 BLOCK + j] (see {@link SmoothActivations#expQ}). */
    private static void expQ(double[] e, double[] scratch, int n) {
        for (int j = 0; j < n; j += D.length()) {
            DoubleVector r = DoubleVector.fromArray(D, scratch, 2 * BLOCK + j);
            DoubleVector p = DoubleVector.broadcast(D, Q11);
            p = p.fma(r, DoubleVector.broadcast(D, Q10));
            p = p.fma(r, DoubleVector.broadcast(D, Q9));
            p = p.fma(r, DoubleVector.broadcast(D, Q8));
            p = p.fma(r, DoubleVector.broadcast(D, Q7));
            p = p.fma(r, DoubleVector.broadcast(D, Q6));
            p = p.fma(r, DoubleVector.broadcast(D, Q5));
            p = p.fma(r, DoubleVector.broadcast(D, Q4));
            p = p.fma(r, DoubleVector.broadcast(D, Q3));
            p = p.fma(r, DoubleVector.broadcast(D, Q2));
            p = p.fma(r, DoubleVector.broadcast(D, Q1));
            p = p.fma(r, DoubleVector.broadcast(D, Q0));
            p.intoArray(e, j);
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

    /**
     * p[2 BLOCK + j] = Phi(x) from t = Phi(-|x|) = exp(-a^2) w P(z) / 2 (0 beyond the cutoff, 1/2 - a/sqrt(pi)
     * below the tiny bound; see {@link SmoothActivations#tailPhiFromExp}).
     */
    private static void geluPhi(float[] x, int b, int n, double[] e, double[] p) {
        for (int j = 0; j < n; j += D.length()) {
            DoubleVector v = load(x, b + j);
            DoubleVector a = v.abs().mul(SQRT1_2);
            DoubleVector t = DoubleVector.fromArray(D, e, j).mul(DoubleVector.fromArray(D, p, j))
                    .mul(DoubleVector.fromArray(D, p, BLOCK + j)).mul(0.5)
                    .blend(0.0, a.compare(VectorOperators.GE, ERFC_CUTOFF))
                    .blend(a.fma(-INV_SQRT_PI, 0.5), a.compare(VectorOperators.LT, ERFC_TINY));
            one().sub(t).blend(t, v.compare(VectorOperators.LT, 0.0)).intoArray(p, 2 * BLOCK + j);
        }
    }

    private static void geluForward(float[] x, int b, int n, double[] p, float[] out) {
        for (int j = 0; j < n; j += D.length()) {
            store(load(x, b + j).mul(DoubleVector.fromArray(D, p, 2 * BLOCK + j)), out, b + j);
        }
    }

    private static void geluBackward(float[] g, float[] x, int b, int n, double[] e, double[] p, float[] out) {
        for (int j = 0; j < n; j += D.length()) {
            DoubleVector v = load(x, b + j);
            DoubleVector ev = DoubleVector.fromArray(D, e, j);
            store(load(g, b + j).mul(v.fma(ev.mul(INV_SQRT_2PI), DoubleVector.fromArray(D, p, 2 * BLOCK + j))),
                    out, b + j);
        }
    }

    /**
     * p[j] = s and p[BLOCK + j] = 1 - s for s = logistic(t) = 1 / (1 + exp(-t)), from e = exp(-|t|),
     * t = 2u (gelu(tanh)) or t = x: e/(1 + e) on the negative side (u has the sign of x).
     */
    private static void logistic(float[] x, int b, int n, double[] e, double[] p) {
        for (int j = 0; j < n; j += D.length()) {
            DoubleVector v = load(x, b + j);
            DoubleVector ev = DoubleVector.fromArray(D, e, j);
            DoubleVector q = one().div(ev.add(1.0));
            DoubleVector eq = ev.mul(q);
            VectorMask<Double> nonNegative = v.compare(VectorOperators.GE, 0.0);
            eq.blend(q, nonNegative).intoArray(p, j);
            q.blend(eq, nonNegative).intoArray(p, BLOCK + j);
        }
    }

    /** x * s (gelu(tanh): x sigmoid(2u); silu) or s (sigmoid). */
    private static void logisticForward(boolean timesX, float[] x, int b, int n, double[] p, float[] out) {
        for (int j = 0; j < n; j += D.length()) {
            DoubleVector s = DoubleVector.fromArray(D, p, j);
            store(timesX ? load(x, b + j).mul(s) : s, out, b + j);
        }
    }

    private static void geluTanhBackward(float[] g, float[] x, int b, int n, double[] p, float[] out) {
        for (int j = 0; j < n; j += D.length()) {
            DoubleVector v = load(x, b + j);
            DoubleVector s = DoubleVector.fromArray(D, p, j);
            DoubleVector sc = DoubleVector.fromArray(D, p, BLOCK + j);
            DoubleVector slope = v.mul(v).fma(THREE_KAPPA, 1.0).mul(TWO_SQRT_2_OVER_PI);
            store(load(g, b + j).mul(v.mul(s).mul(sc).fma(slope, s)), out, b + j);
        }
    }

    private static void siluBackward(float[] g, float[] x, int b, int n, double[] p, float[] out) {
        for (int j = 0; j < n; j += D.length()) {
            DoubleVector v = load(x, b + j);
            DoubleVector s = DoubleVector.fromArray(D, p, j);
            DoubleVector sc = DoubleVector.fromArray(D, p, BLOCK + j);
            store(load(g, b + j).mul(s).mul(v.fma(sc, one())), out, b + j);
        }
    }

    /** Backward from the output: g (1 - y^2) (tanh) or g (1 - y) y (sigmoid). */
    private static void fromOutputBackward(boolean tanh, float[] g, float[] y, int b, int n, float[] out) {
        for (int j = 0; j < n; j += D.length()) {
            DoubleVector yv = load(y, b + j);
            DoubleVector gv = load(g, b + j);
            store(tanh ? gv.mul(one().sub(yv.mul(yv))) : gv.mul(one().sub(yv)).mul(yv), out, b + j);
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

    /** p[BLOCK + j] = num and p[2 BLOCK + j] = 1/den of tanh(softplus(x)) = num/den (see {@link SmoothActivations#mishNum}). */
    private static void mishRatio(float[] x, int b, int n, double[] e, double[] p) {
        for (int j = 0; j < n; j += D.length()) {
            DoubleVector ev = DoubleVector.fromArray(D, e, j);
            VectorMask<Double> pos = load(x, b + j).compare(VectorOperators.GE, 0.0);
            DoubleVector numPos = ev.fma(2.0, 1.0);
            DoubleVector num = ev.mul(ev.add(2.0)).blend(numPos, pos);
            num.intoArray(p, BLOCK + j);
            one().div(num.add(2.0).blend(ev.mul(2.0).fma(ev, numPos), pos)).intoArray(p, 2 * BLOCK + j);
        }
    }

    private static void mishForward(float[] x, int b, int n, double[] p, float[] out) {
        for (int j = 0; j < n; j += D.length()) {
            DoubleVector num = DoubleVector.fromArray(D, p, BLOCK + j);
            store(load(x, b + j).mul(num.mul(DoubleVector.fromArray(D, p, 2 * BLOCK + j))), out, b + j);
        }
    }

    private static void mishBackward(float[] g, float[] x, int b, int n, double[] e, double[] p, float[] out) {
        for (int j = 0; j < n; j += D.length()) {
            DoubleVector v = load(x, b + j);
            DoubleVector ev = DoubleVector.fromArray(D, e, j);
            DoubleVector s = DoubleVector.fromArray(D, p, j);
            DoubleVector num = DoubleVector.fromArray(D, p, BLOCK + j);
            DoubleVector rden = DoubleVector.fromArray(D, p, 2 * BLOCK + j);
            DoubleVector h = ev.mul(2.0).mul(ev.add(1.0)).mul(rden);
            DoubleVector oneMinusT2 = num.add(1.0).mul(4.0).mul(rden).mul(rden)
                    .blend(h.mul(h), v.compare(VectorOperators.GE, 0.0));
            store(load(g, b + j).mul(v.mul(s).fma(oneMinusT2, num.mul(rden))), out, b + j);
        }
    }

    /** x &lt;= 0 ? expm1(t) * neg : x * pos, from e = expm1(t). */
    private static void eluForward(Spec spec, float[] x, int b, int n, double[] e, float[] out) {
        for (int j = 0; j < n; j += D.length()) {
            DoubleVector v = load(x, b + j);
            DoubleVector negative = DoubleVector.fromArray(D, e, j).mul(spec.neg());
            store(v.mul(spec.pos()).blend(negative, v.compare(VectorOperators.LE, 0.0)), out, b + j);
        }
    }

    /** x &lt;= 0 ? g * inputScale * neg * exp(t) : g * pos, from e = exp(t). */
    private static void eluBackward(Spec spec, float[] g, float[] x, int b, int n, double[] e,
                                    float[] out) {
        for (int j = 0; j < n; j += D.length()) {
            DoubleVector gv = load(g, b + j);
            DoubleVector negative = gv.mul(spec.inputScale()).mul(spec.neg()).mul(DoubleVector.fromArray(D, e, j));
            store(gv.mul(spec.pos()).blend(negative, load(x, b + j).compare(VectorOperators.LE, 0.0)), out, b + j);
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
}
