package org.poolact.nn.functional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.poolact.nn.Module;
import org.poolact.tensor.DType;
import org.poolact.tensor.Tensor;

class ActivationSpecTest {

    @Test
    void parsesPytorchNamesWithDefaultsAndPrintsTheCanonicalSpec() {
        String[][] cases = {
            {"relu", "relu"}, {"relu6", "relu6"}, {"leaky_relu", "leaky_relu:0.01"}, {"leaky_relu:0.1", "leaky_relu:0.1"},
            {"prelu", "prelu:0.25"}, {"prelu:0.25", "prelu:0.25"}, {"prelu:-0.5", "prelu:-0.5"}, {"elu", "elu:1.0"},
            {"elu:1.0", "elu:1.0"}, {"elu:-2", "elu:-2.0"}, {"selu", "selu"}, {"celu", "celu:1.0"},
            {"celu:1.0", "celu:1.0"}, {"gelu", "gelu"}, {"gelu:none", "gelu"}, {"gelu:tanh", "gelu:tanh"},
            {"silu", "silu"}, {"mish", "mish"}, {"sigmoid", "sigmoid"}, {"tanh", "tanh"}, {"softplus", "softplus:1.0"},
            {"softplus:2", "softplus:2.0"}, {"softplus:2:10", "softplus:2.0:10.0"}, {"softsign", "softsign"},
            {"hardtanh", "hardtanh:-1.0:1.0"}, {"hardtanh:-2:2", "hardtanh:-2.0:2.0"}, {"hardswish", "hardswish"},
            {"hardsigmoid", "hardsigmoid"}, {"identity", "identity"}, {"  LEAKY_RELU:1e-5 ", "leaky_relu:1e-05"},
            {"leaky_relu:.5", "leaky_relu:0.5"}, {"leaky_relu:+3", "leaky_relu:3.0"},
        };
        for (String[] c : cases) {
            ActivationSpec spec = ActivationSpec.parse(c[0]);
            assertEquals(c[1], spec.toString(), c[0]);
            assertEquals(spec, ActivationSpec.parse(spec.toString()), "round trip of " + c[0]);
        }
        assertArrayEquals(new double[] {0.01}, ActivationSpec.parse("leaky_relu").parameters());
        assertArrayEquals(new double[] {1.0, 20.0}, ActivationSpec.parse("softplus").parameters());
        assertArrayEquals(new double[] {2.0, 20.0}, ActivationSpec.parse("softplus:2").parameters());
        assertArrayEquals(new double[] {-1.0, 1.0}, ActivationSpec.parse("hardtanh").parameters());
        assertEquals(GeluApproximate.TANH, ActivationSpec.parse("gelu:tanh").approximate());
        assertEquals(ActivationSpec.parse("leaky_relu:0.2"), ActivationSpec.of(ActivationSpec.Kind.LEAKY_RELU, 0.2));
        assertEquals(ActivationSpec.Kind.values().length, ActivationSpec.names().size());
        assertEquals("PreluKernelBackward0", ActivationSpec.parse("prelu").scalar().gradFnName());
        List<ActivationSpec> grid = ActivationSpec.analysisGrid();
        for (ActivationSpec.Kind k : ActivationSpec.Kind.values()) {
            assertTrue(grid.stream().anyMatch(g -> g.kind() == k), "grid lacks " + k);
        }
        assertTrue(grid.stream().anyMatch(g -> !g.properties().monotone() && g.kind() == ActivationSpec.Kind.PRELU));
    }

    @Test
    void badSpecsSayWhatIsWrong() {
        String valid = String.join(", ", ActivationSpec.names());
        String[][] cases = {
            {"swish", "unknown activation 'swish'; valid names: " + valid},
            {"", "activation spec is empty; valid names: " + valid},
            {"leaky_relu:abc", "activation 'leaky_relu': parameter 'abc' is not a number"},
            {"leaky_relu:", "activation 'leaky_relu': parameter '' is not a number"},
            {"prelu:nan", "activation 'prelu': parameter 'nan' is not a number"},
            {"elu:0x10", "activation 'elu': parameter '0x10' is not a number"},
            {"elu:1e999", "activation 'elu': parameter '1e999' is out of range"},
            {"relu:1", "activation 'relu' takes no parameter, got 1"},
            {"leaky_relu:0.1:2", "activation 'leaky_relu' takes at most 1 parameter (negative_slope), got 2"},
            {"softplus:1:2:3", "activation 'softplus' takes at most 2 parameters (beta:threshold), got 3"},
            {"gelu:fast", "activation 'gelu': parameter 'fast' must be none or tanh"},
            {"celu:0", "activation 'celu': alpha must be non-zero (PyTorch: ZeroDivisionError), got 0.0"},
            {"softplus:0", "activation 'softplus': beta must be non-zero, got 0.0"},
            {"hardtanh:2:1", "activation 'hardtanh': expected max_val > min_val, got min_val=2.0, max_val=1.0"},
            {"hardtanh:1", "activation 'hardtanh' takes 0 or 2 parameters (min_val:max_val), got 1"},
        };
        for (String[] c : cases) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ActivationSpec.parse(c[0]), c[0]);
            assertEquals(c[1], e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> ActivationSpec.parse(null));
    }

    @Test
    void applyAndModuleAgreeWithTheFunctionalOps() {
        Tensor x = Tensor.fromArray(new float[][] {{-3f, -1f, 0f, 0.5f}, {1f, 3f, 6f, 25f}});
        assertTrue(ActivationSpec.parse("leaky_relu:0.1").apply(x).equalTo(Activations.leakyRelu(x, 0.1)));
        assertTrue(ActivationSpec.parse("softplus:2").apply(x).equalTo(Activations.softplus(x, 2, 20)));
        assertTrue(ActivationSpec.parse("hardtanh:-2:2").apply(x).equalTo(Activations.hardtanh(x, -2, 2)));
        assertTrue(ActivationSpec.parse("prelu:-0.5").apply(x).equalTo(Activations.leakyRelu(x, -0.5)));
        for (ActivationSpec.Kind k : ActivationSpec.Kind.values()) {
            ActivationSpec spec = ActivationSpec.of(k);
            Module module = spec.toModule();
            assertTrue(module.forward(x).equalTo(spec.apply(x)), spec + " module " + module);
        }
        assertEquals("PReLU(num_parameters=1)", ActivationSpec.parse("prelu:-0.5").toModule().toString());
        assertEquals(-0.5, ActivationSpec.parse("prelu:-0.5").toModule().parameter("weight").item());
        assertEquals("LeakyReLU(negative_slope=0.1)", ActivationSpec.parse("leaky_relu:0.1").toModule().toString());
        assertEquals("GELU(approximate='tanh')", ActivationSpec.parse("gelu:tanh").toModule().toString());
        assertEquals("Softplus(beta=2.0, threshold=20.0)", ActivationSpec.parse("softplus:2").toModule().toString());
    }

    static List<String> propertySweep() {
        List<String> s = new ArrayList<>(ActivationsTest.sweep());
        for (ActivationSpec g : ActivationSpec.analysisGrid()) {
            s.add(g.toString());
        }
        s.addAll(List.of("leaky_relu:1", "prelu:1", "elu:0", "celu:-0.2", "softplus:-3", "softplus:7", "hardtanh:-0.25:0.1"));
        return s;
    }

    private static final float[] GRID = new float[480_001];

    static {
        for (int i = 0; i < GRID.length; i++) {
            GRID[i] = (i - 240_000) * 0.0005f;
        }
    }

    /** Float32 points sorted ascending: a grid over [-120, 120], every float next to each kink or switch. */
    static float[] scanPoints(ActivationSpec spec) {
        List<Double> centres = new ArrayList<>(List.of(0.0, 1.0, -1.0, 3.0, -3.0, 6.0, -1.5, -0.75, -1.28, -1.19, 20.0,
                1.8403437, 88.7, -88.7));
        double[] p = spec.parameters();
        for (double v : p) {
            centres.add(v);
        }
        if (spec.kind() == ActivationSpec.Kind.SOFTPLUS) {
            centres.add(p[1] / p[0]);
        }
        int per = 6000;
        float[] out = Arrays.copyOf(GRID, GRID.length + centres.size() * per);
        int k = GRID.length;
        for (double c : centres) {
            float f = (float) c;
            for (int j = 0; j < per / 2; j++) {
                f = Math.nextDown(f);
            }
            for (int j = 0; j < per; j++) {
                out[k++] = f;
                f = Math.nextUp(f);
            }
        }
        Arrays.sort(out);
        return out;
    }

    @Test
    void declaredOrderPropertiesHoldForTheFloat32FunctionAndFailWhereDeclaredNot() {
        for (String s : propertySweep()) {
            ActivationSpec spec = ActivationSpec.parse(s);
            ActivationProperties props = spec.properties();
            float[] xs = scanPoints(spec);
            float worstDrop = 0;
            float at = 0;
            float prev = spec.applyAsFloat(xs[0]);
            for (int i = 1; i < xs.length; i++) {
                float cur = spec.applyAsFloat(xs[i]);
                if (prev - cur > worstDrop) {
                    worstDrop = prev - cur;
                    at = xs[i];
                }
                prev = cur;
            }
            if (props.nonDecreasing()) {
                assertEquals(0f, worstDrop, s + " declared non-decreasing but drops by " + worstDrop + " at " + at);
            } else {
                assertTrue(worstDrop > 0, s + " declared not monotone but no decrease was found");
            }
            assertFalse(props.nonIncreasing(), s);
            assertEquals(spec.applyAsDouble(0.0), props.valueAtZero(), s);
            if (props.affine()) {
                for (float x : new float[] {-7.5f, -1f, 0f, 2f, 13f}) {
                    assertEquals(x, spec.applyAsFloat(x), s + " declared affine (identity here)");
                }
            }
        }
    }

    @Test
    void nonDecreasingActivationsCommuteWithMaxBitForBit() {
        Random r = new Random(7);
        for (String s : propertySweep()) {
            ActivationSpec spec = ActivationSpec.parse(s);
            if (!spec.properties().nonDecreasing()) {
                continue;
            }
            for (int i = 0; i < 20_000; i++) {
                float a = (float) (r.nextGaussian() * (i % 2 == 0 ? 3 : 30));
                float b = i % 5 == 0 ? Math.nextUp(a) : (float) (r.nextGaussian() * 3);
                float lhs = Math.max(spec.applyAsFloat(a), spec.applyAsFloat(b));
                float rhs = spec.applyAsFloat(Math.max(a, b));
                if (Float.floatToIntBits(lhs) != Float.floatToIntBits(rhs)) {
                    fail(s + ": max(f(" + a + "), f(" + b + ")) = " + lhs + " but f(max) = " + rhs);
                }
            }
        }
    }

    @Test
    void declaredPropertiesOfTheParametricSigns() {
        assertTrue(ActivationSpec.parse("leaky_relu:0.1").properties().nonDecreasing());
        assertFalse(ActivationSpec.parse("leaky_relu:-0.1").properties().monotone());
        assertFalse(ActivationSpec.parse("prelu:-0.5").properties().monotone());
        assertTrue(ActivationSpec.parse("prelu:0").properties().nonDecreasing());
        assertTrue(ActivationSpec.parse("prelu:1").properties().affine());
        assertFalse(ActivationSpec.parse("elu:-1").properties().monotone());
        assertTrue(ActivationSpec.parse("celu:-1").properties().nonDecreasing());
        assertFalse(ActivationSpec.parse("gelu").properties().monotone());
        assertFalse(ActivationSpec.parse("silu").properties().monotone());
        assertTrue(ActivationSpec.parse("identity").properties().affine());
        assertTrue(ActivationSpec.parse("relu").properties().zeroAtZero());
        assertFalse(ActivationSpec.parse("sigmoid").properties().zeroAtZero());
        assertEquals(0.5, ActivationSpec.parse("hardsigmoid").properties().valueAtZero());
        assertEquals(Math.log(2) / 2, ActivationSpec.parse("softplus:2").properties().valueAtZero(), 1e-16);
        assertFalse(ActivationSpec.parse("hardtanh:0.5:3").properties().zeroAtZero());
    }

    @Test
    void softplusThresholdSwitchDropsInFloat64AsDocumented() {
        // the NOTE on properties(): exact in float32, a drop of about 2e-9 in float64 at x = threshold / beta
        ActivationSpec sp = ActivationSpec.parse("softplus");
        double below = sp.applyAsDouble(20.0);
        double above = sp.applyAsDouble(Math.nextUp(20.0));
        assertTrue(below > above, below + " vs " + above);
        assertEquals(2.06e-9, below - above, 1e-11);
        assertEquals(20f, sp.applyAsFloat(20f));
        Tensor t = Tensor.fromDoubles(new double[] {20.0, Math.nextUp(20.0)}, DType.FLOAT64, 2);
        assertEquals(below, sp.apply(t).getFlat(0));
    }
}
