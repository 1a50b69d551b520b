package org.poolact.nn.functional;

import org.poolact.autograd.Autograd;
import org.poolact.tensor.DType;
import org.poolact.tensor.Tensor;

/**
 * Activation functions, {@code torch.nn.functional} style, with PyTorch 2.7's formulas, defaults,
 * derivative conventions at kinks and grad_fn names. Every function here is a pure function of each
 * element's value: the same input value gives the same output bits wherever it sits in a tensor, so
 * for a non-decreasing f, max(f(a), f(b)) == f(max(a, b)) holds bit for bit.
 *
 * <p>Formulas and derivative rules are documented on {@link ScalarActivation}.
 */
public final class Activations {
    /** Default {@code negative_slope} of {@code F.leaky_relu}. */
    public static final double LEAKY_RELU_SLOPE = 0.01;
    /** Default {@code init} of {@code nn.PReLU}. */
    public static final double PRELU_INIT = 0.25;
    /** Default {@code alpha} of elu and celu. */
    public static final double ELU_ALPHA = 1.0;
    /** Default {@code beta} of softplus. */
    public static final double SOFTPLUS_BETA = 1.0;
    /** Default {@code threshold} of softplus. */
    public static final double SOFTPLUS_THRESHOLD = 20.0;
    /** Default {@code min_val} of hardtanh. */
    public static final double HARDTANH_MIN = -1.0;
    /** Default {@code max_val} of hardtanh. */
    public static final double HARDTANH_MAX = 1.0;

    private Activations() {
    }

    /** {@code F.relu}: max(x, 0); relu'(0) = 0. grad_fn ReluBackward0. */
    public static Tensor relu(Tensor x) {
        return ScalarActivation.relu().apply(x);
    }

    /** {@code F.relu6}: min(max(x, 0), 6), computed by PyTorch as hardtanh(x, 0, 6): grad_fn HardtanhBackward0, gradient 0 at 0 and 6. */
    public static Tensor relu6(Tensor x) {
        return ScalarActivation.hardtanh(0, 6).apply(x);
    }

    /** {@code F.leaky_relu(x)} with negative_slope 0.01. */
    public static Tensor leakyRelu(Tensor x) {
        return leakyRelu(x, LEAKY_RELU_SLOPE);
    }

    /** {@code F.leaky_relu(x, negative_slope)}: x if x > 0 else negativeSlope * x; slope at 0 is negativeSlope. grad_fn LeakyReluBackward0. */
    public static Tensor leakyRelu(Tensor x, double negativeSlope) {
        requireFinite("leaky_relu", "negative_slope", negativeSlope);
        return ScalarActivation.leakyRelu(negativeSlope).apply(x);
    }

    /**
     * {@code F.prelu(x, weight)}: x if x > 0 else weight[c] * x, with c the index on dim 1 when the
     * weight has one element per channel (a 1-element weight is shared by all). The derivative at 0
     * is the weight; the weight gets sum of x * g over positions where x <= 0. grad_fn
     * PreluKernelBackward0 (torch.prelu reshapes the weight, then calls _prelu_kernel).
     *
     * @throws IllegalArgumentException on a dtype mismatch, a weight of rank above 1, or a weight size
     *                                  that is neither 1 nor the channel count
     */
    public static Tensor prelu(Tensor x, Tensor weight) {
        if (x.dtype() != weight.dtype()) {
            throw new IllegalArgumentException("prelu: Type promoting not supported. Got " + x.dtype().torchName()
                    + " and " + weight.dtype().torchName());
        }
        if (weight.dim() > 1) {
            throw new IllegalArgumentException("prelu: Expected `weight` to be a scalar or 1D tensor, but got: ndim = "
                    + weight.dim());
        }
        int channels = x.dim() > 1 ? x.size(1) : 1;
        int wn = weight.numel();
        if (wn != 1) {
            if (x.dim() == 0) {
                throw new IllegalArgumentException("prelu: Not allow zero-dim input tensor with a weight of "
                        + wn + " elements.");
            }
            if (wn != channels) {
                throw new IllegalArgumentException("prelu: Mismatch of parameter numbers and input channel size. "
                        + "Found parameter numbers = " + wn + " and channel size = " + channels + ".");
            }
        }
        int inner = 1;
        for (int d = 2; d < x.dim(); d++) {
            inner *= x.size(d);
        }
        int perChannel = wn == 1 ? 1 : channels;
        int span = wn == 1 ? x.numel() : inner;
        Tensor out = Tensor.empty(x.dtype(), x.shape());
        int n = x.numel();
        if (x.dtype() == DType.FLOAT32) {
            float[] a = x.floatData();
            float[] w = weight.floatData();
            float[] o = out.floatData();
            // NOTE: plane by plane (one weight per plane), and `v > 0 ? v : wc * v` as an integer select:
            // the sign of real activations is a coin flip, and the branch mispredicted every other element
            for (int start = 0, plane = 0; start < n; start += span, plane++) {
                float wc = w[wn == 1 ? 0 : plane % perChannel];
                for (int i = start, end = Math.min(n, start + span); i < end; i++) {
                    float v = a[i];
                    int notPositive = notPositiveMask(v);
                    o[i] = Float.intBitsToFloat(Float.floatToRawIntBits(v) & ~notPositive
                            | Float.floatToRawIntBits(wc * v) & notPositive);
                }
            }
        } else {
            double[] a = x.doubleData();
            double[] w = weight.doubleData();
            double[] o = out.doubleData();
            for (int i = 0; i < n; i++) {
                double v = a[i];
                o[i] = v > 0 ? v : w[wn == 1 ? 0 : (i / span) % perChannel] * v;
            }
        }
        Tensor xs = x.detach();
        Tensor ws = weight.detach();
        return Autograd.record(out, "PreluKernelBackward0",
                g -> preluBackward(g.to(x.dtype()), xs, ws, span, perChannel), x, weight);
    }

    /** All ones when {@code v > 0} is false (v <= 0 or NaN), else 0: 0 < bits <= bits(+inf) means v > 0. */
    private static int notPositiveMask(float v) {
        int b = Float.floatToRawIntBits(v);
        return ((b - 1) | (0x7f800000 - b)) >> 31;
    }

    private static Tensor[] preluBackward(Tensor g, Tensor x, Tensor w, int span, int perChannel) {
        int n = x.numel();
        int wn = w.numel();
        Tensor gx = Tensor.empty(x.dtype(), x.shape());
        double[] gw = new double[wn];
        if (x.dtype() == DType.FLOAT32) {
            // NOTE: the float32 case of the loop below on the arrays, plane by plane; same values and order
            float[] xa = x.floatData();
            float[] ga = g.floatData();
            float[] wa = w.floatData();
            float[] gxa = gx.floatData();
            for (int start = 0, plane = 0; start < n; start += span, plane++) {
                int c = wn == 1 ? 0 : plane % perChannel;
                float wc = wa[c];
                double acc = gw[c];
                for (int i = start, end = Math.min(n, start + span); i < end; i++) {
                    float v = xa[i];
                    float gi = ga[i];
                    int notPositive = notPositiveMask(v);
                    gxa[i] = Float.intBitsToFloat(Float.floatToRawIntBits(gi) & ~notPositive
                            | Float.floatToRawIntBits(wc * gi) & notPositive);
                    // adding +0.0 where v > 0 leaves acc as it is (acc starts at +0.0, so it is never -0.0)
                    acc += Double.longBitsToDouble(Double.doubleToRawLongBits((double) v * gi) & (long) notPositive);
                }
                gw[c] = acc;
            }
            return new Tensor[] {gx, Tensor.fromDoubles(gw, w.dtype(), w.shape())};
        }
        for (int i = 0; i < n; i++) {
            int c = wn == 1 ? 0 : (i / span) % perChannel;
            double v = x.getFlat(i);
            double gi = g.getFlat(i);
            if (v > 0) {
                gx.setFlat(i, gi);
            } else {
                gx.setFlat(i, x.dtype() == DType.FLOAT32 ? (float) w.getFlat(c) * (float) gi : w.getFlat(c) * gi);
                gw[c] += v * gi;
            }
        }
        Tensor gwt = Tensor.fromDoubles(gw, w.dtype(), w.shape());
        return new Tensor[] {gx, gwt};
    }

    /** {@code F.elu(x)} with alpha 1. */
    public static Tensor elu(Tensor x) {
        return elu(x, ELU_ALPHA);
    }

    /** {@code F.elu(x, alpha)}: x if x > 0 else alpha * (exp(x) - 1); elu'(0) = alpha. grad_fn EluBackward0. */
    public static Tensor elu(Tensor x, double alpha) {
        requireFinite("elu", "alpha", alpha);
        return ScalarActivation.elu(alpha).apply(x);
    }

    /** {@code F.selu}: scale * elu(x, alpha), alpha = 1.6732632423543772, scale = 1.0507009873554805; torch.selu calls elu, so grad_fn EluBackward0. */
    public static Tensor selu(Tensor x) {
        return ScalarActivation.selu().apply(x);
    }

    /** {@code F.celu(x)} with alpha 1. */
    public static Tensor celu(Tensor x) {
        return celu(x, ELU_ALPHA);
    }

    /**
     * {@code F.celu(x, alpha)}: x if x > 0 else alpha * (exp(x / alpha) - 1); derivative 1 at 0.
     * grad_fn CeluBackward0.
     *
     * @throws IllegalArgumentException if alpha is 0 (PyTorch: "ZeroDivisionError: alpha cannot be 0 for CELU")
     */
    public static Tensor celu(Tensor x, double alpha) {
        requireFinite("celu", "alpha", alpha);
        if (alpha == 0) {
            throw new IllegalArgumentException("celu: alpha cannot be 0 (ZeroDivisionError in PyTorch), got 0.0");
        }
        return ScalarActivation.celu(alpha).apply(x);
    }

    /** {@code F.gelu(x)}: exact form x * Phi(x). grad_fn GeluBackward0. */
    public static Tensor gelu(Tensor x) {
        return gelu(x, GeluApproximate.NONE);
    }

    /** {@code F.gelu(x, approximate=...)}. grad_fn GeluBackward0. */
    public static Tensor gelu(Tensor x, GeluApproximate approximate) {
        return ScalarActivation.gelu(approximate).apply(x);
    }

    /** {@code F.silu}: x * sigmoid(x). grad_fn SiluBackward0. */
    public static Tensor silu(Tensor x) {
        return ScalarActivation.silu().apply(x);
    }

    /** {@code F.mish}: x * tanh(softplus(x)). grad_fn MishBackward0. */
    public static Tensor mish(Tensor x) {
        return ScalarActivation.mish().apply(x);
    }

    /** {@code torch.sigmoid}: 1 / (1 + exp(-x)). grad_fn SigmoidBackward0. */
    public static Tensor sigmoid(Tensor x) {
        return ScalarActivation.sigmoid().apply(x);
    }

    /** {@code torch.tanh}. grad_fn TanhBackward0. */
    public static Tensor tanh(Tensor x) {
        return ScalarActivation.tanh().apply(x);
    }

    /** {@code F.softplus(x)} with beta 1, threshold 20. */
    public static Tensor softplus(Tensor x) {
        return softplus(x, SOFTPLUS_BETA, SOFTPLUS_THRESHOLD);
    }

    /**
     * {@code F.softplus(x, beta, threshold)}: log(1 + exp(beta * x)) / beta, reverting to x where
     * beta * x > threshold (the switch point itself uses the log form). grad_fn SoftplusBackward0.
     *
     * @throws IllegalArgumentException if beta is 0 (the result would be a silent infinity)
     */
    public static Tensor softplus(Tensor x, double beta, double threshold) {
        requireFinite("softplus", "beta", beta);
        requireFinite("softplus", "threshold", threshold);
        if (beta == 0) {
            throw new IllegalArgumentException("softplus: beta must be non-zero, got 0.0");
        }
        return ScalarActivation.softplus(beta, threshold).apply(x);
    }

    /**
     * {@code F.softsign}: x / (|x| + 1). PyTorch defines it in Python as {@code input / (input.abs() + 1)},
     * so the result's grad_fn is DivBackward0 and the graph is abs, add, div; we build the same graph.
     */
    public static Tensor softsign(Tensor x) {
        return x.div(x.abs().add(1.0));
    }

    /** {@code F.hardtanh(x)} with bounds -1 and 1. */
    public static Tensor hardtanh(Tensor x) {
        return hardtanh(x, HARDTANH_MIN, HARDTANH_MAX);
    }

    /**
     * {@code F.hardtanh(x, min_val, max_val)}: clamp(x, minVal, maxVal); gradient 1 strictly between
     * the bounds and 0 at and beyond them. grad_fn HardtanhBackward0.
     *
     * @throws IllegalArgumentException if minVal > maxVal
     */
    public static Tensor hardtanh(Tensor x, double minVal, double maxVal) {
        requireFinite("hardtanh", "min_val", minVal);
        requireFinite("hardtanh", "max_val", maxVal);
        if (minVal > maxVal) {
            throw new IllegalArgumentException("hardtanh: min_val must be less than or equal to max_val, got min_val="
                    + minVal + ", max_val=" + maxVal);
        }
        return ScalarActivation.hardtanh(minVal, maxVal).apply(x);
    }

    /** {@code F.hardswish}: x * relu6(x + 3) / 6; gradient -0.5 at x = -3 and 1 at x = 3. grad_fn HardswishBackward0. */
    public static Tensor hardswish(Tensor x) {
        return ScalarActivation.hardswish().apply(x);
    }

    /** {@code F.hardsigmoid}: relu6(x + 3) / 6; gradient 0 at ±3. grad_fn HardsigmoidBackward0. */
    public static Tensor hardsigmoid(Tensor x) {
        return ScalarActivation.hardsigmoid().apply(x);
    }

    /** {@code nn.Identity}: returns its input itself (no new node). */
    public static Tensor identity(Tensor x) {
        return x;
    }

    static void requireFinite(String op, String param, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(op + ": " + param + " must be a finite number, got " + v);
        }
    }
}
