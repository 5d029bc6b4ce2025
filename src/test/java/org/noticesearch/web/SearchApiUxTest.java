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
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.noticesearch.NoticeService;
import org.noticesearch.search.SearchTestSupport;

/** Issue 14 over HTTP: facetLimit and facetMore, chosen facet values, Chinese 400 messages, Chinese date forms. */
class SearchApiUxTest {
    @TempDir
    static Path tmp;
    static NoticeService service;
    static Javalin app;
    static String base;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() {
        Path corpus = tmp.resolve("corpus");
        SearchTestSupport.copyTxt(SearchTestSupport.CORPUS, corpus);
        SearchTestSupport.copyTxt(SearchTestSupport.FIXTURES, corpus);
        service = SearchTestSupport.start(corpus, tmp.resolve("index"));
        app = WebServer.create(service.service(), service.maintainer(), SearchTestSupport.CONFIG.settings(),
                new WebConfig("127.0.0.1", 0, List.of("*"), null)).start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + app.port();
    }

    @AfterAll
    static void stop() throws IOException {
        app.stop();
        service.close();
    }

    static HttpResponse<String> get(String pathAndQuery) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static JsonNode json(String pathAndQuery) throws Exception {
        HttpResponse<String> r = get(pathAndQuery);
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static List<String> values(JsonNode facet) {
        List<String> out = new ArrayList<>();
        facet.forEach(v -> out.add(v.get("value").asText()));
        return out;
    }

    @Test
    void facetLimitAsksForMoreAndFacetMoreSaysWhetherThereAre() throws Exception {
        JsonNode all = json("/api/search?facetLimit=2000");
        int issuers = all.get("facets").get("issuer").size();
        assertTrue(issuers > 2, all.get("facets").toString());
        assertFalse(all.get("facetMore").get("issuer").asBoolean());

        JsonNode two = json("/api/search?facetLimit=2");
        assertEquals(2, two.get("facets").get("issuer").size());
        assertTrue(two.get("facetMore").get("issuer").asBoolean());
        for (String dim : List.of("issuer", "province", "year", "type", "campaign")) {
            assertTrue(two.get("facetMore").has(dim), dim);
        }
        // each value still has value and count, and now chosen
        JsonNode first = two.get("facets").get("issuer").get(0);
        assertEquals(List.of("value", "count", "chosen"), iterator(first));
        assertFalse(first.get("chosen").asBoolean());

        // an issuer outside the top two, chosen: listed third, marked chosen
        String rare = values(all.get("facets").get("issuer")).get(issuers - 1);
        JsonNode chosen = json("/api/search?facetLimit=2&issuer=" + enc(rare));
        JsonNode listed = chosen.get("facets").get("issuer");
        assertEquals(3, listed.size(), listed.toString());
        assertEquals(rare, listed.get(2).get("value").asText());
        assertTrue(listed.get(2).get("chosen").asBoolean());
        assertEquals(all.get("facets").get("issuer").get(issuers - 1).get("count").asLong(), listed.get(2).get("count").asLong());
    }

    private static List<String> iterator(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void badParametersAreExplainedInChineseWithoutJavaText() throws Exception {
        String[][] cases = {
                {"/api/search?from=2020-13-45", "起始日期（from）：“2020-13-45”不是有效日期：月份应为 1 到 12，这里是 13"},
                {"/api/search?facetLimit=5000", "分面条数（facetLimit）：应在 1 到 2000 之间，这里是 5000"},
                {"/api/search?page=101&size=100", "页码（page）：最多只能翻看前 10000 条结果（第 101 页、每页 100 条已超出），请用筛选条件缩小范围"},
                {"/api/suggest?q=a&limit=x", "建议条数（limit）：“x”不是整数"},
                {"/api/trend?to=" + enc("2020年2月30日"), "截止日期（to）：“2020年2月30日”不是有效日期：2020年2月只有 29 天"},
        };
        for (String[] c : cases) {
            HttpResponse<String> r = get(c[0]);
            assertEquals(400, r.statusCode(), c[0]);
            JsonNode body = JSON.readTree(r.body());
            assertEquals("bad_request", body.get("error").asText());
            assertEquals(c[1], body.get("message").asText(), c[0]);
        }
    }

    @Test
    void chineseDateFormsFilterLikeIsoOnes() throws Exception {
        JsonNode iso = json("/api/search?from=2020-03&to=2021-12-31&size=100");
        JsonNode zh = json("/api/search?from=" + enc("2020年3月") + "&to=" + enc("２０２１／１２／３１") + "&size=100");
        assertTrue(iso.get("total").asLong() > 0);
        assertEquals(iso.get("total"), zh.get("total"));
        assertEquals(iso.get("hits").findValuesAsText("id"), zh.get("hits").findValuesAsText("id"));
    }
}
