package org.poolact.lab.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poolact.lab.train.BlockStats;
import org.poolact.lab.train.EpochMetrics;

class StudyReportTest {

    private static RunRecord run(String act, String pool, String order, long seed, double acc1, double acc2) {
        List<BlockStats> blocks = List.of(new BlockStats("conv1", 0.5, 2, 32), new BlockStats("conv2", 0.6, 0, 64));
        List<EpochMetrics> es = List.of(new EpochMetrics(1, 0.5, 0.2, acc1, 10, 0.01, blocks),
                new EpochMetrics(2, 0.3, 0.1, acc2, 11, 0.01, blocks));
        return new RunRecord(act, pool, order, seed, "mnist", "fp", acc2, 0.1, 10.5, es);
    }

    @Test
    void selfContainedPageWithTableAndCurves(@TempDir Path dir) throws IOException {
        List<RunRecord> rs = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            rs.add(run("relu", "avg", "act-pool", s, 0.97 + 0.001 * s, 0.985 + 0.001 * s));
            rs.add(run("relu", "avg", "pool-act", s, 0.96 + 0.001 * s, 0.980 + 0.002 * s));
            rs.add(run("gelu", "max", "act-pool", s, 0.97, 0.98));
            rs.add(run("gelu", "max", "pool-act", s, 0.97, 0.98));
        }
        Path f = dir.resolve("report.html");
        StudyReport.write(f, "MNIST <study>", rs);
        String html = Files.readString(f);
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<title>MNIST &lt;study&gt;</title>"));
        assertFalse(html.contains("<script") || html.contains("src=\"http") || html.contains("href=\"http"));
        assertEquals(4, count(html, "<svg "), "two charts per cell");
        assertEquals(3, count(html, "<tr>"), "header and one row per cell");
        assertTrue(html.contains("98.60 &plusmn; 0.10"), "act-pool mean accuracy of relu/avg");
        assertTrue(html.contains("conv1 50.0%<br>conv2 60.0%"));
        assertTrue(html.contains("conv1 2/32"));
        // gelu/max has identical curves in both orders (said once, under its heading); relu/avg does not
        String same = "Both orders had the same test accuracy and loss at every epoch for every seed";
        assertEquals(1, count(html, same));
        assertTrue(html.indexOf(same) > html.indexOf("<h3>gelu / max</h3>"), "under gelu / max");
        for (Summary.Cell c : Summary.of(rs)) {
            assertTrue(html.contains(org.poolact.lab.report.HtmlReport.esc(c.verdict())), c.verdict());
        }
        // every coordinate is a finite number inside the 320x200 canvas
        Matcher m = Pattern.compile(" (?:cx|cy|x|y)=\"([^\"]+)\"").matcher(html);
        int n = 0;
        while (m.find()) {
            double v = Double.parseDouble(m.group(1));
            assertTrue(v >= 0 && v <= 320, m.group());
            n++;
        }
        assertTrue(n > 20);
    }

    private static int count(String s, String what) {
        int n = 0;
        for (int i = s.indexOf(what); i >= 0; i = s.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }
}
