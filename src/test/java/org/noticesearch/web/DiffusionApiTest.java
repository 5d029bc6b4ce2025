package org.noticesearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.noticesearch.NoticeService;
import org.noticesearch.config.IndexConfig;
import org.noticesearch.search.SearchTestSupport;

/**
 * {@code /api/diffusion} and {@code /api/notices/{id}/tree} end to end, in-process, over the bundled corpus plus the
 * hand-written campaign of {@code src/test/resources/diffusion}: JSON, CSV in both header languages, GraphML, limits,
 * validators, and a 400 naming the parameter for every bad value.
 */
class DiffusionApiTest {
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
        SearchTestSupport.copyTxt(Path.of("corpus"), corpus);
        SearchTestSupport.copyTxt(Path.of("src/test/resources/diffusion"), corpus);
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

    static HttpResponse<String> get(String pathAndQuery, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + pathAndQuery));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void adoptersAsJson() throws Exception {
        HttpResponse<String> r = get("/api/diffusion?q=" + enc("春蕾护航行动"));
        assertEquals(200, r.statusCode(), r.body());
        JsonNode j = JSON.readTree(r.body());
        assertEquals(6, j.get("matches").asInt());
        assertEquals(6, j.get("adopterCount").asInt());
        List<String> rows = new ArrayList<>();
        j.get("adopters").forEach(a -> rows.add(a.get("issuer").asText() + "|" + a.get("first").get("date").asText()
                + "|" + a.get("first").get("precision").asText()));
        assertEquals(List.of("全国妇女联合会|2021-03-01|day", "江苏省妇女联合会|2021-03-15|day", "南京市妇女联合会|2021-04-09|day",
                "安徽省妇女联合会|2021-04-20|day", "南京市江宁区妇女联合会|2021-05-10|day", "浙江省妇女联合会|null|year"), rows);
        assertEquals(5, j.get("curve").get(2).get("cumulative").asInt());
        assertEquals("d1_national", j.get("origin").get("id").asText());
        assertTrue(r.headers().firstValue("ETag").isPresent());
        assertEquals(304, get("/api/diffusion?q=" + enc("春蕾护航行动"), "If-None-Match", r.headers().firstValue("ETag").get()).statusCode());
    }

    @Test
    void adoptersAsCsvInEnglishAndChinese() throws Exception {
        HttpResponse<String> en = get("/api/diffusion?format=csv&q=" + enc("春蕾护航行动"));
        assertEquals(200, en.statusCode(), en.body());
        assertTrue(en.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        String[] lines = en.body().split("\r\n");
        assertEquals(7, lines.length);
        assertEquals(CsvExport.BOM + String.join(",", DiffusionCsv.HEADER_EN), lines[0]);
        assertEquals("全国妇女联合会,全国,national,people-org,d1_national,全国妇女联合会关于开展“春蕾护航行动”的通知,妇字〔2021〕30号,"
                + "2021-03-01,2021,day,0,1,d1_national,全国妇女联合会关于开展“春蕾护航行动”的通知,妇字〔2021〕30号,2021-03-01,2021,", lines[1]);
        assertTrue(lines[6].startsWith("浙江省妇女联合会,浙江省,province,people-org,d5_province,"), lines[6]);
        assertTrue(lines[6].contains(",,2021,year,,1,"), lines[6]);
        assertTrue(lines[6].endsWith(",全国妇女联合会; 安徽省妇女联合会"), lines[6]);
        HttpResponse<String> zh = get("/api/diffusion?format=csv&headers=zh&q=" + enc("春蕾护航行动"));
        assertEquals(CsvExport.BOM + String.join(",", DiffusionCsv.HEADER_ZH), zh.body().split("\r\n")[0]);
    }

    @Test
    void treeAsJsonAndGraphMl() throws Exception {
        HttpResponse<String> r = get("/api/notices/d1_national/tree");
        assertEquals(200, r.statusCode(), r.body());
        JsonNode t = JSON.readTree(r.body());
        // d2 cites d1 by number; d5 by its title alone (no number), and d6 cites d5: the tree holds all six.
        JsonNode d2 = t.get("root").get("children").get(0);
        assertEquals("d2_province", d2.get("id").asText());
        assertEquals(14, d2.get("lagDays").asInt());
        assertEquals("转发", d2.get("forwarding").asText());
        assertEquals("d4_county", d2.get("children").get(0).get("children").get(0).get("id").asText());
        assertEquals(6, t.get("notices").asInt());
        List<String> children = new ArrayList<>();
        t.get("root").get("children").forEach(ch -> children.add(ch.get("id").asText()));
        assertEquals(List.of("d2_province", "d5_province"), children);
        assertEquals("d6_province", t.get("root").get("children").get(1).get("children").get(0).get("id").asText());
        HttpResponse<String> cycle = get("/api/notices/d5_province/tree");
        JsonNode c = JSON.readTree(cycle.body());
        assertEquals("d6_province", c.get("root").get("children").get(0).get("id").asText());
        assertTrue(c.get("root").get("children").get(0).get("children").get(0).get("repeat").asBoolean());
        HttpResponse<String> g = get("/api/notices/d1_national/tree?format=graphml");
        assertEquals(200, g.statusCode());
        assertTrue(g.headers().firstValue("Content-Type").orElse("").startsWith("application/graphml+xml"));
        assertTrue(g.body().contains("<edge id=\"e0\" source=\"d1_national\" target=\"d2_province\""), g.body());
        HttpResponse<String> limited = get("/api/notices/d1_national/tree?depth=1");
        JsonNode l = JSON.readTree(limited.body());
        assertTrue(l.get("depthLimitHit").asBoolean());
        assertEquals(1, l.get("root").get("children").get(0).get("notShown").asInt());
    }

    @Test
    void openApiDescribesBothRoutesAndEveryField() throws Exception {
        JsonNode api = JSON.readTree(get("/openapi.json").body());
        assertTrue(api.get("paths").has("/api/diffusion") && api.get("paths").has("/api/notices/{id}/tree"));
        JsonNode schemas = api.get("components").get("schemas");
        JSON.readTree(get("/api/diffusion?q=" + enc("春蕾护航行动")).body()).fieldNames()
                .forEachRemaining(f -> assertTrue(schemas.get("Diffusion").get("properties").has(f), "Diffusion." + f));
        JsonNode tree = JSON.readTree(get("/api/notices/d1_national/tree").body());
        tree.fieldNames().forEachRemaining(f -> assertTrue(schemas.get("Tree").get("properties").has(f), "Tree." + f));
        tree.get("root").get("children").get(0).fieldNames()
                .forEachRemaining(f -> assertTrue(schemas.get("TreeNode").get("properties").has(f), "TreeNode." + f));
    }

    @Test
    void badValuesAre400sNamingTheParameter() throws Exception {
        String[][] cases = {
                {"/api/notices/d1_national/tree?depth=0", "depth", "应在 1 到 10 之间"},
                {"/api/notices/d1_national/tree?depth=x", "depth", "不是整数"},
                {"/api/notices/d1_national/tree?nodes=99999", "nodes", "应在 1 到 5000 之间"},
                {"/api/notices/d1_national/tree?format=xml", "format", "json 或 graphml"},
                {"/api/diffusion?q=a&format=xlsx", "format", "json 或 csv"},
                {"/api/diffusion?q=a&headers=fr", "headers", "en（英文表头）或 zh"},
                {"/api/diffusion?q=a&page=2", "page", "未知参数"},
                {"/api/diffusion?q=a&from=2021-13", "from", ""},
        };
        for (String[] c : cases) {
            HttpResponse<String> r = get(c[0]);
            assertEquals(400, r.statusCode(), c[0] + " " + r.body());
            JsonNode j = JSON.readTree(r.body());
            assertEquals("bad_request", j.get("error").asText());
            assertTrue(j.get("message").asText().contains(c[1]) && j.get("message").asText().contains(c[2]), c[0] + " " + r.body());
        }
        HttpResponse<String> missing = get("/api/notices/nope/tree");
        assertEquals(404, missing.statusCode());
        assertEquals("not_found", JSON.readTree(missing.body()).get("error").asText());
    }
}
