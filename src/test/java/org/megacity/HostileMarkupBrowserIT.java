package org.megacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.megacity.identity.Administrators.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.megacity.cases.CaseFixtures;
import org.megacity.geo.Geography;
import org.megacity.legislation.LegislativeAccounts;
import org.megacity.organization.Organization;
import org.megacity.participation.ParticipationFixture;
import org.megacity.platform.DataDirectory;
import org.megacity.testing.Browser;
import org.megacity.testing.IntegrationTest;
import org.megacity.testing.TinyCity;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Script and markup typed by the public show as text (Selenium, Debian's Chromium): an opinion full of
 * it on the public thanks page, after a refusal back in the form's text box, and in staff's opinion
 * table; a case description full of it on the case page and nothing of it on the public tracking
 * page. Every time the element's text equals what was typed, no element the markup describes exists,
 * no script of it ran (a marker it would set stays unset) and no alert is open.
 */
@IntegrationTest
@AutoConfigureMockMvc
@ExtendWith(Browser.class)
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileMarkupBrowserIT {

    static final String HOSTILE = "<script>window.__pwned=1;alert(1)</script><img src=x onerror=\"window.__pwned=2;alert(2)\">"
            + "<a id=\"pwn-link\" href=\"javascript:window.__pwned=3\">link</a> {{7*7}} ${7*7} [[${7*7}]] #{x} *{x} "
            + "</textarea></td></dd><svg onload=\"window.__pwned=4\"></svg><iframe src=\"javascript:alert(5)\"></iframe> '\"&amp;";

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    WebDriver browser;
    WebDriverWait wait;
    String dispatcher;
    String caseId;
    String caseToken;
    String consultation;

    @BeforeAll
    void setUp(@Autowired Geography geography, @Autowired Organization organization, @Autowired DataDirectory data)
            throws Exception {
        CaseFixtures.city(geography, organization);
        var cases = new CaseFixtures(mvc, data);
        cases.create("markup.dispatcher", "DISPATCHER", List.of(), List.of());
        String citizen = cases.create("markup.citizen", "CITIZEN", List.of(), List.of());
        double[] p = TinyCity.pointInFirstGrid();
        String created = mvc.perform(post("/api/v1/cases").header(HttpHeaders.AUTHORIZATION, bearer(citizen))
                        .contentType(MediaType.APPLICATION_JSON).content(("{\"category\": \"E0101\", \"description\": "
                                + org.megacity.testing.Hostile.jsonString(HOSTILE, false) + ", \"lon\": " + p[0] + ", \"lat\": "
                                + p[1] + "}").getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        caseId = String.valueOf((Object) JsonPath.read(created, "$.id"));
        caseToken = jdbc.sql("select token from cases_case where id = ?").param(Long.parseLong(caseId)).query(String.class)
                .single();
        var accounts = new LegislativeAccounts(mvc, data);
        String staff = accounts.create("markup.staff", "LEGISLATIVE_STAFF");
        var participation = new ParticipationFixture(mvc);
        consultation = participation.consultation(staff, participation.bill(staff), Instant.now(), 30);
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anOpinionFullOfMarkupShowsAsTextWhereverItAppears() {
        // a citizen comments without signing in: the thanks page repeats the opinion
        browser.get(url("/participation/public/consultations/" + consultation));
        setValue(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("general-text"))), HOSTILE);
        browser.findElement(By.id("general-submit")).click();
        WebElement submitted = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("submitted-text")));
        assertShownAsText(submitted, "opinion-thanks");

        // a refused opinion comes back in the text box as typed, without breaking out of it
        browser.get(url("/participation/public/consultations/" + consultation));
        WebElement box = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("general-text")));
        ((JavascriptExecutor) browser).executeScript("arguments[0].removeAttribute('maxlength')", box);
        String tooLong = HOSTILE + "x".repeat(5001 - HOSTILE.length());
        setValue(box, tooLong);
        browser.findElement(By.id("general-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".problem")));
        WebElement again = browser.findElement(By.id("general-text"));
        assertThat(again.getAttribute("value")).isEqualTo(tooLong);
        assertNothingRan("opinion-refused");

        // staff see it in the consultation's opinion table
        signIn("markup.staff", LegislativeAccounts.PASSWORD);
        browser.get(url("/participation/consultations/" + consultation));
        WebElement cell = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#opinion-table .opinion-text")));
        assertShownAsText(cell, "opinion-staff");
    }

    @Test
    void aCaseDescriptionFullOfMarkupShowsAsTextOnTheCasePageAndNotAtAllOnTheTrackingPage() {
        signIn("markup.dispatcher", CaseFixtures.PASSWORD);
        browser.get(url("/cases/" + caseId));
        WebElement description = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("case-description")));
        assertShownAsText(description, "case-page");

        browser.manage().deleteAllCookies();
        browser.get(url("/track/" + caseToken));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("track-status")));
        assertThat(browser.getPageSource()).doesNotContain("{{7*7}}");
        assertNothingRan("case-track");
    }

    private void assertShownAsText(WebElement element, String screenshot) {
        assertThat(element.getText()).isEqualTo(HOSTILE);
        assertNothingRan(screenshot);
    }

    /** No element the markup describes exists, no script of it ran, no alert is open. */
    private void assertNothingRan(String screenshot) {
        wait.until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        Browser.screenshot(browser, "hostile-markup-" + screenshot);
        try {
            String text = browser.switchTo().alert().getText();
            throw new AssertionError("an alert is open: " + text);
        } catch (NoAlertPresentException expected) {
            // as it should be
        }
        JavascriptExecutor js = (JavascriptExecutor) browser;
        assertThat(js.executeScript("return window.__pwned === undefined")).as("a marker the markup sets").isEqualTo(true);
        assertThat(((Number) js.executeScript("return document.querySelectorAll('img[src=\"x\"], #pwn-link, svg[onload], "
                + "iframe[src^=\"javascript\"]').length")).intValue()).as("elements the markup describes").isZero();
        assertThat(((Number) js.executeScript("return Array.from(document.scripts).filter(s => s.text.includes('__pwned'))"
                + ".length")).intValue()).as("scripts the markup holds").isZero();
    }

    private void signIn(String username, String password) {
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        type("username", username);
        type("password", password);
        browser.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    private void setValue(WebElement field, String value) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];", field, value);
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
