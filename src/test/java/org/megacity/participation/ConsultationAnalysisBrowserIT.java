package org.megacity.participation;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Legislative staff open the opinion analysis of a consultation that drew a form letter: the heat bar
 * along the draft shows the article with most opinions, the campaign expands to its variants (their
 * markup shown as text) and is disposed of in one go from its form; the topics chart draws, on a
 * phone and in English too.
 */
@IntegrationTest
@AutoConfigureMockMvc
@ExtendWith(Browser.class)
@DirtiesContext
@Import(ParticipationApiIT.Clocks.class)
class ConsultationAnalysisBrowserIT {

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
    String consultation;
    List<String> campaign;

    @BeforeEach
    void start() throws Exception {
        var accounts = new LegislativeAccounts(mvc, data);
        String staff = accounts.create("analysis.web", "LEGISLATIVE_STAFF");
        String citizen = accounts.create("analysis.reader", "CITIZEN");
        var api = new ParticipationFixture(mvc);
        consultation = api.consultation(staff, api.bill(staff), clock.instant(), 30);
        campaign = ConsultationAnalysisIT.seed(api, staff, citizen, consultation);
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
    void staffExpandAFormLetterCampaignAndSeeTheHottestArticle() {
        signIn("analysis.web");
        browser.get(url("/participation/consultations/" + consultation + "?lang=zh-CN"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("analysis-link"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("heat-bar")));

        // the heat bar: one row per article along the draft, the hottest is article 3
        List<WebElement> rows = browser.findElements(By.cssSelector("#heat-bar .heat-row"));
        assertThat(rows).extracting(r -> r.findElement(By.className("heat-label")).getText())
                .containsExactly("第一条", "第二条", "第三条", "第四条", "总体意见");
        WebElement hottest = browser.findElement(By.cssSelector("#heat-bar .heat-row.hottest"));
        assertThat(hottest.findElement(By.className("heat-label")).getText()).isEqualTo("第三条");
        assertThat(hottest.getAttribute("data-opinions")).isEqualTo("8");
        int hottestWidth = hottest.findElement(By.className("heat-fill")).getSize().getWidth();
        for (WebElement row : rows) {
            assertThat(row.findElement(By.className("heat-fill")).getSize().getWidth()).isLessThanOrEqualTo(hottestWidth);
        }
        assertThat(hottest.findElement(By.className("heat-campaign")).getSize().getWidth()).isPositive()
                .isLessThan(hottestWidth);

        // the campaign expands to its variants, markup shown as text
        WebElement details = browser.findElement(By.cssSelector("#campaigns details.campaign"));
        assertThat(details.getAttribute("data-count")).isEqualTo("7");
        assertThat(details.findElement(By.className("variants")).isDisplayed()).isFalse();
        details.findElement(By.tagName("summary")).click();
        wait.until(ExpectedConditions.visibilityOf(details.findElement(By.className("variants"))));
        List<String> variants = details.findElements(By.cssSelector(".variant .variant-text")).stream()
                .map(WebElement::getText).toList();
        assertThat(variants).containsExactlyInAnyOrder(ConsultationAnalysisIT.FORM, ConsultationAnalysisIT.SWAPPED,
                ConsultationAnalysisIT.INSERTED, ConsultationAnalysisIT.MARKUP);
        assertThat(details.findElements(By.cssSelector(".variant-text b"))).isEmpty();
        // the disposition form of the campaign carries its opinions
        assertThat(details.findElements(By.cssSelector("form.campaign-disposition input[name=opinionIds]")))
                .extracting(i -> i.getAttribute("value")).containsExactlyInAnyOrderElementsOf(campaign);
        // the topics chart draws
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#topic-chart canvas")));
        Browser.screenshot(browser, "participation-analysis-01");

        // on a phone, in English
        browser.manage().window().setSize(new Dimension(390, 844));
        browser.get(url("/participation/consultations/" + consultation + "/analysis?lang=en"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("analysis-title"), "Opinion analysis"));
        assertThat(browser.findElement(By.cssSelector("#heat-bar .heat-row.hottest .heat-label")).getText())
                .isEqualTo("第三条");
        Long overflow = (Long) ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(overflow).isLessThanOrEqualTo(0L);
        Browser.screenshot(browser, "participation-analysis-02-phone");

        // the whole campaign disposed of in one go from its form
        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.get(url("/participation/consultations/" + consultation + "/analysis?lang=zh-CN"));
        WebElement again = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#campaigns details.campaign")));
        again.findElement(By.tagName("summary")).click();
        WebElement form = again.findElement(By.cssSelector("form.campaign-disposition"));
        new org.openqa.selenium.support.ui.Select(form.findElement(By.name("outcome"))).selectByValue("already-reflected");
        assertThat(form.findElement(By.name("groupLabel")).getAttribute("value")).startsWith("批量意见：");
        form.findElement(By.className("campaign-dispose")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("pending-count")));
        assertThat(browser.findElement(By.id("pending-count")).getText())
                .isEqualTo(String.valueOf(ConsultationAnalysisIT.ORGANIC.length));
        for (String id : campaign) {
            assertThat(browser.findElement(By.cssSelector("#opinion-table tr[data-opinion='" + id + "'] .outcome")).getText())
                    .isEqualTo("草案已体现");
        }
    }

    private void signIn(String username) {
        browser.get(url("/login"));
        type("username", username);
        type("password", LegislativeAccounts.PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("nav-participation")));
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
