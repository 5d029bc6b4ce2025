package org.noticesearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import java.util.ArrayList;
import java.util.List;
import org.noticesearch.search.BadRequestException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.noticesearch.NoticeService;
import org.noticesearch.config.IndexConfig;

/** The HTTP API end to end, in-process: every endpoint and error case over the bundled corpus plus a hostile notice. */
class WebServerTest {
    @TempDir
    static Path tmp;

    static NoticeService service;
    static Javalin app;
    static String base;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();
    static final String TOKEN = "test-token-123";

    @BeforeAll
    static void start() throws IOException {
        Path corpus = tmp.resolve("corpus");
        org.noticesearch.search.SearchTestSupport.copyTxt(Path.of("corpus"), corpus);
        Files.copy(Path.of("src/test/resources/web/hostile.txt"), corpus.resolve("hostile.txt"));
        IndexConfig cfg = IndexConfig.load(Path.of("index-config"));
        service = NoticeService.start(cfg, corpus, tmp.resolve("index"), 2, false);
        app = WebServer.create(service.service(), service.maintainer(), cfg.settings(),
                new WebConfig("127.0.0.1", 0, List.of("*"), TOKEN)).start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + app.port();
    }

    @AfterAll
    static void stop() throws IOException {
        app.stop();
        service.close();
    }

    static HttpResponse<String> get(String pathAndQuery, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + pathAndQuery));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static JsonNode json(String pathAndQuery) throws Exception {
        HttpResponse<String> r = get(pathAndQuery);
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        return JSON.readTree(r.body());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static List<String> ids(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.get("hits").forEach(h -> out.add(h.get("id").asText()));
        return out;
    }

    @Test
    void searchReturnsTheDocumentedShape() throws Exception {
        JsonNode page = json("/api/search?q=" + enc("巾帼脱贫行动"));
        assertEquals("巾帼脱贫行动", page.get("query").asText());
        assertEquals(3, page.get("total").asLong());
        assertTrue(page.get("totalIsExact").asBoolean());
        assertFalse(page.get("relaxed").asBoolean());
        assertEquals(1, page.get("page").asInt());
        assertEquals(10, page.get("size").asInt());
        assertTrue(page.has("tookMs"));
        assertEquals(List.of("000_15c9de7d74b4cd66", "001_b0a97531a24c94f3", "003_75a19b785f318a28").stream().sorted().toList(),
                ids(page).stream().sorted().toList());
        JsonNode hit = page.get("hits").get(0);
        for (String f : List.of("id", "title", "titleHtml", "issuer", "docNumber", "date", "year", "type", "snippets", "url")) {
            assertTrue(hit.has(f), "hit has " + f);
        }
        assertTrue(hit.get("url").asText().startsWith("/notice.html?id="));
        boolean marked = false;
        for (JsonNode s : hit.get("snippets")) {
            marked |= s.asText().contains("<mark>巾帼脱贫行动</mark>");
        }
        assertTrue(marked, "a snippet marks the whole phrase once: " + hit.get("snippets"));
        for (String dim : List.of("issuer", "province", "year", "type", "campaign")) {
            assertTrue(page.get("facets").has(dim), "facet " + dim);
        }
    }

    @Test
    void repeatedIssuerMeansAnyOfThem() throws Exception {
        JsonNode page = json("/api/search?q=" + enc("妇联") + "&issuer=" + enc("山东省妇联") + "&issuer=" + enc("重庆市妇女联合会"));
        assertEquals(List.of("000_15c9de7d74b4cd66", "003_75a19b785f318a28", "004_14145a449d0a6655"), ids(page).stream().sorted().toList());
        // Drill-sideways: the issuer facet still counts the issuers not chosen.
        List<String> issuers = new ArrayList<>();
        page.get("facets").get("issuer").forEach(v -> issuers.add(v.get("value").asText()));
        assertTrue(issuers.contains("平顶山市妇女联合会"), issuers.toString());
    }

    @Test
    void hostileTextIsEscapedEverywhere() throws Exception {
        JsonNode page = json("/api/search?q=" + enc("诈骗"));
        assertEquals(List.of("hostile"), ids(page));
        JsonNode hit = page.get("hits").get(0);
        String title = hit.get("titleHtml").asText();
        assertTrue(title.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), title);
        for (JsonNode s : hit.get("snippets")) {
            String html = s.asText().replace("<mark>", "").replace("</mark>", "");
            assertFalse(html.contains("<"), "only <mark> tags in snippets: " + s.asText());
        }
        JsonNode notice = json("/api/notices/hostile?q=" + enc("诈骗"));
        for (JsonNode p : notice.get("paragraphsHtml")) {
            assertFalse(p.asText().replace("<mark>", "").replace("</mark>", "").contains("<"), p.asText());
        }
    }

    @Test
    void noticeHasRecordCitationsAndHighlights() throws Exception {
        JsonNode n = json("/api/notices/000_15c9de7d74b4cd66?q=" + enc("春蕾计划"));
        assertEquals("鲁妇通字〔2020〕6号", n.get("docNumber").asText());
        assertEquals("山东省妇女联合会", n.get("issuer").asText());
        assertTrue(n.get("paragraphs").size() > 5);
        assertEquals(n.get("paragraphs").size(), n.get("paragraphsHtml").size());
        assertTrue(n.get("paragraphsHtml").toString().contains("<mark>春蕾计划</mark>"));
        assertTrue(n.get("citedBy").isArray());
        assertEquals("国发明电〔2020〕8号", n.get("cites").get(0).get("docNumber").asText());
        assertTrue(n.get("cites").get(0).get("id").isNull(), "the cited notice is not in the index");
        assertFalse(json("/api/notices/000_15c9de7d74b4cd66").has("paragraphsHtml"));
    }

    @Test
    void similarTrendSuggestAndHealth() throws Exception {
        JsonNode sim = json("/api/notices/003_75a19b785f318a28/similar");
        assertTrue(sim.get("similar").size() >= 1 && sim.get("similar").size() <= 10);
        assertFalse(sim.get("similar").toString().contains("\"003_75a19b785f318a28\""));
        JsonNode trend = json("/api/trend?q=" + enc("妇联"));
        assertEquals("2012", trend.get("years").get(0).get("value").asText());
        assertEquals("2020", trend.get("years").get(1).get("value").asText());
        assertEquals(4, trend.get("years").get(1).get("count").asLong());
        JsonNode sug = json("/api/suggest?q=" + enc("春蕾"));
        assertEquals("春蕾计划", sug.get("suggestions").get(0).get("text").asText());
        assertEquals("campaign", sug.get("suggestions").get(0).get("kind").asText());
        JsonNode health = json("/health");
        assertEquals("ok", health.get("status").asText());
        assertEquals(6, health.get("documents").asInt());
        assertTrue(health.has("generation"));
    }

    @Test
    void csvExportHasBomAndRows() throws Exception {
        HttpResponse<String> r = get("/api/search.csv?q=" + enc("巾帼脱贫行动"));
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(r.body().startsWith("\uFEFF编号,标题,发文机关,发文字号,成文日期,年份,文种"), r.body());
        assertEquals(1 + 3, r.body().strip().split("\r\n").length);
    }

    @Test
    void badParametersAre400WithTheirName() throws Exception {
        String longQuery = "妇".repeat(201);
        String[][] cases = {
                {"/api/search?page=0", "page"}, {"/api/search?page=abc", "page"}, {"/api/search?size=101", "size"},
                {"/api/search?size=0", "size"}, {"/api/search?page=101&size=100", "page"}, {"/api/search?sort=best", "sort"},
                {"/api/search?from=2020-13", "from"}, {"/api/search?to=2020-02-30", "to"}, {"/api/search?from=yesterday", "from"},
                {"/api/search?from=2021&to=2020", "from"}, {"/api/search?q=" + enc(longQuery), "q"},
                {"/api/search?docNumber=" + enc("hello"), "docNumber"}, {"/api/search?docNumber=" + enc("巾帼"), "docNumber"},
                {"/api/trend?sort=x", "sort"},
                {"/api/suggest?q=a&limit=0", "limit"}, {"/api/search.csv?size=-1", "size"}, {"/api/search?q=a&q=b", "q"},
        };
        for (String[] c : cases) {
            HttpResponse<String> r = get(c[0]);
            assertEquals(400, r.statusCode(), c[0] + " → " + r.body());
            JsonNode body = JSON.readTree(r.body());
            assertEquals("bad_request", body.get("error").asText());
            // Chinese for the people reading it, named as 起始日期（from）：… (issue 14)
            assertTrue(body.get("message").asText().startsWith(BadRequestException.label(c[1]) + "："), c[0] + " → " + body);
            assertFalse(r.body().contains("Exception") || r.body().contains("\tat "), r.body());
        }
    }

    @Test
    void unknownIdAndPathAre404() throws Exception {
        HttpResponse<String> r = get("/api/notices/nope");
        assertEquals(404, r.statusCode());
        assertEquals("not_found", JSON.readTree(r.body()).get("error").asText());
        assertEquals(404, get("/api/notices/nope/similar").statusCode());
        assertEquals(404, get("/api/nothing").statusCode());
    }

    @Test
    void oddInputNeverCauses500() throws Exception {
        String[] queries = {"\"", "-", "OR", "OR OR", "\"\"", "-妇联", "（", "〔2020〕", "妇联 OR", "*", "?", "\\", "%", "号",
                "鲁妇通字", "鲁妇通字〔", "第6号", "\uD83D\uDE00", "<>&", "a".repeat(200)};
        for (String q : queries) {
            HttpResponse<String> r = get("/api/search?q=" + enc(q));
            assertEquals(200, r.statusCode(), q + " → " + r.body());
            assertEquals(200, get("/api/suggest?q=" + enc(q)).statusCode(), q);
            assertEquals(200, get("/api/trend?q=" + enc(q)).statusCode(), q);
        }
        HttpResponse<String> malformed = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/search?q=%E5%A6")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(malformed.statusCode() < 500, "malformed percent-encoding → " + malformed.statusCode());
    }

    @Test
    void corsAllowsReadOnlyApiButNeverAdmin() throws Exception {
        HttpResponse<String> r = get("/api/search?q=x", "Origin", "http://intranet.example");
        assertEquals("*", r.headers().firstValue("Access-Control-Allow-Origin").orElse(null));
        HttpResponse<String> pre = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/search"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "http://intranet.example")
                .header("Access-Control-Request-Method", "GET").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(204, pre.statusCode());
        HttpResponse<String> adminPre = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/admin/reindex"))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "http://intranet.example")
                .header("Access-Control-Request-Method", "POST").build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, adminPre.statusCode());
        assertTrue(adminPre.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
        HttpResponse<String> adminCross = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/admin/reindex"))
                .POST(HttpRequest.BodyPublishers.noBody()).header("Origin", "http://intranet.example")
                .header("Authorization", "Bearer " + TOKEN).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, adminCross.statusCode());
        assertTrue(adminCross.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
    }

    @Test
    void adminReindexNeedsTheToken() throws Exception {
        HttpResponse<String> none = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/admin/reindex"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, none.statusCode());
        HttpResponse<String> wrong = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/admin/reindex"))
                .POST(HttpRequest.BodyPublishers.noBody()).header("Authorization", "Bearer nope").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, wrong.statusCode());
        HttpResponse<String> ok = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/admin/reindex"))
                .POST(HttpRequest.BodyPublishers.noBody()).header("Authorization", "Bearer " + TOKEN).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(202, ok.statusCode(), ok.body());
        for (int i = 0; i < 100 && json("/health").get("indexing").asBoolean(); i++) {
            Thread.sleep(100);
        }
        assertEquals(6, json("/health").get("documents").asInt());
        assertEquals(3, json("/api/search?q=" + enc("巾帼脱贫行动")).get("total").asInt());
    }

    @Test
    void adminIsDisabledWithoutAToken() throws Exception {
        Javalin noAdmin = WebServer.create(service.service(), service.maintainer(),
                IndexConfig.load(Path.of("index-config")).settings(), new WebConfig("127.0.0.1", 0, List.of("*"), null))
                .start("127.0.0.1", 0);
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + noAdmin.port() + "/api/admin/reindex"))
                    .POST(HttpRequest.BodyPublishers.noBody()).header("Authorization", "Bearer anything").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(403, r.statusCode());
            assertEquals("admin_disabled", JSON.readTree(r.body()).get("error").asText());
        } finally {
            noAdmin.stop();
        }
    }

    @Test
    void openApiDescribesTheEndpoints() throws Exception {
        JsonNode api = json("/openapi.json");
        for (String p : List.of("/api/search", "/api/search.csv", "/api/notices/{id}", "/api/notices/{id}/similar",
                "/api/trend", "/api/suggest", "/health", "/api/admin/reindex")) {
            assertTrue(api.get("paths").has(p), p);
        }
        assertNull(api.get("paths").get("/api/search").get("post"));
    }
}
