package org.megacity.legislation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.megacity.legislation.draft.Draft;
import org.megacity.legislation.draft.Redrafting;
import org.megacity.legislation.draft.Regulations;
import org.megacity.platform.DataDirectory;
import org.megacity.testing.Browser;
import org.megacity.testing.IntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

/** What a legislative staff member does: import a regulation, make a second version with edits, read the diff. */
@IntegrationTest
@AutoConfigureMockMvc
@ExtendWith(Browser.class)
@DirtiesContext
class LegislationBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    DataDirectory data;

    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void start() throws Exception {
        new LegislativeAccounts(mvc, data).create("browser.drafter", "LEGISLATIVE_STAFF");
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
    void staffImportARegulationMakeASecondVersionAndReadTheDiff() {
        browser.get(url("/login"));
        type("username", "browser.drafter");
        type("password", LegislativeAccounts.PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("nav-legislation")));
        browser.findElement(By.id("nav-legislation")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("import-form")));

        // a text that is not a regulation is refused on the page, naming the line
        setValue(browser.findElement(By.id("import-text")), "会议纪要\n请查收附件。");
        browser.findElement(By.id("import-submit")).click();
        WebElement problem = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("problem")));
        assertThat(problem.getText()).contains("line 1");

        String pipelines = Regulations.PIPELINES.text();
        setValue(browser.findElement(By.id("import-text")), pipelines);
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("import-area"))).selectByValue("pipelines");
        Browser.screenshot(browser, "legislation-01-import");
        browser.findElement(By.id("import-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("bill-title")));
        assertThat(browser.findElement(By.id("bill-title")).getText()).isEqualTo("重庆市城市管线条例");
        assertThat(browser.findElement(By.id("bill-stage")).getAttribute("data-stage")).isEqualTo("drafting");
        // the cases module is a source, but this database holds no case yet
        assertThat(browser.findElement(By.id("evidence-nodata")).isDisplayed()).isTrue();
        Browser.screenshot(browser, "legislation-02-bill");

        Draft first = Regulations.parse(pipelines);
        String second = Redrafting.of(first)
                .change(10, first.articles().get(9).text().replace("应当", "必须"))
                .insertAfter(20, "管线单位应当建立管线安全风险评估制度，每年向市城市管线主管部门报告评估结果。")
                .delete(41).text();
        setValue(browser.findElement(By.id("version-text")), second);
        type("version-label", "二审稿");
        browser.findElement(By.id("version-submit")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("diff-summary")));
        assertThat(browser.findElement(By.id("count-added")).getText()).isEqualTo("1");
        assertThat(browser.findElement(By.id("count-removed")).getText()).isEqualTo("1");
        assertThat(browser.findElement(By.id("count-changed")).getText()).isEqualTo("1");
        assertThat(browser.findElement(By.id("count-moved")).getText()).isEqualTo("0");
        assertThat(browser.findElement(By.id("count-renumbered")).getText()).isEqualTo("19");
        WebElement changed = browser.findElement(By.cssSelector(".diff-row[data-kind='changed']"));
        assertThat(changed.findElement(By.cssSelector(".right ins")).getText()).isEqualTo("必须");
        assertThat(changed.findElement(By.cssSelector(".left del")).getText()).isEqualTo("应当");
        assertThat(browser.findElements(By.cssSelector(".diff-row[data-kind='renumbered']"))).hasSize(19);
        Browser.screenshot(browser, "legislation-03-diff");
        browser.get(browser.getCurrentUrl() + "&lang=en");
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".diff-row[data-kind='changed'] .badge"), "changed"));
        assertThat(browser.findElement(By.id("nav-legislation")).getText()).isEqualTo("Legislation");
        browser.get(browser.getCurrentUrl().replace("&lang=en", "&lang=zh-CN"));
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".diff-row[data-kind='changed'] .badge"), "修改"));
        changed = browser.findElement(By.cssSelector(".diff-row[data-kind='changed']"));

        browser.manage().window().setSize(new Dimension(390, 844));
        WebElement left = changed.findElement(By.cssSelector(".left"));
        WebElement right = changed.findElement(By.cssSelector(".right"));
        assertThat(right.getLocation().getY()).isGreaterThan(left.getLocation().getY());
        assertThat(right.getSize().getWidth()).isLessThanOrEqualTo(390);
        Browser.screenshot(browser, "legislation-04-diff-phone");
        browser.manage().window().setSize(new Dimension(1280, 900));

        browser.navigate().back();
        browser.get(browser.getCurrentUrl().replaceAll("/diff.*", ""));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("view-2"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("law-title")));
        WebElement article22 = browser.findElement(By.cssSelector("article[data-wid$='art_21']"));
        assertThat(article22.getAttribute("id")).endsWith("art_22");
        assertThat(browser.findElements(By.cssSelector("article.article"))).hasSize(57);
        Browser.screenshot(browser, "legislation-05-articles");
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
