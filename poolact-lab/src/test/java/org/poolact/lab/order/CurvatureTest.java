package org.poolact.lab.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.poolact.nn.functional.ActivationSpec;
import org.poolact.random.Generator;
import org.poolact.random.Random;
import org.poolact.tensor.Tensor;

/**
 * The declared curvature (convex, concave) of the activations, the numerical check of it, and the
 * Jensen direction the avg rule states for it, probed through the engine: on windows whose weights
 * sum to 1, pool first is never above act first for a convex f, never below for a concave one.
 */
class CurvatureTest {
    private static final List<String> CONVEX = List.of("relu", "leaky_relu:0.1", "leaky_relu:0", "prelu:-0.5",
            "elu:1.0", "elu:0.5", "celu:1.0", "celu:2", "softplus", "softplus:2");
    private static final List<String> CONCAVE = List.of("leaky_relu:2", "prelu:3", "celu:-1", "softplus:-1");
    private static final List<String> NEITHER = List.of("gelu", "silu", "mish", "sigmoid", "tanh", "elu:2", "elu:-1",
            "selu", "relu6", "hardtanh", "hardswish", "hardsigmoid", "softsign", "identity", "leaky_relu:1");

    @Test
    void declaredCurvatureAgreesWithTheNumericalCheck() {
        for (String s : CONVEX) {
            EngineActivation f = EngineActivation.parse(s);
            assertTrue(f.declared().convex() && !f.declared().concave(), s);
            assertEquals(List.of(), PropertyCheck.check(f).errors(), s);
        }
        for (String s : CONCAVE) {
            EngineActivation f = EngineActivation.parse(s);
            assertTrue(f.declared().concave() && !f.declared().convex(), s);
            assertEquals(List.of(), PropertyCheck.check(f).errors(), s);
        }
        for (String s : NEITHER) {
            EngineActivation f = EngineActivation.parse(s);
            assertFalse(f.declared().convex() || f.declared().concave(), s);
            assertEquals(List.of(), PropertyCheck.check(f).errors(), s);
        }
    }

    @Test
    void aWrongCurvatureDeclarationIsAnError() {
        ActivationSpec gelu = ActivationSpec.parse("gelu");
        OrderProperties p = OrderProperties.of(gelu);
        OrderProperties wrong = new OrderProperties(p.nonDecreasing(), p.nonIncreasing(), p.affine(), p.slope(),
                p.offset(), p.positivelyHomogeneous(), p.absLinear(), true, false, p.reason());
        List<String> errors = PropertyCheck.check(new EngineActivation(gelu, wrong)).errors();
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("gelu: declared convex, but it bends down at x = "), errors.toString());

        ActivationSpec relu = ActivationSpec.parse("relu");
        OrderProperties r = OrderProperties.of(relu);
        OrderProperties undeclared = new OrderProperties(r.nonDecreasing(), r.nonIncreasing(), r.affine(), r.slope(),
                r.offset(), r.positivelyHomogeneous(), r.absLinear(), r.reason());
        assertEquals(List.of("relu: declared not convex, but it never bends down on [-20, 20]"),
                PropertyCheck.check(new EngineActivation(relu, undeclared)).errors());
    }

    @Test
    void jensenDirectionHoldsOnWindowsWhoseWeightsSumToOne() {
        // Weights sum to 1: plain avg, avg with padding not counted, ceil mode without padding, adaptive avg.
        List<PoolConfig> pools = List.of(PoolConfig.avg(2, 2, 0, false, true, null),
                PoolConfig.avg(3, 1, 1, false, false, null), PoolConfig.avg(3, 2, 0, true, true, null),
                PoolConfig.adaptive(PoolType.ADAPTIVE_AVG, 3, 2));
        Tensor x = Random.randn(new Generator(5), 64, 1, 7, 7).mul(3);
        int strict = 0;
        for (String s : concat(CONVEX, CONCAVE)) {
            EngineActivation f = EngineActivation.parse(s);
            int sign = f.declared().convex() ? 1 : -1;
            for (PoolConfig pool : pools) {
                Tensor[] ab = Orders.evaluate(f, pool, x);
                float[] a = ab[0].floatData();
                float[] b = ab[1].floatData();
                float[] tol = ab[2].floatData();
                for (int i = 0; i < a.length; i++) {
                    // act first - pool first has the sign of the curvature, up to the documented float tolerance.
                    double gap = sign * ((double) a[i] - b[i]);
                    assertTrue(gap >= -tol[i], s + " " + pool.label() + " output " + i + ": act first " + a[i]
                            + ", pool first " + b[i]);
                    strict += gap > tol[i] ? 1 : 0;
                }
            }
        }
        assertTrue(strict > 1000, "the direction is seen strictly on many outputs, got " + strict);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
