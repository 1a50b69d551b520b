package org.poolact.lab.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.poolact.lab.report.HeadlessChromium;
import org.poolact.lab.train.BlockStats;
import org.poolact.lab.train.EpochMetrics;

/**
 * Opens a study report in headless Chromium: the summary table and every learning-curve chart are
 * displayed with a real size, each chart has its lines (3 seeds + the mean, per order), and the
 * console is clean. Screenshot: target/study-report.png. Skipped only when Chromium is absent outside CI.
 */
class StudyReportBrowserTest {

    @Test
    void reportRendersInHeadlessChromium(@TempDir Path profile) throws Exception {
        HeadlessChromium.assumeAvailable();
        List<RunRecord> rs = new ArrayList<>();
        String[] acts = {"relu", "prelu:0.25"};
        for (String act : acts) {
            for (String pool : List.of("max", "avg")) {
                for (String order : List.of("act-pool", "pool-act")) {
                    for (int s = 0; s < 3; s++) {
                        List<EpochMetrics> es = new ArrayList<>();
                        for (int e = 1; e <= 3; e++) {
                            double acc = 0.9 + 0.03 * e + 0.001 * s + (order.equals("act-pool") ? 0.002 : 0);
                            es.add(new EpochMetrics(e, 0.5 / e, 0.3 / e, acc, 10, 0.01,
                                    List.of(new BlockStats("conv1", 0.4, 1, 32))));
                        }
                        rs.add(new RunRecord(act, pool, order, s, "mnist", "fp", es.get(2).testAccuracy(), 0.1, 10, es));
                    }
                }
            }
        }
        Path page = Path.of("target", "study-report.html").toAbsolutePath();
        Files.createDirectories(page.getParent());
        Files.writeString(page, StudyReport.render("poolact study", rs), StandardCharsets.UTF_8);

        ChromeDriver driver = HeadlessChromium.open(profile, 1400, 2000);
        try {
            driver.get(page.toUri().toString());
            assertEquals("poolact study", driver.getTitle());
            WebElement table = driver.findElement(By.id("summary"));
            assertTrue(table.isDisplayed() && table.getRect().getWidth() > 400, "summary table");
            assertEquals(1 + 4, driver.findElements(By.cssSelector("#summary tr")).size());
            List<String> ids = new ArrayList<>();
            for (String act : List.of("relu", "prelu_0_25")) {
                for (String pool : List.of("max", "avg")) {
                    ids.add("curve-" + act + "-" + pool + "-accuracy");
                    ids.add("curve-" + act + "-" + pool + "-loss");
                }
            }
            for (String id : ids) {
                WebElement svg = driver.findElement(By.id(id));
                Rectangle r = svg.getRect();
                assertTrue(svg.isDisplayed() && r.getWidth() > 200 && r.getHeight() > 100, id + " " + r.getWidth() + "x"
                        + r.getHeight());
                assertEquals(2 * (3 + 1), driver.findElements(By.cssSelector("#" + id + " polyline")).size(), id);
            }
            assertEquals(List.of(), HeadlessChromium.consoleProblems(driver), "console errors and warnings");
            HeadlessChromium.screenshot(driver, "study-report.png");
        } finally {
            driver.quit();
        }
    }
}
