package org.megacity.representatives.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.megacity.identity.Administrators.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.megacity.cases.CaseFixtures;
import org.megacity.geo.Geography;
import org.megacity.identity.Administrators;
import org.megacity.legislation.LegislativeAccounts;
import org.megacity.organization.Organization;
import org.megacity.platform.DataDirectory;
import org.megacity.testing.Browser;
import org.megacity.testing.IntegrationTest;
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
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

/** One suggestion in the browser: the deputy submits it, staff assign it, the unit contacts and replies, the deputy evaluates. */
@IntegrationTest
@AutoConfigureMockMvc
@ExtendWith(Browser.class)
@DirtiesContext
class RepresentativesBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    DataDirectory data;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Suggestions suggestions;

    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void start(@Autowired Geography geography, @Autowired Organization organization) throws Exception {
        CaseFixtures.city(geography, organization);
        LegislativeAccounts accounts = new LegislativeAccounts(mvc, data);
        String staff = accounts.create("b.staff", "LEGISLATIVE_STAFF");
        accounts.create("b.deputy", "DEPUTY");
        accounts.create("b.handler", "DEPARTMENT_HANDLER");
        String id = jdbc.sql("select id from identity_account where username = 'b.handler'").query(String.class).single();
        mvc.perform(put("/api/v1/accounts/" + id + "/jurisdiction").header(HttpHeaders.AUTHORIZATION,
                        bearer(new Administrators(mvc, data).secadmin())).contentType(MediaType.APPLICATION_JSON)
                .content("{\"departments\": [\"water\"]}")).andExpect(status().isOk());
        mvc.perform(post("/api/v1/representatives/deputies").header(HttpHeaders.AUTHORIZATION, bearer(staff))
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"李明华\",\"level\":\"CITY\",\"constituency\":\"500103\","
                        + "\"delegation\":\"渝中区代表团\",\"username\":\"b.deputy\"}")).andExpect(status().isCreated());
        // a day whose 3-month reply deadline lies within the published calendars
        suggestions.useClock(Clock.fixed(ZonedDateTime.of(2026, 3, 2, 10, 0, 0, 0, ZoneId.of("Asia/Shanghai")).toInstant(),
                ZoneId.of("Asia/Shanghai")));
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
    void aSuggestionFromSubmissionToTheDeputysEvaluation() {
        signIn("b.deputy");
        browser.findElement(By.id("nav-representatives")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("submit-form")));
        type("s-title", "关于加快老旧小区供水管网改造的建议");
        type("s-topic", "城市建设");
        type("s-body", "部分老旧小区供水管网老化，爆管频发，建议加快改造。");
        Browser.screenshot(browser, "representatives-01-deputy-desk");
        browser.findElement(By.id("s-submit")).click();
        wait.until(ExpectedConditions.textToBe(By.id("state"), "SUBMITTED"));
        String page = browser.getCurrentUrl();
        assertThat(browser.findElement(By.id("deadlines")).getText()).contains("ASSIGN");

        signIn("b.staff");
        browser.get(url("/representatives"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("staff-board")));
        assertThat(browser.findElement(By.id("staff-board")).getText()).contains("关于加快老旧小区供水管网改造的建议");
        browser.get(page);
        act("assign", () -> type("leadUnit", "water"));
        wait.until(ExpectedConditions.textToBe(By.id("state"), "ASSIGNED"));
        assertThat(browser.findElement(By.id("deadlines")).getText()).contains("CONTACT", "REPLY");

        signIn("b.handler");
        browser.get(page);
        // before contacting the deputy the unit is not offered a reply (Art. 18)
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("act-form")));
        assertThat(browser.findElement(By.id("action")).getText()).doesNotContain("reply");
        act("contact", () -> type("text", "走访代表"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("history"), "contact"));
        act("reply", () -> {
            new Select(browser.findElement(By.id("category"))).selectByValue("SOLVED");
            type("text", "已完成改造");
        });
        wait.until(ExpectedConditions.textToBe(By.id("state"), "REPLIED"));

        signIn("b.deputy");
        browser.get(page);
        browser.manage().window().setSize(new Dimension(390, 844));
        act("evaluate", () -> new Select(browser.findElement(By.id("evaluation"))).selectByValue("SATISFIED"));
        wait.until(ExpectedConditions.textToBe(By.id("state"), "CLOSED"));
        assertThat(browser.findElement(By.id("history")).getText()).contains("submit", "assign", "contact", "reply", "evaluate");
        WebElement main = browser.findElement(By.cssSelector("main"));
        assertThat(main.getSize().getWidth()).isLessThanOrEqualTo(390);
        Browser.screenshot(browser, "representatives-02-closed-phone");
        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.get(url("/representatives?lang=en"));
        wait.until(ExpectedConditions.textToBe(By.id("nav-representatives"), "Deputies"));
    }

    private void act(String action, Runnable fill) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("act-form")));
        new Select(browser.findElement(By.id("action"))).selectByValue(action);
        fill.run();
        browser.findElement(By.id("act-submit")).click();
    }

    private void signIn(String username) {
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        type("username", username);
        type("password", LegislativeAccounts.PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("nav-representatives")));
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
