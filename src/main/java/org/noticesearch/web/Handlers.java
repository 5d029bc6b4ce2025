package org.noticesearch.web;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.noticesearch.config.Settings;
import org.noticesearch.index.IndexMaintainer;
import org.noticesearch.index.IngestReport;
import org.noticesearch.search.ExportRow;
import org.noticesearch.search.BadRequestException;
import org.noticesearch.search.SearchBackend;
import org.noticesearch.search.SearchRequest;

/** One method per endpoint: read parameters, call the searcher, write JSON. */
final class Handlers {
    private final SearchBackend searcher;
    private final IndexMaintainer maintainer;
    private final Settings settings;
    private final WebConfig web;
    private final Settings.ServerLimits limits;
    /** The export slots ({@code export.maxConcurrent}); fair, so that exports run in the order they came. */
    private final Semaphore exports;

    /** API requests being answered other than exports: while there are any, an export gives way between batches. */
    private final AtomicInteger interactive = new AtomicInteger();
    /** An export checks whether to give way every this many rows. */
    static final int EXPORT_PACE_ROWS = 256;
    /** The longest an export pauses at one check. */
    static final long EXPORT_MAX_PAUSE_MS = 50;

    /** Says whether a CSV export stopped at the search time limit (a JSON page says it in {@code partial}). */
    static final String PARTIAL_HEADER = "X-Partial-Results";

    Handlers(SearchBackend searcher, IndexMaintainer maintainer, Settings settings, WebConfig web) {
        this.searcher = searcher;
        this.maintainer = maintainer;
        this.settings = settings;
        this.web = web;
        this.limits = settings.server();
        this.exports = new Semaphore(limits.exportConcurrency(), true);
    }

    /** The handler, counted in {@link #interactive} while it runs. */
    Handler interactive(Handler h) {
        return ctx -> {
            interactive.incrementAndGet();
            try {
                h.handle(ctx);
            } finally {
                interactive.decrementAndGet();
            }
        };
    }

    void search(Context ctx) {
        org.noticesearch.search.SearchPage page = searcher.search(WebServer.request(ctx, settings));
        if (page.partial()) {
            HttpConventions.noStore(ctx); // cut by the time limit: the next try may find more
        }
        ctx.json(ApiJson.page(page));
    }

    /**
     * A saved search as an Atom feed: the same parameters as the search, newest first whatever {@code sort} says (a
     * feed reader shows what is new), {@value AtomFeed#DEFAULT_ENTRIES} entries unless {@code size} says otherwise.
     */
    void searchAtom(Context ctx) throws IOException {
        SearchRequest parsed = WebServer.request(ctx, settings).withSort(org.noticesearch.search.SortOrder.NEWEST);
        SearchRequest r = ctx.queryParam("size") == null ? parsed.withPage(parsed.page(), AtomFeed.DEFAULT_ENTRIES) : parsed;
        if ((long) r.page() * r.size() > settings.maxDepth()) {
            throw new BadRequestException("page", "最多只能翻看前 " + settings.maxDepth() + " 条结果（page × size must be at most "
                    + settings.maxDepth() + "）");
        }
        var page = searcher.search(r);
        if (page.partial()) {
            // A feed cut short by the time limit is not the feed: never reused as if it were.
            HttpConventions.noStore(ctx);
        }
        String origin = ctx.scheme() + "://" + ctx.host();
        String qs = ctx.queryString() == null || ctx.queryString().isEmpty() ? "" : "?" + ctx.queryString();
        ctx.contentType(AtomFeed.CONTENT_TYPE);
        Writer out = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8));
        try {
            AtomFeed.write(out, page, origin, origin + ctx.path() + qs, origin + "/" + qs);
        } catch (javax.xml.stream.XMLStreamException e) {
            throw new IOException("the feed could not be written", e);
        }
        out.flush();
    }

    /** How an export is written: its content type, file extension, and a writer of rows opened on the response. */
    record ExportFormat(String contentType, String extension, RowsOpener rows) {}

    interface RowsOpener {
        /** {@code english}: the CSV's header row in English; {@code linkBase}: scheme and host for the notice links. */
        RowWriter open(Writer out, boolean english, String linkBase) throws IOException;
    }

    interface RowWriter {
        void row(ExportRow row) throws IOException;
    }

    static final ExportFormat CSV = new ExportFormat("text/csv; charset=utf-8", "csv",
            (out, english, linkBase) -> new CsvExport(out, english, linkBase)::row);
    private static final com.fasterxml.jackson.databind.ObjectWriter JSONL_ROW = org.noticesearch.Json.mapper().writerFor(ExportRow.class);
    /** JSON Lines: one ExportRow object per line, UTF-8, no BOM. */
    static final ExportFormat JSONL = new ExportFormat("application/x-ndjson; charset=utf-8", "jsonl", (out, english, linkBase) -> row -> {
        out.write(JSONL_ROW.writeValueAsString(row));
        out.write('\n');
    });

    void searchCsv(Context ctx) throws IOException {
        export(ctx, CSV);
    }

    void searchJsonl(Context ctx) throws IOException {
        export(ctx, JSONL);
    }

    private void export(Context ctx, ExportFormat format) throws IOException {
        SearchRequest parsed = WebServer.request(ctx, settings);
        if ("HEAD".equals(ctx.req().getMethod())) {
            // The headers an export would have, without taking an export slot or reading a single hit.
            ctx.contentType(format.contentType());
            ctx.header("Content-Disposition", CsvExport.contentDisposition(fileName(ctx, format)));
            return;
        }
        if (parsed.cursor() != null) {
            throw new BadRequestException("cursor", "an export streams every hit already; leave cursor out");
        }
        boolean english = CsvExport.english(ctx.queryParam(CsvExport.HEADERS_PARAM));
        // Without an explicit page or size the export holds every hit, however many (beyond the depth limit of pages).
        boolean all = ctx.queryParam("size") == null && ctx.queryParam("page") == null;
        SearchRequest r = all ? parsed.withPage(1, settings.maxDepth()) : parsed;
        // Exports take their turn: a 10,000-row export keeps a core busy for a quarter of a second, and several at
        // once would leave none for the searches queued behind them.
        try {
            if (!exports.tryAcquire(limits.exportWaitMs(), TimeUnit.MILLISECONDS)) {
                throw new Refusal(HttpStatus.SERVICE_UNAVAILABLE, "export_busy",
                        "导出任务繁忙，请稍后再试（all " + limits.exportConcurrency() + " export slots are busy; try again shortly）",
                        Math.max(1, limits.exportWaitMs() / 1000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Refusal(HttpStatus.SERVICE_UNAVAILABLE, "export_busy", "服务器正在停止（the server is stopping）", 1);
        }
        try {
            ExportWriter sink = new ExportWriter(ctx, interactive, format, english, fileName(ctx, format));
            if (all) {
                searcher.exportAll(r, sink);
            } else {
                searcher.export(r, sink);
            }
            sink.finish();
        } finally {
            exports.release();
        }
    }

    /** The export's file name: after the query, else the document number searched for. */
    private static String fileName(Context ctx, ExportFormat format) {
        String named = ctx.queryParam("q") == null || ctx.queryParam("q").isBlank() ? ctx.queryParam("docNumber") : ctx.queryParam("q");
        return CsvExport.fileName(named, java.time.LocalDate.now(), format.extension());
    }

    /**
     * Writes the export (CSV or JSON Lines) to the response as the backend hands over the rows. Every
     * {@link #EXPORT_PACE_ROWS} rows, if searches are waiting to be answered, it pauses as long as those rows took (at
     * most {@link #EXPORT_MAX_PAUSE_MS}): on a small machine an export would otherwise hold a core for its whole run,
     * and the searches queue behind it. Alone, an export runs at full speed; beside searches, at about half.
     */
    private static final class ExportWriter implements SearchBackend.ExportSink {
        private final Context ctx;
        private final AtomicInteger interactive;
        private final ExportFormat format;
        private final boolean english;
        private final String fileName;
        private Writer out;
        private RowWriter rowWriter;
        private int rows;
        private long since = System.nanoTime();

        ExportWriter(Context ctx, AtomicInteger interactive, ExportFormat format, boolean english, String fileName) {
            this.ctx = ctx;
            this.interactive = interactive;
            this.format = format;
            this.english = english;
            this.fileName = fileName;
        }

        @Override
        public void begin(boolean partial) throws IOException {
            ctx.contentType(format.contentType());
            ctx.header("Content-Disposition", CsvExport.contentDisposition(fileName));
            ctx.header(PARTIAL_HEADER, String.valueOf(partial));
            if (partial) {
                HttpConventions.noStore(ctx);
            }
            out = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8), 1 << 16);
            rowWriter = format.rows().open(out, english, ctx.host() == null ? "" : ctx.scheme() + "://" + ctx.host());
        }

        @Override
        public void row(ExportRow n) throws IOException {
            rowWriter.row(n);
            if (++rows % EXPORT_PACE_ROWS == 0) {
                long now = System.nanoTime();
                if (interactive.get() > 0) {
                    try {
                        Thread.sleep(Math.min(EXPORT_MAX_PAUSE_MS, Math.max(1, (now - since) / 1_000_000)));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IOException("interrupted", e);
                    }
                    now = System.nanoTime();
                }
                since = now;
            }
        }

        void finish() throws IOException {
            if (out != null) {
                out.flush();
            }
        }
    }

    void notice(Context ctx) {
        ctx.json(searcher.notice(ctx.pathParam("id"), ctx.queryParam("q")));
    }

    void similar(Context ctx) {
        String id = ctx.pathParam("id");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("similar", searcher.similar(id));
        ctx.json(out);
    }

    void trend(Context ctx) {
        ctx.json(searcher.trend(WebServer.request(ctx, settings)));
    }

    void suggest(Context ctx) {
        String q = ctx.queryParam("q");
        int limit = WebServer.DEFAULT_SUGGEST_LIMIT;
        String l = ctx.queryParam("limit");
        if (l != null) {
            limit = SearchRequest.integer("limit", l);
            if (limit < 1 || limit > WebServer.MAX_SUGGEST_LIMIT) {
                throw new BadRequestException("limit", "应在 1 到 " + WebServer.MAX_SUGGEST_LIMIT + " 之间，这里是 " + limit);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("query", q == null ? "" : q);
        out.put("suggestions", searcher.suggest(q, limit));
        ctx.json(out);
    }

    void openapi(Context ctx) throws java.io.IOException {
        try (var in = Handlers.class.getResourceAsStream("/openapi.json")) {
            ctx.contentType("application/json").result(in.readAllBytes());
        }
    }

    /** Failed files listed by name on the public {@code /health}; the admin list has them all. */
    static final int PUBLIC_FAILURES = 20;

    /**
     * Public: {@code degraded} when the last sync failed or files failed, with counts by kind and short plain reasons
     * only (no library messages, no paths beyond a file's place in the corpus); the full reasons are in the log and
     * on {@code GET /api/admin/failures}.
     */
    void health(Context ctx) {
        SearchBackend.Stats s = searcher.stats();
        Map<String, Object> out = new LinkedHashMap<>();
        IngestReport last = maintainer == null ? null : maintainer.lastReport();
        IndexMaintainer.SyncError error = maintainer == null ? null : maintainer.lastError();
        boolean degraded = error != null || (last != null && !last.failures().isEmpty())
                || (s.cluster() != null && !s.cluster().serving());
        out.put("status", degraded ? "degraded" : "ok");
        out.put("documents", s.documents());
        if (s.cluster() == null) {
            out.put("generation", s.generation());
            out.put("version", s.version());
        } else {
            // A cluster's index has no commit generation or reader version here; its health says more.
            out.put("cluster", s.cluster());
        }
        out.put("indexing", maintainer != null && maintainer.isBusy());
        if (last != null) {
            Map<String, Object> sync = new LinkedHashMap<>();
            sync.put("seen", last.seen());
            sync.put("failedCount", last.failures().size());
            sync.put("failedByKind", last.failuresByKind());
            sync.put("failed", last.failures().stream().limit(PUBLIC_FAILURES)
                    .map(f -> Map.of("source", f.source(), "kind", f.kind(), "reason", f.kind().label())).toList());
            out.put("lastSync", sync);
        }
        if (error != null) {
            out.put("lastSyncError", Map.of("at", error.at().toString(), "reason",
                    "语料同步失败 (the corpus sync failed); the reason is in the server log and on /api/admin/failures"));
        }
        ctx.json(out);
    }

    /** Admin only: every failed file of the last sync with its full reason, and why the last sync failed, if it did. */
    void failures(Context ctx) {
        requireAdmin(ctx);
        IngestReport last = maintainer.lastReport();
        IndexMaintainer.SyncError error = maintainer.lastError();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("lastSyncError", error == null ? null : Map.of("at", error.at().toString(), "reason", error.reason()));
        out.put("failedCount", last == null ? 0 : last.failures().size());
        out.put("failedByKind", last == null ? Map.of() : last.failuresByKind());
        out.put("notRetried", last == null ? 0 : last.notRetried());
        out.put("failures", last == null ? java.util.List.of() : last.failures().stream()
                .map(f -> Map.of("source", f.source(), "kind", f.kind(), "label", f.kind().label(), "reason", f.reason())).toList());
        ctx.json(out);
    }

    void reindex(Context ctx) {
        requireAdmin(ctx);
        if (!maintainer.rebuildAsync()) {
            ctx.status(HttpStatus.CONFLICT).json(new ApiError("busy", "the index is already being synced or rebuilt; try again when GET /health shows indexing=false"));
            return;
        }
        ctx.status(HttpStatus.ACCEPTED).json(Map.of("status", "rebuilding", "message",
                "the index is being rebuilt from the corpus; GET /health shows indexing=false when done"));
    }

    /** The admin checks, the same for every admin endpoint: enabled, same origin, the Bearer token. */
    private void requireAdmin(Context ctx) {
        if (web.adminToken() == null || maintainer == null) {
            throw new Refusal(HttpStatus.FORBIDDEN, "admin_disabled",
                    "admin endpoints are disabled: start the server with --admin-token or NOTICE_ADMIN_TOKEN", 0);
        }
        if (ctx.header("Origin") != null && !sameOrigin(ctx)) {
            throw new Refusal(HttpStatus.FORBIDDEN, "cors_forbidden", "admin endpoints do not accept cross-origin calls", 0);
        }
        String auth = ctx.header("Authorization");
        String expected = "Bearer " + web.adminToken();
        if (auth == null || !MessageDigest.isEqual(auth.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))) {
            ctx.header("WWW-Authenticate", "Bearer");
            throw new Refusal(HttpStatus.UNAUTHORIZED, "unauthorized", "send the admin token as 'Authorization: Bearer <token>'", 0);
        }
    }

    private static boolean sameOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        String host = ctx.header("Host");
        return origin != null && host != null && (origin.equals("http://" + host) || origin.equals("https://" + host));
    }
}
