package org.poolact.lab.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.poolact.nn.functional.ActivationSpec;
import org.poolact.tensor.Tensor;

/** The numerical check of declared properties, including declarations that are deliberately wrong. */
class PropertyCheckTest {

    private static CustomActivation withDeclaration(String spec, OrderProperties declared) {
        EngineActivation real = EngineActivation.parse(spec);
        return new CustomActivation(spec + "(wrongly declared)", real::applyAsFloat, real::apply, declared, 1);
    }

    @Test
    void everyDefaultActivationMatchesItsDeclaration() {
        for (Row r : GridSpec.defaultRows()) {
            for (OrderActivation f : Analysis.checked(r)) {
                assertEquals(List.of(), PropertyCheck.check(f).errors(), f.spec());
            }
        }
    }

    @Test
    void geluDeclaredNonDecreasingIsAnError() {
        OrderProperties wrong = new OrderProperties(true, false, false, Double.NaN, 0, false, false, "wrong on purpose");
        PropertyCheck.Report rep = PropertyCheck.check(withDeclaration("gelu", wrong));
        assertFalse(rep.ok());
        assertTrue(rep.errors().get(0).contains("declared non-decreasing, but f("), rep.errors().toString());
        float[] pair = rep.decreasingPair();
        assertNotNull(pair);
        ActivationSpec gelu = ActivationSpec.parse("gelu");
        assertTrue(pair[0] < pair[1] && gelu.applyAsFloat(pair[0]) > gelu.applyAsFloat(pair[1]));
    }

    @Test
    void wrongOffsetAffinityAndHomogeneityAreErrors() {
        OrderProperties wrong = new OrderProperties(true, false, true, 1, 0.5, false, false, "wrong on purpose");
        List<String> errors = PropertyCheck.check(withDeclaration("relu", wrong)).errors();
        assertTrue(errors.stream().anyMatch(e -> e.contains("declared f(0) = 0.5")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.contains("declared affine")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.contains("declared not positively homogeneous")), errors.toString());
    }

    @Test
    void aMonotoneFunctionDeclaredNonMonotoneIsAnError() {
        OrderProperties wrong = new OrderProperties(false, false, false, Double.NaN, 0.5, false, false, "wrong");
        List<String> errors = PropertyCheck.check(withDeclaration("sigmoid", wrong)).errors();
        assertTrue(errors.stream().anyMatch(e -> e.contains("declared not non-decreasing, but no a < b")),
                errors.toString());
    }

    @Test
    void locatesWhereTheDerivativeChangesSign() {
        PropertyCheck.Report gelu = PropertyCheck.check(EngineActivation.parse("gelu"));
        double[] iv = gelu.decreasingIntervals().get(0);
        assertEquals(Double.NEGATIVE_INFINITY, iv[0]);
        assertEquals(-0.7518, iv[1], 2e-3);
        assertEquals(-0.17, gelu.minimum()[1], 1e-2);
        PropertyCheck.Report hs = PropertyCheck.check(EngineActivation.parse("hardswish"));
        assertEquals(-3, hs.decreasingIntervals().get(0)[0], 2e-3);
        assertEquals(-1.5, hs.decreasingIntervals().get(0)[1], 2e-3);
        assertTrue(PropertyCheck.check(EngineActivation.parse("relu")).decreasingIntervals().isEmpty());
    }

    @Test
    void softsignDropsOnlyInFloat32() {
        PropertyCheck.Report rep = PropertyCheck.check(EngineActivation.parse("softsign"));
        assertTrue(rep.decreasingIntervals().isEmpty());
        float[] p = rep.decreasingPair();
        assertNotNull(p);
        assertEquals(Math.nextUp(p[0]), p[1], 0f);
        Tensor x = Tensor.wrap(new float[] {p[0], p[1]}, 2);
        Tensor y = ActivationSpec.parse("softsign").apply(x);
        assertTrue(y.floatData()[0] > y.floatData()[1]);
    }
}
