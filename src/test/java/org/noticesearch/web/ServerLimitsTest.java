package org.noticesearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.noticesearch.search.BadRequestException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.noticesearch.Json;
import org.noticesearch.NoticeService;
import org.noticesearch.config.IndexConfig;
import org.noticesearch.config.Settings;
import org.noticesearch.ingest.Notice;
import org.noticesearch.search.ExportRow;
import org.noticesearch.search.NoticeView;
import org.noticesearch.search.SearchBackend;
import org.noticesearch.search.SearchPage;
import org.noticesearch.search.SearchRequest;
import org.noticesearch.search.Suggestion;
import org.noticesearch.search.Trend;

/**
 * What the server does to protect itself, over loopback: method override ignored, malformed percent-encoding refused,
 * {@code nosniff} on every response, CSV cells neutralised, the per-client rate limit, the export slots and a streamed
 * export, slow clients cut off by the header timeout, and a fuzz run with no 5xx, no stack trace and nosniff on every
 * answer.
 */
class ServerLimitsTest {
    @TempDir
    static Path tmp;

    static NoticeService service;
    static Settings settings;
    static Javalin app;
    static int port;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();
    static final String TOKEN = "limits-token";
    /** Short enough for the slow-client test to see the connections closed, long enough to measure while they are held. */
    static final int HEADER_TIMEOUT_MS = 4_000;

    @BeforeAll
    static void start() throws IOException {
        Path corpus = tmp.resolve("corpus");
        org.noticesearch.search.SearchTestSupport.copyTxt(Path.of("corpus"), corpus);
        IndexConfig cfg = IndexConfig.load(Path.of("index-config"));
        Settings.ServerLimits d = cfg.settings().server();
        settings = cfg.settings().withServer(limits(d, HEADER_TIMEOUT_MS, d.exportWaitMs(), d.exportConcurrency(), 0, 0));
        service = NoticeService.start(cfg, corpus, tmp.resolve("index"), 2, false);
        app = WebServer.create(service.service(), service.maintainer(), settings,
                new WebConfig("127.0.0.1", 0, List.of("*"), TOKEN)).start("127.0.0.1", 0);
        port = app.port();
    }

    @AfterAll
    static void stop() throws IOException {
        app.stop();
        service.close();
    }

    static Settings.ServerLimits limits(Settings.ServerLimits d, int headerTimeoutMs, int exportWaitMs, int exportSlots,
                                        int ratePerSecond, int rateBurst) {
        return new Settings.ServerLimits(d.searchTimeLimitMs(), exportSlots, exportWaitMs, d.maxConnections(),
                headerTimeoutMs, d.idleTimeoutMs(), ratePerSecond, rateBurst == 0 ? d.rateBurst() : rateBurst);
    }

    /** A response read off a socket, so that any bytes at all can be sent (java.net.URI refuses %ZZ). */
    record Raw(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** Sends one HTTP/1.0 request (so the answer is neither chunked nor kept alive) and reads the whole answer. */
    static Raw raw(int port, String method, String target, String... headers) throws IOException {
        StringBuilder req = new StringBuilder(method + " " + target + " HTTP/1.0\r\nHost: 127.0.0.1\r\n");
        for (int i = 0; i < headers.length; i += 2) {
            req.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
        }
        req.append("\r\n");
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            s.setSoTimeout(30_000);
            s.getOutputStream().write(req.toString().getBytes(StandardCharsets.UTF_8));
            s.getOutputStream().flush();
            return parse(s.getInputStream().readAllBytes());
        }
    }

    static Raw parse(byte[] bytes) {
        String all = new String(bytes, StandardCharsets.UTF_8);
        int end = all.indexOf("\r\n\r\n");
        String head = end < 0 ? all : all.substring(0, end);
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> h = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                h.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
            }
        }
        return new Raw(status, h, end < 0 ? "" : all.substring(end + 4));
    }

    static HttpResponse<String> get(String pathAndQuery, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    // ---- method override -------------------------------------------------------------------------------------------

    @Test
    void methodOverrideHeadersAreNotHonoured() throws Exception {
        for (String header : List.of("X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override")) {
            HttpResponse<String> r = get("/api/admin/reindex", "Authorization", "Bearer " + TOKEN, header, "POST");
            // Routed as the GET it is: there is no GET route, so 405 (issue 14: a 405 with Allow, no longer a 404).
            assertEquals(405, r.statusCode(), header + " → " + r.body());
            assertEquals("method_not_allowed", JSON.readTree(r.body()).get("error").asText());
        }
        assertFalse(JSON.readTree(get("/health").body()).get("indexing").asBoolean(), "no rebuild was started");
        // The other way round: a POST made to look like a GET is still a POST (no POST route: 405, not a search).
        HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/search?q=x"))
                .POST(HttpRequest.BodyPublishers.noBody()).header("X-HTTP-Method-Override", "GET").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(405, post.statusCode(), post.body());
    }

    // ---- percent-encoding ------------------------------------------------------------------------------------------

    @Test
    void malformedPercentEncodingIs400NamingTheParameter() throws Exception {
        String[][] cases = {
                {"/api/search?q=%ZZ", "q"}, {"/api/search?q=%E4%B8", "q"}, {"/api/search?q=%", "q"},
                {"/api/search?q=ok&issuer=%FF", "issuer"}, {"/api/search?from=%C0%AF", "from"},
                {"/api/suggest?q=%E5%A6", "q"}, {"/api/trend?q=%2", "q"}, {"/api/search.csv?q=%E4", "q"},
                {"/api/notices/x?q=%G1", "q"}, {"/api/search?%ZZ=1", "query string"},
        };
        for (String[] c : cases) {
            Raw r = raw(port, "GET", c[0]);
            assertEquals(400, r.status(), c[0] + " → " + r.body());
            JsonNode body = JSON.readTree(r.body());
            assertEquals("bad_request", body.get("error").asText(), c[0]);
            assertTrue(body.get("message").asText().startsWith(BadRequestException.label(c[1]) + "："), c[0] + " → " + body);
            assertTrue(body.get("message").asText().contains("encoding") || body.get("message").asText().contains("UTF-8"),
                    c[0] + " → " + body);
        }
        // Well-formed escapes, + for a space, and characters sent as they are still search.
        Raw ok = raw(port, "GET", "/api/search?q=%E5%A6%87%E8%81%94");
        assertEquals(200, ok.status(), ok.body());
        assertEquals("妇联", JSON.readTree(ok.body()).get("query").asText());
        assertTrue(JSON.readTree(ok.body()).get("total").asLong() > 0);
        assertEquals(200, raw(port, "GET", "/api/search?q=a+b&size=5").status());
        assertEquals(200, raw(port, "GET", "/api/search?q=100%25").status());
    }

    // ---- nosniff ---------------------------------------------------------------------------------------------------

    @Test
    void nosniffOnEveryKindOfResponse() throws Exception {
        String[][] cases = {
                {"GET", "/api/search?q=" + enc("妇联"), "200"}, {"GET", "/api/search.csv?q=" + enc("妇联"), "200"},
                {"GET", "/", "200"}, {"GET", "/embed.js", "200"}, {"GET", "/health", "200"}, {"GET", "/openapi.json", "200"},
                {"GET", "/api/suggest?q=" + enc("春"), "200"}, {"GET", "/api/nothing", "404"}, {"GET", "/nothing.html", "404"},
                {"GET", "/api/notices/nope", "404"}, {"GET", "/api/search?page=0", "400"}, {"GET", "/api/search?q=%ZZ", "400"},
                {"POST", "/api/search", "405"}, {"POST", "/api/admin/reindex", "403"}, {"OPTIONS", "/api/admin/reindex", "403"},
        };
        for (String[] c : cases) {
            Raw r = raw(port, c[0], c[1], "Origin", "http://intranet.example");
            assertEquals(Integer.parseInt(c[2]), r.status(), c[0] + " " + c[1] + " → " + r.body());
            assertEquals("nosniff", r.header("X-Content-Type-Options"), c[0] + " " + c[1] + " " + r.headers());
        }
        // Refused by Jetty itself before any handler: request headers over its limit.
        Raw tooLarge = raw(port, "GET", "/api/search?q=x", "X-Long", "a".repeat(20_000));
        assertEquals(431, tooLarge.status(), tooLarge.body());
        assertEquals("nosniff", tooLarge.header("X-Content-Type-Options"), tooLarge.headers().toString());
        // A 500 from a failing backend.
        Javalin failing = WebServer.create(new StubBackend(null), null, settings, new WebConfig("127.0.0.1", 0, List.of(), null))
                .start("127.0.0.1", 0);
        try {
            Raw r = raw(failing.port(), "GET", "/api/search?q=boom");
            assertEquals(500, r.status(), r.body());
            assertEquals("nosniff", r.header("X-Content-Type-Options"), r.headers().toString());
            assertFalse(r.body().contains("boom") || r.body().contains("Exception"), r.body());
        } finally {
            failing.stop();
        }
    }

    // ---- CSV -------------------------------------------------------------------------------------------------------

    @Test
    void csvCellsThatCouldBeFormulasAreNeutralisedButIdsAreNot() throws Exception {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", "-1");
        fields.put("source", "\t=HYPERLINK(\"http://x\").txt");
        fields.put("title", " =1+1");
        fields.put("issuer", "=SUM(A1:A9)");
        fields.put("docNumber", "+86");
        fields.put("date", "@now");
        fields.put("year", 2020);
        fields.put("type", "\r=2");
        fields.put("province", "a-1");
        fields.put("addressees", "  -x");
        fields.put("campaigns", List.of("\t@y", "z"));
        for (String list : List.of("attachments", "citations", "paragraphs", "warnings")) {
            fields.put(list, List.of());
        }
        Notice n = Json.mapper().convertValue(fields, Notice.class);
        java.io.StringWriter out = new java.io.StringWriter();
        new CsvExport(out, true, "").row(org.noticesearch.search.ExportRow.of(n));
        String csv = out.toString();
        String[] lines = csv.split("\r\n", -1);
        assertEquals("\uFEFFid,title,issuer,docNumber,date,year,type,province,addressees,campaigns,source,link", lines[0]);
        assertEquals("-1,' =1+1,'=SUM(A1:A9),'+86,'@now,2020,\"'\r=2\",a-1,'  -x,'\t@y; z,\"'\t=HYPERLINK(\"\"http://x\"\").txt\",/notice.html?id=-1",
                csv.substring(csv.indexOf("\r\n") + 2, csv.length() - 2));
        // Text that merely contains the characters, and ordinary Chinese cells, are left as they are.
        assertEquals("鲁妇通字〔2020〕6号", CsvExport.neutralise("鲁妇通字〔2020〕6号"));
        assertEquals("a=b", CsvExport.neutralise("a=b"));
        assertEquals("'\u3000=1", CsvExport.neutralise("\u3000=1"));
        assertEquals("", CsvExport.neutralise(""));
        assertEquals("   ", CsvExport.neutralise("   "));
    }

    @Test
    void anExportSaysWhetherItIsPartial() throws Exception {
        HttpResponse<String> r = get("/api/search.csv?q=" + enc("妇联"));
        assertEquals(200, r.statusCode());
        assertEquals("false", r.headers().firstValue(Handlers.PARTIAL_HEADER).orElse(null));
        assertFalse(JSON.readTree(get("/api/search?q=" + enc("妇联")).body()).get("partial").asBoolean());
        assertTrue(JSON.readTree(get("/api/search?q=" + enc("妇联")).body()).has("partial"));
    }

    // ---- rate limit ------------------------------------------------------------------------------------------------

    @Test
    void theRateLimitAnswers429WithRetryAfter() throws Exception {
        Settings limited = settings.withServer(limits(settings.server(), HEADER_TIMEOUT_MS, 0, 1, 1, 3));
        Javalin a = WebServer.create(service.service(), service.maintainer(), limited,
                new WebConfig("127.0.0.1", 0, List.of("*"), null)).start("127.0.0.1", 0);
        try {
            for (int i = 0; i < 3; i++) {
                assertEquals(200, raw(a.port(), "GET", "/api/suggest?q=a").status(), "request " + (i + 1) + " is within the burst");
            }
            // A preflight costs no token.
            assertEquals(204, raw(a.port(), "OPTIONS", "/api/search?q=a", "Origin", "http://intranet.example",
                    "Access-Control-Request-Method", "GET").status());
            Raw refused = raw(a.port(), "GET", "/api/search?q=a", "Origin", "http://intranet.example");
            assertEquals(429, refused.status(), refused.body());
            assertEquals("1", refused.header("Retry-After"));
            // An embedding page on another origin can read the refusal and when to retry.
            assertEquals("*", refused.header("Access-Control-Allow-Origin"));
            assertEquals("Retry-After", refused.header("Access-Control-Expose-Headers"));
            assertEquals("nosniff", refused.header("X-Content-Type-Options"));
            JsonNode body = JSON.readTree(refused.body());
            assertEquals("rate_limited", body.get("error").asText());
            assertTrue(body.get("message").asText().startsWith("请求过于频繁"), body.toString());
            // The page itself is not counted: only the API is.
            assertEquals(200, raw(a.port(), "GET", "/").status());
            Thread.sleep(1_100);
            assertEquals(200, raw(a.port(), "GET", "/api/search?q=a").status(), "a token came back after a second");
        } finally {
            a.stop();
        }
        assertEquals(200, raw(port, "GET", "/api/search?q=a").status(), "off by default");
    }

    // ---- export slots and streaming --------------------------------------------------------------------------------

    @Test
    void exportsTakeTurnsAndAreStreamed() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        StubBackend stub = new StubBackend(release);
        Settings oneSlot = settings.withServer(limits(settings.server(), HEADER_TIMEOUT_MS, 200, 1, 0, 0));
        Javalin a = WebServer.create(stub, null, oneSlot, new WebConfig("127.0.0.1", 0, List.of(), null)).start("127.0.0.1", 0);
        try (Socket first = new Socket("127.0.0.1", a.port())) {
            first.setSoTimeout(10_000);
            first.getOutputStream().write("GET /api/search.csv?q=x HTTP/1.0\r\nHost: a\r\n\r\n".getBytes(StandardCharsets.UTF_8));
            BufferedReader in = new BufferedReader(new InputStreamReader(first.getInputStream(), StandardCharsets.UTF_8));
            // The first row arrives while the backend is still holding the export open: it is streamed.
            String line;
            List<String> seen = new ArrayList<>();
            while ((line = in.readLine()) != null && !line.startsWith("row-0,")) {
                seen.add(line);
            }
            assertNotNull(line, "the first row came before the export finished: " + seen);
            assertTrue(seen.contains("X-Partial-Results: false") || seen.stream().anyMatch(l -> l.equalsIgnoreCase("X-Partial-Results: false")), seen.toString());

            // The only slot is taken: another export waits 200 ms, then is refused with Retry-After.
            Raw busy = raw(a.port(), "GET", "/api/search.csv?q=y");
            assertEquals(503, busy.status(), busy.body());
            assertEquals("export_busy", JSON.readTree(busy.body()).get("error").asText());
            assertTrue(JSON.readTree(busy.body()).get("message").asText().startsWith("导出任务繁忙"), busy.body());
            assertEquals("1", busy.header("Retry-After"));
            // Searches are not held up by the export.
            long t0 = System.nanoTime();
            assertEquals(200, raw(a.port(), "GET", "/api/search?q=x").status());
            assertTrue((System.nanoTime() - t0) / 1_000_000 < 1_000, "a search answers while an export runs");

            release.countDown();
            int rows = 1;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("row-")) {
                    rows++;
                }
            }
            assertEquals(StubBackend.ROWS, rows);
        } finally {
            release.countDown();
        }
        try {
            Raw again = raw(a.port(), "GET", "/api/search.csv?q=z");
            assertEquals(200, again.status(), "the slot is free again: " + again.body());
        } finally {
            a.stop();
        }
    }

    /**
     * A backend whose export hands over {@link #BEFORE_WAIT} rows (more than the server's buffers hold), then waits for
     * {@code release} before the rest; a search for "boom" fails.
     */
    static final class StubBackend implements SearchBackend {
        static final int ROWS = 3_000;
        static final int BEFORE_WAIT = 1_000;
        private final CountDownLatch release;

        StubBackend(CountDownLatch release) {
            this.release = release;
        }

        @Override
        public SearchPage search(SearchRequest r) {
            if (r.query().equals("boom")) {
                throw new IllegalStateException("boom: internal detail");
            }
            return new SearchPage(r.query(), 0, true, false, 1, 10, 0, List.of(), Map.of(), false, Map.of(), null);
        }

        @Override
        public void export(SearchRequest request, ExportSink sink) throws IOException {
            sink.begin(false);
            String title = "标题".repeat(100);
            for (int i = 0; i < ROWS; i++) {
                if (i == BEFORE_WAIT) {
                    try {
                        if (!release.await(20, TimeUnit.SECONDS)) {
                            throw new IOException("never released");
                        }
                    } catch (InterruptedException e) {
                        throw new IOException(e);
                    }
                }
                sink.row(new ExportRow("row-" + i, title, null, null, null, null, null, null, null, List.of(), "s.txt"));
            }
        }

        @Override
        public NoticeView notice(String id, String query) {
            throw new org.noticesearch.search.NotFoundException("no notice with id '" + id + "'");
        }

        @Override
        public org.noticesearch.ingest.Notice record(String id) {
            throw new org.noticesearch.search.NotFoundException("no notice with id '" + id + "'");
        }

        @Override
        public List<NoticeView.NoticeRef> similar(String id) {
            return List.of();
        }

        @Override
        public boolean eachMatch(SearchRequest request, int max, java.util.function.Consumer<org.noticesearch.ingest.Notice> each) {
            return false;
        }

        @Override
        public List<org.noticesearch.ingest.Notice> citing(java.util.Collection<String> docNumbers, java.util.Collection<String> titles, int limit) {
            return List.of();
        }

        @Override
        public Trend trend(SearchRequest request) {
            return Trend.ordered(request.query(), 0, List.of(), List.of());
        }

        @Override
        public List<Suggestion> suggest(String prefix, int limit) {
            return List.of();
        }

        @Override
        public Stats stats() {
            return new Stats(0, 0, 0, null);
        }
    }

    // ---- slow clients ----------------------------------------------------------------------------------------------

    /**
     * 200 connections held open, half of them silent and half stopped in the middle of their request headers: normal
     * requests beside them stay fast (p99 under 50 ms), and the header timeout closes every one of them.
     */
    @Test
    void slowClientsAreCutOffAndDoNotSlowOthers() throws Exception {
        for (int i = 0; i < 50; i++) {
            raw(port, "GET", "/api/search?q=" + enc("妇联"));
        }
        List<Socket> slow = new ArrayList<>();
        long[] openedAt = new long[200];
        int threadsBefore = Thread.activeCount();
        long opened = System.nanoTime(); // the first one: the header timeout counts from here at the earliest
        try {
            for (int i = 0; i < 200; i++) {
                Socket s = new Socket();
                s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
                openedAt[i] = System.nanoTime();
                if (i % 2 == 1) {
                    OutputStream out = s.getOutputStream();
                    out.write("GET /api/search?q=x HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
                slow.add(s);
            }
            long[] ms = new long[100];
            for (int i = 0; i < ms.length; i++) {
                long t0 = System.nanoTime();
                Raw r = raw(port, "GET", i % 2 == 0 ? "/api/search?q=" + enc("妇联") : "/api/suggest?q=" + enc("春"));
                ms[i] = (System.nanoTime() - t0) / 1_000;
                assertEquals(200, r.status());
            }
            long measuredFor = (System.nanoTime() - opened) / 1_000_000;
            int threadsHeld = Thread.activeCount();
            Arrays.sort(ms);
            double p50 = ms[49] / 1000.0;
            double p99 = ms[98] / 1000.0;
            System.out.printf(Locale.ROOT, "slow clients: 200 held; 100 normal requests p50 %.1f ms p99 %.1f ms (over %d ms); "
                    + "threads in this JVM %d before, %d while held%n", p50, p99, measuredFor, threadsBefore, threadsHeld);
            assertTrue(measuredFor < HEADER_TIMEOUT_MS, "measured while the slow connections were all held (" + measuredFor + " ms)");
            assertTrue(p99 < 50, "p99 " + p99 + " ms with 200 slow connections held");

            // Every slow connection is closed by the server at the header timeout (a 408 or a bare close), counted from
            // its own opening: on a loaded machine the last of the 200 may open a second or more after the first.
            int closed = 0;
            for (int i = 0; i < slow.size(); i++) {
                if (closedBy(slow.get(i), openedAt[i] + (HEADER_TIMEOUT_MS + 3_000) * 1_000_000L)) {
                    closed++;
                }
            }
            long after = (System.nanoTime() - opened) / 1_000_000;
            System.out.printf(Locale.ROOT, "slow clients: %d of 200 closed by the server %d ms after they opened%n", closed, after);
            assertEquals(200, closed, "every slow connection is closed by the header timeout");
        } finally {
            for (Socket s : slow) {
                s.close();
            }
        }
    }

    private static boolean closedBy(Socket s, long deadlineNanos) throws IOException {
        InputStream in = s.getInputStream();
        byte[] buf = new byte[1024];
        while (true) {
            long left = (deadlineNanos - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return false;
            }
            s.setSoTimeout((int) left);
            try {
                if (in.read(buf) < 0) {
                    return true;
                }
            } catch (SocketTimeoutException e) {
                return false;
            } catch (IOException reset) {
                return true;
            }
        }
    }

    // ---- fuzz ------------------------------------------------------------------------------------------------------

    static final String[] METHODS = {"GET", "GET", "GET", "GET", "POST", "PUT", "DELETE", "HEAD", "OPTIONS", "PATCH", "TRACE", "FOO"};
    static final String[] PATHS = {"/api/search", "/api/search.csv", "/api/suggest", "/api/trend", "/api/notices/",
            "/api/notices/000_15c9de7d74b4cd66", "/api/notices/000_15c9de7d74b4cd66/similar", "/api/admin/reindex", "/health",
            "/openapi.json", "/", "/notice.html", "/embed.js", "/api/", "/api/search/", "//api//search", "/%2e%2e/etc/passwd",
            "/api/notices/%00", "/api/notices/..%2f..%2f", "/api/notices/%ZZ", "/WEB-INF/web.xml", "/api/search;x=1"};
    static final String[] PARAMS = {"q", "issuer", "page", "size", "from", "to", "sort", "docNumber", "province", "type",
            "campaign", "limit", "x", "q[]", "", "%ZZ", "Q"};
    static final String[] VALUES = {"妇联", "春蕾计划", "鲁妇通字〔2020〕6号", "OR", "\"", "-", "*", "a OR b", "-妇联 OR",
            "0", "-1", "1", "100", "101", "99999999999", "1e3", "2020", "2020-13", "2020-02-30", "2021-01", "newest", "best",
            "<script>alert(1)</script>", "' OR 1=1 --", "../../etc/passwd", "\u0000", "\uD83D\uDE00", "null", "  "};
    static final String[] HEADERS = {"X-HTTP-Method-Override: POST", "Origin: http://evil.example", "Authorization: Bearer x",
            "Content-Type: application/json", "Accept: text/csv", "Range: bytes=0-10", "Accept-Encoding: gzip",
            "Cookie: a=b", "Expect: 100-continue", "If-None-Match: *", "Content-Length: 5", "Transfer-Encoding: chunked",
            "X-Forwarded-For: 1.2.3.4", "Accept-Language: zh-CN"};

    @Test
    void fuzzedRequestsNeverGet5xxOrAStackTrace() throws Exception {
        int total = 5_000;
        int threads = 4;
        AtomicInteger done = new AtomicInteger();
        AtomicReference<String> failure = new AtomicReference<>();
        Map<Integer, AtomicInteger> byStatus = new java.util.concurrent.ConcurrentHashMap<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            SplittableRandom rnd = new SplittableRandom(77 + t);
            workers.add(Thread.ofPlatform().start(() -> {
                while (done.getAndIncrement() < total && failure.get() == null) {
                    String request = fuzzRequest(rnd);
                    try {
                        byte[] answer = send(request);
                        if (answer.length == 0) {
                            continue; // Jetty may close on a request it cannot parse at all: no 5xx there
                        }
                        Raw r = parse(answer);
                        byStatus.computeIfAbsent(r.status(), k -> new AtomicInteger()).incrementAndGet();
                        if (r.status() >= 500 || r.body().contains("Exception") || r.body().contains("\tat ")
                                || r.body().contains(".java:") || r.body().contains("org.noticesearch")) {
                            failure.compareAndSet(null, r.status() + " for:\n" + request + "\n→ " + r.body());
                        }
                        if (!"nosniff".equals(r.header("X-Content-Type-Options"))) {
                            failure.compareAndSet(null, "no nosniff on a " + r.status() + " for:\n" + request);
                        }
                    } catch (IOException | RuntimeException e) {
                        failure.compareAndSet(null, e + " for:\n" + request);
                    }
                }
            }));
        }
        for (Thread w : workers) {
            w.join();
        }
        System.out.println("fuzz: " + total + " requests, statuses " + new java.util.TreeMap<>(byStatus));
        assertEquals(null, failure.get());
        int answered = byStatus.values().stream().mapToInt(AtomicInteger::get).sum();
        assertTrue(answered > total * 0.9, answered + " of " + total + " answered");
    }

    private static String fuzzRequest(SplittableRandom rnd) {
        String method = METHODS[rnd.nextInt(METHODS.length)];
        StringBuilder target = new StringBuilder(PATHS[rnd.nextInt(PATHS.length)]);
        if (target.toString().equals("/api/notices/")) {
            target.append(encodeSome(VALUES[rnd.nextInt(VALUES.length)], rnd));
        }
        int params = rnd.nextInt(5);
        for (int i = 0; i < params; i++) {
            target.append(i == 0 ? '?' : '&').append(PARAMS[rnd.nextInt(PARAMS.length)]);
            if (rnd.nextInt(8) != 0) {
                target.append('=').append(value(rnd));
            }
        }
        StringBuilder req = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
        int headers = rnd.nextInt(3);
        boolean body = false;
        for (int i = 0; i < headers; i++) {
            String h = HEADERS[rnd.nextInt(HEADERS.length)];
            if (h.startsWith("Content-Length") || h.startsWith("Transfer-Encoding")) {
                if (body) {
                    continue;
                }
                body = true;
            }
            req.append(h).append("\r\n");
        }
        if (rnd.nextInt(20) == 0) {
            req.append("X-Long: ").append("a".repeat(rnd.nextInt(20_000))).append("\r\n");
        }
        req.append("\r\n");
        if (body) {
            req.append(req.indexOf("Transfer-Encoding") >= 0 ? "5\r\nhello\r\n0\r\n\r\n" : "hello");
        }
        return req.toString();
    }

    /** A parameter value: encoded properly, encoded badly, or raw, sometimes very long. */
    private static String value(SplittableRandom rnd) {
        return switch (rnd.nextInt(6)) {
            case 0 -> "%" + "0123456789ABCDEFGZz%".charAt(rnd.nextInt(20)) + "0123456789ABCDEFGZz".charAt(rnd.nextInt(19));
            case 1 -> "%E4%B8" + (rnd.nextBoolean() ? "" : "%AD");
            case 2 -> enc(VALUES[rnd.nextInt(VALUES.length)]).repeat(1 + rnd.nextInt(rnd.nextInt(10) == 0 ? 60 : 2));
            case 3 -> encodeSome(VALUES[rnd.nextInt(VALUES.length)], rnd);
            default -> enc(VALUES[rnd.nextInt(VALUES.length)]);
        };
    }

    /** Percent-encodes what a request line cannot carry, and leaves the rest (including bare %) as it is. */
    private static String encodeSome(String s, SplittableRandom rnd) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c > 0x20 && c < 0x7f && c != '#' && c != '&' && c != '?' && (c != '%' || rnd.nextBoolean())) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }

    private static byte[] send(String request) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            s.setSoTimeout(30_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            s.getOutputStream().flush();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try {
                s.getInputStream().transferTo(out);
            } catch (java.net.SocketException reset) {
                // a reset after the answer (Jetty closing a connection whose request it refused): keep what came
            }
            return out.toByteArray();
        }
    }

}
