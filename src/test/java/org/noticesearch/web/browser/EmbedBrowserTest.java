package org.noticesearch.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The embeddable box on intranet pages it does not control, in headless Chromium against the real service:
 * Chinese input methods (no search while composing), the page's CSS kept out, the "see all" link only when
 * there is something to see, and axe-core on a page with the results open. Host pages are generated here and
 * served from a third origin, which also plays a broken search service.
 */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EmbedBrowserTest {
    /** What a careless intranet stylesheet does to everything on the page, the box's host element included. */
    static final String HOSTILE_CSS = "* { line-height: 2.4; letter-spacing: 2px; text-align: center; }";
    static final String HOSTILE_CSS_IMPORTANT = "* { line-height: 2.4 !important; letter-spacing: 2px !important;"
            + " text-align: center !important; font-size: 40px !important; color: red !important;"
            + " font-family: serif !important; font-style: italic !important; text-transform: uppercase !important;"
            + " word-spacing: 9px !important; white-space: pre !important; text-indent: 3em !important; }";
    static final List<String> STYLE_PROPS = List.of("font-size", "line-height", "letter-spacing", "text-align", "color",
            "font-family", "font-style", "text-transform", "word-spacing", "white-space", "text-indent");
    static final String QUERY = "疫情";

    BrowserHarness h;
    WebDriver driver;
    HttpServer pages;
    String pagesOrigin;
    final Map<String, String> pageHtml = new ConcurrentHashMap<>();

    @BeforeAll
    void start(@TempDir Path tmp) throws IOException {
        h = BrowserHarness.start(tmp);
        driver = h.driver;
        pages = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        pagesOrigin = "http://127.0.0.1:" + pages.getAddress().getPort();
        pages.createContext("/", exchange -> {
            try (exchange) {
                String path = exchange.getRequestURI().getPath();
                if (path.startsWith("/broken/api/")) {
                    // A search service that is down behind a proxy: 503, no JSON.
                    exchange.sendResponseHeaders(503, -1);
                    return;
                }
                String html = pageHtml.get(path);
                if (html == null) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                byte[] body = html.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        pages.start();
    }

    @AfterAll
    void stop() throws IOException {
        if (pages != null) {
            pages.stop(0);
        }
        if (h != null) {
            h.close();
        }
    }

    @BeforeEach
    void blank() {
        driver.get("about:blank");
    }

    @Test
    void inputMethodCompositionSearchesOnceWhenItEnds() throws InterruptedException {
        SearchContext root = open(page("ime", "", ""));
        WebElement input = root.findElement(By.cssSelector("input"));
        input.click();
        ChromeDriver chrome = (ChromeDriver) driver;
        List<Object> shown = new java.util.ArrayList<>();
        // Pinyin for 巾帼 as a person types it, slower than the box's debounce, as in the issue.
        for (String pinyin : List.of("j", "ji", "jin", "jin g", "jin gu", "jin guo")) {
            chrome.executeCdpCommand("Input.imeSetComposition",
                    Map.of("text", pinyin, "selectionStart", pinyin.length(), "selectionEnd", pinyin.length()));
            Thread.sleep(350);
            assertEquals(pinyin, input.getAttribute("value"), "the composition is in the box");
            shown.add(js("const r = arguments[0].shadowRoot; return r.querySelector('.panel').hidden + ' '"
                    + " + r.querySelectorAll('[role=option]').length + ' ' + r.querySelector('.status').textContent", host()));
        }
        List<String> whileComposing = searches();
        chrome.executeCdpCommand("Input.insertText", Map.of("text", "巾帼"));
        assertEquals("巾帼", input.getAttribute("value"));
        waitFor(d -> !searches().isEmpty());
        Thread.sleep(600);
        List<String> sent = searches();
        assertEquals(List.of(), whileComposing, "no search while composing");
        assertEquals(java.util.Collections.nCopies(6, "true 0 "), shown, "nothing drops down or changes while composing");
        assertEquals(1, sent.size(), "one search when the composition ends: " + sent);
        assertEquals("巾帼", queryOf(sent.get(0)));
        waitFor(d -> !root.findElements(By.cssSelector("[role=option]")).isEmpty());

        // Composing more with results open leaves them as they are, then searches once for the whole text.
        String before = (String) js("return arguments[0].shadowRoot.querySelector('.panel').innerHTML", host());
        for (String pinyin : List.of("t", "tu", "tuo")) {
            chrome.executeCdpCommand("Input.imeSetComposition",
                    Map.of("text", pinyin, "selectionStart", pinyin.length(), "selectionEnd", pinyin.length()));
            Thread.sleep(350);
            assertEquals("巾帼" + pinyin, input.getAttribute("value"));
            assertEquals(before, js("return arguments[0].shadowRoot.querySelector('.panel').innerHTML", host()),
                    "the results stay while composing '" + pinyin + "'");
            assertEquals(1, searches().size(), "no search while composing '" + pinyin + "'");
        }
        chrome.executeCdpCommand("Input.insertText", Map.of("text", "脱"));
        waitFor(d -> searches().size() > 1);
        Thread.sleep(600);
        assertEquals(List.of("巾帼", "巾帼脱"), searches().stream().map(EmbedBrowserTest::queryOf).toList());

        // Enter that commits a composition (keyCode 229) neither navigates nor searches again.
        String url = driver.getCurrentUrl();
        js("arguments[0].dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', keyCode: 229, isComposing: true,"
                + " bubbles: true, composed: true, cancelable: true}))", input);
        Thread.sleep(400);
        assertEquals(url, driver.getCurrentUrl());
        assertEquals(2, searches().size());
    }

    @Test
    void hostPageCssDoesNotReachIntoTheBox() {
        Map<String, Map<String, String>> plain = boxStyles(page("plain", "", ""));
        Map<String, Map<String, String>> careless = boxStyles(page("careless", HOSTILE_CSS, ""));
        Map<String, Map<String, String>> forced = boxStyles(page("forced", HOSTILE_CSS_IMPORTANT, ""));
        assertEquals("15px", plain.get("input").get("font-size"), plain.toString());
        assertEquals("start", plain.get("option").get("text-align"), plain.toString());
        assertEquals(plain, careless, "a plain * rule on the page");
        assertEquals(plain, forced, "an !important * rule on the page");
    }

    @Test
    void seeAllLinkOnlyWhenThereAreResults() {
        SearchContext root = open(page("more", "", ""));
        WebElement input = root.findElement(By.cssSelector("input"));
        input.sendKeys(QUERY);
        waitFor(d -> root.findElements(By.cssSelector("[role=option]")).size() == 4);
        WebElement more = root.findElement(By.cssSelector(".more"));
        assertTrue(more.isDisplayed());
        assertEquals("查看全部 4 条结果 →", more.getText());

        input.clear();
        input.sendKeys("zqxjvw");
        waitFor(d -> "没有找到相关公文".equals(status(root)));
        assertEquals(0, root.findElements(By.cssSelector("[role=option]")).size());
        assertFalse(more.isDisplayed(), "no 'see all 0 results' link");
        assertEquals("false", input.getAttribute("aria-expanded"));

        SearchContext broken = open(page("broken", "", "endpoint=\"" + pagesOrigin + "/broken\""));
        broken.findElement(By.cssSelector("input")).sendKeys(QUERY);
        waitFor(d -> status(broken).startsWith("搜索暂时不可用"));
        assertEquals("搜索暂时不可用（HTTP 503）", status(broken));
        assertFalse(broken.findElement(By.cssSelector(".more")).isDisplayed(), "no link on an error");
    }

    @Test
    void axeFindsNothingSeriousWithResultsOpen() {
        SearchContext root = open(page("axe", "", ""));
        WebElement input = root.findElement(By.cssSelector("input"));
        input.sendKeys(QUERY);
        List<WebElement> options = waitFor(d -> {
            List<WebElement> o = root.findElements(By.cssSelector("[role=option]"));
            return o.size() == 4 ? o : null;
        });
        assertTrue(options.get(0).findElements(By.cssSelector("a, button, input")).isEmpty(), "options hold nothing interactive");
        input.sendKeys(Keys.ARROW_DOWN);
        assertEquals(options.get(0).getAttribute("id"), input.getAttribute("aria-activedescendant"));
        screenshot("embed");
        Results results = new AxeBuilder().analyze(driver);
        List<String> serious = results.getViolations().stream()
                .filter(r -> "serious".equals(r.getImpact()) || "critical".equals(r.getImpact()))
                .map(EmbedBrowserTest::describe)
                .toList();
        assertEquals(List.of(), serious);

        // Clicking anywhere in an option opens that notice (options are no longer links).
        String title = options.get(1).findElement(By.cssSelector(".title")).getText();
        options.get(1).findElement(By.cssSelector(".meta")).click();
        waitFor(d -> d.getCurrentUrl().startsWith(h.base + "/notice.html?id="));
        waitFor(d -> !d.findElement(By.id("title")).getText().isEmpty());
        assertEquals(title, driver.findElement(By.id("title")).getText());
    }

    @Test
    void keyboardMovesOpensClosesAndClears() {
        SearchContext root = open(page("keys", "", ""));
        WebElement input = root.findElement(By.cssSelector("input"));
        input.sendKeys(QUERY);
        List<WebElement> options = waitFor(d -> {
            List<WebElement> o = root.findElements(By.cssSelector("[role=option]"));
            return o.size() == 4 ? o : null;
        });
        input.sendKeys(Keys.ARROW_UP);
        assertEquals(options.get(3).getAttribute("id"), input.getAttribute("aria-activedescendant"), "up wraps to the last");
        input.sendKeys(Keys.ARROW_DOWN);
        assertEquals(options.get(0).getAttribute("id"), input.getAttribute("aria-activedescendant"), "down wraps to the first");
        // Actions type into whatever has the focus; WebElement.sendKeys would re-focus the input, which reopens the list.
        new Actions(driver).sendKeys(Keys.ESCAPE).perform();
        assertFalse(root.findElement(By.cssSelector(".panel")).isDisplayed());
        assertEquals("false", input.getAttribute("aria-expanded"));
        assertEquals(null, input.getAttribute("aria-activedescendant"));
        assertEquals(QUERY, input.getAttribute("value"), "the first Escape only closes");
        new Actions(driver).sendKeys(Keys.ESCAPE).perform();
        assertEquals("", input.getAttribute("value"), "the second Escape clears");
        assertEquals(Boolean.TRUE, js("return document.activeElement === arguments[0]", host()), "the focus stays in the box");
    }

    // ---- helpers ----

    /** Publishes a host page on the third origin; it records every fetch the box makes in window.__searches. */
    private String page(String name, String css, String boxAttributes) {
        String html = """
                <!DOCTYPE html>
                <html lang="zh-CN">
                <head>
                <meta charset="utf-8">
                <title>某单位内网首页</title>
                <style>%s</style>
                <script>
                  window.__searches = [];
                  const realFetch = window.fetch;
                  window.fetch = function (url, opts) { window.__searches.push(String(url)); return realFetch.apply(this, arguments); };
                </script>
                </head>
                <body>
                <main>
                <h1>内网首页</h1>
                <script src="%s/embed.js" defer></script>
                <notice-search placeholder="搜索本单位公文" size="5" %s></notice-search>
                <p id="after">页面其余内容</p>
                </main>
                </body>
                </html>
                """.formatted(css, h.base, boxAttributes);
        pageHtml.put("/intranet/" + name + ".html", html);
        return pagesOrigin + "/intranet/" + name + ".html";
    }

    private SearchContext open(String url) {
        driver.get(url);
        return waitFor(d -> Boolean.TRUE.equals(js("return !!document.querySelector('notice-search').shadowRoot")) ? host() : null)
                .getShadowRoot();
    }

    private WebElement host() {
        return driver.findElement(By.tagName("notice-search"));
    }

    /** Computed styles of the input, the list, an option, its title and the "see all" link, with results open. */
    @SuppressWarnings("unchecked")
    private Map<String, Map<String, String>> boxStyles(String url) {
        SearchContext root = open(url);
        root.findElement(By.cssSelector("input")).sendKeys(QUERY);
        waitFor(d -> root.findElements(By.cssSelector("[role=option]")).size() == 4);
        return (Map<String, Map<String, String>>) js("""
                const r = arguments[0].shadowRoot, props = arguments[1], out = {};
                const parts = {input: 'input', list: '[role=listbox]', option: '[role=option]', title: '[role=option] .title',
                               meta: '[role=option] .meta', more: '.more'};
                for (const [k, sel] of Object.entries(parts)) {
                  const cs = getComputedStyle(r.querySelector(sel)), o = {};
                  for (const p of props) o[p] = cs.getPropertyValue(p);
                  out[k] = o;
                }
                return out;""", host(), STYLE_PROPS);
    }

    @SuppressWarnings("unchecked")
    private List<String> searches() {
        return ((List<String>) js("return window.__searches")).stream().filter(u -> u.contains("/api/search")).toList();
    }

    private static String queryOf(String url) {
        String query = url.substring(url.indexOf('?') + 1);
        for (String kv : query.split("&")) {
            if (kv.startsWith("q=")) {
                return java.net.URLDecoder.decode(kv.substring(2), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private String status(SearchContext root) {
        return root.findElement(By.cssSelector(".status")).getText();
    }

    private static String describe(Rule r) {
        return r.getId() + " (" + r.getImpact() + "): " + r.getNodes().stream().map(n -> String.valueOf(n.getTarget())).toList();
    }

    /**
     * Saves the box and its drop-down to target/browser-screenshots/. docs/embed.png is a copy of embed.png, taken with
     * a CJK font (fonts-wqy-microhei) made visible to Chromium through FONTCONFIG_FILE.
     */
    private void screenshot(String name) {
        try {
            Path dir = Path.of("target", "browser-screenshots");
            Files.createDirectories(dir);
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            // Only the part of the page the box and its drop-down cover, with a margin.
            @SuppressWarnings("unchecked")
            List<Number> r = (List<Number>) js("const b = document.querySelector('notice-search').shadowRoot.querySelector('.panel')"
                    + ".getBoundingClientRect(); return [b.right, b.bottom];");
            java.awt.image.BufferedImage full = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
            int w = Math.min(full.getWidth(), r.get(0).intValue() + 24);
            int hgt = Math.min(full.getHeight(), r.get(1).intValue() + 24);
            javax.imageio.ImageIO.write(full.getSubimage(0, 0, w, hgt), "png", dir.resolve(name + ".png").toFile());
        } catch (IOException | RuntimeException e) {
            System.err.println("screenshot " + name + " failed: " + e);
        }
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private <T> T waitFor(java.util.function.Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(8), Duration.ofMillis(50)).until(condition);
    }
}
