package org.megacity.assets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.megacity.geo.Geography;
import org.megacity.identity.Administrators;
import org.megacity.platform.DataDirectory;
import org.megacity.testing.Browser;
import org.megacity.testing.IntegrationTest;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

/** What an operator does on the assets page: draw a dig and read the conflicts; click a burst pipe and read the valves. */
@IntegrationTest
@AutoConfigureMockMvc
@ExtendWith(Browser.class)
@DirtiesContext
class AssetsBrowserIT {

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    DataDirectory data;
    @Autowired
    Geography geography;
    @Autowired
    AssetRegistry registry;

    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void start() throws Exception {
        AssetFixtures.load(mvc, data, geography, registry);
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys("sysadmin");
        browser.findElement(By.id("password")).sendKeys(Administrators.NEW_PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("nav-assets")));
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void anOperatorDrawsADigAndSeesThePipesAndOperatorsItConcerns() {
        browser.findElement(By.id("nav-assets")).click();
        waitForLayers();
        assertThat(browser.findElement(By.id("tool-excavation")).getText()).isEqualTo("开挖影响分析");
        browser.get(url("/assets?lang=en"));
        waitForLayers();
        browser.findElement(By.id("tool-excavation")).click();
        WebElement depth = browser.findElement(By.id("dig-depth"));
        depth.clear();
        depth.sendKeys("1");
        for (double[] corner : List.of(new double[] {106.5716, 29.5522}, new double[] {106.5718, 29.5522},
                new double[] {106.5718, 29.55269}, new double[] {106.5716, 29.55269})) {
            clickAt(corner[0], corner[1]);
        }
        wait.until(ExpectedConditions.attributeToBe(By.id("map"), "data-corners", "4"));
        browser.findElement(By.id("dig-check")).click();
        wait.until(ExpectedConditions.attributeToBe(By.id("map"), "data-excavation-segments", "2"));
        assertThat(browser.findElement(By.id("map")).getAttribute("data-excavation-operators")).isEqualTo("gas,water-supply");
        assertThat(browser.findElement(By.id("result")).getText()).contains("Operators to notify", "Segments affected (2)",
                TestAssets.COMPONENT);
        Browser.screenshot(browser, "assets-01-excavation");
    }

    @Test
    void anOperatorClicksABurstPipeAndSeesTheValvesToClose() {
        browser.get(url("/assets?lang=en"));
        waitForLayers();
        browser.findElement(By.id("tool-isolation")).click();
        clickAt(106.57175, TestAssets.WATER_Y);
        wait.until(ExpectedConditions.attributeToBe(By.id("map"), "data-isolation-segment", "12"));
        assertThat(browser.findElement(By.id("map")).getAttribute("data-isolation-valves")).isEqualTo("2,5");
        assertThat(browser.findElement(By.id("map")).getAttribute("data-isolation-cut-off")).isEqualTo("6");
        assertThat(browser.findElement(By.id("result")).getText()).contains("Valves to close (2)",
                "Customer connections cut off: 2");
        Browser.screenshot(browser, "assets-02-isolation");
        browser.get(url("/assets?lang=zh-CN"));
        waitForLayers();
        assertThat(browser.findElement(By.id("tool-isolation")).getText()).isEqualTo("爆管关阀分析");
    }

    private void waitForLayers() {
        wait.until(ExpectedConditions.attributeToBe(By.id("map"), "data-ready", "true"));
        wait.until(ExpectedConditions.attributeToBeNotEmpty(browser.findElement(By.id("map")), "data-layer-pipe-segments"));
    }

    /** Clicks the map where a coordinate is, as a person would. */
    private void clickAt(double lon, double lat) {
        WebElement map = browser.findElement(By.id("map"));
        @SuppressWarnings("unchecked")
        List<Number> point = (List<Number>) ((JavascriptExecutor) browser).executeScript(
                "const p = window.assetMap.latLngToContainerPoint([arguments[1], arguments[0]]); return [p.x, p.y];",
                lon, lat);
        int x = (int) Math.round(point.get(0).doubleValue() - map.getSize().getWidth() / 2.0);
        int y = (int) Math.round(point.get(1).doubleValue() - map.getSize().getHeight() / 2.0);
        new Actions(browser).moveToElement(map, x, y).click().perform();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
