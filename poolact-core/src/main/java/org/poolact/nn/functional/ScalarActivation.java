package org.poolact.nn.functional;

import java.util.Optional;
import java.util.function.DoubleUnaryOperator;

import org.poolact.autograd.Autograd;
import org.poolact.kernels.FloatActivationKernel;
import org.poolact.kernels.Pointwise;
import org.poolact.kernels.Pointwise.DoubleGrad;
import org.poolact.kernels.Pointwise.FloatGrad;
import org.poolact.kernels.Pointwise.FloatUnary;
import org.poolact.kernels.SmoothActivations;
import org.poolact.kernels.SpecialMath;
import org.poolact.tensor.DType;
import org.poolact.tensor.Tensor;

/**
 * One activation as a pure scalar function of the value, in float32 and float64, with PyTorch's
 * derivative rule (including its choice at kinks) and the grad_fn name PyTorch records. The
 * formulas follow ATen's CPU kernels ({@code aten/src/ATen/native/cpu/Activation.cpp}) and
 * {@code tools/autograd/derivatives.yaml}.
 *
 * <p>Precision: piecewise-rational activations (relu, leaky_relu, hardtanh, hardswish,
 * hardsigmoid, the linear branch of elu) run the same float32 operations as libtorch, so they give
 * the same bits. Transcendental ones are evaluated in double with {@link StrictMath} and rounded
 * once, so they are within an ulp of libtorch (whose own vectorised and scalar paths differ by as
 * much) and identical on every JVM. In float32, gelu, silu, sigmoid, tanh, mish and the elu family instead run the kernels of
 * {@link SmoothActivations} (double polynomials rounded once: the same bits except within about
 * 1e-13 of a rounding midpoint, and many times faster); {@code -Dpoolact.kernels=plain} keeps the
 * reference formulas.
 */
public final class ScalarActivation {
    private static final double SQRT1_2 = 0.7071067811865476;
    private static final double INV_SQRT_2PI = 0.3989422804014327;
    private static final double SQRT_2_OVER_PI = 0.7978845608028654;
    private static final double GELU_KAPPA = 0.044715;
    /** {@code SELU_ALPHA} in ATen's Activation.cpp. */
    public static final double SELU_ALPHA = 1.6732632423543772848170429916717;
    /** {@code SELU_SCALE} in ATen's Activation.cpp. */
    public static final double SELU_SCALE = 1.0507009873554804934193349852946;

    private final String gradFnName;
    private final FloatUnary f32;
    private final DoubleUnaryOperator f64;
    private final FloatGrad d32;
    private final DoubleGrad d64;
    /** Optional whole-array float32 forward replacing the element loop (same bits); null if none. */
    private FloatArrayMap bulk32;
    /** Optional whole-array float32 backward (out = d(g, x, y) per element); null if none. */
    private FloatArrayGrad bulkGrad32;

    /** A whole-array float32 forward. */
    @FunctionalInterface
    private interface FloatArrayMap {
        void apply(float[] x, float[] out);
    }

    /** A whole-array float32 backward. */
    @FunctionalInterface
    private interface FloatArrayGrad {
        void apply(float[] g, float[] x, float[] y, float[] out);
    }

    private ScalarActivation(String gradFnName, FloatUnary f32, DoubleUnaryOperator f64, FloatGrad d32,
                             DoubleGrad d64) {
        this.gradFnName = gradFnName;
        // NOTE: a NaN's sign bit can depend on operand order, which the JIT may change between the
        // interpreted and compiled forms of one formula; every NaN result is made the canonical NaN
        // so equal inputs give equal bits always.
        this.f32 = x -> {
            float r = f32.apply(x);
            return r != r ? Float.NaN : r;
        };
        this.f64 = x -> {
            double r = f64.applyAsDouble(x);
            return r != r ? Double.NaN : r;
        };
        this.d32 = d32;
        this.d64 = d64;
    }

    /** A transcendental activation: both precisions evaluate the double formula (float32 rounds once). */
    private static ScalarActivation inDouble(String gradFnName, DoubleUnaryOperator f, DoubleGrad d) {
        return new ScalarActivation(gradFnName, x -> (float) f.applyAsDouble(x), f,
                (g, x, y) -> (float) d.apply(g, x, y), d);
    }

    /**
     * This activation with its float32 path replaced by {@code kernel} (element and whole-array forms,
     * the same bits), or itself when the kernel is absent (the reference was selected).
     */
    private ScalarActivation withFloatKernel(Optional<FloatActivationKernel> kernel) {
        if (kernel.isEmpty()) {
            return this;
        }
        FloatActivationKernel k = kernel.get();
        ScalarActivation a = new ScalarActivation(gradFnName, k::forward, f64, k::backward, d64);
        a.bulk32 = k::forward;
        a.bulkGrad32 = k::backward;
        return a;
    }

    /** The grad_fn name PyTorch 2.7 records for this activation, e.g. {@code ReluBackward0}. */
    public String gradFnName() {
        return gradFnName;
    }

    /** f(x) for a float32 value: exactly what {@link #apply} stores for that element of a float32 tensor. */
    public float applyAsFloat(float x) {
        return f32.apply(x);
    }

    /** f(x) for a float64 value: exactly what {@link #apply} stores for that element of a float64 tensor. */
    public double applyAsDouble(double x) {
        return f64.applyAsDouble(x);
    }

    /** PyTorch's dL/dx for a float64 value given dL/dy = g (the value used at kinks included). */
    public double derivative(double g, double x) {
        return d64.apply(g, x, f64.applyAsDouble(x));
    }

    /** Applies the function element-wise and records the backward under {@link #gradFnName()}. */
    public Tensor apply(Tensor x) {
        Tensor out = Tensor.empty(x.dtype(), x.shape());
        if (x.dtype() == DType.FLOAT32 && bulk32 != null) {
            bulk32.apply(x.floatData(), out.floatData());
        } else if (x.dtype() == DType.FLOAT32) {
            Pointwise.map(x.floatData(), out.floatData(), f32);
        } else {
            Pointwise.map(x.doubleData(), out.doubleData(), f64);
        }
        Tensor xs = x.detach();
        Tensor ys = out.detach();
        return Autograd.record(out, gradFnName, g -> new Tensor[] {backward(g.to(xs.dtype()), xs, ys)}, x);
    }

    private Tensor backward(Tensor g, Tensor x, Tensor y) {
        Tensor gi = Tensor.empty(x.dtype(), x.shape());
        if (x.dtype() == DType.FLOAT32 && bulkGrad32 != null) {
            bulkGrad32.apply(g.floatData(), x.floatData(), y.floatData(), gi.floatData());
        } else if (x.dtype() == DType.FLOAT32) {
            Pointwise.grad(g.floatData(), x.floatData(), y.floatData(), gi.floatData(), d32);
        } else {
            Pointwise.grad(g.doubleData(), x.doubleData(), y.doubleData(), gi.doubleData(), d64);
        }
        return gi;
    }

    // ------------------------------------------------------------------ the activations

    /**
     * relu(x) = max(x, 0) (PyTorch's clamp_min: NaN propagates and relu(-0.0) = -0.0). Backward is
     * {@code threshold_backward(grad, result, 0)}: 0 where y <= 0, so relu'(0) = 0.
     */
    public static ScalarActivation relu() {
        ScalarActivation relu = new ScalarActivation("ReluBackward0",
                Pointwise::reluFloat,
                x -> x < 0 ? 0.0 : x,
                (g, x, y) -> Pointwise.reluGradFloat(g, y),
                (g, x, y) -> y <= 0 ? 0.0 : g);
        // NOTE: whole-array float32 kernels (Vector API when present), same bits as the scalar forms
        relu.bulk32 = Pointwise::relu;
        relu.bulkGrad32 = (g, x, y, out) -> Pointwise.reluBackward(g, y, out);
        return relu;
    }


    /**
     * hardtanh(x) = clamp(x, minVal, maxVal), NaN propagating. Backward: g where minVal < x < maxVal,
     * else 0 (so 0 exactly at the bounds, and 0 for NaN as in libtorch's vectorised kernel).
     */
    public static ScalarActivation hardtanh(double minVal, double maxVal) {
        float lo = (float) minVal;
        float hi = (float) maxVal;
        return new ScalarActivation("HardtanhBackward0",
                x -> x < lo ? lo : x > hi ? hi : x,
                x -> x < minVal ? minVal : x > maxVal ? maxVal : x,
                (g, x, y) -> x > lo && x < hi ? g : 0f,
                (g, x, y) -> x > minVal && x < maxVal ? g : 0.0);
    }

    /** leaky_relu(x) = x if x > 0 else x * negativeSlope; the derivative at 0 is negativeSlope. */
    public static ScalarActivation leakyRelu(double negativeSlope) {
        return leakyRelu("LeakyReluBackward0", negativeSlope);
    }

    /** prelu with one shared weight: the leaky_relu formula, recorded as PreluKernelBackward0 (weight gradient: see {@link Activations#prelu}). */
    public static ScalarActivation prelu(double weight) {
        return leakyRelu("PreluKernelBackward0", weight);
    }

    private static ScalarActivation leakyRelu(String gradFnName, double negativeSlope) {
        float s = (float) negativeSlope;
        return new ScalarActivation(gradFnName,
                x -> x > 0 ? x : x * s,
                x -> x > 0 ? x : x * negativeSlope,
                (g, x, y) -> x > 0 ? g : g * s,
                (g, x, y) -> x > 0 ? g : g * negativeSlope);
    }

    /**
     * ATen's elu kernel: x <= 0 ? (exp(x * inputScale) - 1) * alpha * scale : x * scale, with
     * backward (is_result = false) x <= 0 ? g * inputScale * alpha * scale * exp(x * inputScale) :
     * g * scale. So at 0 the slope is alpha * scale * inputScale. elu, selu and celu are this kernel.
     */
    static ScalarActivation eluKernel(String gradFnName, double alpha, double scale, double inputScale) {
        float neg32 = (float) alpha * (float) scale;
        float pos32 = (float) scale;
        float ipt32 = (float) inputScale;
        double neg64 = alpha * scale;
        return new ScalarActivation(gradFnName,
                x -> x <= 0 ? (float) (expMinusOne(x * ipt32) * neg32) : x * pos32,
                x -> x <= 0 ? expMinusOne(x * inputScale) * neg64 : x * scale,
                (g, x, y) -> x <= 0 ? (float) ((double) g * ipt32 * neg32 * StrictMath.exp(x * ipt32)) : g * pos32,
                (g, x, y) -> x <= 0 ? g * inputScale * neg64 * StrictMath.exp(x * inputScale) : g * scale)
                .withFloatKernel(SmoothActivations.elu(neg32, pos32, ipt32));
    }

    /**
     * exp(t) - 1 computed as expm1 (accurate for small |t|), but +0.0 for t = -0.0 as exp(t) - 1 gives,
     * so elu(-0.0) = +0.0 like PyTorch.
     */
    private static double expMinusOne(double t) {
        return t == 0 ? 0.0 : StrictMath.expm1(t);
    }

    /** elu(x) = x if x > 0 else alpha * (exp(x) - 1); elu'(0) = alpha. grad_fn EluBackward0. */
    public static ScalarActivation elu(double alpha) {
        return eluKernel("EluBackward0", alpha, 1.0, 1.0);
    }

    /** selu(x) = scale * elu(x, alpha) with PyTorch's constants; torch.selu calls elu, so grad_fn EluBackward0. */
    public static ScalarActivation selu() {
        return eluKernel("EluBackward0", SELU_ALPHA, SELU_SCALE, 1.0);
    }

    /** celu(x) = max(0, x) + min(0, alpha * (exp(x / alpha) - 1)); celu'(0) = 1. grad_fn CeluBackward0. */
    public static ScalarActivation celu(double alpha) {
        return eluKernel("CeluBackward0", alpha, 1.0, 1.0 / alpha);
    }

    /** gelu(x) = x * Phi(x) (approximate none) or its tanh approximation. grad_fn GeluBackward0. */
    public static ScalarActivation gelu(GeluApproximate approximate) {
        if (approximate == GeluApproximate.TANH) {
            return inDouble("GeluBackward0",
                    x -> 0.5 * x * (1 + StrictMath.tanh(SQRT_2_OVER_PI * (x + GELU_KAPPA * x * x * x))),
                    (g, x, y) -> {
                        double t = StrictMath.tanh(SQRT_2_OVER_PI * (x + GELU_KAPPA * x * x * x));
                        double right = 0.5 * x * (1 - t * t) * SQRT_2_OVER_PI * (1 + 3 * GELU_KAPPA * x * x);
                        return g * (0.5 * (1 + t) + right);
                    }).withFloatKernel(SmoothActivations.kernel(SmoothActivations.Kind.GELU_TANH));
        }
        return inDouble("GeluBackward0",
                x -> x * 0.5 * SpecialMath.erfc(-x * SQRT1_2),
                (g, x, y) -> g * (0.5 * SpecialMath.erfc(-x * SQRT1_2) + x * INV_SQRT_2PI * StrictMath.exp(-0.5 * x * x)))
                .withFloatKernel(SmoothActivations.kernel(SmoothActivations.Kind.GELU));
    }

    private static double sigmoidOf(double x) {
        return 1 / (1 + StrictMath.exp(-x));
    }

    /** silu(x) = x * sigmoid(x); backward g * s * (1 + x * (1 - s)). grad_fn SiluBackward0. */
    public static ScalarActivation silu() {
        return inDouble("SiluBackward0",
                x -> x / (1 + StrictMath.exp(-x)),
                (g, x, y) -> {
                    double s = sigmoidOf(x);
                    return g * s * (1 + x * (1 - s));
                }).withFloatKernel(SmoothActivations.kernel(SmoothActivations.Kind.SILU));
    }

    /** mish(x) = x * tanh(log1p(exp(x))) (no softplus threshold). grad_fn MishBackward0. */
    public static ScalarActivation mish() {
        return inDouble("MishBackward0",
                x -> x * StrictMath.tanh(StrictMath.log1p(StrictMath.exp(x))),
                (g, x, y) -> {
                    double s = sigmoidOf(x);
                    double t = StrictMath.tanh(StrictMath.log1p(StrictMath.exp(x)));
                    return g * (t + x * s * (1 - t * t));
                }).withFloatKernel(SmoothActivations.kernel(SmoothActivations.Kind.MISH));
    }

    /** sigmoid(x) = 1 / (1 + exp(-x)); backward from the result: g * (1 - y) * y. grad_fn SigmoidBackward0. */
    public static ScalarActivation sigmoid() {
        return inDouble("SigmoidBackward0", ScalarActivation::sigmoidOf, (g, x, y) -> g * (1 - y) * y)
                .withFloatKernel(SmoothActivations.kernel(SmoothActivations.Kind.SIGMOID));
    }

    /** tanh; backward from the result: g * (1 - y^2). grad_fn TanhBackward0. */
    public static ScalarActivation tanh() {
        return inDouble("TanhBackward0", StrictMath::tanh, (g, x, y) -> g * (1 - y * y))
                .withFloatKernel(SmoothActivations.kernel(SmoothActivations.Kind.TANH));
    }

    /**
     * softplus(x) = x if x * beta > threshold else log1p(exp(x * beta)) / beta; backward g if
     * x * beta > threshold else g * z / (z + 1), z = exp(x * beta). The product x * beta is taken in
     * the tensor's dtype, as in ATen. grad_fn SoftplusBackward0.
     */
    public static ScalarActivation softplus(double beta, double threshold) {
        float b32 = (float) beta;
        float t32 = (float) threshold;
        return new ScalarActivation("SoftplusBackward0",
                x -> {
                    float xb = x * b32;
                    return xb > t32 ? x : (float) (StrictMath.log1p(StrictMath.exp(xb)) / b32);
                },
                x -> {
                    double xb = x * beta;
                    return xb > threshold ? x : StrictMath.log1p(StrictMath.exp(xb)) / beta;
                },
                (g, x, y) -> {
                    float xb = x * b32;
                    if (xb > t32) {
                        return g;
                    }
                    double z = StrictMath.exp(xb);
                    return (float) (g * z / (z + 1));
                },
                (g, x, y) -> {
                    double xb = x * beta;
                    if (xb > threshold) {
                        return g;
                    }
                    double z = StrictMath.exp(xb);
                    return g * z / (z + 1);
                });
    }

    /**
     * softsign(x) = x / (|x| + 1), in float32 as abs, add, divide like {@code F.softsign}'s
     * composition; derivative 1 / (1 + |x|)^2. (As a tensor op see {@link Activations#softsign}.)
     */
    public static ScalarActivation softsign() {
        return new ScalarActivation("DivBackward0",
                x -> x / (Math.abs(x) + 1f),
                x -> x / (Math.abs(x) + 1.0),
                (g, x, y) -> {
                    float d = Math.abs(x) + 1f;
                    return g / d / d;
                },
                (g, x, y) -> {
                    double d = Math.abs(x) + 1.0;
                    return g / d / d;
                });
    }

    /**
     * hardswish(x) = x * min(max(x + 3, 0), 6) / 6. Backward: 0 for x < -3, g for x >= 3,
     * g * (x / 3 + 0.5) between; so -0.5 g at x = -3 and g at x = 3.
     * NOTE: libtorch's scalar tail loop uses x <= 3 (1.5 g at x = 3) while its vectorised loop, which
     * handles every full vector of a tensor, uses x >= 3 -> g; we follow the vectorised loop.
     */
    public static ScalarActivation hardswish() {
        return new ScalarActivation("HardswishBackward0",
                x -> x * Math.min(Math.max(x + 3f, 0f), 6f) / 6f,
                x -> x * Math.min(Math.max(x + 3.0, 0.0), 6.0) / 6.0,
                (g, x, y) -> x < -3f ? 0f : x >= 3f ? g : g * (x / 3f + 0.5f),
                (g, x, y) -> x < -3.0 ? 0.0 : x >= 3.0 ? g : g * (x / 3.0 + 0.5));
    }

    /** hardsigmoid(x) = min(max(x + 3, 0), 6) / 6; backward g / 6 for -3 < x < 3, else 0 (0 at ±3). */
    public static ScalarActivation hardsigmoid() {
        float sixth32 = 1f / 6f;
        double sixth64 = (double) (1f / 6f);
        return new ScalarActivation("HardsigmoidBackward0",
                x -> Math.min(Math.max(x + 3f, 0f), 6f) / 6f,
                x -> Math.min(Math.max(x + 3.0, 0.0), 6.0) / 6.0,
                (g, x, y) -> x > -3f && x < 3f ? g * sixth32 : 0f,
                (g, x, y) -> x > -3.0 && x < 3.0 ? g * sixth64 : 0.0);
    }

    /** identity(x) = x. No grad_fn is recorded by {@link Activations#identity}; this scalar form is for analysis. */
    public static ScalarActivation identity() {
        return new ScalarActivation("", x -> x, x -> x, (g, x, y) -> g, (g, x, y) -> g);
    }
}
