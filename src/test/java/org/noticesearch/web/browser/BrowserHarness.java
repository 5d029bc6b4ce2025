package org.noticesearch.web.browser;

import static org.junit.jupiter.api.Assertions.fail;

import com.sun.net.httpserver.HttpServer;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.noticesearch.NoticeService;
import org.noticesearch.config.IndexConfig;
import org.noticesearch.web.WebConfig;
import org.noticesearch.web.WebServer;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * What the browser tests run against: the real service in-process on a random port (over a temp copy
 * of corpus/ plus the hostile fixture notice), a second tiny server on another port playing an intranet
 * page that embeds the search box, and headless Debian Chromium driven through its chromedriver.
 */
final class BrowserHarness implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final String INSTALL_HINT = "apt-get install -y chromium chromium-driver";
    static final String HOSTILE_FIXTURE = "src/test/resources/browser/hostile-notice.txt";
    static final String HOST_PAGE = "src/test/resources/browser/embed-host.html";

    final NoticeService service;
    final Javalin app;
    final String base;
    final HttpServer hostServer;
    final String hostPage;
    final ChromeDriverService driverService;
    final WebDriver driver;

    private BrowserHarness(NoticeService service, Javalin app, HttpServer hostServer, ChromeDriverService driverService, WebDriver driver) {
        this.service = service;
        this.app = app;
        this.base = "http://127.0.0.1:" + app.port();
        this.hostServer = hostServer;
        this.hostPage = "http://127.0.0.1:" + hostServer.getAddress().getPort() + "/intranet/index.html";
        this.driverService = driverService;
        this.driver = driver;
    }

    /** Fails (never skips) when the browser is missing, saying how to install it. */
    static void requireChromium() {
        for (Path p : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(p)) {
                fail("browser tests need " + p + ", which is missing: install Chromium and its driver with `"
                        + INSTALL_HINT + "` (Debian/Ubuntu; .ci/run does this), or exclude these tests with -DexcludedGroups=browser");
            }
        }
    }

    static BrowserHarness start(Path tmp) throws IOException {
        return start(tmp, corpus -> { });
    }

    /** The same, with notices a test adds to the corpus before it is indexed. */
    static BrowserHarness start(Path tmp, java.util.function.Consumer<Path> addToCorpus) throws IOException {
        return start(tmp, addToCorpus, IndexConfig.load(Path.of("index-config")));
    }

    /** The same, served with another configuration. */
    static BrowserHarness start(Path tmp, java.util.function.Consumer<Path> addToCorpus, IndexConfig cfg) throws IOException {
        requireChromium();
        Path corpus = tmp.resolve("corpus");
        Files.createDirectories(corpus);
        try (Stream<Path> s = Files.list(Path.of("corpus"))) {
            for (Path p : s.filter(p -> p.toString().endsWith(".txt")).toList()) {
                Files.copy(p, corpus.resolve(p.getFileName()));
            }
        }
        Files.copy(Path.of(HOSTILE_FIXTURE), corpus.resolve("hostile-notice.txt"));
        addToCorpus.accept(corpus);
        NoticeService service = NoticeService.start(cfg, corpus, tmp.resolve("index"), 2, false);
        Javalin app = null;
        HttpServer host = null;
        ChromeDriverService ds = null;
        try {
            app = WebServer.create(service.service(), service.maintainer(), cfg.settings(),
                    new WebConfig("127.0.0.1", 0, List.of("*"), null)).start("127.0.0.1", 0);
            host = startHostPage("http://127.0.0.1:" + app.port());
            Logger.getLogger("org.openqa.selenium").setLevel(Level.SEVERE);
            ds = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile())   // explicit, so Selenium Manager never runs
                    .usingAnyFreePort().build();
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toString());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-extensions", "--disable-sync", "--no-first-run",
                    "--window-size=1280,900", "--lang=zh-CN");
            // Leave any alert open so a test can see it, instead of Selenium dismissing it silently.
            options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
            WebDriver driver = new ChromeDriver(ds, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(15));
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(5));
            return new BrowserHarness(service, app, host, ds, driver);
        } catch (RuntimeException | IOException e) {
            if (ds != null) ds.stop();
            if (host != null) host.stop(0);
            if (app != null) app.stop();
            service.close();
            throw e;
        }
    }

    /** An "intranet" page on another origin (another port) whose only link to the service is the script tag. */
    private static HttpServer startHostPage(String serviceOrigin) throws IOException {
        byte[] page = Files.readString(Path.of(HOST_PAGE), StandardCharsets.UTF_8)
                .replace("{{SERVICE}}", serviceOrigin).getBytes(StandardCharsets.UTF_8);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                if (!exchange.getRequestURI().getPath().equals("/intranet/index.html")) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, page.length);
                exchange.getResponseBody().write(page);
            }
        });
        server.start();
        return server;
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            driverService.stop();
            hostServer.stop(0);
            app.stop();
            service.close();
        }
    }
}
