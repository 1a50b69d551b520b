package org.poolact.cli.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.poolact.cli.Cli;

import com.fasterxml.jackson.databind.JsonNode;

class DemoCommandTest {
    private static final List<String> COMPARE_FIELDS = List.of("input_shape", "act", "pool", "act_then_pool",
            "pool_then_act", "equal", "max_abs_diff", "nonzero", "grad_nonzero_inputs", "rule");

    @Test
    void textShowsBothExperimentsWithPrintoutsMeasurementsAndRules() {
        String out = Cli.run("demo").ok().out();
        assertTrue(out.contains("torch.manual_seed(0)"), out);
        assertTrue(out.contains("conv = Conv2d(1, 1, kernel_size=(3, 3), stride=(1, 1))"), out);
        assertTrue(out.contains("grad_fn=<ConvolutionBackward0>)"), out);
        assertTrue(out.contains("== Max pooling: pool = MaxPool2d(kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False)"), out);
        assertTrue(out.contains("== Average pooling: pool = AvgPool2d(kernel_size=2, stride=2, padding=0)"), out);
        assertTrue(out.contains("grad_fn=<MaxPool2DWithIndicesBackward0>)"), out);
        assertTrue(out.contains("grad_fn=<AvgPool2DBackward0>)"), out);
        assertTrue(out.contains("grad_fn=<ReluBackward0>)"), out);
        assertEquals(2, count(out, "Measured in this run:"), out);
        assertEquals(2, count(out, "General rule (holds for every input):"), out);
        assertTrue(out.contains("relu is non-decreasing"), out);
        assertTrue(out.contains("the two orders are equal on this input"), out);
    }

    @Test
    void jsonHasTheInputsAndOneObjectPerExperiment() {
        JsonNode j = Cli.run("demo", "--format", "json").ok().json();
        assertEquals(0, j.get("seed").asLong());
        assertEquals("relu", j.get("act").asText());
        assertEquals(7, j.get("image").get(0).get(0).size());
        assertEquals(3, j.get("conv_weight").get(0).get(0).size());
        assertEquals(1, j.get("conv_bias").size());
        assertEquals(5, j.get("conv_out").get(0).get(0).size());
        for (String kind : List.of("max", "avg")) {
            JsonNode e = j.get(kind);
            for (String field : COMPARE_FIELDS) {
                assertTrue(e.has(field), kind + "." + field);
            }
            assertEquals(kind, e.get("pool").get("kind").asText());
            assertEquals("[1,1,5,5]", e.get("input_shape").toString());
            assertEquals(49, e.get("grad_nonzero_image_pixels").get("of").asInt());
        }
        assertTrue(j.get("max").get("equal").asBoolean(), "relu commutes with max");
    }

    @Test
    void convOutIsTheConvolutionOfTheImage() {
        JsonNode j = Cli.run("demo", "--format", "json").ok().json();
        JsonNode img = j.get("image").get(0).get(0);
        JsonNode w = j.get("conv_weight").get(0).get(0);
        double bias = j.get("conv_bias").get(0).asDouble();
        for (int r = 0; r < 5; r++) {
            for (int c = 0; c < 5; c++) {
                double s = bias;
                for (int i = 0; i < 3; i++) {
                    for (int k = 0; k < 3; k++) {
                        s += img.get(r + i).get(c + k).asDouble() * w.get(i).get(k).asDouble();
                    }
                }
                assertEquals(s, j.get("conv_out").get(0).get(0).get(r).get(c).asDouble(), 1e-5);
            }
        }
    }

    @Test
    void seedZeroDrawsTheImageAsTorchRandnDoes() {
        // torch.manual_seed(0); torch.randn(1, 1, 7, 7): the first 16 values are those of torch.randn(4, 4)
        JsonNode row = Cli.run("demo", "--format", "json").ok().json().get("image").get(0).get(0).get(0);
        assertEquals(-1.1258, row.get(0).asDouble(), 1e-4);
        assertEquals(-1.1524, row.get(1).asDouble(), 1e-4);
        assertEquals(-0.2506, row.get(2).asDouble(), 1e-4);
        assertEquals(-0.4339, row.get(3).asDouble(), 1e-4);
    }

    @Test
    void seedChangesTheNumbersAndRunsAreReproducible() {
        String a = Cli.run("demo", "--format", "json").ok().out();
        assertEquals(a, Cli.run("demo", "--format", "json", "--seed", "0").ok().out());
        assertNotEquals(a, Cli.run("demo", "--format", "json", "--seed", "1").ok().out());
    }

    @Test
    void poolSelectsTheExperiments() {
        JsonNode j = Cli.run("demo", "--format", "json", "--pool", "avg").ok().json();
        assertTrue(j.has("avg"));
        assertFalse(j.has("max"));
        String out = Cli.run("demo", "--pool", "max").ok().out();
        assertTrue(out.contains("== Max pooling"), out);
        assertFalse(out.contains("== Average pooling"), out);
    }

    @Test
    void geluWithMaxDiffersWhenTheNumbersMakeItAndSaysWhy() {
        // seed 102: one 2x2 window of conv_out lies in [-1.51, -0.70], where gelu decreases
        JsonNode max = Cli.run("demo", "--format", "json", "--pool", "max", "--act", "gelu", "--seed", "102")
                .ok().json().get("max");
        assertFalse(max.get("equal").asBoolean());
        assertEquals(1, max.get("differing_outputs").asInt());
        assertTrue(max.get("max_abs_diff").asDouble() > 0.05);
        assertFalse(max.get("rule_always_equal").asBoolean());
        assertTrue(max.get("rule").asText().contains("not monotone"), max.get("rule").asText());
        String text = Cli.run("demo", "--pool", "max", "--act", "gelu", "--seed", "102").ok().out();
        assertTrue(text.contains("differing outputs:    1 of 4, first at [0, 0, 1, 1]"), text);
        assertTrue(text.contains("the two orders differ on this input"), text);
    }

    @Test
    void geluWithMaxCanAlsoAgreeByChanceAndSaysSo() {
        String text = Cli.run("demo", "--pool", "max", "--act", "gelu", "--seed", "0").ok().out();
        assertTrue(text.contains("equal on this input, but only by chance of the numbers"), text);
    }

    @Test
    void reluWithMaxIsAlwaysEqual() {
        for (int seed = 100; seed < 110; seed++) {
            JsonNode max = Cli.run("demo", "--format", "json", "--pool", "max", "--seed", "" + seed).ok().json()
                    .get("max");
            assertTrue(max.get("equal").asBoolean(), "seed " + seed);
            assertTrue(max.get("rule_always_equal").asBoolean());
        }
    }

    @Test
    void poolOptionsApplyToBothExperiments() {
        JsonNode j = Cli.run("demo", "--format", "json", "--kernel", "3", "--stride", "1", "--padding", "1").ok().json();
        for (String kind : List.of("max", "avg")) {
            assertEquals("[1,1,5,5]", Cli.shapeOf(j.get(kind).get("act_then_pool")));
        }
    }

    private static int count(String s, String sub) {
        int n = 0;
        for (int i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + 1)) {
            n++;
        }
        return n;
    }
}
