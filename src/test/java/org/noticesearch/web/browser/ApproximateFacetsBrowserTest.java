package org.noticesearch.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Facet counts counted on a sample are shown as 约 N, exact ones as N: served with search.totalHitsThreshold=3 (standing
 * in for 10,000), the landing page (the 6 notices of the seed corpus, one a page) samples; with an issuer chosen, the
 * issuer facet (counted over every notice) still does and the others (over that issuer's notices) do not; a search
 * with fewer matches, an issuer chosen, counts exactly.
 */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ApproximateFacetsBrowserTest {
    BrowserHarness h;
    WebDriver driver;

    @BeforeAll
    void start(@TempDir Path tmp) throws IOException {
        h = BrowserHarness.start(tmp, corpus -> { }, org.noticesearch.search.SearchTestSupport.configWith(tmp.resolve("config"),
                "search.totalHitsThreshold=10000", "search.totalHitsThreshold=3"));
        driver = h.driver;
    }

    @AfterAll
    void stop() throws IOException {
        if (h != null) {
            h.close();
        }
    }

    private List<String> counts() {
        return driver.findElements(By.cssSelector("#facets .facet-count")).stream()
                .map(e -> e.getAttribute("textContent")).toList();
    }

    /** The counts of one facet, or of every facet but it. */
    private List<String> counts(String facet, boolean of) {
        return driver.findElements(By.cssSelector("#facets .facet-link")).stream()
                .filter(a -> facet.equals(a.getAttribute("data-facet")) == of)
                .map(a -> a.findElement(By.cssSelector(".facet-count")).getAttribute("textContent")).toList();
    }

    private void open(String params) {
        driver.get(h.base + "/?" + params);
        new WebDriverWait(driver, Duration.ofSeconds(10), Duration.ofMillis(50))
                .until(d -> !d.findElements(By.cssSelector("#facets .facet-count")).isEmpty());
    }

    @Test
    void sampledCountsReadAboutExactOnesDoNot() {
        String q = "size=1"; // every notice of the corpus (6) matches, more than the page and the threshold
        open(q);
        List<String> sampled = counts();
        assertTrue(sampled.stream().allMatch(c -> c.matches("约 [0-9,]+")), sampled.toString());
        // An issuer chosen: its facet is still counted over every notice (drill-sideways), more than the threshold, so
        // its counts still read 约 and the other issuers are still listed; the other facets count the chosen issuer's
        // notices, no more than the threshold, exactly.
        WebElement issuer = driver.findElement(By.cssSelector("#facets a.facet-link[data-facet='issuer']"));
        String chosen = issuer.getAttribute("data-value");
        open(q + "&issuer=" + URLEncoder.encode(chosen, StandardCharsets.UTF_8));
        List<String> sideways = counts("issuer", true);
        assertTrue(sideways.size() > 1, "the other issuers are listed beside the chosen one: " + sideways);
        assertTrue(sideways.stream().allMatch(c -> c.matches("约 [0-9,]+")), sideways.toString());
        List<String> others = counts("issuer", false);
        assertFalse(others.isEmpty());
        assertTrue(others.stream().allMatch(c -> c.matches("[0-9,]+")), others.toString());
        // A search with fewer matches than the threshold, an issuer chosen: every count is exact.
        open("q=" + URLEncoder.encode("鲁妇通字", StandardCharsets.UTF_8));
        String few = driver.findElement(By.cssSelector("#facets a.facet-link[data-facet='issuer']")).getAttribute("data-value");
        open("q=" + URLEncoder.encode("鲁妇通字", StandardCharsets.UTF_8) + "&issuer=" + URLEncoder.encode(few, StandardCharsets.UTF_8));
        List<String> exact = counts();
        assertFalse(exact.isEmpty());
        assertTrue(exact.stream().allMatch(c -> c.matches("[0-9,]+")), exact.toString());
        assertEquals(0, exact.stream().filter(c -> c.startsWith("约")).count());
    }
}
