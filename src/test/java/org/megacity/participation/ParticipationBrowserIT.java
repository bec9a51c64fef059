package org.megacity.participation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.megacity.participation.ParticipationFixture.API;
import static org.megacity.participation.ParticipationFixture.map;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.megacity.legislation.LegislativeAccounts;
import org.megacity.platform.DataDirectory;
import org.megacity.testing.Browser;
import org.megacity.testing.IntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A consultation from opening to a published report: legislative staff open it on a published draft
 * and transcribe a letter, a citizen comments on a paragraph without signing in, contact-point staff
 * record a meeting; after it closes staff dispose of the opinions in bulk and publish the report,
 * which the public reads and the citizen follows by token.
 */
@IntegrationTest
@AutoConfigureMockMvc
@ExtendWith(Browser.class)
@DirtiesContext
@Import(ParticipationApiIT.Clocks.class)
class ParticipationBrowserIT {

    static final String LETTER = "<script>document.title='pwned'</script>来信：建议明确巡查频次。";

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    DataDirectory data;
    @Autowired
    MutableClock clock;

    WebDriver browser;
    WebDriverWait wait;
    String bill;

    @BeforeEach
    void start() throws Exception {
        var accounts = new LegislativeAccounts(mvc, data);
        String staff = accounts.create("web.staff", "LEGISLATIVE_STAFF");
        accounts.create("web.point", "CONTACT_POINT_STAFF");
        var api = new ParticipationFixture(mvc);
        bill = api.bill(staff);
        api.post(staff, API + "/contact-points", map("name", "解放碑街道基层立法联系点", "staff", List.of("web.point")))
                .andExpect(status().isCreated());
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
    void aConsultationFromOpeningToAPublishedReportWithOpinionsFromThreeChannels() {
        // legislative staff open a consultation on the published draft, 30 days by default
        signIn("web.staff");
        browser.findElement(By.id("nav-participation")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("open-form")));
        new Select(browser.findElement(By.id("open-draft"))).selectByValue(bill + ":1");
        Browser.screenshot(browser, "participation-01-open");
        browser.findElement(By.id("open-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("consultation-title")));
        assertThat(browser.findElement(By.id("consultation-state")).getAttribute("data-state")).isEqualTo("open");
        String consultation = browser.getCurrentUrl().replaceAll(".*/consultations/", "").replaceAll("[?#].*", "");

        // channel 1: a letter, transcribed by staff (its markup stays text)
        new Select(browser.findElement(By.id("entry-channel"))).selectByValue("letter");
        type("entry-element", "chp_2__art_3");
        setValue(browser.findElement(By.id("entry-text")), LETTER);
        type("entry-name", "张三");
        browser.findElement(By.id("entry-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#opinion-table tr[data-channel='letter']")));
        WebElement letterRow = browser.findElement(By.cssSelector("#opinion-table tr[data-channel='letter']"));
        assertThat(letterRow.findElement(By.cssSelector(".opinion-text")).getText()).isEqualTo(LETTER);
        assertThat(browser.getTitle()).doesNotContain("pwned");
        browser.manage().deleteAllCookies();

        // channel 2: a citizen, without signing in, on a paragraph of the public draft
        browser.get(url("/participation/public"));
        wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("[data-consultation='" + consultation + "'] a"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("draft-title")));
        assertThat(browser.findElements(By.cssSelector("article.article"))).hasSize(4);
        assertThat(browser.findElements(By.cssSelector(".division-heading"))).extracting(WebElement::getText)
                .containsExactly("第一章 总则", "第二章 管线维护");
        WebElement paragraph = browser.findElement(By.id("chp_2__art_3__para_1"));
        paragraph.findElement(By.tagName("summary")).click();
        WebElement box = paragraph.findElement(By.tagName("textarea"));
        wait.until(ExpectedConditions.visibilityOf(box));
        box.sendKeys("巡查结果应当向沿线居民公开。");
        Browser.screenshot(browser, "participation-02-comment");
        paragraph.findElement(By.cssSelector("button.submit-comment")).click();
        String token = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("opinion-token"))).getText();
        assertThat(token).hasSizeGreaterThan(20);

        // channel 3: a contact point's meeting, by its own staff
        signIn("web.point");
        browser.get(url("/participation/consultations/" + consultation + "/meeting"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("meeting-form")));
        type("meeting-place", "解放碑街道社区服务中心");
        type("meeting-participants", "18");
        type("meeting-kinds", "居民、商户");
        new Select(browser.findElement(By.id("meeting-element-0"))).selectByValue("chp_1__art_2__para_1");
        browser.findElement(By.id("meeting-text-0")).sendKeys("建议把燃气管线写进适用范围。");
        browser.findElement(By.id("meeting-text-1")).sendKeys("希望每年开一次这样的座谈会。");
        Browser.screenshot(browser, "participation-03-meeting");
        browser.findElement(By.id("meeting-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("meeting-recorded")));
        assertThat(browser.findElements(By.cssSelector("#meeting-tokens tr"))).hasSize(2);
        browser.manage().deleteAllCookies();

        // the consultation closes; staff dispose of every opinion in bulk and publish the report
        clock.advance(Duration.ofDays(32));
        signIn("web.staff");
        browser.get(url("/participation/consultations/" + consultation));
        wait.until(ExpectedConditions.attributeToBe(By.id("consultation-state"), "data-state", "closed"));
        assertThat(browser.findElements(By.cssSelector("#opinion-table tbody tr"))).hasSize(4);
        browser.findElement(By.id("select-all")).click();
        new Select(browser.findElement(By.id("bulk-outcome"))).selectByValue("partly-adopted");
        type("bulk-reason", "第三条已改为每月巡查");
        Browser.screenshot(browser, "participation-04-table");
        browser.findElement(By.id("bulk-submit")).click();
        wait.until(ExpectedConditions.textToBe(By.id("pending-count"), "0"));
        browser.findElement(By.id("publish-report")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("report-published")));
        browser.manage().deleteAllCookies();

        // the public reads the report; the citizen follows the opinion by token
        browser.get(url("/participation/public/consultations/" + consultation + "/report"));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("total-opinions")));
        assertThat(browser.findElement(By.id("total-opinions")).getText()).isEqualTo("4");
        assertThat(count("#by-channel", "online")).isEqualTo("1");
        assertThat(count("#by-channel", "contact-point")).isEqualTo("2");
        assertThat(count("#by-channel", "letter")).isEqualTo("1");
        assertThat(browser.findElement(By.cssSelector("#by-outcome tr[data-outcome='partly-adopted'] .count")).getText())
                .isEqualTo("4");
        assertThat(browser.findElement(By.cssSelector("#heat [data-eid='chp_2__art_3'] .count")).getText()).isEqualTo("2");
        assertThat(browser.getPageSource()).doesNotContain("<script>document.title");
        browser.manage().window().setSize(new Dimension(390, 844));
        assertThat(browser.findElement(By.id("heat")).getSize().getWidth()).isLessThanOrEqualTo(390);
        Browser.screenshot(browser, "participation-05-report-phone");
        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.get(url("/participation/public/consultations/" + consultation + "/report?lang=en"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("report-title"), "how the public's opinions"));

        browser.get(url("/participation/public/lookup?lang=zh-CN"));
        type("lookup-token", token);
        browser.findElement(By.id("lookup-submit")).click();
        WebElement outcome = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#lookup-result .outcome")));
        assertThat(outcome.getAttribute("data-outcome")).isEqualTo("partly-adopted");
        assertThat(outcome.getText()).isEqualTo("部分采纳");
        Browser.screenshot(browser, "participation-06-lookup");
    }

    private String count(String table, String channel) {
        return browser.findElement(By.cssSelector(table + " tr[data-channel='" + channel + "'] .count")).getText();
    }

    private void signIn(String username) {
        browser.get(url("/login"));
        type("username", username);
        type("password", LegislativeAccounts.PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("nav-participation")));
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
