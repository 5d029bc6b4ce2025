package org.noticesearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.noticesearch.search.SearchTestSupport.notice;
import static org.noticesearch.search.SearchTestSupport.write;

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
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.noticesearch.NoticeService;
import org.noticesearch.config.IndexConfig;
import org.noticesearch.search.SearchTestSupport;

/**
 * Exports of every hit past the depth limit of pages (search.maxDepth=12 here, below the 13 notices, stands in for 10,000): streamed CSV and
 * JSON Lines, and cursor paging over HTTP, all in the same order, each hit once.
 */
class ExportAllTest {
    static final int NOTICES = 13;
    static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path tmp;
    static NoticeService service;
    static Javalin app;
    static String base;

    @BeforeAll
    static void start() throws IOException {
        IndexConfig cfg = SearchTestSupport.configWith(tmp.resolve("config"), "search.maxDepth=10000", "search.maxDepth=12");
        assertEquals(12, cfg.settings().maxDepth());
        Path corpus = tmp.resolve("corpus");
        for (int i = 0; i < NOTICES; i++) {
            write(corpus.resolve(String.format("n%02d.txt", i)), notice("全国妇联", "妇字〔" + (2010 + i % 4) + "〕" + (i + 1) + "号",
                    "关于第" + i + "期巾帼建功活动的通知", (2010 + i % 4) + "年5月" + (1 + i % 2) + "日", "巾帼建功。".repeat(1 + i % 3)));
        }
        service = SearchTestSupport.start(cfg, corpus, tmp.resolve("index"));
        app = WebServer.create(service.service(), service.maintainer(), cfg.settings(),
                new WebConfig("127.0.0.1", 0, List.of("*"), null)).start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + app.port();
    }

    @AfterAll
    static void stop() throws IOException {
        app.stop();
        service.close();
    }

    static HttpResponse<String> get(String pathAndQuery) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    static final String Q = "q=" + URLEncoder.encode("巾帼建功", StandardCharsets.UTF_8);

    static List<String> byCursor(String sort) throws Exception {
        List<String> out = new ArrayList<>();
        String cursor = null;
        for (int pages = 0; pages <= NOTICES; pages++) {
            HttpResponse<String> r = get("/api/search?" + Q + "&sort=" + sort + "&size=4"
                    + (cursor == null ? "" : "&cursor=" + cursor));
            assertEquals(200, r.statusCode(), r.body());
            JsonNode page = JSON.readTree(r.body());
            assertEquals(NOTICES, page.get("total").asInt());
            page.get("hits").forEach(h -> out.add(h.get("id").asText()));
            if (!page.has("nextCursor")) {
                return out;
            }
            cursor = page.get("nextCursor").asText();
        }
        throw new AssertionError("cursor paging did not end");
    }

    @Test
    void jsonLinesCsvAndCursorsGiveEveryHitOnceInOrder() throws Exception {
        for (String sort : List.of("relevance", "newest", "oldest")) {
            List<String> paged = byCursor(sort);
            assertEquals(NOTICES, paged.size(), sort);
            assertEquals(NOTICES, new HashSet<>(paged).size(), sort);

            HttpResponse<String> jsonl = get("/api/search.jsonl?" + Q + "&sort=" + sort);
            assertEquals(200, jsonl.statusCode(), jsonl.body());
            assertEquals("application/x-ndjson; charset=utf-8", jsonl.headers().firstValue("Content-Type").orElse(""));
            // Named as the CSV is: after the query and the day, with the JSON Lines extension.
            assertEquals(CsvExport.contentDisposition(CsvExport.fileName(java.net.URLDecoder.decode(Q.substring(2),
                    java.nio.charset.StandardCharsets.UTF_8), java.time.LocalDate.now(), "jsonl")),
                    jsonl.headers().firstValue("Content-Disposition").orElse(""));
            List<String> lines = jsonl.body().lines().toList();
            List<String> ids = new ArrayList<>();
            for (String line : lines) {
                JsonNode row = JSON.readTree(line);
                ids.add(row.get("id").asText());
                assertTrue(row.get("title").asText().contains("巾帼建功活动"), line);
            }
            assertEquals(paged, ids, sort + ": JSON Lines in the order of the pages");

            HttpResponse<String> csv = get("/api/search.csv?" + Q + "&sort=" + sort);
            List<String> rows = csv.body().lines().skip(1).toList();
            assertEquals(paged, rows.stream().map(l -> l.substring(0, l.indexOf(','))).toList(), sort + ": CSV past the depth limit");
        }
    }

    @Test
    void aPageOrSizeStillExportsThatPageAlone() throws Exception {
        assertEquals(3, get("/api/search.jsonl?" + Q + "&size=3").body().lines().count());
    }

    @Test
    void cursorErrorsName400s() throws Exception {
        for (String path : List.of("/api/search?" + Q + "&cursor=AAAA", "/api/search?" + Q + "&cursor=" + URLEncoder.encode("<x>", StandardCharsets.UTF_8),
                "/api/search.csv?" + Q + "&cursor=AAAA", "/api/search?" + Q + "&cursor=AAAA&page=2&size=3")) {
            HttpResponse<String> r = get(path);
            assertEquals(400, r.statusCode(), path + " " + r.body());
            assertTrue(r.body().contains("cursor"), r.body());
            assertFalse(r.body().contains("Exception"), r.body());
        }
    }
}
