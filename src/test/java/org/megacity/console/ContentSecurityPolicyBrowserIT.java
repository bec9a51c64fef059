package org.megacity.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.megacity.cases.CaseFixtures;
import org.megacity.geo.Geography;
import org.megacity.organization.Organization;
import org.megacity.platform.DataDirectory;
import org.megacity.testing.Browser;
import org.megacity.testing.IntegrationTest;
import org.megacity.testing.TinyCity;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every page, public and signed in, loads in Chromium under the Content Security Policy without a
 * single violation in the console: the inline scripts carry the response's nonce, no page relies
 * on an inline event handler, eval or another origin. Pages that draw maps and charts are shown
 * with a case on them, so their scripts run.
 */
@IntegrationTest
@AutoConfigureMockMvc
@ExtendWith(Browser.class)
@DirtiesContext
class ContentSecurityPolicyBrowserIT {

    static final List<String> PUBLIC = List.of("/login", "/report", "/track", "/legislation/public", "/participation/public",
            "/swagger-ui/index.html");
    static final List<String> SIGNED_IN = List.of("/", "/map", "/assets", "/vitals", "/vitals/alerts", "/cases",
            "/cases/intake", "/cases/kpis", "/legislation", "/participation", "/representatives", "/representatives/report");

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    DataDirectory data;

    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void start(@Autowired Geography geography, @Autowired Organization organization) throws Exception {
        if (geography.count(org.megacity.geo.DivisionLevel.GRID) == 0) {
            CaseFixtures.city(geography, organization);
            new CaseFixtures(mvc, data).create("csp.dispatcher", "DISPATCHER", List.of(TinyCity.DISTRICT), List.of());
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
    void noPageBreaksThePolicy() {
        List<String> violations = new ArrayList<>();
        for (String path : PUBLIC) {
            violations.addAll(visit(path));
        }
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys("csp.dispatcher");
        browser.findElement(By.id("password")).sendKeys(CaseFixtures.PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
        for (String path : SIGNED_IN) {
            violations.addAll(visit(path));
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void anInlineScriptWithoutTheNonceIsRefusedAndReported() {
        browser.get(url("/login"));
        Browser.contentSecurityPolicyViolations(browser);
        ((JavascriptExecutor) browser).executeScript("var s = document.createElement('script');"
                + " s.textContent = 'document.body.dataset.injected = \"yes\"'; document.body.appendChild(s);");
        assertThat(((JavascriptExecutor) browser).executeScript("return document.body.dataset.injected || 'no'"))
                .isEqualTo("no");
        assertThat(Browser.contentSecurityPolicyViolations(browser)).isNotEmpty();
    }

    List<String> visit(String path) {
        browser.get(url(path));
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        return Browser.contentSecurityPolicyViolations(browser).stream().map(m -> path + ": " + m).toList();
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }
}
