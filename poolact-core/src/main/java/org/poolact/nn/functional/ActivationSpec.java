package org.poolact.nn.functional;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.poolact.nn.Module;
import org.poolact.nn.PyFormat;
import org.poolact.nn.activation.CELU;
import org.poolact.nn.activation.ELU;
import org.poolact.nn.activation.GELU;
import org.poolact.nn.activation.Hardsigmoid;
import org.poolact.nn.activation.Hardswish;
import org.poolact.nn.activation.Hardtanh;
import org.poolact.nn.linear.Identity;
import org.poolact.nn.activation.LeakyReLU;
import org.poolact.nn.activation.Mish;
import org.poolact.nn.activation.PReLU;
import org.poolact.nn.activation.ReLU;
import org.poolact.nn.activation.ReLU6;
import org.poolact.nn.activation.SELU;
import org.poolact.nn.activation.SiLU;
import org.poolact.nn.activation.Sigmoid;
import org.poolact.nn.activation.Softplus;
import org.poolact.nn.activation.Softsign;
import org.poolact.nn.activation.Tanh;
import org.poolact.tensor.Tensor;

/**
 * An activation named the way {@code torch.nn.functional} names it, with its parameters:
 * {@code NAME} or {@code NAME:PARAM[:PARAM]}. Examples: {@code relu}, {@code leaky_relu:0.1},
 * {@code prelu:-0.5} (the single PReLU weight), {@code elu:1.0}, {@code celu:0.5},
 * {@code gelu}, {@code gelu:tanh}, {@code softplus:2} (beta; {@code softplus:2:10} also sets the
 * threshold), {@code hardtanh:-2:2} (min_val:max_val). Missing parameters take PyTorch's defaults.
 *
 * <p>{@link #toString()} gives the canonical spec, which {@link #parse} reads back to an equal
 * spec: numeric parameters are always written (Python's float spelling, e.g.
 * {@code leaky_relu:0.01}), except softplus's threshold when it is the default 20; gelu is written
 * {@code gelu} or {@code gelu:tanh}.
 */
public final class ActivationSpec {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    /** The activations, by PyTorch functional name. */
    public enum Kind {
        RELU("relu"),
        RELU6("relu6"),
        LEAKY_RELU("leaky_relu", "negative_slope", Activations.LEAKY_RELU_SLOPE),
        PRELU("prelu", "weight", Activations.PRELU_INIT),
        ELU("elu", "alpha", Activations.ELU_ALPHA),
        SELU("selu"),
        CELU("celu", "alpha", Activations.ELU_ALPHA),
        GELU("gelu"),
        SILU("silu"),
        MISH("mish"),
        SIGMOID("sigmoid"),
        TANH("tanh"),
        SOFTPLUS("softplus", "beta", Activations.SOFTPLUS_BETA, "threshold", Activations.SOFTPLUS_THRESHOLD),
        SOFTSIGN("softsign"),
        HARDTANH("hardtanh", "min_val", Activations.HARDTANH_MIN, "max_val", Activations.HARDTANH_MAX),
        HARDSWISH("hardswish"),
        HARDSIGMOID("hardsigmoid"),
        IDENTITY("identity");

        private final String specName;
        private final String[] paramNames;
        private final double[] defaults;

        Kind(String specName, Object... params) {
            this.specName = specName;
            this.paramNames = new String[params.length / 2];
            this.defaults = new double[params.length / 2];
            for (int i = 0; i < paramNames.length; i++) {
                paramNames[i] = (String) params[2 * i];
                defaults[i] = (Double) params[2 * i + 1];
            }
        }

        /** The name in a spec, e.g. {@code leaky_relu}. */
        public String specName() {
            return specName;
        }

        /** PyTorch's names of the numeric parameters, in spec order. */
        public List<String> parameterNames() {
            return List.of(paramNames);
        }

        /** PyTorch's defaults of the numeric parameters, in spec order. */
        public double[] defaults() {
            return defaults.clone();
        }
    }

    private final Kind kind;
    private final double[] params;
    private final GeluApproximate approximate;
    private final ScalarActivation scalar;

    private ActivationSpec(Kind kind, double[] params, GeluApproximate approximate) {
        this.kind = kind;
        this.params = params;
        this.approximate = approximate;
        validate();
        this.scalar = buildScalar();
    }

    /** The spec of {@code kind} with PyTorch's default parameters (gelu: approximate none). */
    public static ActivationSpec of(Kind kind) {
        return new ActivationSpec(kind, kind.defaults.clone(), GeluApproximate.NONE);
    }

    /**
     * The spec of {@code kind} with its numeric parameters in spec order (trailing ones may be left
     * out and take their defaults).
     *
     * @throws IllegalArgumentException on too many or invalid parameters
     */
    public static ActivationSpec of(Kind kind, double... params) {
        if (params.length > kind.paramNames.length) {
            throw new IllegalArgumentException(tooMany(kind, params.length));
        }
        double[] p = kind.defaults.clone();
        System.arraycopy(params, 0, p, 0, params.length);
        return new ActivationSpec(kind, p, GeluApproximate.NONE);
    }

    /** gelu with the given approximation. */
    public static ActivationSpec gelu(GeluApproximate approximate) {
        return new ActivationSpec(Kind.GELU, new double[0], approximate);
    }

    /**
     * A grid for order analyses: every activation at its defaults, plus the parameter values whose
     * sign changes the answer: leaky_relu and prelu with positive, zero and negative slopes, elu with
     * negative alpha, celu with negative alpha, softplus at a second beta, gelu's tanh form, and a
     * hardtanh whose range excludes 0.
     */
    public static List<ActivationSpec> analysisGrid() {
        List<ActivationSpec> out = new ArrayList<>();
        for (String s : List.of("relu", "relu6", "leaky_relu", "leaky_relu:0", "leaky_relu:-0.1", "prelu",
                "prelu:0", "prelu:-0.5", "elu", "elu:-1.0", "selu", "celu", "celu:-1.0", "gelu", "gelu:tanh", "silu",
                "mish", "sigmoid", "tanh", "softplus", "softplus:2", "softsign", "hardtanh", "hardtanh:0.5:2",
                "hardswish", "hardsigmoid", "identity")) {
            out.add(parse(s));
        }
        return out;
    }

    /** The valid names, in a stable order. */
    public static List<String> names() {
        List<String> out = new ArrayList<>();
        for (Kind k : Kind.values()) {
            out.add(k.specName);
        }
        return out;
    }

    /**
     * Parses {@code NAME} or {@code NAME:PARAM[:PARAM]} (surrounding blanks and the name's case
     * are ignored).
     *
     * @throws IllegalArgumentException for an unknown name (the message lists the valid ones), a
     *                                  parameter that is not a number, too many parameters, or a
     *                                  parameter value PyTorch rejects
     */
    public static ActivationSpec parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("activation spec is empty; valid names: " + String.join(", ", names()));
        }
        String[] parts = spec.trim().split(":", -1);
        String name = parts[0].trim().toLowerCase(Locale.ROOT);
        Kind kind = null;
        for (Kind k : Kind.values()) {
            if (k.specName.equals(name)) {
                kind = k;
            }
        }
        if (kind == null) {
            throw new IllegalArgumentException("unknown activation '" + parts[0].trim() + "'; valid names: "
                    + String.join(", ", names()));
        }
        int given = parts.length - 1;
        if (kind == Kind.GELU) {
            if (given > 1) {
                throw new IllegalArgumentException("activation 'gelu' takes at most 1 parameter (approximate: none or tanh), got "
                        + given);
            }
            if (given == 0) {
                return gelu(GeluApproximate.NONE);
            }
            String a = parts[1].trim().toLowerCase(Locale.ROOT);
            if (!a.equals("none") && !a.equals("tanh")) {
                throw new IllegalArgumentException("activation 'gelu': parameter '" + parts[1].trim()
                        + "' must be none or tanh");
            }
            return gelu(GeluApproximate.fromPytorchName(a));
        }
        if (given > kind.paramNames.length) {
            throw new IllegalArgumentException(tooMany(kind, given));
        }
        if (kind == Kind.HARDTANH && given == 1) {
            throw new IllegalArgumentException("activation 'hardtanh' takes 0 or 2 parameters (min_val:max_val), got 1");
        }
        double[] p = kind.defaults.clone();
        for (int i = 0; i < given; i++) {
            String s = parts[i + 1].trim();
            if (!NUMBER.matcher(s).matches()) {
                throw new IllegalArgumentException("activation '" + kind.specName + "': parameter '" + s
                        + "' is not a number");
            }
            p[i] = Double.parseDouble(s);
            if (!Double.isFinite(p[i])) {
                throw new IllegalArgumentException("activation '" + kind.specName + "': parameter '" + s
                        + "' is out of range");
            }
        }
        return new ActivationSpec(kind, p, GeluApproximate.NONE);
    }

    private static String tooMany(Kind kind, int given) {
        if (kind.paramNames.length == 0) {
            return "activation '" + kind.specName + "' takes no parameter, got " + given;
        }
        return "activation '" + kind.specName + "' takes at most " + kind.paramNames.length + " parameter"
                + (kind.paramNames.length > 1 ? "s" : "") + " (" + String.join(":", kind.paramNames) + "), got " + given;
    }

    private void validate() {
        String n = "activation '" + kind.specName + "': ";
        switch (kind) {
            case CELU:
                if (params[0] == 0) {
                    throw new IllegalArgumentException(n + "alpha must be non-zero (PyTorch: ZeroDivisionError), got 0.0");
                }
                break;
            case SOFTPLUS:
                if (params[0] == 0) {
                    throw new IllegalArgumentException(n + "beta must be non-zero, got 0.0");
                }
                break;
            case HARDTANH:
                if (!(params[1] > params[0])) {
                    throw new IllegalArgumentException(n + "expected max_val > min_val, got min_val="
                            + PyFormat.pyFloat(params[0]) + ", max_val=" + PyFormat.pyFloat(params[1]));
                }
                break;
            default:
                break;
        }
    }

    private ScalarActivation buildScalar() {
        switch (kind) {
            case RELU: return ScalarActivation.relu();
            case RELU6: return ScalarActivation.hardtanh(0, 6);
            case LEAKY_RELU: return ScalarActivation.leakyRelu(params[0]);
            case PRELU: return ScalarActivation.prelu(params[0]);
            case ELU: return ScalarActivation.elu(params[0]);
            case SELU: return ScalarActivation.selu();
            case CELU: return ScalarActivation.celu(params[0]);
            case GELU: return ScalarActivation.gelu(approximate);
            case SILU: return ScalarActivation.silu();
            case MISH: return ScalarActivation.mish();
            case SIGMOID: return ScalarActivation.sigmoid();
            case TANH: return ScalarActivation.tanh();
            case SOFTPLUS: return ScalarActivation.softplus(params[0], params[1]);
            case SOFTSIGN: return ScalarActivation.softsign();
            case HARDTANH: return ScalarActivation.hardtanh(params[0], params[1]);
            case HARDSWISH: return ScalarActivation.hardswish();
            case HARDSIGMOID: return ScalarActivation.hardsigmoid();
            case IDENTITY: return ScalarActivation.identity();
            default: throw new AssertionError(kind);
        }
    }

    /** Which activation. */
    public Kind kind() {
        return kind;
    }

    /** The functional name, e.g. {@code leaky_relu}. */
    public String name() {
        return kind.specName;
    }

    /** The numeric parameters in spec order, defaults filled in (empty for gelu and parameterless kinds). */
    public double[] parameters() {
        return params.clone();
    }

    /** gelu's approximation (NONE for every other kind). */
    public GeluApproximate approximate() {
        return approximate;
    }

    /** The activation as a scalar function in both precisions: the exact values {@link #apply} produces. */
    public ScalarActivation scalar() {
        return scalar;
    }

    /** f(x) in float32, bit-identical to an element of {@link #apply} on a float32 tensor. */
    public float applyAsFloat(float x) {
        return scalar.applyAsFloat(x);
    }

    /** f(x) in float64, bit-identical to an element of {@link #apply} on a float64 tensor. */
    public double applyAsDouble(double x) {
        return scalar.applyAsDouble(x);
    }

    /** Applies the activation with {@link Activations} (so with PyTorch's grad_fn); prelu uses a constant 1-element weight. */
    public Tensor apply(Tensor x) {
        switch (kind) {
            case RELU: return Activations.relu(x);
            case RELU6: return Activations.relu6(x);
            case LEAKY_RELU: return Activations.leakyRelu(x, params[0]);
            case PRELU: return Activations.prelu(x, Tensor.full(params[0], x.dtype(), 1));
            case ELU: return Activations.elu(x, params[0]);
            case SELU: return Activations.selu(x);
            case CELU: return Activations.celu(x, params[0]);
            case GELU: return Activations.gelu(x, approximate);
            case SILU: return Activations.silu(x);
            case MISH: return Activations.mish(x);
            case SIGMOID: return Activations.sigmoid(x);
            case TANH: return Activations.tanh(x);
            case SOFTPLUS: return Activations.softplus(x, params[0], params[1]);
            case SOFTSIGN: return Activations.softsign(x);
            case HARDTANH: return Activations.hardtanh(x, params[0], params[1]);
            case HARDSWISH: return Activations.hardswish(x);
            case HARDSIGMOID: return Activations.hardsigmoid(x);
            case IDENTITY: return Activations.identity(x);
            default: throw new AssertionError(kind);
        }
    }

    /** An equivalent fresh {@code nn} module, e.g. {@code LeakyReLU(negative_slope=0.1)}; prelu gives PReLU(1, weight). */
    public Module toModule() {
        switch (kind) {
            case RELU: return new ReLU();
            case RELU6: return new ReLU6();
            case LEAKY_RELU: return new LeakyReLU(params[0]);
            case PRELU: return new PReLU(1, params[0]);
            case ELU: return new ELU(params[0]);
            case SELU: return new SELU();
            case CELU: return new CELU(params[0]);
            case GELU: return new GELU(approximate);
            case SILU: return new SiLU();
            case MISH: return new Mish();
            case SIGMOID: return new Sigmoid();
            case TANH: return new Tanh();
            case SOFTPLUS: return new Softplus(params[0], params[1]);
            case SOFTSIGN: return new Softsign();
            case HARDTANH: return new Hardtanh(params[0], params[1]);
            case HARDSWISH: return new Hardswish();
            case HARDSIGMOID: return new Hardsigmoid();
            case IDENTITY: return new Identity();
            default: throw new AssertionError(kind);
        }
    }

    /**
     * The declared order properties (for float32 evaluation). The pooling-order analysis checks
     * them numerically and must report any disagreement.
     * NOTE: softplus switches to x where beta * x > threshold; the log branch there exceeds x by
     * log1p(exp(-threshold)) / beta (about 2e-9 / beta for threshold 20), so in exact arithmetic and
     * in float64 it drops by that much at x = threshold / beta. In float32 this is far below half an
     * ulp of threshold / beta, so it rounds away and the float32 function is non-decreasing; with a
     * threshold below 20 we do not declare it monotone.
     * NOTE: softsign is the opposite case: increasing in exact arithmetic, but PyTorch computes
     * x / (|x| + 1) with |x| + 1 rounded first (we run the same float32 operations, bit-exact), so
     * f(1.8403437f) < f(1.8403436f) by one ulp and max pooling does not commute with it bit for bit.
     */
    public ActivationProperties properties() {
        double f0 = scalar.applyAsDouble(0.0);
        double p0 = params.length > 0 ? params[0] : 0;
        switch (kind) {
            case RELU:
                return nd(f0, "relu = max(x, 0) never decreases");
            case RELU6:
                return nd(f0, "relu6 = min(max(x, 0), 6) never decreases");
            case LEAKY_RELU:
            case PRELU:
                if (p0 == 1) {
                    return new ActivationProperties(true, true, false, true, f0, "with slope 1 it is the identity");
                }
                if (p0 >= 0) {
                    return nd(f0, "slope " + PyFormat.pyFloat(p0) + " >= 0 on x <= 0 and 1 on x > 0: never decreases");
                }
                return none(f0, "the slope " + PyFormat.pyFloat(p0) + " < 0 makes it decrease on x < 0 and increase on x > 0");
            case ELU:
                if (p0 >= 0) {
                    return nd(f0, "alpha " + PyFormat.pyFloat(p0) + " >= 0: alpha * (exp(x) - 1) and x both never decrease");
                }
                return none(f0, "alpha " + PyFormat.pyFloat(p0) + " < 0 makes alpha * (exp(x) - 1) decrease on x < 0");
            case SELU:
                return nd(f0, "scale * elu with alpha > 0 never decreases");
            case CELU:
                return nd(f0, "its slope on x < 0 is exp(x / alpha) > 0 for either sign of alpha");
            case GELU:
                return none(f0, "gelu decreases for x below about -0.75 (its minimum is about -0.17)");
            case SILU:
                return none(f0, "silu decreases for x below about -1.28 (its minimum is about -0.28)");
            case MISH:
                return none(f0, "mish decreases for x below about -1.19 (its minimum is about -0.31)");
            case SIGMOID:
                return nd(f0, "sigmoid is increasing");
            case TANH:
                return nd(f0, "tanh is increasing");
            case SOFTPLUS:
                if (params[1] >= 20) {
                    return new ActivationProperties(true, false, false, false, f0, "softplus has slope sigmoid(beta * x) > 0;"
                            + " its switch to x where beta * x > threshold drops by log1p(exp(-threshold)) / beta,"
                            + " which float32 rounds away (float64 does not)");
                }
                return new ActivationProperties(false, false, false, false, f0, "not monotone: the switch to x where"
                        + " beta * x > threshold drops by log1p(exp(-threshold)) / beta");
            case SOFTSIGN:
                return new ActivationProperties(false, true, false, false, f0, "not monotone in float32: x / (|x| + 1)"
                        + " is increasing, but PyTorch rounds |x| + 1 before dividing, so a step of one ulp in x can"
                        + " lower the result by one ulp (e.g. at x = 1.8403437)");
            case HARDTANH:
                return nd(f0, "hardtanh = clamp(x, min_val, max_val) never decreases");
            case HARDSWISH:
                return none(f0, "hardswish decreases on -3 < x < -1.5 (its minimum is -0.375)");
            case HARDSIGMOID:
                return nd(f0, "hardsigmoid = relu6(x + 3) / 6 never decreases");
            case IDENTITY:
                return new ActivationProperties(true, true, false, true, f0, "the identity is affine and increasing");
            default:
                throw new AssertionError(kind);
        }
    }

    private static ActivationProperties nd(double f0, String why) {
        return new ActivationProperties(true, true, false, false, f0, why);
    }

    private static ActivationProperties none(double f0, String why) {
        return new ActivationProperties(false, false, false, false, f0, "not monotone: " + why);
    }

    /** The canonical spec, e.g. {@code leaky_relu:0.01}, {@code gelu:tanh}, {@code hardtanh:-1.0:1.0}. */
    @Override
    public String toString() {
        if (kind == Kind.GELU) {
            return approximate == GeluApproximate.TANH ? "gelu:tanh" : "gelu";
        }
        StringBuilder sb = new StringBuilder(kind.specName);
        int n = params.length;
        if (kind == Kind.SOFTPLUS && params[1] == Activations.SOFTPLUS_THRESHOLD) {
            n = 1;
        }
        for (int i = 0; i < n; i++) {
            sb.append(':').append(PyFormat.pyFloat(params[i]));
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ActivationSpec && toString().equals(o.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }
}
