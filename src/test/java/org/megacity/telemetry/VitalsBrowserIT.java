package org.megacity.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.megacity.identity.Administrators.bearer;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.megacity.assets.AssetFixtures;
import org.megacity.assets.AssetRegistry;
import org.megacity.cases.CaseFixtures;
import org.megacity.geo.DivisionLevel;
import org.megacity.geo.Geography;
import org.megacity.identity.Administrators;
import org.megacity.organization.Organization;
import org.megacity.platform.DataDirectory;
import org.megacity.testing.Browser;
import org.megacity.testing.IntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An operator watches an injected gas leak become an alert and a case on the dashboard and the alert
 * list, and acknowledges it; the system administrator writes an alert rule on the rules page, changes
 * its limit and switches it off.
 */
@IntegrationTest
@AutoConfigureMockMvc
@ExtendWith(Browser.class)
@DirtiesContext
class VitalsBrowserIT {

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
    AssetRegistry registry;

    WebDriver browser;
    WebDriverWait wait;
    /** The administrator's token: the city, its assets and the sensor are set up once for the class's context. */
    static String admin;

    @BeforeEach
    void start() throws Exception {
        if (geography.count(DivisionLevel.GRID) == 0) {
            CaseFixtures.city(geography, organization);
            admin = AssetFixtures.load(mvc, data, geography, registry);
            mvc.perform(post("/api/v1/telemetry/sensors").header(HttpHeaders.AUTHORIZATION, bearer(admin))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("[{\"id\":\"GAS-22\",\"type\":\"methane\",\"asset\":{\"type\":\"pipe-nodes\",\"id\":22}}]"))
                    .andExpect(status().isCreated());
        }
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys("sysadmin");
        browser.findElement(By.id("password")).sendKeys(Administrators.NEW_PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("nav-vitals")));
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

    @Test
    void anInjectedGasLeakBecomesAnAlertAndACase() throws Exception {
        browser.findElement(By.id("nav-vitals")).click();
        wait.until(ExpectedConditions.textToBe(By.id("open-alerts"), "0"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("城市生命体征");
        // the incident: methane at 40 %LEL in the gas manhole
        mvc.perform(post("/api/v1/telemetry/readings").header(HttpHeaders.AUTHORIZATION, bearer(admin))
                .contentType(MediaType.APPLICATION_JSON)
                .content("[{\"sensorId\":\"GAS-22\",\"time\":\"" + Instant.now().minusSeconds(5) + "\",\"value\":40}]"))
                .andExpect(status().isOk());
        // the dashboard hears of it live (Server-Sent Events)
        wait.until(ExpectedConditions.textToBe(By.id("open-alerts"), "1"));
        Browser.screenshot(browser, "vitals-01-dashboard");
        browser.get(url("/vitals/alerts?lang=en"));
        By row = By.cssSelector("#alerts tbody tr");
        wait.until(ExpectedConditions.presenceOfElementLocated(row));
        // the case is opened after the alert commits; the list refreshes every 10 s
        wait.withTimeout(Duration.ofSeconds(40)).until(d -> {
            d.navigate().refresh();
            return !d.findElements(By.cssSelector("#alerts tbody tr td:nth-child(7)")).isEmpty()
                    && !d.findElement(By.cssSelector("#alerts tbody tr td:nth-child(7)")).getText().isBlank();
        });
        assertThat(browser.findElement(row).getText()).contains("GAS-22", "I", "raised");
        Browser.screenshot(browser, "vitals-02-alerts");
        browser.findElement(By.cssSelector("#alerts button.ack")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(row, "acknowledged"));
        browser.get(url("/vitals/sensors/GAS-22?lang=en"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("latest"), "40"));
        Browser.screenshot(browser, "vitals-03-sensor");
    }

    @Test
    void theSystemAdministratorWritesARuleOnItsPageAndSwitchesItOff() {
        wait.ignoring(StaleElementReferenceException.class); // the table is redrawn after every change
        browser.get(url("/vitals/alerts?lang=en"));
        browser.findElement(By.id("rules-link")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rule-form")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Alert rules");
        browser.findElement(By.id("rule-name")).sendKeys("Methane in a gas manhole");
        new Select(browser.findElement(By.id("rule-sensorType"))).selectByValue("methane");
        new Select(browser.findElement(By.id("rule-kind"))).selectByValue("threshold");
        assertThat(browser.findElement(By.id("rule-staleIntervals")).isDisplayed()).as("a stale rule's field").isFalse();
        assertThat(browser.findElement(By.id("rule-dropPercent")).isDisplayed()).as("a rate rule's field").isFalse();
        assertThat(browser.findElement(By.id("rule-otherLimit")).isDisplayed()).as("a composite rule's field").isFalse();
        browser.findElement(By.id("rule-limit")).sendKeys("150");
        browser.findElement(By.id("rule-category")).sendKeys("E0504");
        new Select(browser.findElement(By.id("rule-severity"))).selectByValue("2");
        browser.findElement(By.id("rule-submit")).click();
        // beyond what a methane sensor can read: the API's 400 names the field, the page marks it
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rule-problem")));
        assertThat(browser.findElement(By.id("rule-problem")).getText()).contains("limit", "physical range");
        assertThat(browser.findElement(By.id("rule-limit")).getAttribute("class")).contains("invalid");
        browser.findElement(By.id("rule-limit")).clear();
        browser.findElement(By.id("rule-limit")).sendKeys("25");
        browser.findElement(By.id("rule-submit")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rule-notice")));
        assertThat(browser.findElement(By.id("rule-problem")).isDisplayed()).isFalse();
        By row = By.xpath("//table[@id='rules']//tr[td[2][text()='Methane in a gas manhole']]");
        wait.until(ExpectedConditions.attributeToBe(row, "data-enabled", "true"));
        assertThat(browser.findElement(row).getText()).contains("methane", "threshold", "above 25", "II", "E0504");
        assertThat(browser.findElement(By.id("rule-otherLimit")).isDisplayed()).as("the form is reset to a threshold rule").isFalse();
        Browser.screenshot(browser, "vitals-04-rules");
        // change its limit: the form takes the rule, and saves it in place
        browser.findElement(row).findElement(By.cssSelector("button.edit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("rule-form-title"), "#"));
        assertThat(browser.findElement(By.id("rule-limit")).getAttribute("value")).isEqualTo("25");
        browser.findElement(By.id("rule-limit")).clear();
        browser.findElement(By.id("rule-limit")).sendKeys("30");
        browser.findElement(By.id("rule-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(row, "above 30"));
        assertThat(browser.findElements(By.xpath("//table[@id='rules']//tr[td[2][text()='Methane in a gas manhole']]")))
                .as("saved in place, not added").hasSize(1);
        assertThat(browser.findElement(By.id("rule-form-title")).getText()).isEqualTo("New rule");
        browser.findElement(row).findElement(By.cssSelector("button.toggle")).click();
        wait.until(ExpectedConditions.attributeToBe(row, "data-enabled", "false"));
        assertThat(browser.findElement(row).getText()).contains("off");
    }
}
