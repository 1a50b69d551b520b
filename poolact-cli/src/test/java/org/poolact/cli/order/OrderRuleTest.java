package org.poolact.cli.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.poolact.nn.functional.Size2;

class OrderRuleTest {
    private static OrderRule.Rule rule(String act, PoolKind kind, int padding) {
        PoolSpec pool = new PoolSpec(kind, Size2.of(2), null, Size2.of(padding), false, true);
        return OrderRule.explain(Activation.parse(act), pool);
    }

    @Test
    void nonDecreasingActivationsCommuteWithMax() {
        for (String act : new String[] {"relu", "leaky_relu:0.01", "prelu:0", "elu:1.0", "sigmoid", "tanh", "hardtanh",
            "softplus:2", "identity"}) {
            OrderRule.Rule r = rule(act, PoolKind.MAX, 1);
            assertTrue(r.alwaysEqual(), act);
            assertTrue(r.sentence().contains("max(f(a), f(b)) = f(max(a, b))"), r.sentence());
        }
    }

    @Test
    void nonMonotoneActivationsGiveAWitnessPairThatReallyDecreases() {
        for (String act : new String[] {"gelu", "gelu:tanh", "silu", "mish", "prelu:-0.5", "elu:-1", "hardswish"}) {
            Activation a = Activation.parse(act);
            OrderRule.Rule r = OrderRule.explain(a, PoolSpec.of(PoolKind.MAX, 2));
            assertFalse(r.alwaysEqual(), act);
            assertTrue(r.sentence().contains("not monotone"), r.sentence());
            ActivationTraits t = a.traits();
            assertTrue(t.hasDecreasingPair(), act);
            assertTrue(t.decreaseFrom() < t.decreaseTo(), act);
            assertTrue(a.engineSpec().applyAsDouble(t.decreaseFrom()) > a.engineSpec().applyAsDouble(t.decreaseTo()), act);
        }
    }

    @Test
    void curvatureDecidesTheDirectionForAvg() {
        assertTrue(rule("relu", PoolKind.AVG, 0).sentence().contains("convex"));
        assertTrue(rule("prelu:-0.5", PoolKind.AVG, 0).sentence().contains("convex"));
        assertTrue(rule("leaky_relu:2", PoolKind.AVG, 0).sentence().contains("concave"));
        assertTrue(rule("gelu", PoolKind.AVG, 0).sentence().contains("not affine"));
        assertFalse(rule("relu", PoolKind.AVG, 0).alwaysEqual());
    }

    @Test
    void linearActivationsCommuteWithAvgEvenWithPadding() {
        OrderRule.Rule r = rule("identity", PoolKind.AVG, 1);
        assertTrue(r.alwaysEqual());
        assertTrue(rule("leaky_relu:1", PoolKind.AVG, 1).alwaysEqual());
    }

    @Test
    void countedPaddingMattersWhenFOfZeroIsNotZero() {
        String s = rule("softplus", PoolKind.AVG, 1).sentence();
        assertTrue(s.contains("f(0) = 0.6931"), s);
        assertFalse(rule("softplus", PoolKind.AVG, 0).sentence().contains("f(0)"));
        assertFalse(rule("relu", PoolKind.AVG, 1).sentence().contains("f(0)"));
    }

    @Test
    void shortNumbers() {
        assertEquals("0.5", OrderRule.num(0.5));
        assertEquals("-2", OrderRule.num(-2.0));
        assertEquals("0.06966", OrderRule.num(0.069661423));
        assertEquals("nan", OrderRule.num(Double.NaN));
        assertEquals("-inf", OrderRule.num(Double.NEGATIVE_INFINITY));
    }
}
