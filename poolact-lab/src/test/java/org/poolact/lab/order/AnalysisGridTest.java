package org.poolact.lab.order;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.poolact.lab.order.Verdict.Kind;
import org.poolact.tensor.Tensor;

/**
 * The acceptance properties over the whole default grid (30 rows x 16 poolings): no errors, every
 * identical verdict passed at least 10,000 random probes, and every "differs" (and every
 * conditional, outside its condition) carries a counterexample that the engine's own ops,
 * called directly, reproduce value for value.
 */
class AnalysisGridTest {
    private static Analysis.Result result;

    @BeforeAll
    static void run() {
        result = Analysis.run(GridSpec.parse(null, null, null), new Analysis.Settings(0, 10_000, false));
    }

    @Test
    void theGridIsComplete() {
        assertEquals(GridSpec.defaultRows().size() * GridSpec.defaultPools().size(), result.cells().size());
        assertTrue(result.cells().size() >= 30 * 16, "cells: " + result.cells().size());
        assertEquals(java.util.List.of(), result.errors());
    }

    @Test
    void everyIdenticalVerdictPassedTenThousandProbes() {
        int checked = 0;
        for (Cell c : result.cells()) {
            if (c.verdict().kind() == Kind.DIFFERS) {
                continue;
            }
            assertNotNull(c.probes(), c.row().spec() + " " + c.pool().label());
            assertTrue(c.probes().maps() >= 10_000, c.row().spec() + " " + c.pool().label() + ": " + c.probes().maps());
            assertEquals(0, c.probes().failures(), c.row().spec() + " " + c.pool().label());
            checked++;
        }
        assertTrue(checked > 100, "identical or conditional cells: " + checked);
    }

    @Test
    void everyCounterexampleIsReproducedByTheEngine() {
        int reproduced = 0;
        for (Cell c : result.cells()) {
            if (c.verdict().kind() == Kind.IDENTICAL) {
                continue;
            }
            Counterexample cx = c.counterexample();
            assertNotNull(cx, c.row().spec() + " " + c.pool().label());
            Map<String, Object> pool = c.pool().toJson();
            Tensor[] ab = EngineOrders.both(cx.act(), pool, cx.inputTensor());
            int oh = cx.actThenPool().length;
            int ow = cx.actThenPool()[0].length;
            assertArrayEquals(new int[] {1, 1, oh, ow}, ab[0].shape());
            boolean differ = false;
            for (int i = 0; i < oh; i++) {
                for (int j = 0; j < ow; j++) {
                    float a = ab[0].floatData()[i * ow + j];
                    float b = ab[1].floatData()[i * ow + j];
                    assertEquals(cx.actThenPool()[i][j], a, 0f, "act->pool " + c.row().spec() + " " + c.pool().label());
                    assertEquals(cx.poolThenAct()[i][j], b, 0f, "pool->act " + c.row().spec() + " " + c.pool().label());
                    differ |= a != b;
                }
            }
            assertTrue(differ, "orders differ on the counterexample: " + c.row().spec() + " " + c.pool().label());
            reproduced++;
        }
        assertTrue(reproduced > 300, "counterexamples: " + reproduced);
    }

    @Test
    void knownAnswers() {
        assertEquals(Kind.IDENTICAL, result.cell("relu", "max k2 s2").verdict().kind());
        assertEquals(Verdict.Exactness.BIT_EXACT, result.cell("relu", "max k2 s2").verdict().exactness());
        assertEquals(Kind.DIFFERS, result.cell("gelu", "max k2 s2").verdict().kind());
        assertEquals(Kind.DIFFERS, result.cell("relu", "avg k2 s2").verdict().kind());
        assertEquals(Kind.IDENTICAL, result.cell("identity", "avg k3 s2 p1 cip").verdict().kind());
        // |x| commutes with the 2-norm, and with nothing else here.
        assertEquals(Kind.IDENTICAL, result.cell("leaky_relu:-1.0", "lp2 k2 s2").verdict().kind());
        assertEquals(Kind.DIFFERS, result.cell("leaky_relu:-1.0", "lp1 k2 s2").verdict().kind());
        Cell prelu = result.cell("prelu:learned", "max k2 s2");
        assertEquals(Kind.CONDITIONAL, prelu.verdict().kind());
        assertEquals("the learned weight >= 0", prelu.verdict().condition());
        assertTrue(result.cell("prelu:learned", "avg k2 s2").verdict().condition().startsWith("the learned weight = 1"));
        // An affine f with f(0) != 0: fine without counted padding, conditional with it and with divisor_override.
        assertEquals(Kind.IDENTICAL, result.cell("affine:learned", "avg k3 s2 p1 nocip").verdict().kind());
        assertEquals("f(0) = b = 0", result.cell("affine:learned", "avg k3 s2 p1 cip").verdict().condition());
        assertEquals("f(0) = b = 0", result.cell("affine:learned", "avg k2 s2 div3").verdict().condition());
        assertEquals("a >= 0", result.cell("affine:learned", "max k2 s2").verdict().condition());
    }

    @Test
    void geluMaxCounterexampleIsATwoValueWindow() {
        Counterexample cx = result.cell("gelu", "max k3 s2 p1").counterexample();
        // The smallest input: one row of two values a < b with gelu(a) > gelu(b).
        assertEquals(1, cx.input().length);
        assertEquals(2, cx.input()[0].length);
        float a = Math.min(cx.input()[0][0], cx.input()[0][1]);
        float b = Math.max(cx.input()[0][0], cx.input()[0][1]);
        assertTrue(a < b && b < -0.75f, cx.summary());
    }
}
