package org.poolact.nn.functional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Activation;
import ai.djl.training.GradientCollector;

import org.junit.jupiter.api.Test;
import org.poolact.tensor.DType;
import org.poolact.tensor.Tensor;
import org.poolact.testing.GradCheck;
import org.poolact.testing.TorchRef;

/**
 * Every activation against libtorch 2.7.1 (through DJL), forward and input gradient, in float32 and
 * float64, over inputs holding 0, every kink (±1, ±3, 6, the hardtanh bounds), softplus's switch
 * points threshold / beta, tiny and large |x| (sigmoid saturation, exp overflow), for several
 * parameter values including negative slopes and alphas.
 *
 * <p>DJL's PyTorch engine exposes relu, leaky_relu, elu, selu, gelu (exact), sigmoid, tanh,
 * softplus (default beta and threshold) and softsign natively; the rest are composed from torch
 * primitives. The compositions are built with {@code torch.where} so that torch's autograd gives,
 * at the kink points themselves, the same value as ATen's dedicated backward kernel (a clamp or
 * max/min composition would not: clamp passes the gradient at its bounds, maximum splits it at
 * ties). The values they encode, read from ATen's CPU kernels:
 * <ul>
 * <li>hardtanh / relu6 (HardtanhBackward0): 0 at min_val and max_val;</li>
 * <li>hardswish: -0.5 at x = -3, 1 at x = 3 (libtorch's vectorised loop; the kink points sit in
 * the first full vectors of the 64-element inputs, so libtorch itself runs that loop);</li>
 * <li>hardsigmoid: 0 at ±3;</li>
 * <li>leaky_relu / prelu: the negative slope at 0; elu: alpha at 0; celu: 1 at 0;</li>
 * <li>softplus: at beta * x == threshold the log form (gradient sigmoid(beta * x)).</li>
 * </ul>
 * Natively computed ops (relu at 0, leaky_relu, elu) check the same conventions directly.
 */
class ActivationsTest {
    private static final double[] SPECIAL = {0, -0.0, 1e-8, -1e-8, 0.5, -0.5, 1, -1, 2, -2, 3, -3, 6, -6, 1.5, -1.5,
        10, -10, 20, -20, 40, -40, 30, -30, 100, -100, 0.25, 5, -5, 2.5, 0.75, -0.75};
    private static final int N = 64;
    private static final double ONE_SIXTH_F = 1f / 6f;

    /** 64 values: the special points with |v| <= maxAbs first (so libtorch handles them in its vector loop), then smooth filler. */
    static Tensor inputs(DType dt, double maxAbs) {
        double[] v = new double[N];
        int k = 0;
        for (double s : SPECIAL) {
            if (Math.abs(s) <= maxAbs) {
                v[k++] = s;
            }
        }
        double amp = Math.min(4, maxAbs);
        for (int i = 0; k < N; i++) {
            v[k++] = amp * Math.sin(i * 1.7 + 0.3);
        }
        return Tensor.fromDoubles(v, dt, 2, 32);
    }

    static Tensor upstream(DType dt) {
        double[] g = new double[N];
        for (int i = 0; i < N; i++) {
            g[i] = 0.5 + Math.cos(i * 0.9);
        }
        return Tensor.fromDoubles(g, dt, 2, 32);
    }

    /** A reference in torch ops for one spec; {@code dt} lets float64 avoid DJL's float-typed parameters. */
    static NDArray torchRef(ActivationSpec spec, NDArray x, DType dt) {
        double[] p = spec.parameters();
        switch (spec.kind()) {
            case RELU:
                return Activation.relu(x);
            case RELU6:
                return hardtanhRef(x, 0, 6);
            case LEAKY_RELU:
                if (dt == DType.FLOAT32) {
                    return Activation.leakyRelu(x, (float) p[0]);
                }
                return NDArrays.where(x.gt(0), x, x.mul(num(x, p[0])));
            case PRELU:
                return NDArrays.where(x.gt(0), x, x.mul(num(x, p[0])));
            case ELU:
                if (dt == DType.FLOAT32) {
                    return Activation.elu(x, (float) p[0]);
                }
                return negativeBranch(x, xn -> xn.exp().sub(1).mul(num(x, p[0])));
            case SELU:
                return Activation.selu(x);
            case CELU:
                return negativeBranch(x, xn -> xn.div(num(x, p[0])).exp().sub(1).mul(num(x, p[0])));
            case GELU:
                if (spec.approximate() == GeluApproximate.NONE) {
                    return Activation.gelu(x);
                }
                NDArray inner = x.add(x.pow(num(x, 3)).mul(num(x, 0.044715))).mul(num(x, Math.sqrt(2 / Math.PI)));
                return x.mul(num(x, 0.5)).mul(inner.tanh().add(1));
            case SILU:
                return x.mul(Activation.sigmoid(x));
            case MISH:
                return x.mul(Activation.softPlus(x).tanh());
            case SIGMOID:
                return Activation.sigmoid(x);
            case TANH:
                return x.tanh();
            case SOFTPLUS:
                if (p[0] == 1 && p[1] == 20) {
                    return Activation.softPlus(x);
                }
                NDArray xb = x.mul(num(x, p[0]));
                NDArray over = xb.gt(p[1]);
                NDArray safe = NDArrays.where(over, x.zerosLike(), xb);
                return NDArrays.where(over, x, safe.exp().add(1).log().div(num(x, p[0])));
            case SOFTSIGN:
                return Activation.softSign(x);
            case HARDTANH:
                return hardtanhRef(x, p[0], p[1]);
            case HARDSWISH:
                return NDArrays.where(x.lt(-3), x.zerosLike(),
                        NDArrays.where(x.gte(3), x, x.mul(x.add(3)).div(num(x, 6))));
            case HARDSIGMOID:
                // value (x + 3) / 6; gradient float(1/6) as ATen's kernel multiplies by 1.0f / 6.0f (also for double)
                NDArray mid = x.add(3).div(num(x, 6)).stopGradient().add(x.mul(num(x, ONE_SIXTH_F)).sub(x.mul(num(x, ONE_SIXTH_F)).stopGradient()));
                return NDArrays.where(x.lte(-3), x.zerosLike(), NDArrays.where(x.gte(3), x.onesLike(), mid));
            case IDENTITY:
                return x;
            default:
                throw new AssertionError(spec);
        }
    }

    /** The constant {@code v} as a 0-d tensor that libtorch owns (see {@link TorchRef#num}). */
    private static NDArray num(NDArray like, double v) {
        return TorchRef.num(like, v);
    }

    /** clamp with hardtanh's gradient: the bound branches are constants, so the gradient is 0 at the bounds. */
    static NDArray hardtanhRef(NDArray x, double lo, double hi) {
        return NDArrays.where(x.lte(lo), x.zerosLike().add(lo), NDArrays.where(x.gte(hi), x.zerosLike().add(hi), x));
    }

    /** x for x > 0, else f(x); f sees 0 where x > 0 so an overflow there cannot poison the gradient. */
    static NDArray negativeBranch(NDArray x, Function<NDArray, NDArray> f) {
        NDArray pos = x.gt(0);
        return NDArrays.where(pos, x, f.apply(NDArrays.where(pos, x.zerosLike(), x)));
    }

    static List<String> sweep() {
        return List.of("relu", "relu6", "leaky_relu", "leaky_relu:0.2", "leaky_relu:0", "leaky_relu:-0.5",
                "leaky_relu:1.5", "prelu", "prelu:-0.5", "prelu:0", "elu", "elu:0.5", "elu:2", "elu:-0.7", "selu",
                "celu", "celu:0.5", "celu:2", "celu:-1.5", "gelu", "gelu:tanh", "silu", "mish", "sigmoid", "tanh",
                "softplus", "softplus:2", "softplus:0.5", "softplus:-1", "softplus:1:5", "softsign", "hardtanh",
                "hardtanh:-2:2", "hardtanh:0.5:3", "hardswish", "hardsigmoid", "identity");
    }

    @Test
    void everyActivationMatchesTorchForwardAndBackward() {
        int cases = 0;
        for (String s : sweep()) {
            ActivationSpec spec = ActivationSpec.parse(s);
            // celu with a negative alpha grows like exp(|x / alpha|) for x < 0: keep |x| small so the scale stays sane
            double maxAbs = spec.kind() == ActivationSpec.Kind.CELU && spec.parameters()[0] < 0 ? 10 : 1e9;
            for (DType dt : DType.values()) {
                double tol = dt == DType.FLOAT32 ? 2e-6 : 1e-12;
                Tensor x = inputs(dt, maxAbs).requiresGrad(true);
                TorchRef.compareWithTorch(s + " " + dt, spec.apply(x), upstream(dt), new Tensor[] {x},
                        nd -> torchRef(spec, nd[0], dt), tol);
                cases += 2;
            }
        }
        assertEquals(sweep().size() * 4, cases);
    }

    @Test
    void nativeTorchAgreesWithTheCompositionsWhereBothExist() {
        // float64 leaky_relu and elu natively (parameters that are exact in float), checking the compositions' conventions
        for (String s : List.of("leaky_relu:0.25", "leaky_relu:-0.5", "elu:0.5", "elu:-0.75")) {
            ActivationSpec spec = ActivationSpec.parse(s);
            try (NDManager m = TorchRef.sub()) {
                Tensor x = inputs(DType.FLOAT64, 1e9).requiresGrad(true);
                spec.apply(x).sum().backward();
                NDArray tx = TorchRef.toNd(m, x.detach());
                tx.setRequiresGradient(true);
                try (GradientCollector gc = TorchRef.gradients()) {
                    float p = (float) spec.parameters()[0];
                    NDArray ty = spec.kind() == ActivationSpec.Kind.ELU ? Activation.elu(tx, p) : Activation.leakyRelu(tx, p);
                    TorchRef.assertClose(s + " native f64 forward", spec.apply(x.detach()), ty, 1e-12);
                    gc.backward(ty.sum());
                }
                TorchRef.assertClose(s + " native f64 grad", x.grad(), tx.getGradient(), 1e-12);
            }
        }
    }

    @Test
    void piecewiseRationalOnesGiveTorchsBitsAndSoftsignIsNotMonotoneInTorchEither() {
        for (String s : List.of("relu", "leaky_relu", "leaky_relu:-0.5", "softsign", "hardtanh:-2:2", "prelu:-0.3")) {
            ActivationSpec spec = ActivationSpec.parse(s);
            try (NDManager m = TorchRef.sub()) {
                Tensor x = inputs(DType.FLOAT32, 1e9);
                TorchRef.assertClose(s + " bit-exact", spec.apply(x), torchRef(spec, TorchRef.toNd(m, x), DType.FLOAT32), 0);
            }
        }
        try (NDManager m = TorchRef.sub()) {
            Tensor x = Tensor.fromArray(new float[] {1.8403436f, 1.8403437f});
            float[] torch = Activation.softSign(TorchRef.toNd(m, x)).toFloatArray();
            float[] ours = Activations.softsign(x).toFloatArray();
            assertEquals(Float.floatToIntBits(torch[0]), Float.floatToIntBits(ours[0]));
            assertEquals(Float.floatToIntBits(torch[1]), Float.floatToIntBits(ours[1]));
            // a larger input, a smaller output: libtorch's float32 softsign is not monotone here
            org.junit.jupiter.api.Assertions.assertTrue(torch[1] < torch[0]);
        }
    }

    @Test
    void signOfZeroMatchesLibtorch() {
        // relu(-0.0) = -0.0 (clamp_min keeps it), elu(-0.0) = +0.0 ((exp(-0) - 1) * alpha), ...
        for (String s : List.of("relu", "leaky_relu", "leaky_relu:-0.5", "elu", "elu:-0.7", "selu", "gelu", "sigmoid",
                "tanh", "softsign", "softplus", "prelu", "hardtanh", "celu", "silu", "mish")) {
            ActivationSpec spec = ActivationSpec.parse(s);
            for (int n : new int[] {1, 64}) {
                for (DType dt : DType.values()) {
                    for (double z : new double[] {-0.0, 0.0}) {
                        try (NDManager m = TorchRef.sub()) {
                            double[] v = new double[n];
                            java.util.Arrays.fill(v, z);
                            Tensor x = Tensor.fromDoubles(v, dt, n);
                            double ours = spec.apply(x).getFlat(0);
                            double torch = TorchRef.fromNd(torchRef(spec, TorchRef.toNd(m, x), dt)).getFlat(0);
                            assertEquals(Double.doubleToRawLongBits(torch), Double.doubleToRawLongBits(ours),
                                    s + " " + dt + " n=" + n + " at " + z + ": ours " + ours + ", torch " + torch);
                        }
                    }
                }
            }
        }
    }

    @Test
    void kinkDerivativesFollowPytorch() {
        // values read from ATen's kernels, pinned here so a change of convention is caught without torch
        assertEquals(0.0, ScalarActivation.relu().derivative(1, 0));
        assertEquals(-0.5, ScalarActivation.leakyRelu(-0.5).derivative(1, 0));
        assertEquals(0.7, ScalarActivation.elu(0.7).derivative(1, 0), 1e-15);
        assertEquals(1.0, ScalarActivation.celu(0.3).derivative(1, 0), 1e-15);
        assertEquals(ScalarActivation.SELU_ALPHA * ScalarActivation.SELU_SCALE, ScalarActivation.selu().derivative(1, 0), 1e-15);
        assertEquals(0.0, ScalarActivation.hardtanh(-1, 1).derivative(1, 1));
        assertEquals(0.0, ScalarActivation.hardtanh(-1, 1).derivative(1, -1));
        assertEquals(0.0, ScalarActivation.hardtanh(0, 6).derivative(1, 0));
        assertEquals(0.0, ScalarActivation.hardtanh(0, 6).derivative(1, 6));
        assertEquals(-0.5, ScalarActivation.hardswish().derivative(1, -3));
        assertEquals(1.0, ScalarActivation.hardswish().derivative(1, 3));
        assertEquals(0.0, ScalarActivation.hardsigmoid().derivative(1, 3));
        assertEquals(0.0, ScalarActivation.hardsigmoid().derivative(1, -3));
        // softplus at the switch point uses the log form: sigmoid(20), not 1
        double s20 = 1 / (1 + Math.exp(-20));
        assertEquals(s20, ScalarActivation.softplus(1, 20).derivative(1, 20), 1e-15);
        assertEquals(1.0, ScalarActivation.softplus(1, 20).derivative(1, Math.nextUp(20.0)));
    }

    @Test
    void preluPerChannelAndSharedMatchTorchIncludingWeightGradient() {
        double[][] weights = {{0.25}, {0.25, -0.5, 0.0, 1.5}, {-1.5}, {0.1, 2.0, -0.3, 0.0}};
        int[][] shapes = {{2, 4, 8}, {2, 4, 2, 4}, {64}, {4, 4, 4}};
        for (int k = 0; k < weights.length; k++) {
            double[] w = weights[k];
            for (DType dt : DType.values()) {
                double tol = dt == DType.FLOAT32 ? 2e-6 : 1e-12;
                Tensor x = Tensor.fromDoubles(inputs(dt, 1e9).toDoubleArray(), dt, shapes[k]).requiresGrad(true);
                Tensor wt = Tensor.fromDoubles(w.clone(), dt, w.length).requiresGrad(true);
                Tensor y = Activations.prelu(x, wt);
                assertEquals("PreluKernelBackward0", y.gradFn().name());
                int rank = x.dim();
                TorchRef.compareWithTorch("prelu " + w.length + " " + Arrays.toString(shapes[k]) + " " + dt, y,
                        Tensor.fromDoubles(upstream(dt).toDoubleArray(), dt, x.shape()), new Tensor[] {x, wt},
                        nd -> {
                            NDArray twb = nd[1];
                            if (w.length > 1) {
                                long[] bshape = new long[rank];
                                Arrays.fill(bshape, 1);
                                bshape[1] = w.length;
                                twb = nd[1].reshape(bshape);
                            }
                            return NDArrays.where(nd[0].gt(0), nd[0], nd[0].mul(twb));
                        }, tol);
            }
        }
    }

    @Test
    void gradFnNamesArePytorchs() {
        String[][] expected = {{"relu", "ReluBackward0"}, {"relu6", "HardtanhBackward0"},
            {"leaky_relu", "LeakyReluBackward0"}, {"prelu", "PreluKernelBackward0"}, {"elu", "EluBackward0"},
            {"selu", "EluBackward0"}, {"celu", "CeluBackward0"}, {"gelu", "GeluBackward0"},
            {"gelu:tanh", "GeluBackward0"}, {"silu", "SiluBackward0"}, {"mish", "MishBackward0"},
            {"sigmoid", "SigmoidBackward0"}, {"tanh", "TanhBackward0"}, {"softplus", "SoftplusBackward0"},
            {"softsign", "DivBackward0"}, {"hardtanh", "HardtanhBackward0"}, {"hardswish", "HardswishBackward0"},
            {"hardsigmoid", "HardsigmoidBackward0"}};
        for (String[] e : expected) {
            Tensor x = Tensor.fromArray(new float[] {-1f, 0.5f}).requiresGrad(true);
            assertEquals(e[1], ActivationSpec.parse(e[0]).apply(x).gradFn().name(), e[0]);
        }
        Tensor x = Tensor.fromArray(new float[] {-1f, 0.5f}).requiresGrad(true);
        assertSame(x, Activations.identity(x));
        assertNull(Activations.relu(Tensor.fromArray(new float[] {1f})).gradFn());
    }

    /** Points in float64 at least 0.01 away from every kink and softplus switch used in the sweep. */
    static Tensor smoothPoints(int n, int seed) {
        double[] kinks = {0, 1, -1, 3, -3, 6, 2, -2, 0.5, 10, -20, 40, 5, 20};
        double[] v = new double[n];
        java.util.Random r = new java.util.Random(seed);
        for (int i = 0; i < n; i++) {
            double c;
            boolean near;
            do {
                c = r.nextGaussian() * 3;
                near = false;
                for (double k : kinks) {
                    near |= Math.abs(c - k) < 0.01;
                }
            } while (near);
            v[i] = c;
        }
        return Tensor.wrap(v, 3, n / 3);
    }

    @Test
    void finiteDifferenceGradientOfEveryActivation() {
        for (String s : sweep()) {
            ActivationSpec spec = ActivationSpec.parse(s);
            GradCheck.check(s, in -> spec.apply(in[0]), smoothPoints(24, s.hashCode()));
        }
        // the scalar kernels' own tensor form (ScalarActivation.apply), used by the analysis: softsign and
        // prelu record their backward there, not through Activations
        for (String s : sweep()) {
            ScalarActivation scalar = ActivationSpec.parse(s).scalar();
            if (!scalar.gradFnName().isEmpty()) {
                GradCheck.check(s + " scalar kernel", in -> scalar.apply(in[0]), smoothPoints(24, s.hashCode() + 1));
            }
        }
        GradCheck.check("prelu shared weight", in -> Activations.prelu(in[0], in[1]),
                smoothPoints(24, 1), Tensor.wrap(new double[] {-0.3}, 1));
        GradCheck.check("prelu per-channel weight", in -> Activations.prelu(in[0].reshape(2, 3, 4), in[1]),
                smoothPoints(24, 2), Tensor.wrap(new double[] {0.25, -0.7, 1.3}, 3));
    }

    @Test
    void sameValueGivesSameBitsAtEveryPosition() {
        float[] values = {0f, -0f, 1e-8f, -3f, 3f, 20f, -0.7518f, 2.5f, -88.7f, 1.17549435e-38f, Float.NaN, 6f};
        for (String s : sweep()) {
            ActivationSpec spec = ActivationSpec.parse(s);
            for (float v : values) {
                // the value at every position of a 37-element tensor among varying neighbours, in two layouts
                float[] data = new float[37];
                for (int i = 0; i < data.length; i++) {
                    data[i] = i % 3 == 0 ? v : (float) Math.sin(i) * 50;
                }
                Tensor a = spec.apply(Tensor.wrap(data.clone(), 37));
                Tensor b = spec.apply(Tensor.wrap(data.clone(), 37, 1).transpose(0, 1).reshape(1, 37));
                int expectedBits = Float.floatToRawIntBits(spec.applyAsFloat(v));
                for (int i = 0; i < data.length; i += 3) {
                    assertEquals(expectedBits, Float.floatToRawIntBits((float) a.getFlat(i)), s + " at " + i + " for " + v);
                    assertEquals(expectedBits, Float.floatToRawIntBits((float) b.getFlat(i)), s + " (layout 2) at " + i);
                }
                double[] d = new double[37];
                java.util.Arrays.fill(d, v);
                Tensor c = spec.apply(Tensor.wrap(d, 37));
                long bits64 = Double.doubleToRawLongBits(spec.applyAsDouble(v));
                for (int i = 0; i < d.length; i++) {
                    assertEquals(bits64, Double.doubleToRawLongBits(c.getFlat(i)), s + " f64 at " + i);
                }
            }
        }
    }

    @Test
    void badParametersAreRejectedWithTheOpAndParameterNamed() {
        Tensor x = Tensor.fromArray(new float[] {1f, -1f});
        assertEquals("celu: alpha cannot be 0 (ZeroDivisionError in PyTorch), got 0.0",
                assertThrows(IllegalArgumentException.class, () -> Activations.celu(x, 0)).getMessage());
        assertEquals("softplus: beta must be non-zero, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> Activations.softplus(x, 0, 20)).getMessage());
        assertEquals("hardtanh: min_val must be less than or equal to max_val, got min_val=2.0, max_val=1.0",
                assertThrows(IllegalArgumentException.class, () -> Activations.hardtanh(x, 2, 1)).getMessage());
        assertEquals("leaky_relu: negative_slope must be a finite number, got NaN",
                assertThrows(IllegalArgumentException.class, () -> Activations.leakyRelu(x, Double.NaN)).getMessage());
        Tensor x4 = Tensor.zeros(2, 3, 4, 4);
        assertEquals("prelu: Mismatch of parameter numbers and input channel size. Found parameter numbers = 2 and channel size = 3.",
                assertThrows(IllegalArgumentException.class, () -> Activations.prelu(x4, Tensor.zeros(2))).getMessage());
        assertEquals("prelu: Expected `weight` to be a scalar or 1D tensor, but got: ndim = 2",
                assertThrows(IllegalArgumentException.class, () -> Activations.prelu(x4, Tensor.zeros(3, 1))).getMessage());
        assertEquals("prelu: Type promoting not supported. Got torch.float32 and torch.float64",
                assertThrows(IllegalArgumentException.class,
                        () -> Activations.prelu(x4, Tensor.zeros(DType.FLOAT64, 3))).getMessage());
    }

    @Test
    void nanPropagatesLikeTorch() {
        List<String> specs = new ArrayList<>(sweep());
        for (String s : specs) {
            ActivationSpec spec = ActivationSpec.parse(s);
            try (NDManager m = TorchRef.sub()) {
                Tensor x = Tensor.fromArray(new float[] {Float.NaN, 1f, -1f});
                TorchRef.assertClose(s + " NaN forward", spec.apply(x), torchRef(spec, TorchRef.toNd(m, x), DType.FLOAT32), 2e-6);
            }
        }
    }
}
