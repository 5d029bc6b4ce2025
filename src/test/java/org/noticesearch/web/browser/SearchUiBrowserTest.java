package org.noticesearch.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The search page, the notice page and the embedded box, driven in headless Chromium against the real
 * service: (1) search, facet, open a notice; (2) the box embedded on a page from another origin, chosen
 * with the keyboard; (3) a hostile notice shows its markup as text and runs none of it, on both.
 */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 40, unit = TimeUnit.SECONDS)
class SearchUiBrowserTest {
    static final String QUERY = "疫情";
    static final String HOSTILE_QUERY = "恶意代码演练";
    static final String HOSTILE_TITLE = "关于<script>alert(1)</script>开展恶意代码演练<img src=x onerror=alert(1)>工作的通知";

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

    @BeforeEach
    void blank() {
        driver.get("about:blank");
    }

    @Test
    void searchPageFacetsAndNotice() {
        driver.get(h.base + "/");
        WebElement q = driver.findElement(By.id("q"));
        q.sendKeys(QUERY);
        // Suggestions drop down as you type (ARIA combobox).
        waitFor(d -> !d.findElements(By.cssSelector("#suggest-list [role=option]")).isEmpty());
        assertEquals("true", q.getAttribute("aria-expanded"));
        q.sendKeys(Keys.ENTER);

        waitFor(d -> statusText().startsWith("共"));
        List<WebElement> hits = hits();
        assertEquals(4, hits.size(), "hits for " + QUERY + ": " + statusText());
        assertTrue(statusText().contains("共 4 条结果"), statusText());
        assertFalse(driver.findElements(By.cssSelector("#results .hit-title mark")).isEmpty(), "titles are highlighted");
        assertFalse(driver.findElements(By.cssSelector("#results .snippet mark")).isEmpty(), "snippets are highlighted");
        assertEquals(QUERY, driver.findElement(By.cssSelector("#results .snippet mark")).getText());
        assertEquals(QUERY, queryParam(driver.getCurrentUrl(), "q"), "the query is in the URL");
        assertTrue(driver.findElement(By.cssSelector("a.csv-link")).getAttribute("href").contains("/api/search.csv?q="));
        waitFor(d -> d.findElement(By.id("trend")).isDisplayed());
        Map<String, String> provincesBefore = facetCounts("province");
        assertEquals(4, provincesBefore.size(), provincesBefore.toString());
        assertEquals("4", facetCounts("year").get("2020"));

        // Refine by one issuer: hits and the other facets' counts change; issuer counts stay (drill-sideways).
        String issuer = "重庆市妇女联合会";
        facetLink("issuer", issuer).click();
        waitFor(d -> statusText().contains("共 1 条结果"));
        screenshot("search-facet");
        assertEquals(1, hits().size());
        assertTrue(hits().get(0).findElement(By.cssSelector(".issuer")).getText().contains(issuer));
        assertEquals(List.of(issuer), queryParams(driver.getCurrentUrl(), "issuer"));
        assertEquals(Map.of("重庆市", "1"), facetCounts("province"));
        assertEquals("1", facetCounts("year").get("2020"));
        assertEquals(4, facetCounts("issuer").size(), "other issuers stay visible");
        assertEquals("true", facetLink("issuer", issuer).getAttribute("aria-current"));
        assertTrue(driver.findElement(By.id("active-filters")).getText().contains(issuer), "the filter shows as removable");

        // Back restores the unfiltered results from the URL.
        driver.navigate().back();
        waitFor(d -> statusText().contains("共 4 条结果"));
        assertEquals(4, hits().size());

        // Open a notice from the results.
        WebElement first = hits().get(0).findElement(By.cssSelector(".hit-title a"));
        String title = first.getText();
        first.click();
        waitFor(d -> d.getCurrentUrl().contains("/notice.html?id="));
        waitFor(d -> !d.findElement(By.id("title")).getText().isEmpty());
        assertEquals(title, driver.findElement(By.id("title")).getText());
        String meta = driver.findElement(By.id("meta")).getText();
        assertTrue(meta.contains("发文机关") && meta.contains("成文日期"), meta);
        assertFalse(driver.findElements(By.cssSelector("#body mark")).isEmpty(), "the query is highlighted in the text");
        assertNoScriptRan();
    }

    @Test
    void embeddedBoxOnAnotherOrigin() {
        driver.get(h.hostPage);
        assertNotEquals(origin(h.hostPage), h.base, "the host page is on another origin");
        WebElement host = waitFor(d -> {
            WebElement e = d.findElement(By.tagName("notice-search"));
            return js("return !!arguments[0].shadowRoot", e).equals(Boolean.TRUE) ? e : null;
        });
        SearchContext root = host.getShadowRoot();
        WebElement input = root.findElement(By.cssSelector("input"));
        assertTrue(input.isDisplayed(), "the host page's CSS does not reach into the box");
        assertEquals("搜索本单位公文", input.getAttribute("placeholder"));
        assertEquals("combobox", input.getAttribute("role"));

        // '/' typed in another field stays there; '/' elsewhere focuses the box.
        WebElement other = driver.findElement(By.id("other"));
        other.sendKeys("a/b");
        assertEquals("a/b", other.getAttribute("value"));
        driver.findElement(By.id("after")).click();
        new Actions(driver).sendKeys("/").perform();
        assertEquals(Boolean.TRUE, js("return arguments[0].shadowRoot.activeElement === arguments[0].shadowRoot.querySelector('input')", host));
        assertEquals("", input.getAttribute("value"), "the '/' itself is not typed");

        input.sendKeys(QUERY);
        List<WebElement> options = waitFor(d -> {
            List<WebElement> o = root.findElements(By.cssSelector("[role=option]"));
            return o.size() == 4 ? o : null;
        });
        assertEquals("true", input.getAttribute("aria-expanded"));
        assertFalse(root.findElements(By.cssSelector("[role=option] mark")).isEmpty(), "snippets are highlighted");
        WebElement more = root.findElement(By.cssSelector("a.more"));
        assertEquals(h.base + "/?q=" + URLEncoder.encode(QUERY, StandardCharsets.UTF_8), more.getAttribute("href"));
        String firstHref = options.get(0).getAttribute("data-href");
        assertTrue(firstHref.startsWith(h.base + "/notice.html?id="), "result links are absolute, on the service: " + firstHref);

        input.sendKeys(Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ARROW_UP);
        assertEquals(options.get(0).getAttribute("id"), input.getAttribute("aria-activedescendant"));
        assertEquals("true", options.get(0).getAttribute("aria-selected"));
        assertEquals("false", options.get(1).getAttribute("aria-selected"));
        String title = options.get(0).findElement(By.cssSelector(".title")).getText();
        screenshot("embed-dropdown");

        input.sendKeys(Keys.ENTER);
        waitFor(d -> d.getCurrentUrl().startsWith(h.base + "/notice.html?id="));
        waitFor(d -> !d.findElement(By.id("title")).getText().isEmpty());
        assertEquals(title, driver.findElement(By.id("title")).getText());
        assertNoScriptRan();
    }

    @Test
    void hostileNoticeShowsAsTextAndRunsNothing() {
        // Search page, opened straight from a bookmarkable URL.
        driver.get(h.base + "/?q=" + URLEncoder.encode(HOSTILE_QUERY, StandardCharsets.UTF_8));
        waitFor(d -> statusText().startsWith("共"));
        assertNoScriptRan();
        List<WebElement> hits = hits();
        assertEquals(1, hits.size(), statusText());
        WebElement link = hits.get(0).findElement(By.cssSelector(".hit-title a"));
        assertEquals(HOSTILE_TITLE, link.getText(), "the markup in the title is shown literally");
        assertFalse(link.findElements(By.tagName("mark")).isEmpty(), "highlighting still works around it");
        assertNoInjectedElements(List.of("common.js", "app.js"));

        // Notice page, with the query highlighted (paragraphsHtml) and without (plain paragraphs).
        link.click();
        waitFor(d -> !d.findElement(By.id("title")).getText().isEmpty());
        checkHostileNoticePage();
        driver.get(driver.getCurrentUrl().replaceAll("&q=[^&]*", ""));
        waitFor(d -> !d.findElement(By.id("title")).getText().isEmpty());
        checkHostileNoticePage();

        // The embedded box on the host page, which has no CSP to fall back on.
        driver.get(h.hostPage);
        WebElement host = waitFor(d -> {
            WebElement e = d.findElement(By.tagName("notice-search"));
            return js("return !!arguments[0].shadowRoot", e).equals(Boolean.TRUE) ? e : null;
        });
        SearchContext root = host.getShadowRoot();
        root.findElement(By.cssSelector("input")).sendKeys(HOSTILE_QUERY);
        WebElement option = waitFor(d -> {
            List<WebElement> o = root.findElements(By.cssSelector("[role=option]"));
            return o.size() == 1 ? o.get(0) : null;
        });
        assertEquals(HOSTILE_TITLE, option.findElement(By.cssSelector(".title")).getText());
        assertNoScriptRan();
        screenshot("hostile-embed");
        assertEquals(0L, js("return arguments[0].shadowRoot.querySelectorAll('img,script,iframe,svg,object,embed,[onerror],[onload]').length", host));
        assertEquals(0L, js("return arguments[0].shadowRoot.querySelectorAll('a[href^=\"javascript:\" i]').length", host));
        assertNoInjectedElements(List.of("embed.js"));
    }

    private void checkHostileNoticePage() {
        assertNoScriptRan();
        screenshot("hostile-notice");
        assertEquals(HOSTILE_TITLE, driver.findElement(By.id("title")).getText());
        String body = driver.findElement(By.id("body")).getText();
        assertTrue(body.contains("<a href=\"javascript:alert(1)\">javascript:alert(1)</a>"), body);
        assertTrue(body.contains("<img src=x onerror=\"window.pwned=1\">"), body);
        assertTrue(body.contains("<script>document.title='pwned'</script>"), body);
        assertTrue(body.contains("&lt;b&gt;实体&amp;lt;"), "entities in the source stay as written: " + body);
        String meta = driver.findElement(By.id("meta")).getText();
        assertTrue(meta.contains("<svg onload=alert(1)>各有关单位"), meta);
        assertTrue(meta.contains("<iframe src=\"javascript:alert(1)\"></iframe>演练登记表"), meta);
        String cites = driver.findElement(By.id("cites")).getText();
        assertTrue(cites.contains("《关于<img src=x onerror=alert(1)>加强网络防护的通知》"), cites);
        assertNoInjectedElements(List.of("common.js", "notice.js"));
    }

    // ---- helpers ----

    /** No alert is open, no injected handler set its flag, and the title was not rewritten. */
    private void assertNoScriptRan() {
        try {
            String text = driver.switchTo().alert().getText();
            fail("an alert ran: " + text);
        } catch (NoAlertPresentException expected) {
            // good
        }
        assertEquals(Boolean.TRUE, js("return typeof window.pwned === 'undefined'"), "an injected onerror handler ran");
        assertNotEquals("pwned", driver.getTitle());
    }

    /** The page holds no element the notice text could have injected, and only its own scripts. */
    private void assertNoInjectedElements(List<String> ownScripts) {
        assertEquals(0L, js("return document.querySelectorAll('img,iframe,svg,object,embed,[onerror],[onload]').length"));
        assertEquals(0L, js("return document.querySelectorAll('a[href^=\"javascript:\" i]').length"));
        @SuppressWarnings("unchecked")
        List<String> scripts = (List<String>) js("return [...document.scripts].map(s => s.src ? s.src.replace(/^.*\\//, '') : 'INLINE')");
        assertEquals(ownScripts, scripts, "only the page's own scripts");
    }

    /** Saves what the browser shows to target/browser-screenshots/, for a human (or CI artifact) to look at. */
    private void screenshot(String name) {
        try {
            Path dir = Path.of("target", "browser-screenshots");
            java.nio.file.Files.createDirectories(dir);
            byte[] png = ((org.openqa.selenium.TakesScreenshot) driver).getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
            java.nio.file.Files.write(dir.resolve(name + ".png"), png);
        } catch (IOException | RuntimeException e) {
            System.err.println("screenshot " + name + " failed: " + e);
        }
    }

    private List<WebElement> hits() {
        return driver.findElements(By.cssSelector("#results li.hit"));
    }

    private String statusText() {
        return driver.findElement(By.id("status")).getText();
    }

    private WebElement facetLink(String facet, String value) {
        for (WebElement a : driver.findElements(By.cssSelector("#facets a.facet-link[data-facet='" + facet + "']"))) {
            if (value.equals(a.getAttribute("data-value"))) {
                return a;
            }
        }
        throw new AssertionError("no " + facet + " facet value " + value + " in " + facetCounts(facet));
    }

    private Map<String, String> facetCounts(String facet) {
        Map<String, String> counts = new java.util.LinkedHashMap<>();
        for (WebElement a : driver.findElements(By.cssSelector("#facets a.facet-link[data-facet='" + facet + "']"))) {
            counts.put(a.getAttribute("data-value"), a.findElement(By.cssSelector(".facet-count")).getAttribute("textContent"));
        }
        return counts;
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private <T> T waitFor(java.util.function.Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(8), Duration.ofMillis(50)).until(condition);
    }

    private static String origin(String url) {
        return url.replaceAll("^(https?://[^/]+).*$", "$1");
    }

    private static String queryParam(String url, String name) {
        List<String> all = queryParams(url, name);
        return all.isEmpty() ? null : all.get(0);
    }

    private static List<String> queryParams(String url, String name) {
        int i = url.indexOf('?');
        if (i < 0) {
            return List.of();
        }
        return java.util.Arrays.stream(url.substring(i + 1).split("&"))
                .map(kv -> kv.split("=", 2))
                .filter(kv -> kv[0].equals(name))
                .map(kv -> URLDecoder.decode(kv.length > 1 ? kv[1] : "", StandardCharsets.UTF_8))
                .toList();
    }
}
