package org.megacity.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.megacity.geo.DivisionLevel;
import org.megacity.geo.Geography;
import org.megacity.geo.ImportOutcome;
import org.megacity.platform.DataDirectory;
import org.megacity.testing.Browser;
import org.megacity.testing.IntegrationTest;
import org.megacity.testing.TinyCity;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/** What the system administrator does on the first day, in a real (headless) Chromium. */
@IntegrationTest
@ExtendWith(Browser.class)
@DirtiesContext
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT {

    static final String NEW_PASSWORD = "Mountain-City-2026!";

    @LocalServerPort
    int port;
    @Autowired
    DataDirectory data;
    @Autowired
    Geography geography;

    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void start() {
        if (geography.count(DivisionLevel.GRID) == 0) {
            assertThat(geography.importDivisions(TinyCity.divisions())).isInstanceOf(ImportOutcome.Imported.class);
        }
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    @Order(1)
    void theAdministratorSignsInChangesTheFirstPasswordSwitchesLanguageAndLocatesACoordinate() throws Exception {
        String firstPassword = Files.readString(data.resolve("initial-admin-password"), StandardCharsets.UTF_8).trim();

        browser.get(url("/map"));
        wait.until(ExpectedConditions.urlContains("/login"));
        assertThat(browser.findElement(By.id("login-submit")).getText()).isEqualTo("登录");
        type("username", "sysadmin");
        type("password", firstPassword);
        Browser.screenshot(browser, "01-login");
        browser.findElement(By.id("login-submit")).click();

        wait.until(ExpectedConditions.urlContains("/account/password"));
        assertThat(browser.findElement(By.id("password-forced")).isDisplayed()).isTrue();
        type("oldPassword", firstPassword);
        type("newPassword", NEW_PASSWORD);
        type("confirmPassword", NEW_PASSWORD);
        Browser.screenshot(browser, "02-first-password");
        browser.findElement(By.id("password-submit")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("count-grids")));
        assertThat(browser.findElement(By.id("count-grids")).getText()).isEqualTo("24");
        assertThat(browser.findElement(By.id("count-districts")).getText()).isEqualTo("1");
        Browser.screenshot(browser, "03-home");

        browser.findElement(By.id("nav-map")).click();
        waitForMap();
        assertThat(browser.findElement(By.cssSelector("#locate-form h2")).getText()).isEqualTo("坐标定位");

        browser.findElement(By.id("lang-switch")).click();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#locate-form h2"), "Locate a coordinate"));
        waitForMap();
        assertThat(browser.findElement(By.id("nav-map")).getText()).isEqualTo("Map");

        double[] point = TinyCity.pointInFirstGrid();
        type("locate-lon", Double.toString(point[0]));
        type("locate-lat", Double.toString(point[1]));
        browser.findElement(By.id("locate-submit")).click();
        WebElement grid = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("result-grid")));
        assertThat(grid.getText()).contains("500103001001001");
        assertThat(browser.findElement(By.id("result-district")).getText()).contains("Yuzhong District (500103)");
        Browser.screenshot(browser, "04-located");

        type("locate-lon", "100.0");
        type("locate-lat", "20.0");
        browser.findElement(By.id("locate-submit")).click();
        wait.until(ExpectedConditions.textToBe(By.id("result-error"), "This coordinate lies outside the city."));
    }

    @Test
    @Order(2)
    void theMapIsUsableOnAPhone() throws Exception {
        signIn();
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(url("/map"));
        waitForMap();
        WebElement map = browser.findElement(By.id("map"));
        WebElement panel = browser.findElement(By.className("panel"));
        assertThat(map.getSize().getHeight()).isGreaterThan(250);
        assertThat(map.getSize().getWidth()).isGreaterThan(350);
        assertThat(panel.getLocation().getY() + panel.getSize().getHeight()).isLessThanOrEqualTo(map.getLocation().getY());
        Browser.screenshot(browser, "05-phone-map");
    }

    /** Signs in as the system administrator, changing the first password if that is still due. */
    private void signIn() throws Exception {
        browser.get(url("/login"));
        type("username", "sysadmin");
        var first = data.resolve("initial-admin-password");
        String password = Files.exists(first) ? Files.readString(first, StandardCharsets.UTF_8).trim() : NEW_PASSWORD;
        type("password", password);
        browser.findElement(By.id("login-submit")).click();
        if (!password.equals(NEW_PASSWORD)) {
            wait.until(ExpectedConditions.urlContains("/account/password"));
            type("oldPassword", password);
            type("newPassword", NEW_PASSWORD);
            type("confirmPassword", NEW_PASSWORD);
            browser.findElement(By.id("password-submit")).click();
        }
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("count-grids")));
    }

    private void waitForMap() {
        wait.until(ExpectedConditions.attributeToBe(By.id("map"), "data-ready", "true"));
        wait.until(d -> d.findElement(By.id("map")).getAttribute("data-features") != null);
    }

    private void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
