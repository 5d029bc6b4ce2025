package org.noticesearch.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.noticesearch.search.SearchRequest;
import org.noticesearch.search.SearchTestSupport;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Issue 14: a results-per-page choice, and a year range picked by dragging across the chart's bars. */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ChartAndPagingBrowserTest {
    BrowserHarness h;
    WebDriver driver;

    @BeforeAll
    void start(@TempDir Path tmp) throws IOException {
        // Notices over several years, so that the chart has bars to drag across and paging has pages.
        h = BrowserHarness.start(tmp, corpus -> {
            for (int i = 0; i < 30; i++) {
                SearchTestSupport.write(corpus.resolve("year_" + i + ".txt"), """
                        河南省妇女联合会关于做好第%1$d批巾帼家政培训工作的通知

                        各市妇联：

                            现就做好巾帼家政培训工作通知如下。

                        河南省妇女联合会
                        %2$d年5月10日
                        """.formatted(i + 1, 2010 + i % 6));
            }
        });
        driver = h.driver;
    }

    @AfterAll
    void stop() throws IOException {
        if (h != null) {
            h.close();
        }
    }

    private <T> T waitFor(java.util.function.Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(10), Duration.ofMillis(50)).until(condition);
    }

    private String param(String name) {
        String q = URI.create(driver.getCurrentUrl()).getRawQuery();
        for (String kv : q == null ? new String[0] : q.split("&")) {
            if (kv.startsWith(name + "=")) {
                return java.net.URLDecoder.decode(kv.substring(name.length() + 1), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    @Test
    void theResultsPerPageChoiceChangesThePageSize() {
        long total = h.service.service().search(SearchRequest.of("巾帼家政")).total();
        assertTrue(total > 20, "total " + total);
        driver.get(h.base + "/?q=" + java.net.URLEncoder.encode("巾帼家政", java.nio.charset.StandardCharsets.UTF_8));
        waitFor(d -> d.findElements(By.cssSelector("#results .hit")).size() == 10);
        new Select(driver.findElement(By.id("size"))).selectByValue("20");
        waitFor(d -> d.findElements(By.cssSelector("#results .hit")).size() == 20);
        assertEquals("20", param("size"));
        assertEquals("20", new Select(driver.findElement(By.id("size"))).getFirstSelectedOption().getAttribute("value"));
    }

    @Test
    void draggingAcrossTheChartPicksAYearRange() {
        driver.get(h.base + "/?q=" + java.net.URLEncoder.encode("巾帼家政", java.nio.charset.StandardCharsets.UTF_8));
        List<WebElement> bars = waitFor(d -> {
            List<WebElement> b = d.findElements(By.cssSelector("#trend-bars .trend-col"));
            return b.size() >= 6 ? b : null;
        });
        assertEquals("2011", bars.get(1).getAttribute("data-year"));
        assertEquals("2014", bars.get(4).getAttribute("data-year"));
        new Actions(driver).moveToElement(bars.get(1)).clickAndHold().moveToElement(bars.get(2))
                .moveToElement(bars.get(4)).release().perform();
        waitFor(d -> "2014".equals(param("to")));
        assertEquals("2011", param("from"));
        assertEquals(null, param("year"), "a drag is a range, not a click on one year");
        // The hits are the notices of 2011 to 2014: 4 of every 6 years, 20 of the 30.
        assertEquals(20, h.service.service().search(SearchRequest.of("巾帼家政").withFilters(null, null, null,
                org.noticesearch.search.DateBound.parse("from", "2011", false),
                org.noticesearch.search.DateBound.parse("to", "2014", true))).total());
        waitFor(d -> d.findElement(By.id("status")).getText().contains("20"));
    }
}
