package org.megacity.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven by its own chromedriver (nothing is downloaded). The binaries
 * come from {@code MEGACITY_CHROMIUM} and {@code MEGACITY_CHROMEDRIVER} (defaults
 * {@code /usr/bin/chromium}, {@code /usr/bin/chromedriver}). Where they are missing, browser tests
 * are skipped, unless the run requires them ({@code -Dmegacity.test.browser.required=true}, as CI does).
 */
public final class Browser implements ExecutionCondition {

    static File chromium() {
        return new File(env("MEGACITY_CHROMIUM", "/usr/bin/chromium"));
    }

    static File chromedriver() {
        return new File(env("MEGACITY_CHROMEDRIVER", "/usr/bin/chromedriver"));
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (chromium().canExecute() && chromedriver().canExecute()) {
            return ConditionEvaluationResult.enabled("Chromium at " + chromium());
        }
        String missing = "Chromium or chromedriver missing (" + chromium() + ", " + chromedriver()
                + "): apt-get install chromium chromium-driver";
        if (Boolean.getBoolean("megacity.test.browser.required")) {
            throw new IllegalStateException(missing);
        }
        return ConditionEvaluationResult.disabled(missing);
    }

    /** A new headless browser with a fresh profile, window 1280x900 unless the test resizes it. */
    public static WebDriver start() {
        try {
            Path profile = Files.createTempDirectory("megacity-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(chromium());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--window-size=1280,900", "--lang=zh-CN", "--user-data-dir=" + profile);
            // the console log, so that tests can look for Content Security Policy violations
            options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(chromedriver()).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            return driver;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The browser console's messages since the last call that report a Content Security Policy
     * violation (a script, style or connection the page's policy refused).
     */
    public static java.util.List<String> contentSecurityPolicyViolations(WebDriver driver) {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .map(org.openqa.selenium.logging.LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy")).toList();
    }

    /** Saves a screenshot under {@code target/screenshots/NAME.png} for a person to look at. */
    public static void screenshot(WebDriver driver, String name) {
        try {
            Path dir = Path.of("target", "screenshots");
            Files.createDirectories(dir);
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Files.write(dir.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
