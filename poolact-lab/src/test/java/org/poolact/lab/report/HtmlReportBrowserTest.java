package org.poolact.lab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.poolact.lab.order.Analysis;
import org.poolact.lab.order.GridSpec;

/**
 * Opens the analyze page in a real headless Chromium (Debian's chromium and chromium-driver, see
 * .ci/install-chromium.sh) and checks that the verdict grid, the three heatmaps, both charts and
 * the claims are rendered with a non-zero size and that the console shows no error. Saves a
 * screenshot to target/analyze-report.png. Skipped only when Chromium is absent outside CI.
 */
class HtmlReportBrowserTest {
    @Test
    void pageRendersInHeadlessChromium(@TempDir Path profile) throws Exception {
        HeadlessChromium.assumeAvailable();
        Analysis.Result r = Analysis.run(GridSpec.parse("relu,gelu,prelu:learned,identity", "max,avg", null),
                new Analysis.Settings(0, 500, true));
        Path page = Path.of("target", "analyze-report.html").toAbsolutePath();
        Files.createDirectories(page.getParent());
        Files.writeString(page, HtmlReport.render(r, null, null), StandardCharsets.UTF_8);

        ChromeDriver driver = HeadlessChromium.open(profile, 1400, 2600);
        try {
            driver.get(page.toUri().toString());
            assertEquals("poolact analyze", driver.getTitle());
            for (String id : List.of("verdict-grid", "heatmap-conv", "heatmap-act-pool", "heatmap-pool-act",
                    "chart-sparsity", "chart-gradient", "claims")) {
                WebElement e = driver.findElement(By.id(id));
                Rectangle rect = e.getRect();
                assertTrue(e.isDisplayed(), id + " displayed");
                assertTrue(rect.getWidth() > 50 && rect.getHeight() > 50, id + " size " + rect.getWidth() + "x"
                        + rect.getHeight());
            }
            List<WebElement> cells = driver.findElements(By.cssSelector("#verdict-grid td"));
            assertEquals(4 * 10, cells.size());
            for (WebElement td : cells) {
                assertTrue(td.getSize().getWidth() > 0 && td.getSize().getHeight() > 0);
            }
            assertEquals(32 * 32, driver.findElements(By.cssSelector("#heatmap-conv rect")).size());
            assertEquals(2 * 4, driver.findElements(By.cssSelector("#chart-sparsity rect")).size());
            String bg = driver.findElement(By.cssSelector("#verdict-grid td.v-differs")).getCssValue("background-color");
            assertTrue(bg.contains("192, 57, 43"), bg);
            assertEquals(3, driver.findElements(By.cssSelector("#claims .claim")).size());
            assertEquals(List.of(), HeadlessChromium.consoleProblems(driver), "console errors and warnings");
            HeadlessChromium.screenshot(driver, "analyze-report.png");
        } finally {
            driver.quit();
        }
    }
}
