package org.poolact.cli.commands;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poolact.cli.Cli;

import com.fasterxml.jackson.databind.JsonNode;

/** Black-box tests of {@code poolact analyze}: output fields, formats, exit codes, bad input. */
class AnalyzeCommandTest {

    private static JsonNode cell(JsonNode root, String act, String label) {
        for (JsonNode c : root.get("cells")) {
            if (c.get("act").asText().equals(act) && c.get("pool").get("label").asText().equals(label)) {
                return c;
            }
        }
        throw new AssertionError("no cell " + act + " x " + label);
    }

    @Test
    void jsonCellsCarryVerdictRuleCounterexampleProbesAndMeasurements() {
        JsonNode root = Cli.run("analyze", "--acts", "relu,gelu,prelu:learned", "--pools", "max,avg", "--format", "json")
                .ok().json();
        assertEquals(3 * 10, root.get("cells").size());
        JsonNode relu = cell(root, "relu", "max k2 s2");
        assertEquals("identical", relu.get("verdict").asText());
        assertEquals("max", relu.get("pool").get("kind").asText());
        assertEquals(2, relu.get("pool").get("kernel").get(0).asInt());
        assertFalse(relu.get("pool").get("ceil_mode").asBoolean());
        assertTrue(relu.get("rule").asText().contains("non-decreasing"));
        assertTrue(relu.get("probes").get("maps").asInt() >= 10_000);
        assertEquals(0, relu.get("probes").get("failures").asInt());
        JsonNode m = relu.get("measurements").get(1);
        assertEquals("conv", m.get("map").asText());
        assertEquals(0.0, m.get("max_abs_diff").asDouble());
        assertEquals(16 * 32 * 32, m.get("act_then_pool").get("act_evals").asInt());
        assertEquals(16 * 16 * 16, m.get("pool_then_act").get("act_evals").asInt());
        assertTrue(relu.get("recommendation").asText().startsWith("identical; pool first: 75.0% fewer activation"));

        JsonNode gelu = cell(root, "gelu", "max k2 s2");
        assertEquals("differs", gelu.get("verdict").asText());
        JsonNode cx = gelu.get("counterexample");
        assertEquals(2, cx.get("input").size());
        assertTrue(cx.get("act_then_pool").get(0).get(0).asDouble() > cx.get("pool_then_act").get(0).get(0).asDouble());

        JsonNode relAvg = cell(root, "relu", "avg k3 s2 p1 cip");
        assertEquals(true, relAvg.get("pool").get("count_include_pad").asBoolean());
        assertEquals("differs", relAvg.get("verdict").asText());

        JsonNode prelu = cell(root, "prelu:learned", "max k3 s2 p1");
        assertEquals("conditional", prelu.get("verdict").asText());
        assertEquals("the learned weight >= 0", prelu.get("condition").asText());
        assertTrue(prelu.get("counterexample").get("act").asText().startsWith("prelu:-"));
        assertEquals(3, root.get("claims").size());
        assertEquals(0, root.get("errors").size());
    }

    @Test
    void poolOptionsMakeOneColumnPerPooling() {
        JsonNode root = Cli.run("analyze", "--acts", "relu", "--pools", "avg", "--kernel", "3", "--stride", "2",
                "--padding", "1", "--count-include-pad", "false", "--no-measure", "--probes", "200", "--format", "json")
                .ok().json();
        assertEquals(1, root.get("cells").size());
        JsonNode pool = root.get("cells").get(0).get("pool");
        assertEquals("avg k3 s2 p1 nocip", pool.get("label").asText());
        assertFalse(pool.get("count_include_pad").asBoolean());
    }

    @Test
    void csvAndMarkdown() {
        String csv = Cli.run("analyze", "--acts", "relu,identity", "--pools", "lp", "--no-measure", "--probes", "100",
                "--format", "csv").ok().out();
        String[] lines = csv.split("\r\n");
        assertEquals(1 + 2 * 3, lines.length);
        assertTrue(lines[0].startsWith("act,pool,verdict,condition,"));
        assertTrue(lines[1].startsWith("relu,lp1 k2 s2,differs,"), lines[1]);
        String md = Cli.run("analyze", "--acts", "relu", "--pools", "max", "--no-measure", "--probes", "100",
                "--format", "markdown").ok().out();
        assertTrue(md.contains("| act | max k2 s2 | max k3 s2 p1 |"), md);
        assertTrue(md.contains("| `relu` | == | == | == | == |"), md);
    }

    @Test
    void textTableIsAlignedWithoutColourWhenNotATerminal() {
        String out = Cli.run("analyze", "--acts", "relu,gelu", "--pools", "max", "--no-measure", "--probes", "100")
                .ok().out();
        assertFalse(out.contains("\u001b["), "no ANSI colour off a terminal");
        assertTrue(out.contains("\n     P1   P2   P3   P4\nrelu ==   ==   ==   ==\ngelu !=   !=   !=   !=\n"), out);
        String coloured = Cli.run("analyze", "--acts", "relu", "--pools", "max", "--no-measure", "--probes", "100",
                "--color").ok().out();
        assertTrue(coloured.contains("\u001b[32m"));
    }

    @Test
    void writesTheReport(@TempDir Path dir) throws Exception {
        Path page = dir.resolve("r.html");
        Cli.Run r = Cli.run("analyze", "--acts", "relu,gelu", "--pools", "max,avg", "--probes", "200", "--report",
                page.toString(), "--format", "json");
        assertEquals(0, r.exit(), r.err());
        String html = Files.readString(page);
        assertTrue(html.contains("id=\"verdict-grid\"") && html.contains("id=\"heatmap-conv\"")
                && html.contains("id=\"chart-sparsity\"") && html.contains("id=\"claims\""));
        assertFalse(html.contains("http://") && html.replace("http://www.w3.org/2000/svg", "").contains("http://"),
                "no network references");
        assertFalse(html.contains("https://"));
    }

    @Test
    void unknownNames() {
        Cli.assertBadInput(Cli.run("analyze", "--acts", "relu,swishy"), "unknown activation 'swishy'; valid names: relu");
        Cli.assertBadInput(Cli.run("analyze", "--pools", "max,median"),
                "unknown pooling 'median'; valid names: max, avg, lp, adaptive_avg, adaptive_max");
    }

    @Test
    void contradictoryOptions() {
        Cli.assertBadInput(Cli.run("analyze", "--pools", "max", "--count-include-pad", "false"),
                "--count-include-pad/--divisor-override only apply to avg pooling");
        Cli.assertBadInput(Cli.run("analyze", "--pools", "avg", "--kernel", "2", "--divisor-override", "3",
                "--count-include-pad", "true"), "--divisor-override and --count-include-pad contradict");
        Cli.assertBadInput(Cli.run("analyze", "--pools", "lp", "--kernel", "2", "--padding", "1"),
                "lp_pool2d takes no padding");
        Cli.assertBadInput(Cli.run("analyze", "--pools", "lp", "--kernel", "2", "--norm-type", "3"),
                "analyze covers norm_type 1 and 2");
        Cli.assertBadInput(Cli.run("analyze", "--pools", "max", "--kernel", "2", "--padding", "2"),
                "pad should be at most half of effective kernel size");
    }

    @Test
    void emptyGrid() {
        Cli.assertBadInput(Cli.run("analyze", "--acts", ","), "the grid is empty");
        Cli.assertBadInput(Cli.run("analyze", "--pools", " "), "the grid is empty");
    }

    @Test
    void unwritableReportFailsBeforeComputing(@TempDir Path dir) {
        Cli.assertBadInput(Cli.run("analyze", "--report", dir.resolve("missing/r.html").toString()),
                "cannot write the report");
        Cli.assertBadInput(Cli.run("analyze", "--report", dir.toString()), "it is a directory");
    }
}
