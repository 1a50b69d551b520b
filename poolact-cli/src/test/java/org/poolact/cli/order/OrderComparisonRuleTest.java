package org.poolact.cli.order;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poolact.cli.Cli;
import org.poolact.lab.order.EngineActivation;
import org.poolact.lab.order.PoolConfig;
import org.poolact.lab.order.PoolType;
import org.poolact.lab.order.PropertyCheck;
import org.poolact.lab.order.Verdict;
import org.poolact.nn.functional.Size2;
import org.poolact.random.Generator;
import org.poolact.random.Random;
import org.poolact.tensor.Tensor;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The general rule of {@code compare}/{@code demo} is the verdict of the lab's rule engine: the same
 * sentence, verdict and pool object as {@code analyze}, and the exact sentences of the cases the
 * former cli-only rule covered (kernel 1, where the two used to disagree, included).
 */
class OrderComparisonRuleTest {
    private static final Tensor MAP = Random.randn(new Generator(3), 6, 6);

    @TempDir
    Path dir;

    private static PoolConfig pool(PoolType type, int kernel, int padding) {
        return new PoolConfig(type, Size2.of(kernel), null, Size2.of(padding), false, true, null, 0, null);
    }

    private static OrderComparison.Result compare(String act, PoolType type, int kernel, int padding) {
        return OrderComparison.compare(MAP, EngineActivation.parse(act), pool(type, kernel, padding));
    }

    private static String rule(String act, PoolType type, int kernel, int padding) {
        return compare(act, type, kernel, padding).verdict().rule();
    }

    @Test
    void compareAndAnalyzeGiveTheSameRuleVerdictAndPoolObject() throws IOException {
        Path map = dir.resolve("map.json");
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < 6; i++) {
            json.append(i == 0 ? "[" : ", [");
            for (int j = 0; j < 6; j++) {
                json.append(j == 0 ? "" : ", ").append(MAP.getFlat(6 * i + j));
            }
            json.append(']');
        }
        Files.writeString(map, json.append(']').toString());
        List<String> acts = List.of("relu", "leaky_relu:0.1", "prelu:-0.5", "gelu", "silu", "identity", "softplus",
                "leaky_relu:1", "elu:-1", "sigmoid", "softsign");
        String[][] settings = {
            {"max", "--kernel", "2"},
            {"max", "--kernel", "3", "--stride", "1", "--padding", "1"},
            {"max", "--kernel", "1"},
            {"avg", "--kernel", "2"},
            {"avg", "--kernel", "1"},
            {"avg", "--kernel", "3", "--stride", "2", "--padding", "1", "--count-include-pad", "true"},
            {"avg", "--kernel", "3", "--stride", "2", "--padding", "1", "--count-include-pad", "false"},
            {"avg", "--kernel", "3", "--stride", "2", "--ceil-mode", "true"},
        };
        int checked = 0;
        for (String[] s : settings) {
            List<String> poolArgs = List.of(s).subList(1, s.length);
            List<String> analyze = new ArrayList<>(List.of("analyze", "--acts", String.join(",", acts), "--pools", s[0],
                    "--no-measure", "--probes", "50", "--format", "json"));
            analyze.addAll(poolArgs);
            JsonNode cells = Cli.run(analyze.toArray(String[]::new)).ok().json().get("cells");
            assertEquals(acts.size(), cells.size());
            for (JsonNode cell : cells) {
                List<String> cmp = new ArrayList<>(List.of("compare", "-i", map.toString(), "--act",
                        cell.get("act").asText(), "--pool", s[0], "--format", "json"));
                cmp.addAll(poolArgs);
                JsonNode c = Cli.run(cmp.toArray(String[]::new)).ok().json();
                String what = cell.get("act").asText() + " x " + cell.get("pool").get("label").asText();
                assertEquals(cell.get("rule").asText(), c.get("rule").asText(), what);
                assertEquals(cell.get("verdict").asText(), c.get("verdict").asText(), what);
                assertEquals(cell.get("exactness").asText(), c.get("exactness").asText(), what);
                assertEquals(cell.get("verdict").asText().equals("identical"), c.get("rule_always_equal").asBoolean(),
                        what);
                assertEquals(cell.get("pool"), c.get("pool"), what);
                checked++;
            }
        }
        assertEquals(acts.size() * settings.length, checked);
    }

    @Test
    void nonDecreasingActivationsCommuteWithMaxEvenWithPadding() {
        for (String act : new String[] {"relu", "leaky_relu:0.01", "prelu:0", "elu:1.0", "sigmoid", "tanh", "hardtanh",
            "softplus:2", "identity"}) {
            OrderComparison.Result r = compare(act, PoolType.MAX, 2, 1);
            assertTrue(r.ruleAlwaysEqual(), act);
            assertEquals(r.act().spec() + " is non-decreasing, so max(f(x_i)) = f(max(x_i)) in every window (the -inf "
                    + "padding is never picked: every window holds a real element), bit for bit up to the sign of zero.",
                    r.verdict().rule());
            assertTrue(r.equal(), act);
        }
    }

    @Test
    void nonMonotoneActivationsDifferWithMaxAndThePropertyCheckFindsADecreasingPair() {
        assertEquals("gelu is not monotone: gelu decreases for x below about -0.75 (its minimum is about -0.17); "
                + "only a non-decreasing f commutes with max, and on the window {-2.75, -0.75}, where f(-2.75) > "
                + "f(-0.75), act first gives f(-2.75), pool first f(-0.75).", rule("gelu", PoolType.MAX, 2, 0));
        assertEquals("prelu:-0.5 is not monotone: the slope -0.5 < 0 makes it decrease on x < 0 and increase on "
                + "x > 0; only a non-decreasing f commutes with max, and on the window {-2, 0}, where f(-2) > f(0), "
                + "act first gives f(-2), pool first f(0).", rule("prelu:-0.5", PoolType.MAX, 2, 0));
        // softsign's drops are one ulp wide (float32 rounding), too narrow for a readable window.
        assertEquals("softsign is not monotone in float32: x / (|x| + 1) is increasing, but PyTorch rounds |x| + 1 "
                + "before dividing, so a step of one ulp in x can lower the result by one ulp (e.g. at x = 1.8403437); "
                + "only a non-decreasing f commutes with max, and on a window {a, b} with a < b and f(a) > f(b) act "
                + "first gives f(a), pool first f(b).", rule("softsign", PoolType.MAX, 2, 0));
        for (String act : new String[] {"gelu", "gelu:tanh", "silu", "mish", "prelu:-0.5", "elu:-1", "hardswish",
            "softsign"}) {
            OrderComparison.Result r = compare(act, PoolType.MAX, 2, 0);
            assertFalse(r.ruleAlwaysEqual(), act);
            assertTrue(r.verdict().rule().startsWith(r.act().spec() + " is not monotone"), r.verdict().rule());
            float[] pair = PropertyCheck.check(r.act()).decreasingPair();
            assertNotNull(pair, act);
            assertTrue(pair[0] < pair[1], act);
            assertTrue(r.act().applyAsFloat(pair[0]) > r.act().applyAsFloat(pair[1]), act);
        }
    }

    @Test
    void curvatureDecidesTheDirectionForAvg() {
        String tail = " but not affine, and average pooling (y = w*sum(x_i)) over two or more values commutes only "
                + "with affine f (Cauchy's equation); by Jensen's inequality f(y) ";
        assertEquals("relu is convex" + tail + "<= sum(w f(x_i)) in every window whose weights sum to 1, so there "
                + "pool first is never above act first (in exact arithmetic).", rule("relu", PoolType.AVG, 2, 0));
        assertEquals("prelu:-0.5 is convex" + tail + "<= sum(w f(x_i)) in every window whose weights sum to 1, so "
                + "there pool first is never above act first (in exact arithmetic).", rule("prelu:-0.5", PoolType.AVG, 2, 0));
        assertEquals("leaky_relu:2.0 is concave" + tail + ">= sum(w f(x_i)) in every window whose weights sum to 1, "
                + "so there pool first is never below act first (in exact arithmetic).",
                rule("leaky_relu:2", PoolType.AVG, 2, 0));
        assertEquals("gelu is not affine, and average pooling (y = w*sum(x_i)) over two or more values commutes only "
                + "with affine f (Cauchy's equation: mean of f != f of mean, e.g. by Jensen for convex f).",
                rule("gelu", PoolType.AVG, 2, 0));
        assertFalse(compare("relu", PoolType.AVG, 2, 0).ruleAlwaysEqual());
    }

    @Test
    void linearActivationsCommuteWithAvgEvenWithPadding() {
        OrderComparison.Result id = compare("identity", PoolType.AVG, 2, 1);
        assertTrue(id.ruleAlwaysEqual());
        assertEquals(Verdict.Exactness.BIT_EXACT, id.verdict().exactness());
        assertTrue(id.equal());
        assertTrue(compare("leaky_relu:1", PoolType.AVG, 2, 1).ruleAlwaysEqual());
    }

    @Test
    void countedPaddingNoLongerAddsAnFOfZeroClauseToANonAffineRule() {
        // The former cli rule appended "f(0) = 0.6931 != 0" for softplus with counted padding; the verdict was and is
        // "differs" for every non-affine f, so the engine states the one reason that decides it.
        String s = rule("softplus", PoolType.AVG, 2, 1);
        assertEquals(rule("softplus", PoolType.AVG, 2, 0), s);
        assertEquals("softplus:1.0 is convex but not affine, and average pooling (y = w*sum(x_i)) over two or more "
                + "values commutes only with affine f (Cauchy's equation); by Jensen's inequality f(y) <= sum(w f(x_i)) "
                + "in every window whose weights sum to 1, so there pool first is never above act first (in exact "
                + "arithmetic).", s);
    }

    @Test
    void kernelOneCommutesWithEveryActivation() {
        // The former cli rule said "differs" here for every f that is not non-decreasing (max) or not affine (avg);
        // a 1x1 window only copies its value, so the lab engine's "identical" is right, and the engine agrees.
        for (String act : new String[] {"gelu", "silu", "prelu:-0.5", "hardswish", "relu", "softplus", "tanh"}) {
            OrderComparison.Result max = compare(act, PoolType.MAX, 1, 0);
            assertTrue(max.ruleAlwaysEqual(), act);
            assertEquals("every window holds a single element, so max pooling only copies values and any f commutes "
                    + "with it.", max.verdict().rule());
            assertTrue(max.equal(), act);
            OrderComparison.Result avg = compare(act, PoolType.AVG, 1, 0);
            assertTrue(avg.ruleAlwaysEqual(), act);
            assertEquals("every window holds a single element with weight 1, so the pooling only copies values and "
                    + "any f commutes with it.", avg.verdict().rule());
            assertTrue(avg.equal(), act);
        }
    }
}
