package org.noticesearch.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.noticesearch.NoticeService;
import org.noticesearch.config.IndexConfig;
import org.noticesearch.ingest.CorpusWalker;
import org.noticesearch.ingest.NoticeIds;

/**
 * {@code GET /api/notices/{id}/original} in-process: the bytes of the source file with its type and an RFC 5987 name,
 * a GB18030 file declared as such, and nothing outside the corpus (a traversal id, a file swapped for a link out, a
 * file gone) in a Chinese 404.
 */
class OriginalFileTest {
    static final String NOTICE = "关于开展原件下载测试工作的通知\n\n各区县妇联：\n\n现将有关事项通知如下。\n\n重庆市妇女联合会\n\n2021年3月8日\n";
    static final String CHINESE_NAME = "通知 (2021)*.txt";

    @TempDir
    static Path tmp;

    static Path corpus;
    static NoticeService service;
    static Javalin app;
    static String base;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws Exception {
        corpus = tmp.resolve("corpus");
        Files.createDirectories(corpus.resolve("二〇二一"));
        // Long enough (over Javalin's 1,500-byte minimum) to be compressed for a client that accepts gzip.
        Files.writeString(corpus.resolve("二〇二一").resolve(CHINESE_NAME),
                NOTICE.replace("现将有关事项通知如下。", "现将有关事项通知如下。".repeat(100)), StandardCharsets.UTF_8);
        Files.write(corpus.resolve("gbk.txt"), NOTICE.replace("原件下载", "国标编码").getBytes(Charset.forName("GB18030")));
        Files.writeString(corpus.resolve("swapped.txt"), NOTICE.replace("原件下载", "链接替换"), StandardCharsets.UTF_8);
        Files.writeString(corpus.resolve("gone.txt"), NOTICE.replace("原件下载", "文件删除"), StandardCharsets.UTF_8);
        IndexConfig cfg = IndexConfig.load(Path.of("index-config"));
        service = NoticeService.start(cfg, corpus, tmp.resolve("index"), 1, false);
        app = WebServer.create(service.service(), service.maintainer(), cfg.settings(),
                new WebConfig("127.0.0.1", 0, List.of("*"), null)).start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + app.port();
    }

    @AfterAll
    static void stop() throws Exception {
        app.stop();
        service.close();
    }

    static HttpResponse<byte[]> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static String originalOf(String source) {
        return "/api/notices/" + URLEncoder.encode(NoticeIds.idFor(source), StandardCharsets.UTF_8) + "/original";
    }

    @Test
    void streamsTheSourceFileWithItsTypeAndAnRfc5987Name() throws Exception {
        String source = "二〇二一/" + CHINESE_NAME;
        HttpResponse<byte[]> r = get(originalOf(source));
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        assertArrayEquals(Files.readAllBytes(corpus.resolve(source)), r.body());
        assertEquals("text/plain;charset=utf-8", r.headers().firstValue("Content-Type").orElse(""));
        assertEquals("inline; filename=\"__ (2021)*.txt\"; filename*=UTF-8''%E9%80%9A%E7%9F%A5%20%282021%29%2A.txt",
                r.headers().firstValue("Content-Disposition").orElse(""));

        // Compressed for a client that asks (a browser): still the same bytes once unpacked.
        HttpResponse<byte[]> gz = HTTP.send(HttpRequest.newBuilder(URI.create(base + originalOf(source)))
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, gz.statusCode());
        assertEquals("gzip", gz.headers().firstValue("Content-Encoding").orElse(""));
        byte[] unpacked = "gzip".equals(gz.headers().firstValue("Content-Encoding").orElse(""))
                ? new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gz.body())).readAllBytes() : gz.body();
        assertArrayEquals(Files.readAllBytes(corpus.resolve(source)), unpacked);
        assertEquals(OriginalFiles.SANDBOX_CSP, r.headers().firstValue("Content-Security-Policy").orElse(""));

        HttpResponse<byte[]> download = get(originalOf(source) + "?download=1");
        assertEquals(200, download.statusCode());
        assertTrue(download.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment; "));
    }

    @Test
    void aGb18030FileIsDeclaredInItsOwnCharset() throws Exception {
        HttpResponse<byte[]> r = get(originalOf("gbk.txt"));
        assertEquals(200, r.statusCode());
        assertArrayEquals(Files.readAllBytes(corpus.resolve("gbk.txt")), r.body());
        String type = r.headers().firstValue("Content-Type").orElse("");
        Charset declared = Charset.forName(type.substring(type.indexOf("charset=") + 8));
        assertEquals(NOTICE.replace("原件下载", "国标编码"), new String(r.body(), declared), "declared as " + type);
    }

    @Test
    void aTraversalIdIsRefused() throws Exception {
        for (String id : List.of("..%2F..%2Fetc%2Fpasswd", "%2Fetc%2Fpasswd", "..")) {
            HttpResponse<byte[]> r = get("/api/notices/" + id + "/original");
            assertTrue(r.statusCode() == 404 || r.statusCode() == 400, id + ": " + r.statusCode());
            assertFalse(new String(r.body(), StandardCharsets.UTF_8).contains("root:"), id);
        }
        HttpResponse<byte[]> r = get("/api/notices/..%2F..%2Fetc%2Fpasswd/original");
        JsonNode body = JSON.readTree(r.body());
        assertEquals(404, r.statusCode());
        assertEquals("not_found", body.get("error").asText());
        assertTrue(body.get("message").asText().startsWith("找不到编号为"), body.toString());
    }

    @Test
    void aFileSwappedForALinkOutsideOrRemovedIsNotServed() throws Exception {
        Path secret = Files.writeString(tmp.resolve("secret.txt"), "root:x:0:0 secret", StandardCharsets.UTF_8);
        Files.delete(corpus.resolve("swapped.txt"));
        Files.createSymbolicLink(corpus.resolve("swapped.txt"), secret);
        Files.delete(corpus.resolve("gone.txt"));
        for (String source : List.of("swapped.txt", "gone.txt")) {
            HttpResponse<byte[]> r = get(originalOf(source));
            String text = new String(r.body(), StandardCharsets.UTF_8);
            assertEquals(404, r.statusCode(), source + ": " + text);
            assertFalse(text.contains("secret"), text);
            assertEquals("这份公文的原件已不在语料库中（the source file " + source + " is gone）",
                    JSON.readTree(r.body()).get("message").asText());
        }
    }

    @Test
    void aServerWithoutACorpusFolderHasNoOriginals() throws Exception {
        IndexConfig cfg = IndexConfig.load(Path.of("index-config"));
        Javalin bare = WebServer.create(service.service(), null, cfg.settings(),
                new WebConfig("127.0.0.1", 0, List.of("*"), null)).start("127.0.0.1", 0);
        try {
            HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bare.port()
                    + originalOf("gbk.txt"))).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(404, r.statusCode());
            assertEquals("这份公文的原件已不在语料库中（the source file gbk.txt is gone）", JSON.readTree(r.body()).get("message").asText());
        } finally {
            bare.stop();
        }
    }

    @Test
    void resolveSourceStaysUnderTheRoot() throws Exception {
        assertEquals(corpus.resolve("gbk.txt").toRealPath(), CorpusWalker.resolveSource(corpus, "gbk.txt").orElseThrow());
        Files.writeString(tmp.resolve("outside.txt"), "x", StandardCharsets.UTF_8);
        Path single = corpus.resolve("gbk.txt");
        assertEquals(single.toRealPath(), CorpusWalker.resolveSource(single, "gbk.txt").orElseThrow());
        assertTrue(CorpusWalker.resolveSource(single, "二〇二一/" + CHINESE_NAME).isEmpty(), "a one-file corpus has no neighbours");
        for (String bad : List.of("../outside.txt", "二〇二一/../../outside.txt", tmp.resolve("outside.txt").toString(), "", "二〇二一")) {
            assertTrue(CorpusWalker.resolveSource(corpus, bad).isEmpty(), bad);
        }
    }
}
