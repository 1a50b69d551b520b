package org.poolact.cli.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.DoublePredicate;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.poolact.cli.Cli;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code compare}'s JSON checked against values computed here independently, in double precision, for
 * max and avg pooling with relu, leaky_relu, prelu (positive and negative weight), gelu, silu and
 * identity: both outputs, equality, max abs difference, non-zero counts, gradient counts and rule.
 */
class CompareOutputTest {
    /** A 4x4 map; 2x2 windows: {1,-3,2,-4}, {0.5,-0.25,-1,-2}, {-3,-1,-0.5,-2}, {0,1.5,3,-1}. */
    static final double[][] MAP = {
        {1.0, -3.0, 0.5, -0.25},
        {2.0, -4.0, -1.0, -2.0},
        {-3.0, -1.0, 0.0, 1.5},
        {-0.5, -2.0, 3.0, -1.0},
    };
    static final String MAP_JSON = "[[1.0, -3.0, 0.5, -0.25],\n [2.0, -4.0, -1.0, -2.0],\n"
            + " [-3.0, -1.0, 0.0, 1.5],\n [-0.5, -2.0, 3.0, -1.0]]\n";

    @TempDir
    Path dir;

    /** An activation's formula, where its derivative is non-zero, and its general verdict for max and avg. */
    record Act(String spec, DoubleUnaryOperator f, DoublePredicate derivativeNonzero, boolean maxAlwaysEqual,
            String maxRuleWord, String avgRuleWord) {
        @Override
        public String toString() {
            return spec;
        }
    }

    static double erf(double x) {
        // Numerical Recipes' erfc by Chebyshev fit, fractional error below 1.2e-7.
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? 1 - r : r - 1;
    }

    static Stream<Act> acts() {
        return Stream.of(
                new Act("relu", x -> Math.max(x, 0), x -> x > 0, true, "non-decreasing", "convex"),
                new Act("leaky_relu:0.1", x -> x > 0 ? x : 0.1 * x, x -> true, true, "non-decreasing", "convex"),
                new Act("prelu:0.25", x -> x > 0 ? x : 0.25 * x, x -> true, true, "non-decreasing", "convex"),
                new Act("prelu:-0.5", x -> x > 0 ? x : -0.5 * x, x -> true, false, "not monotone", "convex"),
                new Act("gelu", x -> 0.5 * x * (1 + erf(x / Math.sqrt(2))), x -> true, false, "not monotone", "not affine"),
                new Act("silu", x -> x / (1 + Math.exp(-x)), x -> true, false, "not monotone", "not affine"),
                new Act("identity", x -> x, x -> true, true, "non-decreasing",
                        "identity is the identity, so both orders run the same pooling on the same values, bit for bit."));
    }

    static Stream<Arguments> cases() {
        return acts().flatMap(a -> Stream.of(Arguments.of(a, "max"), Arguments.of(a, "avg")));
    }

    private Path mapFile() throws IOException {
        Path f = dir.resolve("map.json");
        Files.writeString(f, MAP_JSON);
        return f;
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void jsonFieldsMatchAnIndependentComputation(Act act, String pool) throws IOException {
        JsonNode j = Cli.run("compare", "--input", mapFile().toString(), "--act", act.spec(), "--pool", pool,
                "--format", "json").ok().json();

        assertEquals("[4,4]", j.get("input_shape").toString());
        assertEquals(act.spec(), j.get("act").asText());
        JsonNode p = j.get("pool");
        assertEquals(pool, p.get("kind").asText());
        assertEquals("[2,2]", p.get("kernel").toString());
        assertEquals("[2,2]", p.get("stride").toString());
        assertEquals("[0,0]", p.get("padding").toString());
        assertFalse(p.get("ceil_mode").asBoolean());
        assertTrue(p.get("count_include_pad").asBoolean());

        double[][] a = new double[2][2];
        double[][] b = new double[2][2];
        int nonzeroA = 0;
        int nonzeroB = 0;
        int gradA = 0;
        int gradB = 0;
        double maxDiff = 0;
        for (int i = 0; i < 2; i++) {
            for (int k = 0; k < 2; k++) {
                double[] w = {MAP[2 * i][2 * k], MAP[2 * i][2 * k + 1], MAP[2 * i + 1][2 * k], MAP[2 * i + 1][2 * k + 1]};
                if (pool.equals("max")) {
                    int argA = 0;
                    int argB = 0;
                    for (int q = 1; q < 4; q++) {
                        argA = act.f().applyAsDouble(w[q]) > act.f().applyAsDouble(w[argA]) ? q : argA;
                        argB = w[q] > w[argB] ? q : argB;
                    }
                    a[i][k] = act.f().applyAsDouble(w[argA]);
                    b[i][k] = act.f().applyAsDouble(w[argB]);
                    gradA += act.derivativeNonzero().test(w[argA]) ? 1 : 0;
                    gradB += act.derivativeNonzero().test(w[argB]) ? 1 : 0;
                } else {
                    double mean = (w[0] + w[1] + w[2] + w[3]) / 4;
                    for (double v : w) {
                        a[i][k] += act.f().applyAsDouble(v) / 4;
                        gradA += act.derivativeNonzero().test(v) ? 1 : 0;
                    }
                    b[i][k] = act.f().applyAsDouble(mean);
                    gradB += act.derivativeNonzero().test(mean) ? 4 : 0;
                }
                nonzeroA += a[i][k] != 0 ? 1 : 0;
                nonzeroB += b[i][k] != 0 ? 1 : 0;
                maxDiff = Math.max(maxDiff, Math.abs(a[i][k] - b[i][k]));
                assertEquals(a[i][k], j.get("act_then_pool").get(i).get(k).asDouble(), 1e-6, "act_then_pool");
                assertEquals(b[i][k], j.get("pool_then_act").get(i).get(k).asDouble(), 1e-6, "pool_then_act");
            }
        }
        boolean equal = maxDiff < 1e-6;
        assertEquals(equal, j.get("equal").asBoolean(), "equal");
        assertEquals(maxDiff, j.get("max_abs_diff").asDouble(), 1e-6, "max_abs_diff");
        assertEquals(nonzeroA, j.get("nonzero").get("act_then_pool").asInt(), "nonzero act_then_pool");
        assertEquals(nonzeroB, j.get("nonzero").get("pool_then_act").asInt(), "nonzero pool_then_act");
        assertEquals(gradA, j.get("grad_nonzero_inputs").get("act_then_pool").asInt(), "grad act_then_pool");
        assertEquals(gradB, j.get("grad_nonzero_inputs").get("pool_then_act").asInt(), "grad pool_then_act");
        String rule = j.get("rule").asText();
        boolean always = pool.equals("max") ? act.maxAlwaysEqual() : act.spec().equals("identity");
        assertEquals(always, j.get("rule_always_equal").asBoolean(), rule);
        assertTrue(rule.contains(pool.equals("max") ? act.maxRuleWord() : act.avgRuleWord()), rule);
    }

    @Test
    void theOrdersOfThePostWithRelu() throws IOException {
        JsonNode max = Cli.run("compare", "-i", mapFile().toString(), "--act", "relu", "--pool", "max",
                "--format", "json").ok().json();
        assertTrue(max.get("equal").asBoolean());
        JsonNode avg = Cli.run("compare", "-i", mapFile().toString(), "--act", "relu", "--pool", "avg",
                "--format", "json").ok().json();
        assertFalse(avg.get("equal").asBoolean());
        // pool first zeroes more outputs: the post's claim 2, measured
        assertTrue(avg.get("nonzero").get("pool_then_act").asInt() < avg.get("nonzero").get("act_then_pool").asInt());
    }

    @Test
    void gelu_withMaxDiffersOnAWindowStraddlingItsMinimum() throws IOException {
        Path f = dir.resolve("gelu.json");
        Files.writeString(f, "[[-3.0, -1.0]]");
        JsonNode j = Cli.run("compare", "-i", f.toString(), "--act", "gelu", "--pool", "max", "--kernel", "1,2",
                "--format", "json").ok().json();
        assertFalse(j.get("equal").asBoolean());
        assertEquals(-0.0040496, j.get("act_then_pool").get(0).get(0).asDouble(), 1e-6); // gelu(-3)
        assertEquals(-0.1586553, j.get("pool_then_act").get(0).get(0).asDouble(), 1e-6); // gelu(-1)
        assertTrue(j.get("rule").asText().contains("not monotone"), j.get("rule").asText());
    }

    @Test
    void textFormatShowsPrintoutsMeasurementsAndRuleApart() throws IOException {
        String out = Cli.run("compare", "-i", mapFile().toString(), "--act", "relu", "--pool", "avg").ok().out();
        assertTrue(out.contains("tensor([[0.7500, 0.1250],\n        [0.0000, 1.1250]], grad_fn=<AvgPool2DBackward0>)"), out);
        assertTrue(out.contains("grad_fn=<ReluBackward0>)"), out);
        int measured = out.indexOf("Measured in this run:");
        int rule = out.indexOf("General rule (holds for every input):");
        assertTrue(measured > 0 && rule > measured, out);
        assertTrue(out.contains("equal (exact float):  no"), out);
        assertTrue(out.contains("pool -> act has 2 more zero"), out);
    }

    @Test
    void pytorchTensorTextGivesTheSameResultAsJson() throws IOException {
        Path t = dir.resolve("conv_out.txt");
        Files.writeString(t, "tensor([[[[ 1.0000, -3.0000,  0.5000, -0.2500],\n"
                + "          [ 2.0000, -4.0000, -1.0000, -2.0000],\n"
                + "          [-3.0000, -1.0000,  0.0000,  1.5000],\n"
                + "          [-0.5000, -2.0000,  3.0000, -1.0000]]]], grad_fn=<ConvolutionBackward0>)\n");
        JsonNode fromText = Cli.run("compare", "-i", t.toString(), "--act", "gelu", "--pool", "avg", "--format", "json")
                .ok().json();
        JsonNode fromJson = Cli.run("compare", "-i", mapFile().toString(), "--act", "gelu", "--pool", "avg",
                "--format", "json").ok().json();
        assertEquals("[1,1,4,4]", fromText.get("input_shape").toString());
        assertEquals(fromJson.get("act_then_pool").toString(), fromText.get("act_then_pool").get(0).get(0).toString());
        assertEquals(fromJson.get("pool_then_act").toString(), fromText.get("pool_then_act").get(0).get(0).toString());
    }

    @Test
    void theReadmeExampleDiffersForGeluWithMax() {
        // docs/examples/conv_out.txt is what `poolact demo --seed 102` printed for conv_out
        JsonNode j = Cli.run("compare", "-i", "../docs/examples/conv_out.txt", "--act", "gelu", "--pool", "max",
                "--format", "json").ok().json();
        assertEquals("[1,1,5,5]", j.get("input_shape").toString());
        assertFalse(j.get("equal").asBoolean());
        assertEquals(1, j.get("differing_outputs").asInt());
    }

    @Test
    void readsStdin() {
        JsonNode j = Cli.runWithStdin(MAP_JSON, "compare", "-i", "-", "--act", "relu", "--pool", "max", "--format", "json")
                .ok().json();
        assertEquals("[4,4]", j.get("input_shape").toString());
        String text = Cli.runWithStdin(MAP_JSON, "compare", "-i", "-", "--act", "relu", "--pool", "max").ok().out();
        assertTrue(text.contains("<stdin>"), text);
    }

    @Test
    void rank3AndRank4KeepTheirRank() {
        JsonNode r3 = Cli.runWithStdin("[" + MAP_JSON + "]", "compare", "-i", "-", "--act", "relu", "--pool", "max",
                "--format", "json").ok().json();
        assertEquals("[1,2,2]", Cli.shapeOf(r3.get("act_then_pool")));
        JsonNode r4 = Cli.runWithStdin("[[" + MAP_JSON + "]]", "compare", "-i", "-", "--act", "relu", "--pool", "max",
                "--format", "json").ok().json();
        assertEquals("[1,1,2,2]", Cli.shapeOf(r4.get("pool_then_act")));
    }

    @Test
    void poolOptionsReachThePooling() {
        JsonNode j = Cli.runWithStdin(MAP_JSON, "compare", "-i", "-", "--act", "relu", "--pool", "avg", "--kernel", "3",
                "--stride", "1", "--padding", "1", "--ceil-mode", "--count-include-pad", "false", "--format", "json")
                .ok().json();
        JsonNode p = j.get("pool");
        assertEquals("[3,3]", p.get("kernel").toString());
        assertEquals("[1,1]", p.get("stride").toString());
        assertEquals("[1,1]", p.get("padding").toString());
        assertTrue(p.get("ceil_mode").asBoolean());
        assertFalse(p.get("count_include_pad").asBoolean());
        assertEquals("[4,4]", Cli.shapeOf(j.get("act_then_pool")));
        // corner window {1,-3,2,-4} with count_include_pad=false: mean of relu = 3/4
        assertEquals(0.75, j.get("act_then_pool").get(0).get(0).asDouble(), 1e-6);
    }

    @Test
    void nanAndInfinityPropagateAndAreReported() {
        String map = "[[NaN, 1.0, 2.0, \"-Infinity\"], [0.5, -1.0, Infinity, 3.0]]";
        JsonNode j = Cli.runWithStdin(map, "compare", "-i", "-", "--act", "relu", "--pool", "max", "--format", "json")
                .ok().json();
        assertEquals(1, j.get("input_non_finite").get("nan").asInt());
        assertEquals(1, j.get("input_non_finite").get("pos_inf").asInt());
        assertEquals(1, j.get("input_non_finite").get("neg_inf").asInt());
        assertEquals("NaN", j.get("act_then_pool").get(0).get(0).asText());
        assertEquals("NaN", j.get("pool_then_act").get(0).get(0).asText());
        assertEquals("Infinity", j.get("pool_then_act").get(0).get(1).asText());
        assertFalse(j.get("equal").asBoolean(), "NaN != NaN, as torch.equal");
        assertTrue(j.get("equal_nan").asBoolean());
        String text = Cli.runWithStdin(map, "compare", "-i", "-", "--act", "relu", "--pool", "max").ok().out();
        assertTrue(text.contains("input holds 1 NaN, 1 +inf, 1 -inf"), text);
        assertTrue(text.contains("nan"), text);
    }
}
