package org.noticesearch.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.noticesearch.NoticeService;
import org.noticesearch.config.IndexConfig;
import org.noticesearch.web.WebConfig;
import org.noticesearch.web.WebServer;

/**
 * The golden table ({@link Golden}) on the embedded index, through the HTTP API. {@code -Dgolden.print=true} prints
 * each row as this engine answers it, in the table's format, for a person to review before changing the table.
 */
class GoldenSearchTest {
    @TempDir
    static Path tmp;

    static NoticeService service;
    static Javalin app;
    static String base;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        Path corpus = tmp.resolve("corpus");
        Golden.corpus(corpus);
        IndexConfig cfg = IndexConfig.load(Path.of("index-config"));
        service = NoticeService.start(cfg, corpus, tmp.resolve("index"), 2, false);
        assertEquals(0, service.maintainer().lastReport().failures().size(), "the golden corpus indexes whole");
        app = WebServer.create(service.service(), service.maintainer(), cfg.settings(),
                new WebConfig("127.0.0.1", 0, List.of("*"), null)).start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + app.port();
    }

    @AfterAll
    static void stop() throws Exception {
        app.stop();
        service.close();
    }

    @Test
    void everyRowOfTheTableAnswersAsPinned() throws Exception {
        assertTrue(Golden.rows().size() >= 30, "the table has its rows");
        List<String> wrong = Golden.disagreements("embedded", GoldenSearchTest::search);
        assertEquals(List.of(), wrong, "golden searches that changed:\n" + String.join("\n", wrong));
    }

    private static JsonNode search(Golden.Row r) throws Exception {
        HttpResponse<String> res = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/search?" + r.encoded())).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, res.statusCode(), "line " + r.line() + ": " + res.body());
        return new ObjectMapper().readTree(res.body());
    }
}
