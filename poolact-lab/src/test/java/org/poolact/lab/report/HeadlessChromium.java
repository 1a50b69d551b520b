package org.poolact.lab.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's chromium and chromium-driver (.ci/install-chromium.sh) driven headless through Selenium, for
 * the browser tests of generated pages: flags that keep Chromium off the network, a fresh profile,
 * console messages collected.
 */
public final class HeadlessChromium {
    private static final File CHROMIUM = new File("/usr/bin/chromium");
    private static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");

    private HeadlessChromium() {
    }

    /** Skips the test when Chromium is absent, except in CI ({@code CI} or {@code POOLACT_CI} set), where it must be there. */
    public static void assumeAvailable() {
        boolean ci = System.getenv("CI") != null || System.getenv("POOLACT_CI") != null;
        if (!ci) {
            assumeTrue(CHROMIUM.canExecute() && CHROMEDRIVER.canExecute(), "chromium and chromedriver not installed");
        }
    }

    /** A headless Chromium with a window of {@code width x height} and a fresh profile in {@code profile}. */
    public static ChromeDriver open(Path profile, int width, int height) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=" + width + "," + height);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER)
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(width, height));
        return driver;
    }

    /** Console entries at WARNING or above. */
    public static List<String> consoleProblems(ChromeDriver driver) {
        List<String> problems = new ArrayList<>();
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.WARNING.intValue()) {
                problems.add(entry.getLevel() + " " + entry.getMessage());
            }
        }
        return problems;
    }

    /** Saves a screenshot to {@code target/<name>} and checks it is not blank-small. */
    public static Path screenshot(ChromeDriver driver, String name) throws IOException {
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Path png = Path.of("target", name);
        Files.copy(shot.toPath(), png, StandardCopyOption.REPLACE_EXISTING);
        assertFalse(Files.size(png) < 10_000, "screenshot size");
        return png;
    }
}
