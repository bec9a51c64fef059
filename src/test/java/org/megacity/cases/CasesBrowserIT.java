package org.megacity.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.megacity.geo.Geography;
import org.megacity.organization.Organization;
import org.megacity.platform.DataDirectory;
import org.megacity.testing.Browser;
import org.megacity.testing.IntegrationTest;
import org.megacity.testing.TinyCity;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A hotline call from intake through filing, dispatch, handling, verification and closure to the
 * caller's evaluation, each step by its own account in the browser; then a citizen's public report
 * and its tracking page, and the KPI dashboard.
 */
@IntegrationTest
@AutoConfigureMockMvc
@ExtendWith(Browser.class)
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CasesBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    DataDirectory data;
    @Autowired
    Geography geography;
    @Autowired
    Organization organization;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    WebDriver browser;
    WebDriverWait wait;

    @BeforeAll
    void accounts() throws Exception {
        CaseFixtures.city(geography, organization);
        CaseFixtures f = new CaseFixtures(mvc, data);
        f.create("b.operator", "HOTLINE_OPERATOR", List.of(), List.of());
        f.create("b.dispatcher", "DISPATCHER", List.of(), List.of());
        f.create("b.handler", "DEPARTMENT_HANDLER", List.of(), List.of("water-supply"));
        f.create("b.inspector", "INSPECTOR", List.of(TinyCity.DISTRICT), List.of());
    }

    @BeforeEach
    void start() {
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    void signIn(String username) {
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        type("username", username);
        type("password", CaseFixtures.PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("nav-cases")));
    }

    void act(String caseUrl, String action, String field, String value) {
        browser.get(caseUrl);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("action-" + action)));
        if (field != null) {
            WebElement input = browser.findElement(By.cssSelector("#form-" + action + " [name='" + field + "']"));
            if (input.getTagName().equals("select")) {
                new Select(input).selectByValue(value);
            } else {
                input.sendKeys(value);
            }
        }
        browser.findElement(By.id("action-" + action)).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("case-status")));
        assertThat(browser.findElements(By.id("problem"))).as("no problem after " + action).isEmpty();
    }

    String status() {
        return browser.findElement(By.id("case-status")).getAttribute("data-status");
    }

    @Test
    void aHotlineCallFromIntakeToEvaluation() {
        double[] p = TinyCity.pointInFirstGrid();
        signIn("b.operator");
        browser.findElement(By.id("nav-cases")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("new-case"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("intake")));
        new Select(browser.findElement(By.id("hotlineType"))).selectByValue("complaint");
        new Select(browser.findElement(By.id("category"))).selectByValue("E0501");
        type("description", "小区门口供水管爆裂，水流到路上");
        type("reporterName", "王小明");
        type("reporterPhone", "13712345678");
        type("lon", String.valueOf(p[0]));
        type("lat", String.valueOf(p[1]));
        Browser.screenshot(browser, "cases-01-intake");
        browser.findElement(By.id("submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("case-status")));
        String caseUrl = browser.getCurrentUrl();
        assertThat(caseUrl).matches(".*/cases/\\d+$");
        assertThat(status()).isEqualTo("reported");
        assertThat(browser.findElement(By.id("case-phone")).getText()).isEqualTo("13712345678");

        signIn("b.dispatcher");
        act(caseUrl, "file", null, null);
        assertThat(status()).isEqualTo("filed");
        act(caseUrl, "dispatch", null, null);
        assertThat(status()).isEqualTo("dispatched");
        assertThat(browser.findElement(By.id("case-department")).getText()).contains("water-supply");

        signIn("b.handler");
        act(caseUrl, "accept", null, null);
        act(caseUrl, "handle", "evidence", "更换破裂管段，恢复供水，现场照片已上传");
        assertThat(status()).isEqualTo("handled");

        signIn("b.inspector");
        browser.get(caseUrl);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("case-phone")));
        assertThat(browser.findElement(By.id("case-phone")).getText()).isEqualTo("137****5678");
        act(caseUrl, "verify", null, null);
        assertThat(status()).isEqualTo("verified");

        signIn("b.dispatcher");
        act(caseUrl, "close", null, null);
        assertThat(status()).isEqualTo("closed");

        signIn("b.operator");
        act(caseUrl, "evaluate", "satisfaction", "5");
        assertThat(status()).isEqualTo("evaluated");
        assertThat(browser.findElement(By.id("case-satisfaction")).getText()).isEqualTo("5");
        assertThat(browser.findElements(By.cssSelector("#timeline li"))).hasSize(8);
        Browser.screenshot(browser, "cases-02-evaluated");

        // the desk on a phone, the KPI dashboard with its chart
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(url("/cases?status=evaluated"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("case-map")));
        Browser.screenshot(browser, "cases-03-desk-phone");
        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.get(url("/cases/kpis?lang=en"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#kpi-table tbody tr")));
        assertThat(browser.findElements(By.cssSelector("#kpi-chart canvas"))).isNotEmpty();
        assertThat(browser.findElement(By.id("nav-cases")).getText()).isEqualTo("Cases");
        Browser.screenshot(browser, "cases-04-kpis");
    }

    @Test
    void aCitizenReportsWithoutAnAccountAndTracksTheReport() {
        double[] p = TinyCity.pointInFirstGrid();
        browser.get(url("/report"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("report")));
        type("lon", String.valueOf(p[0] + 0.001));
        type("lat", String.valueOf(p[1] - 0.001));
        new Select(browser.findElement(By.id("category"))).selectByValue("E0101");
        type("description", "路边垃圾堆放三天无人清运");
        type("mediaUrl", "https://img.example.cn/garbage.jpg");
        browser.findElement(By.id("submit")).click();
        WebElement status = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("track-status")));
        assertThat(status.getAttribute("data-status")).isEqualTo("reported");
        assertThat(browser.getCurrentUrl()).contains("/track/");
        Browser.screenshot(browser, "cases-05-track");
        browser.get(url("/track?token=unknown"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".problem")));
        // staff see the photo's link on the case page, opened apart from the platform
        long id = jdbc.sql("select id from cases_case where description = ?").param("路边垃圾堆放三天无人清运")
                .query(Long.class).single();
        signIn("b.dispatcher");
        browser.get(url("/cases/" + id));
        WebElement media = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("media")));
        assertThat(media.getAttribute("href")).isEqualTo("https://img.example.cn/garbage.jpg");
        assertThat(media.getAttribute("rel")).contains("noopener", "noreferrer");
    }

    private void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }
}
