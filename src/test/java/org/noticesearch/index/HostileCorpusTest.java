package org.noticesearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.noticesearch.NoticeService;
import org.noticesearch.config.IndexConfig;
import org.noticesearch.ingest.FailureKind;
import org.noticesearch.ingest.ParseReport;
import org.noticesearch.web.WebConfig;
import org.noticesearch.web.WebServer;

/**
 * The reliability suite's hostile corpus, generated here: links out of the corpus, a link loop, a PDF with too many
 * pages, a .docx that inflates past the limit, a zip with too many entries, deeply nested HTML, binary bytes and an
 * empty file, beside good notices, served with the watcher on. Every hostile file is reported with its kind, the
 * good notices are indexed, a notice added beside them is searchable within 5 s, the failed files are not read
 * again on that sync, and {@code /health} says degraded in plain words while the admin list has the full reasons.
 */
public class HostileCorpusTest {
    @TempDir
    Path dir;

    static final String TOKEN = "hostile-token";
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    /** index-config with tighter limits, so that each hostile file crosses one quickly. */
    static IndexConfig tightConfig(Path dir) throws Exception {
        Path cfg = Files.createDirectories(dir.resolve("index-config"));
        try (Stream<Path> s = Files.list(Path.of("index-config"))) {
            for (Path p : s.toList()) {
                Files.copy(p, cfg.resolve(p.getFileName()));
            }
        }
        Files.writeString(cfg.resolve("settings.properties"), Files.readString(cfg.resolve("settings.properties"))
                + "\ningest.readTimeLimitSeconds=5\ningest.maxPages=200\ningest.maxInflatedBytes=16777216\ningest.maxZipEntries=1000\n");
        return IndexConfig.load(cfg);
    }

    static byte[] blankPdf(int pages) throws Exception {
        try (PDDocument d = new PDDocument()) {
            for (int i = 0; i < pages; i++) {
                d.addPage(new PDPage());
            }
            ByteArrayOutputStream o = new ByteArrayOutputStream();
            d.save(o);
            return o.toByteArray();
        }
    }

    /** A .docx whose document.xml inflates to {@code mb} MB of paragraphs. */
    public static byte[] inflatingDocx(int mb) throws Exception {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(o)) {
            z.putNextEntry(new ZipEntry("[Content_Types].xml"));
            z.write("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>".getBytes(StandardCharsets.UTF_8));
            z.putNextEntry(new ZipEntry("word/document.xml"));
            z.write("<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
                    .getBytes(StandardCharsets.UTF_8));
            byte[] para = "<w:p><w:r><w:t>关于开展工作的通知</w:t></w:r></w:p>".getBytes(StandardCharsets.UTF_8);
            for (long n = 0; n < ((long) mb << 20); n += para.length) {
                z.write(para);
            }
            z.write("</w:body></w:document>".getBytes(StandardCharsets.UTF_8));
        }
        return o.toByteArray();
    }

    static byte[] zipWithEntries(int entries) throws Exception {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(o)) {
            z.putNextEntry(new ZipEntry("word/document.xml"));
            z.write("<w:document/>".getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < entries; i++) {
                z.putNextEntry(new ZipEntry("word/media/x" + i + ".bin"));
                z.write(i);
            }
        }
        return o.toByteArray();
    }

    /** The hostile files and good notices; returns the kind each hostile path must be reported with. */
    static Map<String, FailureKind> hostileCorpus(Path dir, Path corpus) throws Exception {
        org.noticesearch.search.SearchTestSupport.copyTxt(Path.of("corpus"), corpus);
        Path secret = Files.createDirectories(dir.resolve("secret"));
        Files.copy(Path.of("corpus").resolve(firstNotice()), secret.resolve("leak.txt"));
        Files.writeString(dir.resolve("passwd.txt"), "root:x:0:0:root:/root:/bin/bash\n");
        Files.createSymbolicLink(corpus.resolve("secret"), secret);
        Files.createSymbolicLink(corpus.resolve("passwd.txt"), dir.resolve("passwd.txt"));
        Files.createSymbolicLink(corpus.resolve("loop"), Path.of("."));
        Files.write(corpus.resolve("huge.pdf"), blankPdf(201));
        Files.write(corpus.resolve("bomb.docx"), inflatingDocx(20));
        Files.write(corpus.resolve("many.docx"), zipWithEntries(1001));
        Files.writeString(corpus.resolve("deep.html"), "<html><body>" + "<div>".repeat(20_000) + "deep" + "</div>".repeat(20_000)
                + "</body></html>");
        byte[] binary = new byte[4096];
        new java.util.Random(13).nextBytes(binary);
        binary[10] = 0;
        Files.write(corpus.resolve("binary.txt"), binary);
        Files.write(corpus.resolve("empty.txt"), new byte[0]);
        Map<String, FailureKind> want = new TreeMap<>();
        want.put("secret", FailureKind.OUTSIDE_CORPUS);
        want.put("passwd.txt", FailureKind.OUTSIDE_CORPUS);
        want.put("loop", FailureKind.LOOP);
        want.put("huge.pdf", FailureKind.TOO_LARGE);
        want.put("bomb.docx", FailureKind.TOO_LARGE);
        want.put("many.docx", FailureKind.TOO_COMPLEX);
        want.put("deep.html", FailureKind.NOT_A_NOTICE);
        want.put("binary.txt", FailureKind.ENCODING);
        want.put("empty.txt", FailureKind.NOT_A_NOTICE);
        return want;
    }

    static String firstNotice() throws Exception {
        try (Stream<Path> s = Files.list(Path.of("corpus"))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".txt") && !n.startsWith("README")).sorted()
                    .findFirst().orElseThrow();
        }
    }

    static int goodNotices() throws Exception {
        try (Stream<Path> s = Files.list(Path.of("corpus"))) {
            return (int) s.filter(p -> p.toString().endsWith(".txt") && !p.getFileName().toString().startsWith("README")).count();
        }
    }

    static Map<String, FailureKind> kinds(IngestReport r) {
        Map<String, FailureKind> out = new TreeMap<>();
        for (ParseReport.Failure f : r.failures()) {
            out.put(f.source(), f.kind());
        }
        return out;
    }

    HttpResponse<String> get(String base, String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void hostileFilesAreReportedByKindAndTheRestIsServed() throws Exception {
        long t0 = System.nanoTime();
        IndexConfig cfg = tightConfig(dir);
        Path corpus = dir.resolve("corpus");
        Map<String, FailureKind> want = hostileCorpus(dir, corpus);
        int good = goodNotices();
        try (NoticeService service = NoticeService.start(cfg, corpus, dir.resolve("index"), 2, true)) {
            IndexMaintainer m = service.maintainer();
            IngestReport first = m.lastReport();
            assertEquals(want, kinds(first), first.summary());
            for (ParseReport.Failure f : first.failures()) {
                assertFalse(f.reason().isBlank(), f.toString());
            }
            assertEquals(good, service.service().stats().documents(), "the good notices are indexed, nothing from outside");
            assertEquals(9, first.failuresByKind().values().stream().mapToInt(Integer::intValue).sum());
            assertEquals(0, first.notRetried());

            // A good notice added beside them is searchable within 5 s through the watcher; the failed files are not read again.
            Files.copy(Path.of("corpus").resolve(firstNotice()), corpus.resolve("zz-new.txt"));
            long start = System.nanoTime();
            while (service.service().stats().documents() < good + 1 && System.nanoTime() - start < 5_000_000_000L) {
                Thread.sleep(50);
            }
            assertEquals(good + 1, service.service().stats().documents(), "the new notice is searchable within 5 s");
            IngestReport second = m.lastReport();
            assertEquals(want, kinds(second));
            assertEquals(6, second.notRetried(), "the six files that failed by their content were not read again");
            assertEquals(Files.size(corpus.resolve("zz-new.txt")), second.bytesRead(), "only the new file was read");

            Javalin app = WebServer.create(service.service(), m, cfg.settings(), new WebConfig("127.0.0.1", 0, List.of("*"), TOKEN))
                    .start("127.0.0.1", 0);
            try {
                String base = "http://127.0.0.1:" + app.port();
                HttpResponse<String> h = get(base, "/health");
                JsonNode health = JSON.readTree(h.body());
                assertEquals("degraded", health.get("status").asText());
                assertEquals(9, health.get("lastSync").get("failedCount").asInt());
                assertEquals(2, health.get("lastSync").get("failedByKind").get("TOO_LARGE").asInt());
                for (JsonNode f : health.get("lastSync").get("failed")) {
                    assertEquals(FailureKind.valueOf(f.get("kind").asText()).label(), f.get("reason").asText());
                }
                for (String leak : List.of("Exception", "org.", "java.", dir.toString())) {
                    assertFalse(h.body().contains(leak), leak + " in " + h.body());
                }

                assertEquals(401, get(base, "/api/admin/failures").statusCode());
                assertEquals(401, get(base, "/api/admin/failures", "Authorization", "Bearer wrong").statusCode());
                assertEquals(403, get(base, "/api/admin/failures", "Authorization", "Bearer " + TOKEN,
                        "Origin", "http://evil.example").statusCode());
                HttpResponse<String> admin = get(base, "/api/admin/failures", "Authorization", "Bearer " + TOKEN);
                assertEquals(200, admin.statusCode());
                JsonNode list = JSON.readTree(admin.body());
                assertEquals(9, list.get("failures").size());
                assertEquals(6, list.get("notRetried").asInt());
                for (JsonNode f : list.get("failures")) {
                    if (f.get("source").asText().equals("huge.pdf")) {
                        assertEquals("the PDF has 201 pages, over the limit of 200 (ingest.maxPages in settings.properties)",
                                f.get("reason").asText());
                    }
                }

                // A sync that fails as a whole (the corpus folder gone) makes /health degraded with the error, in plain words.
                Path moved = Files.move(corpus, dir.resolve("moved"));
                try {
                    org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class, () -> m.syncNow(NoticeIndexer.Progress.NONE));
                    HttpResponse<String> h2 = get(base, "/health");
                    JsonNode health2 = JSON.readTree(h2.body());
                    assertEquals("degraded", health2.get("status").asText());
                    assertTrue(health2.get("lastSyncError").get("reason").asText().startsWith("语料同步失败"), h2.body());
                    assertFalse(h2.body().contains("IOException"), h2.body());
                    JsonNode adminErr = JSON.readTree(get(base, "/api/admin/failures", "Authorization", "Bearer " + TOKEN).body());
                    assertTrue(adminErr.get("lastSyncError").get("reason").asText().contains("no such file or folder"), adminErr.toString());
                } finally {
                    Files.move(moved, corpus);
                }
            } finally {
                app.stop();
            }
        }
        assertTrue(System.nanoTime() - t0 < 30_000_000_000L, "the hostile suite stays quick");
    }

    @Test
    void aFailedFileIsNotParsedAgainUntilItChangesAcrossRestarts() throws Exception {
        IndexConfig cfg = IndexConfig.load(Path.of("index-config"));
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Files.write(corpus.resolve("broken.pdf"), "%PDF-1.4 not really a pdf".getBytes(StandardCharsets.UTF_8));
        Files.write(corpus.resolve("many.docx"), zipWithEntries(20_000));
        Files.copy(Path.of("corpus").resolve(firstNotice()), corpus.resolve("good.txt"));
        org.noticesearch.ingest.formats.FormatReaders readers = org.noticesearch.ingest.formats.FormatReaders.from(cfg.settings());
        org.noticesearch.ingest.NoticeParser parser = new org.noticesearch.ingest.NoticeParser(cfg,
                cfg.settings().maxFileBytes(), readers);
        Path index = dir.resolve("index");
        try (org.noticesearch.analysis.Analysis analysis = new org.noticesearch.analysis.Analysis(cfg)) {
            try (IndexStore store = IndexStore.open(index, cfg, analysis)) {
                IngestReport r1 = new NoticeIndexer(store, parser, 2).sync(corpus, NoticeIndexer.Progress.NONE);
                assertEquals(Map.of("broken.pdf", FailureKind.CORRUPT, "many.docx", FailureKind.TOO_COMPLEX), kinds(r1));
                assertEquals(2, readers.reads());
                IngestReport r2 = new NoticeIndexer(store, parser, 2).sync(corpus, NoticeIndexer.Progress.NONE);
                assertEquals(kinds(r1), kinds(r2));
                assertEquals(r1.failures(), r2.failures(), "the same reasons, remembered");
                assertEquals(2, readers.reads(), "not parsed again");
                assertEquals(2, r2.notRetried());
                assertEquals(0, r2.bytesRead());
            }
            // After a restart (a new store and indexer over the same folder) they are still remembered.
            try (IndexStore store = IndexStore.open(index, cfg, analysis)) {
                IngestReport r3 = new NoticeIndexer(store, parser, 2).sync(corpus, NoticeIndexer.Progress.NONE);
                assertEquals(2, r3.notRetried());
                assertEquals(2, readers.reads());
                // Touched but the same bytes: read to hash, not parsed. Changed: parsed again.
                Files.setLastModifiedTime(corpus.resolve("broken.pdf"), java.nio.file.attribute.FileTime.fromMillis(1_000_000));
                IngestReport r4 = new NoticeIndexer(store, parser, 2).sync(corpus, NoticeIndexer.Progress.NONE);
                assertEquals(2, r4.notRetried());
                assertEquals(2, readers.reads());
                Files.write(corpus.resolve("broken.pdf"), "%PDF-1.4 still not a pdf".getBytes(StandardCharsets.UTF_8));
                IngestReport r5 = new NoticeIndexer(store, parser, 2).sync(corpus, NoticeIndexer.Progress.NONE);
                assertEquals(1, r5.notRetried());
                assertEquals(3, readers.reads());
                // A rebuild tries every file again.
                NoticeIndexer indexer = new NoticeIndexer(store, parser, 2);
                indexer.rebuildOnNextSync();
                IngestReport r6 = indexer.sync(corpus, NoticeIndexer.Progress.NONE);
                assertEquals(0, r6.notRetried());
                assertEquals(5, readers.reads());
            }
            // Remembered under these limits only: with a limit raised (or more heap, or another version), a restart
            // tries the remembered files again, and the package of 20,000 entries is now read.
            org.noticesearch.ingest.formats.ReadLimits l = org.noticesearch.ingest.formats.ReadLimits.from(cfg.settings());
            org.noticesearch.ingest.formats.FormatReaders raised = new org.noticesearch.ingest.formats.FormatReaders(
                    org.noticesearch.ingest.formats.TesseractOcr.fromPath(), new org.noticesearch.ingest.formats.ReadLimits(
                    l.timeLimit(), l.maxPages(), l.maxTextChars(), l.maxInflatedBytes(), 50_000, l.memoryBudgetBytes()));
            org.noticesearch.ingest.NoticeParser raisedParser = new org.noticesearch.ingest.NoticeParser(cfg,
                    cfg.settings().maxFileBytes(), raised);
            try (IndexStore store = IndexStore.open(index, cfg, analysis)) {
                IngestReport r7 = new NoticeIndexer(store, raisedParser, 2).sync(corpus, NoticeIndexer.Progress.NONE);
                assertEquals(0, r7.notRetried());
                assertEquals(2, raised.reads());
                assertEquals(FailureKind.CORRUPT, kinds(r7).get("broken.pdf"));
                assertTrue(kinds(r7).get("many.docx") != FailureKind.TOO_COMPLEX, kinds(r7).toString());
            }
        }
    }
}
