package org.noticesearch.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.noticesearch.search.SearchPage;
import org.noticesearch.search.SearchRequest;
import org.noticesearch.search.SearchTestSupport;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 14 on the search page: 更多 under a facet with more values than listed, search within it, a chosen value
 * outside the top values, an error shown above the results it leaves in place, and the calendar beside from/to.
 */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SearchPageUxBrowserTest {
    /** More issuers than a facet lists by default (20). */
    static final int EXTRA_ISSUERS = 24;

    BrowserHarness h;
    WebDriver driver;

    @BeforeAll
    void start(@TempDir Path tmp) throws IOException {
        List<String> issuers = federations();
        h = BrowserHarness.start(tmp, corpus -> {
            for (int i = 0; i < EXTRA_ISSUERS; i++) {
                SearchTestSupport.write(corpus.resolve("extra_" + i + ".txt"), """
                        %1$s

                        %1$s关于开展第%2$d期家庭教育讲座的通知

                        各有关单位：

                            现就开展家庭教育讲座有关事项通知如下。

                        %1$s
                        %3$d年3月1日
                        """.formatted(issuers.get(i), i + 1, 1990 + i));
            }
        });
        driver = h.driver;
    }

    /** Canonical names of women's federations from the issuer list, which the parser recognises as issuers. */
    static List<String> federations() throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("index-config/issuers.tsv"))) {
            String name = line.split("\t")[0];
            if (!line.startsWith("#") && name.endsWith("妇女联合会") && out.size() < EXTRA_ISSUERS) {
                out.add(name);
            }
        }
        assertEquals(EXTRA_ISSUERS, out.size());
        return out;
    }

    @AfterAll
    void stop() throws IOException {
        if (h != null) {
            h.close();
        }
    }

    private List<WebElement> links(String facet) {
        return driver.findElements(By.cssSelector("#facets a.facet-link[data-facet='" + facet + "']"));
    }

    private <T> T waitFor(java.util.function.Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(10), Duration.ofMillis(50)).until(condition);
    }

    @Test
    void moreListsEveryValueAndASearchWithinBoxFiltersThem() {
        SearchPage all = h.service.service().search(SearchRequest.of("").withFacetLimit(org.noticesearch.search.SearchLimits.MAX_FACET_LIMIT));
        int issuers = all.facets().get("issuer").size();
        assertTrue(issuers > 20, "issuers: " + issuers);
        driver.get(h.base + "/");
        waitFor(d -> links("issuer").size() == 20);
        WebElement more = driver.findElement(By.cssSelector("#facets section[data-facet='issuer'] button.facet-more"));
        assertEquals("更多", more.getText());
        more.click();
        waitFor(d -> links("issuer").size() == issuers);
        WebElement box = driver.findElement(By.cssSelector("#facets section[data-facet='issuer'] input.facet-filter"));
        String wanted = all.facets().get("issuer").get(issuers - 1).value();
        box.sendKeys(wanted);
        waitFor(d -> links("issuer").stream().filter(WebElement::isDisplayed).count() == 1);
        assertEquals(wanted, links("issuer").stream().filter(WebElement::isDisplayed).findFirst().orElseThrow()
                .getAttribute("data-value"));
        // a facet with no more values has no button
        assertTrue(driver.findElements(By.cssSelector("#facets section[data-facet='type'] button.facet-more")).isEmpty());
    }

    @Test
    void aChosenIssuerOutsideTheTopTwentyIsShownChosen() {
        List<String> top = h.service.service().search(SearchRequest.of("")).facets().get("issuer").stream()
                .map(SearchPage.FacetValue::value).toList();
        String rare = h.service.service().search(SearchRequest.of("").withFacetLimit(org.noticesearch.search.SearchLimits.MAX_FACET_LIMIT))
                .facets().get("issuer").stream().map(SearchPage.FacetValue::value).filter(v -> !top.contains(v))
                .findFirst().orElseThrow();
        driver.get(h.base + "/?issuer=" + URLEncoder.encode(rare, StandardCharsets.UTF_8));
        waitFor(d -> links("issuer").size() == 21);
        WebElement chosen = links("issuer").stream().filter(a -> rare.equals(a.getAttribute("data-value"))).findFirst().orElseThrow();
        assertEquals("true", chosen.getAttribute("aria-current"));
        assertTrue(chosen.getAttribute("class").contains("selected"));
        assertFalse(driver.findElement(By.id("status")).getText().contains("出错"));
    }

    private List<WebElement> hits() {
        return driver.findElements(By.cssSelector("#results li.hit"));
    }

    @Test
    void aBadDateIsExplainedInChineseAboveTheResultsItLeavesInPlace() {
        driver.get(h.base + "/?q=" + URLEncoder.encode("疫情", StandardCharsets.UTF_8));
        waitFor(d -> hits().size() == 4);
        int facets = links("province").size();
        WebElement from = driver.findElement(By.id("from"));
        from.clear();
        from.sendKeys("2020-13");
        driver.findElement(By.id("apply-dates")).click();
        waitFor(d -> d.findElement(By.id("status")).getText().startsWith("起始日期（from）"));
        assertEquals("起始日期（from）：“2020-13”不是有效日期：月份应为 1 到 12，这里是 13",
                driver.findElement(By.id("status")).getText());
        assertEquals(4, hits().size(), "the previous results stay");
        assertEquals(facets, links("province").size(), "the previous facets stay");

        // a Chinese month is accepted
        from.clear();
        from.sendKeys("2020年3月");
        driver.findElement(By.id("apply-dates")).click();
        waitFor(d -> d.findElement(By.id("status")).getText().startsWith("共"));
    }

    @Test
    void theCalendarFillsTheDateBoxAndFilters() {
        driver.get(h.base + "/");
        waitFor(d -> !hits().isEmpty());
        WebElement picker = driver.findElement(By.id("from-picker"));
        assertEquals("date", picker.getAttribute("type"));
        ((org.openqa.selenium.JavascriptExecutor) driver).executeScript(
                "arguments[0].value = '2021-01-01'; arguments[0].dispatchEvent(new Event('change'));", picker);
        waitFor(d -> d.getCurrentUrl().contains("from=2021-01-01"));
        assertEquals("2021-01-01", driver.findElement(By.id("from")).getAttribute("value"));
    }
}
