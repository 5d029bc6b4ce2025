package org.noticesearch.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The search page's 全文/标题/文号 switch, its 订阅 (Atom) link and pinyin suggestions, in Chromium. */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 40, unit = TimeUnit.SECONDS)
class SearchScopeBrowserTest {
    BrowserHarness h;
    WebDriver driver;

    @BeforeAll
    void start(@TempDir Path tmp) throws IOException {
        h = BrowserHarness.start(tmp);
        driver = h.driver;
    }

    @AfterAll
    void stop() throws IOException {
        if (h != null) {
            h.close();
        }
    }

    private JsonNode api(String pathAndQuery) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(h.base + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new ObjectMapper().readTree(r.body());
    }

    private <T> T waitFor(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(8), Duration.ofMillis(50)).until(condition);
    }

    private String status() {
        return driver.findElement(By.id("status")).getText();
    }

    @Test
    void scopeSwitchNarrowsToTitlesAndTheFeedLinkFollowsTheSearch() throws Exception {
        String q = "妇联";
        long all = api("/api/search?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).get("total").asLong();
        long title = api("/api/search?scope=title&q=" + URLEncoder.encode(q, StandardCharsets.UTF_8)).get("total").asLong();
        assertTrue(title < all, all + " / " + title);
        driver.get(h.base + "/");
        WebElement box = driver.findElement(By.id("q"));
        box.sendKeys(q, Keys.ENTER);
        waitFor(d -> status().contains("共 " + all + " 条结果"));
        new Select(driver.findElement(By.id("scope"))).selectByValue("title");
        waitFor(d -> status().contains("共 " + title + " 条结果"));
        assertTrue(driver.getCurrentUrl().contains("scope=title"), driver.getCurrentUrl());
        String feed = driver.findElement(By.cssSelector("a.feed-link")).getAttribute("href");
        assertEquals(h.base + "/api/search.atom?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&scope=title", feed);
        assertEquals("订阅", driver.findElement(By.cssSelector("a.feed-link")).getText());
        driver.navigate().back();
        waitFor(d -> status().contains("共 " + all + " 条结果"));
        assertEquals("all", new Select(driver.findElement(By.id("scope"))).getFirstSelectedOption().getAttribute("value"));
    }

    @Test
    void pinyinInitialsSuggest() throws Exception {
        JsonNode expected = api("/api/suggest?q=fl&limit=8").get("suggestions");
        assertFalse(expected.isEmpty(), "the bundled corpus has 妇联 in issuers and titles");
        driver.get(h.base + "/");
        driver.findElement(By.id("q")).sendKeys("fl");
        waitFor(d -> !d.findElements(By.cssSelector("#suggest-list [role=option]")).isEmpty());
        List<WebElement> options = driver.findElements(By.cssSelector("#suggest-list [role=option]"));
        assertTrue(options.get(0).getText().contains(expected.get(0).get("text").asText()), options.get(0).getText());
        assertTrue(expected.get(0).get("text").asText().contains("妇联"), expected.toString());
    }
}
