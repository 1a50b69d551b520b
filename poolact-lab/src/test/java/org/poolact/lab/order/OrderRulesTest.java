package org.poolact.lab.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.poolact.lab.order.Verdict.Kind;
import org.poolact.tensor.Tensor;

/**
 * The rules against exhaustive probes: on every input of small shapes whose entries come from a
 * value set (every 2x2 map over 7 values, 2,401 maps, and every 1x3 and 2x1 map), through the engine's ops,
 * an "identical" rule may never be contradicted and a "differs" rule must be witnessed by some map
 * or by the counterexample search. Plus functions the registry lacks: a non-increasing f (max
 * turns into min) and affine maps with and without an offset.
 */
class OrderRulesTest {
    private static final float[] VALUES = {-2f, -1f, -0.5f, 0f, 0.5f, 1f, 2f};

    /** All maps of shape h x w over VALUES, as one [N, 1, h, w] batch. */
    private static Tensor exhaustive(int h, int w) {
        int n = h * w;
        int count = (int) Math.pow(VALUES.length, n);
        float[] data = new float[count * n];
        for (int m = 0; m < count; m++) {
            int code = m;
            for (int i = 0; i < n; i++) {
                data[m * n + i] = VALUES[code % VALUES.length];
                code /= VALUES.length;
            }
        }
        return Tensor.wrap(data, count, 1, h, w);
    }

    private static long disagreements(OrderActivation f, PoolConfig pool, Tensor x) {
        Tensor[] ab = Orders.evaluate(f, pool, x);
        long n = 0;
        for (int i = 0; i < ab[0].numel(); i++) {
            if (Orders.differs(ab, i, 1)) {
                n++;
            }
        }
        return n;
    }

    @Test
    void rulesAgreeWithExhaustiveProbesOnEveryDefaultCell() {
        List<String> failures = new ArrayList<>();
        int identical = 0;
        int differsSeen = 0;
        for (Row row : GridSpec.defaultRows()) {
            if (row.fixed() == null) {
                continue;
            }
            OrderActivation f = row.fixed();
            for (PoolConfig pool : GridSpec.defaultPools()) {
                WindowTypes wt = WindowTypes.of(pool);
                Verdict v = OrderRules.decide(f, wt);
                long bad = 0;
                for (int[] hw : new int[][] {{2, 2}, {1, 3}, {2, 1}}) {
                    if (pool.accepts(hw[0], hw[1])) {
                        bad += disagreements(f, pool, exhaustive(hw[0], hw[1]));
                    }
                }
                if (v.kind() == Kind.IDENTICAL) {
                    identical++;
                    if (bad != 0) {
                        failures.add(f.spec() + " x " + pool.label() + ": identical, but " + bad + " disagreements");
                    }
                } else if (bad > 0) {
                    differsSeen++;
                } else {
                    Counterexample cx = CounterexampleSearch.find(f, wt, PropertyCheck.check(f), 1);
                    if (cx == null) {
                        failures.add(f.spec() + " x " + pool.label() + ": differs, but no map disagrees");
                    }
                }
            }
        }
        assertEquals(List.of(), failures);
        assertTrue(identical > 90 && differsSeen > 300, identical + " identical, " + differsSeen + " differs seen");
    }

    @Test
    void nonIncreasingTurnsMaxIntoMin() {
        OrderProperties p = new OrderProperties(false, true, true, -1, 0, true, false, "f(x) = -x decreases");
        CustomActivation neg = new CustomActivation("neg", x -> -x, Tensor::neg, p, 1);
        assertEquals(List.of(), PropertyCheck.check(neg).errors());
        WindowTypes max = WindowTypes.of(PoolConfig.max(2, 2, 0, false));
        Verdict v = OrderRules.decide(neg, max);
        assertEquals(Kind.DIFFERS, v.kind());
        assertTrue(v.rule().contains("max into min"), v.rule());
        Counterexample cx = CounterexampleSearch.find(neg, max, PropertyCheck.check(neg), 3);
        assertNotNull(cx);
        // -x is linear: it commutes with every average, counted padding included.
        assertEquals(Kind.IDENTICAL, OrderRules.decide(neg, WindowTypes.of(PoolConfig.avg(3, 2, 1, false, true, null))).kind());
    }

    @Test
    void affineOffsetMattersOnlyWhereWeightsDoNotSumToOne() {
        CustomActivation shift = CustomActivation.affine("x+0.5", 1, 0.5);
        assertEquals(List.of(), PropertyCheck.check(shift).errors());
        assertEquals(Kind.IDENTICAL, OrderRules.decide(shift, WindowTypes.of(PoolConfig.avg(3, 2, 1, false, false, null))).kind());
        assertEquals(Kind.IDENTICAL, OrderRules.decide(shift, WindowTypes.of(PoolConfig.adaptive(PoolType.ADAPTIVE_AVG, 2, 2))).kind());
        WindowTypes cip = WindowTypes.of(PoolConfig.avg(3, 2, 1, false, true, null));
        Verdict v = OrderRules.decide(shift, cip);
        assertEquals(Kind.DIFFERS, v.kind());
        assertTrue(v.rule().contains("count_include_pad"), v.rule());
        Counterexample cx = CounterexampleSearch.find(shift, cip, PropertyCheck.check(shift), 5);
        assertNotNull(cx);
        assertEquals(0f, cx.input()[0][0], 0f, cx.summary());
    }

    @Test
    void singleElementWindowsNeedOnlyPositiveHomogeneity() {
        // kernel 1 with divisor_override 2: every output is x / 2.
        WindowTypes half = WindowTypes.of(PoolConfig.avg(1, 1, 0, false, true, 2));
        assertTrue(!half.hasMulti() && half.hasScaledSingle());
        assertEquals(Kind.IDENTICAL, OrderRules.decide(EngineActivation.parse("leaky_relu:-0.3"), half).kind());
        assertEquals(Kind.DIFFERS, OrderRules.decide(EngineActivation.parse("sigmoid"), half).kind());
        // kernel 1 max: every f commutes.
        assertEquals(Kind.IDENTICAL, OrderRules.decide(EngineActivation.parse("gelu"),
                WindowTypes.of(PoolConfig.max(1, 1, 0, false))).kind());
    }

    @Test
    void theReadableWindowOfTheMaxRuleIsACounterexampleTheEngineReproduces() {
        int seen = 0;
        for (String spec : new String[] {"gelu", "gelu:tanh", "silu", "mish", "prelu:-0.5", "leaky_relu:-0.2",
            "elu:-1", "leaky_relu:-1", "hardswish"}) {
            EngineActivation f = EngineActivation.parse(spec);
            float[] w = OrderRules.readableDrop(f);
            assertNotNull(w, spec);
            assertTrue(w[0] < w[1] && f.applyAsFloat(w[0]) > f.applyAsFloat(w[1]), spec);
            Tensor[] ab = Orders.evaluate(f, PoolConfig.max(2, 2, 0, false), Tensor.wrap(new float[] {w[0], w[1],
                w[0], w[1]}, 1, 1, 2, 2));
            assertEquals(f.applyAsFloat(w[0]), ab[0].floatData()[0], spec);
            assertEquals(f.applyAsFloat(w[1]), ab[1].floatData()[0], spec);
            Verdict v = OrderRules.decide(f, WindowTypes.of(PoolConfig.max(2, 2, 0, false)));
            assertTrue(v.rule().contains("on the window {" + Fmt.exact(w[0]) + ", " + Fmt.exact(w[1]) + "}"), v.rule());
            seen++;
        }
        assertEquals(9, seen);
        assertEquals(null, OrderRules.readableDrop(EngineActivation.parse("relu")));
    }
}
