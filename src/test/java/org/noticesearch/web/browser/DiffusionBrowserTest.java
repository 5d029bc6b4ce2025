package org.noticesearch.web.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The diffusion page (传播路径) in Chromium over the bundled corpus plus the hand-written campaign of
 * {@code src/test/resources/diffusion} and one hostile notice of the campaign: the curve, the tables, the tree with
 * its indentation, the entry links from the search page, a campaign facet and a notice, escaping, and a phone's width.
 */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class DiffusionBrowserTest {
    static final String CAMPAIGN = "春蕾护航行动";
    static final String HOSTILE_TITLE = "北京市妇女联合会关于<img src=x onerror=window.__xss=1>“春蕾护航行动”的通知";

    BrowserHarness h;
    WebDriver driver;

    @BeforeAll
    void start(@TempDir Path tmp) throws IOException {
        h = BrowserHarness.start(tmp, corpus -> {
            try (Stream<Path> s = Files.list(Path.of("src/test/resources/diffusion"))) {
                for (Path p : s.filter(p -> p.toString().endsWith(".txt")).toList()) {
                    Files.copy(p, corpus.resolve(p.getFileName()));
                }
                Files.writeString(corpus.resolve("d7_hostile.txt"), "京妇发〔2021〕9号\n\n" + HOSTILE_TITLE
                        + "\n\n各区妇联：\n\n根据《全国妇女联合会关于开展“春蕾护航行动”的通知》（妇字〔2021〕30号）要求，现通知如下。\n\n"
                        + "北京市妇女联合会\n2021年6月1日\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        driver = h.driver;
    }

    @AfterAll
    void stop() throws IOException {
        h.close();
    }

    @BeforeEach
    void desktop() {
        driver.manage().window().setSize(new Dimension(1280, 900));
    }

    @Test
    void adoptionCurveTablesAndEscaping() {
        open("diffusion.html?q=" + enc(CAMPAIGN));
        waitFor(d -> d.findElement(By.id("adoption")).isDisplayed());
        List<WebElement> rows = driver.findElements(By.cssSelector("#adopters tbody tr"));
        assertEquals(List.of("全国妇女联合会", "江苏省妇女联合会", "南京市妇女联合会", "安徽省妇女联合会", "南京市江宁区妇女联合会",
                "北京市妇女联合会", "浙江省妇女联合会"), rows.stream().map(r -> r.findElements(By.tagName("td")).get(1).getText()
                .replaceAll("（.*）", "")).toList());
        assertEquals("2021年（仅知年份）", rows.get(6).findElements(By.tagName("td")).get(0).getText());
        // The hostile title is shown as text in the Beijing row, never run or parsed as HTML.
        assertEquals(HOSTILE_TITLE, rows.get(5).findElement(By.cssSelector("td:nth-child(4) a")).getText());
        assertTrue(driver.findElements(By.cssSelector("#adopters img")).isEmpty());
        assertNull(js("return window.__xss === undefined ? null : window.__xss"));
        // One dot per month with new dated adopters: 2021-03, -04, -05, -06; the year-only adopter is listed under the chart.
        assertEquals(4, driver.findElements(By.cssSelector("#curve svg circle")).size());
        assertEquals("未计入曲线（只知年份或日期不详）：2021年 1 个", driver.findElement(By.id("year-only")).getText());
        assertEquals(List.of("江苏省", "安徽省", "北京市", "浙江省"), driver.findElements(By.cssSelector("#provinces tbody tr td:first-child"))
                .stream().map(WebElement::getText).toList());
        assertEquals(List.of("全国|1|1|0 天", "省级|4|3|50 天", "市级|1|1|39 天", "县级|1|1|70 天"),
                driver.findElements(By.cssSelector("#levels tbody tr")).stream()
                        .map(r -> String.join("|", r.findElements(By.tagName("td")).stream().map(WebElement::getText).toList())).toList());
        String csv = driver.findElement(By.id("csv-en")).getAttribute("href");
        assertTrue(csv.contains("/api/diffusion?q=") && csv.endsWith("format=csv"), csv);
    }

    @Test
    void treeIndentedByLevelWithForwardingMarked() {
        open("diffusion.html?q=" + enc(CAMPAIGN));
        waitFor(d -> !d.findElements(By.cssSelector("#adopters tbody tr")).isEmpty());
        driver.findElements(By.cssSelector("#adopters tbody tr")).get(0).findElement(By.cssSelector("a.tree-link")).click();
        waitFor(d -> d.findElement(By.id("tree-sec")).isDisplayed());
        WebElement d4 = driver.findElement(By.cssSelector("#tree li[data-id='d4_county']"));
        // Root li > ul > d2 li > ul > d3 li > ul > d4 li: three lists deep, each indented further.
        assertEquals(3L, js("let n = 0, e = arguments[0].parentElement; while (e.id !== 'tree') { if (e.tagName === 'UL') n++; e = e.parentElement; } return n;", d4));
        int x1 = driver.findElement(By.cssSelector("#tree li[data-id='d2_province']")).getLocation().getX();
        assertTrue(d4.getLocation().getX() > x1, "a deeper notice is indented further");
        assertEquals("转发", driver.findElement(By.cssSelector("#tree li[data-id='d2_province'] > .kind")).getText());
        assertEquals("（+14 天）", driver.findElement(By.cssSelector("#tree li[data-id='d2_province'] > .lag")).getText());
        assertTrue(driver.findElement(By.cssSelector("#tree li[data-id='d7_hostile'] > a")).getText().contains("<img"));
        assertEquals("notice.html?id=d4_county", d4.findElement(By.cssSelector(":scope > a")).getDomAttribute("href"));
        assertTrue(driver.findElement(By.id("tree-graphml")).getAttribute("href").endsWith("/api/notices/d1_national/tree?format=graphml"));
    }

    @Test
    void entryLinksFromResultsCampaignFacetAndNotice() {
        open("?q=" + enc(CAMPAIGN));
        WebElement link = waitFor(d -> d.findElement(By.cssSelector("a.diffusion-link")));
        assertTrue(link.getDomAttribute("href").startsWith("diffusion.html?q="), link.getDomAttribute("href"));
        WebElement facet = waitFor(d -> d.findElement(By.cssSelector(".facet[data-facet='campaign'] a.facet-diffusion")));
        assertTrue(facet.getDomAttribute("href").startsWith("diffusion.html?campaign="), facet.getDomAttribute("href"));
        open("notice.html?id=d2_province");
        waitFor(d -> d.findElement(By.id("notice")).isDisplayed());
        driver.findElement(By.id("diffusion-tree")).click();
        waitFor(d -> d.findElement(By.id("tree-sec")).isDisplayed());
        assertTrue(driver.findElement(By.id("heading")).getText().startsWith("传播树："));
        assertEquals(1, driver.findElements(By.cssSelector("#tree li[data-id='d3_city']")).size());
    }

    @Test
    void readableOnAPhone() {
        driver.manage().window().setSize(new Dimension(375, 812));
        open("diffusion.html?q=" + enc(CAMPAIGN) + "&tree=d1_national");
        waitFor(d -> d.findElement(By.id("tree-sec")).isDisplayed());
        assertEquals(Boolean.TRUE, js("return document.documentElement.scrollWidth <= window.innerWidth"));
    }

    @Test
    void axeFindsNothingSerious() {
        open("diffusion.html?q=" + enc(CAMPAIGN) + "&tree=d1_national");
        waitFor(d -> d.findElement(By.id("tree-sec")).isDisplayed() && d.findElement(By.id("adoption")).isDisplayed());
        Results all = new AxeBuilder().analyze(driver);
        List<Rule> blocking = all.getViolations().stream().filter(r -> List.of("serious", "critical").contains(r.getImpact())).toList();
        assertEquals("", blocking.stream().map(r -> r.getId() + " (" + r.getImpact() + "): "
                + r.getNodes().stream().limit(3).map(n -> String.valueOf(n.getTarget())).collect(Collectors.joining(" ")))
                .collect(Collectors.joining("\n")));
        assertTrue(all.getPasses().size() > 10, "axe ran");
    }

    @Test
    void anUnknownNoticeSaysSo() {
        open("diffusion.html?tree=nope");
        waitFor(d -> d.findElement(By.id("status")).getText().startsWith("找不到这份公文"));
    }

    private void open(String path) {
        driver.get(h.base + "/" + path);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private <T> T waitFor(java.util.function.Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(8), Duration.ofMillis(50)).until(condition);
    }
}
