package org.noticesearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.noticesearch.NoticeService;
import org.noticesearch.config.IndexConfig;

/** The HTTP conventions in-process over the bundled corpus: validators, HEAD, 405, unknown parameters, 404 pages, CSV, OpenAPI. */
class HttpConventionsTest {
    @TempDir
    static Path tmp;

    static NoticeService service;
    static Javalin app;
    static String base;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws IOException {
        Path corpus = tmp.resolve("corpus");
        org.noticesearch.search.SearchTestSupport.copyTxt(Path.of("corpus"), corpus);
        IndexConfig cfg = IndexConfig.load(Path.of("index-config"));
        service = NoticeService.start(cfg, corpus, tmp.resolve("index"), 2, false);
        app = WebServer.create(service.service(), service.maintainer(), cfg.settings(),
                new WebConfig("127.0.0.1", 0, List.of("*"), null)).start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + app.port();
    }

    @AfterAll
    static void stop() throws IOException {
        app.stop();
        service.close();
    }

    static HttpResponse<String> send(String method, String pathAndQuery, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + pathAndQuery))
                .method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String header(HttpResponse<?> r, String name) {
        return r.headers().firstValue(name).orElse(null);
    }

    @Test
    void apiAnswersCarryAWeakETagAndRevalidate() throws Exception {
        for (String path : List.of("/api/search?q=" + enc("妇联"), "/api/trend?q=" + enc("妇联"), "/api/suggest?q=" + enc("春蕾"),
                "/api/notices/000_15c9de7d74b4cd66", "/api/notices/000_15c9de7d74b4cd66/similar", "/api/search.csv?q=" + enc("妇联"))) {
            HttpResponse<String> first = send("GET", path);
            assertEquals(200, first.statusCode(), path);
            String tag = header(first, "ETag");
            assertTrue(tag != null && tag.startsWith("W/\"") && tag.endsWith("\""), path + " → " + tag);
            assertEquals("no-cache", header(first, "Cache-Control"), path);
            HttpResponse<String> again = send("GET", path, "If-None-Match", tag);
            assertEquals(304, again.statusCode(), path);
            assertEquals("", again.body(), path);
            assertEquals(tag, header(again, "ETag"), path);
            assertEquals(200, send("GET", path, "If-None-Match", "W/\"other\"").statusCode(), path);
        }
        // Another request is another tag; an error carries none and is not stored.
        assertFalse(header(send("GET", "/api/search?q=" + enc("妇联")), "ETag")
                .equals(header(send("GET", "/api/search?q=" + enc("春蕾")), "ETag")));
        HttpResponse<String> bad = send("GET", "/api/search?page=0");
        assertEquals(400, bad.statusCode());
        assertEquals(null, header(bad, "ETag"));
        assertEquals("no-store", header(bad, "Cache-Control"));
    }

    @Test
    void gzipAnswersVaryOnAcceptEncoding() throws Exception {
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/search?size=50"))
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals("gzip", header(r, "Content-Encoding"));
        assertTrue(r.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Accept-Encoding")), r.headers().map().toString());
        try (var in = new GZIPInputStream(new java.io.ByteArrayInputStream(r.body()))) {
            assertEquals(5, JSON.readTree(in).get("total").asInt());
        }
        HttpResponse<String> cors = send("GET", "/api/search?size=50", "Origin", "http://intranet.example");
        assertTrue(cors.headers().allValues("Vary").stream().anyMatch(v -> v.contains("Accept-Encoding")));
    }

    @Test
    void headReturnsTheGetHeadersWithoutABody() throws Exception {
        String path = "/api/search?q=" + enc("巾帼脱贫行动");
        HttpResponse<String> get = send("GET", path);
        HttpResponse<String> head = send("HEAD", path);
        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
        assertEquals(header(get, "Content-Type"), header(head, "Content-Type"));
        assertTrue(header(head, "Content-Type").startsWith("application/json"));
        assertEquals(header(get, "ETag"), header(head, "ETag"));
        assertEquals("no-cache", header(head, "Cache-Control"));
    }

    @Test
    void postOnAGetRouteIs405WithAllow() throws Exception {
        HttpResponse<String> r = send("POST", "/api/search?q=x");
        assertEquals(405, r.statusCode(), r.body());
        assertEquals("GET, HEAD, OPTIONS", header(r, "Allow")); // OPTIONS: the CORS preflight on /api/*
        assertEquals("method_not_allowed", JSON.readTree(r.body()).get("error").asText());
        HttpResponse<String> del = send("DELETE", "/api/notices/000_15c9de7d74b4cd66");
        assertEquals(405, del.statusCode());
        assertEquals("GET, HEAD, OPTIONS", header(del, "Allow"));
        HttpResponse<String> getAdmin = send("GET", "/api/admin/reindex");
        assertEquals(405, getAdmin.statusCode());
        assertEquals("POST, OPTIONS", header(getAdmin, "Allow"));
    }

    @Test
    void unknownParametersAre400NamingThem() throws Exception {
        String[][] cases = {{"/api/search?q=x&year=2020", "year"}, {"/api/search?isuer=x", "isuer"},
                {"/api/trend?q=x&limit=3", "limit"}, {"/api/suggest?q=x&size=3", "size"},
                {"/api/notices/000_15c9de7d74b4cd66?highlight=x", "highlight"}, {"/api/search.csv?q=x&format=xls", "format"}};
        for (String[] c : cases) {
            HttpResponse<String> r = send("GET", c[0]);
            assertEquals(400, r.statusCode(), c[0]);
            JsonNode body = JSON.readTree(r.body());
            assertEquals("bad_request", body.get("error").asText());
            assertTrue(body.get("message").asText().startsWith("参数 " + c[1] + "：未知参数（unknown parameter）"), body.toString());
        }
        assertEquals("参数 year：未知参数（unknown parameter）；/api/search 可用的参数（known parameters）：q, scope, docNumber, issuer, "
                + "province, type, campaign, from, to, sort, page, size, facetLimit, cursor",
                JSON.readTree(send("GET", "/api/search?year=2020").body()).get("message").asText());
        assertEquals(200, send("GET", "/api/search.csv?q=x&headers=en").statusCode());
        assertEquals(200, send("GET", "/api/suggest?q=x&limit=3").statusCode());
    }

    @Test
    void unknownPathsAreAChinesePageForBrowsersAndJsonForClients() throws Exception {
        HttpResponse<String> browser = send("GET", "/nope.html", "Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        assertEquals(404, browser.statusCode());
        assertTrue(header(browser, "Content-Type").startsWith("text/html"), header(browser, "Content-Type"));
        assertTrue(browser.body().contains("<h1>页面不存在</h1>"), browser.body());
        assertTrue(browser.body().contains("<code>/nope.html</code>"), browser.body());
        assertTrue(browser.body().contains("<a href=\"/\">返回公文检索首页</a>"));
        HttpResponse<String> hostile = send("GET", "/%3Cscript%3E.html", "Accept", "text/html");
        assertFalse(hostile.body().contains("<script>"), hostile.body());
        HttpResponse<String> client = send("GET", "/nope.html", "Accept", "application/json");
        assertEquals(404, client.statusCode());
        assertEquals("not_found", JSON.readTree(client.body()).get("error").asText());
        HttpResponse<String> api = send("GET", "/api/nothing", "Accept", "text/html");
        assertTrue(header(api, "Content-Type").startsWith("application/json"));
    }

    @Test
    void csvHasChineseHeadersALinkAndANameFromTheQuery() throws Exception {
        HttpResponse<String> r = send("GET", "/api/search.csv?q=" + enc("巾帼脱贫行动") + "&sort=newest");
        assertEquals(200, r.statusCode());
        String[] lines = r.body().split("\r\n");
        assertEquals("\uFEFF编号,标题,发文机关,发文字号,成文日期,年份,文种,省份,主送机关,专项行动,来源文件,链接", lines[0]);
        for (int i = 1; i < lines.length; i++) {
            String id = lines[i].substring(0, lines[i].indexOf(','));
            assertTrue(lines[i].endsWith("," + base + "/notice.html?id=" + id), lines[i]);
        }
        String day = LocalDate.now().toString();
        assertEquals("attachment; filename=\"notices-" + day + ".csv\"; filename*=UTF-8''"
                + "%E5%85%AC%E6%96%87-%E5%B7%BE%E5%B8%BC%E8%84%B1%E8%B4%AB%E8%A1%8C%E5%8A%A8-" + day + ".csv",
                header(r, "Content-Disposition"));
        HttpResponse<String> en = send("GET", "/api/search.csv?q=" + enc("巾帼脱贫行动") + "&headers=en");
        assertTrue(en.body().startsWith("\uFEFFid,title,issuer,docNumber,date,year,type,province,addressees,campaigns,source,link\r\n"));
        assertEquals(400, send("GET", "/api/search.csv?headers=fr").statusCode());
        assertEquals("attachment; filename=\"notices-" + day + ".csv\"; filename*=UTF-8''%E5%85%AC%E6%96%87-" + day + ".csv",
                header(send("GET", "/api/search.csv"), "Content-Disposition"));
    }

    @Test
    void csvFileNamesAreSafe() {
        LocalDate d = LocalDate.of(2024, 11, 29);
        assertEquals("公文-巾帼脱贫行动-2024-11-29.csv", CsvExport.fileName("巾帼脱贫行动", d, "csv"));
        assertEquals("公文-妇联-春蕾-2024-11-29.csv", CsvExport.fileName(" 妇联　春蕾 ", d, "csv"));
        assertEquals("公文-ab..-c-2024-11-29.csv", CsvExport.fileName("a/b\\..:*?\"<>|\n c", d, "csv"));
        assertEquals("公文-" + "妇".repeat(40) + "-2024-11-29.csv", CsvExport.fileName("妇".repeat(200), d, "csv"));
        assertEquals("attachment; filename=\"notices-COVID-19-2024-11-29.csv\"; filename*=UTF-8''%E5%85%AC%E6%96%87-COVID-19-2024-11-29.csv",
                CsvExport.contentDisposition(CsvExport.fileName("COVID-19", d, "csv")));
    }

    @Test
    void openApiHasServersOperationIdsAndResponseSchemas() throws Exception {
        JsonNode api = JSON.readTree(send("GET", "/openapi.json").body());
        assertEquals("/", api.get("servers").get(0).get("url").asText());
        List<String> ids = new ArrayList<>();
        api.get("paths").forEach(item -> item.forEach(op -> ids.add(op.path("operationId").asText(null))));
        assertFalse(ids.contains(null), ids.toString());
        assertEquals(ids.size(), ids.stream().distinct().count(), ids.toString());
        for (String s : List.of("Notice", "Trend", "Suggestions", "Health", "Similar")) {
            assertTrue(api.get("components").get("schemas").has(s), s);
        }
        // Each schema names the fields the real answers have.
        assertSchemaCovers(api, "Notice", JSON.readTree(send("GET", "/api/notices/000_15c9de7d74b4cd66?q=" + enc("妇联")).body()));
        assertSchemaCovers(api, "Trend", JSON.readTree(send("GET", "/api/trend?q=" + enc("妇联")).body()));
        assertSchemaCovers(api, "Suggestions", JSON.readTree(send("GET", "/api/suggest?q=" + enc("春蕾")).body()));
        assertSchemaCovers(api, "Health", JSON.readTree(send("GET", "/health").body()));
        assertSchemaCovers(api, "Similar", JSON.readTree(send("GET", "/api/notices/000_15c9de7d74b4cd66/similar").body()));
        assertSchemaCovers(api, "SearchPage", JSON.readTree(send("GET", "/api/search?q=" + enc("妇联")).body()));
    }

    static void assertSchemaCovers(JsonNode api, String schema, JsonNode answer) {
        JsonNode props = api.get("components").get("schemas").get(schema).get("properties");
        answer.fieldNames().forEachRemaining(f -> assertTrue(props.has(f), schema + " lacks " + f));
    }
}
