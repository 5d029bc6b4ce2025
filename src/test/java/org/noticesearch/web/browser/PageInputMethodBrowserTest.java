package org.noticesearch.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 14: typing Chinese with an input method in the search page's box asked for suggestions for the pinyin
 * (j, ji, jin … 8 requests for 春蕾). A real composition through Chrome DevTools: no suggestion request while it lasts,
 * one when it ends.
 */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PageInputMethodBrowserTest {
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

    @SuppressWarnings("unchecked")
    private List<String> suggestQueries() {
        List<Object> urls = (List<Object>) ((JavascriptExecutor) driver).executeScript("return window.__suggests.slice()");
        return urls.stream().map(String::valueOf).map(u -> URLDecoder.decode(
                u.replaceAll(".*[?&]q=([^&]*).*", "$1"), StandardCharsets.UTF_8)).toList();
    }

    @Test
    void noSuggestionIsAskedForWhileComposing() throws InterruptedException {
        driver.get(h.base + "/");
        WebElement input = driver.findElement(By.id("q"));
        ((JavascriptExecutor) driver).executeScript("""
                window.__suggests = [];
                const real = window.fetch;
                window.fetch = function (url) {
                  if (String(url).includes('api/suggest')) window.__suggests.push(String(url));
                  return real.apply(this, arguments);
                };""");
        input.click();
        ChromeDriver chrome = (ChromeDriver) driver;
        for (String pinyin : List.of("c", "ch", "chu", "chun", "chun l", "chun le", "chun lei")) {
            chrome.executeCdpCommand("Input.imeSetComposition",
                    Map.of("text", pinyin, "selectionStart", pinyin.length(), "selectionEnd", pinyin.length()));
            Thread.sleep(300); // slower than the suggestion delay, as a person types
            assertEquals(pinyin, input.getAttribute("value"));
        }
        assertEquals(List.of(), suggestQueries(), "no suggestion request while composing");
        chrome.executeCdpCommand("Input.insertText", Map.of("text", "春蕾"));
        new WebDriverWait(driver, Duration.ofSeconds(10), Duration.ofMillis(50)).until(d -> !suggestQueries().isEmpty());
        Thread.sleep(600);
        assertEquals(List.of("春蕾"), suggestQueries(), "one request when the composition ends");
    }
}
