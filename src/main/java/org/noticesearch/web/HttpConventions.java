package org.noticesearch.web;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import java.util.List;
import org.noticesearch.search.BadRequestException;
import org.noticesearch.search.SearchBackend;
import org.noticesearch.util.Hashes;
import org.noticesearch.util.Html;

/**
 * The HTTP conventions shared by the API routes: validators and revalidation (ETag, {@code Cache-Control},
 * 304), unknown parameters refused by name, {@code Allow} on a 405, and a 404 a browser can read.
 */
final class HttpConventions {
    /** The read-only API answers whose body is fixed by the index and the request: they get an ETag. */
    static final List<String> REVALIDATED = List.of("/api/search", "/api/search.csv", "/api/search.jsonl", "/api/search.atom", "/api/trend", "/api/suggest",
            "/api/notices/{id}", "/api/notices/{id}/similar");

    /**
     * Stored, but checked with the server before every reuse: the index changes whenever the corpus watcher picks up
     * a file, so any max-age would show stale hits; revalidating costs a 304 (no search is run) when nothing changed.
     */
    static final String REVALIDATE = "no-cache";

    /** Request attribute: this answer must not be stored (a search cut by its time limit). */
    static final String NO_STORE = "noStore";

    private final SearchBackend searcher;
    /** Part of every tag, so that a restarted server (perhaps a new version, other JSON) never matches an old tag. */
    private final String instance;

    HttpConventions(SearchBackend searcher, long startedAtMillis) {
        this.searcher = searcher;
        this.instance = Long.toString(startedAtMillis, 36);
    }

    /**
     * Sets the weak ETag (the server instance, the index generation and version, the request's path, query string
     * and, for the CSV's links, host) and {@code Cache-Control}; answers 304 without running the handler when the
     * client's {@code If-None-Match} holds the tag. Weak, because gzip and identity bodies differ in bytes only.
     */
    void revalidate(Context ctx) {
        String method = ctx.req().getMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return;
        }
        ctx.header("Cache-Control", REVALIDATE);
        // Without a version of the index there is nothing to validate against: no ETag, never a 304 (a tag that
        // never changed would keep answering 304 with stale hits after every reindex).
        if (!searcher.versioned()) {
            return;
        }
        SearchBackend.Stats stats = searcher.stats();
        String request = ctx.path() + "?" + (ctx.queryString() == null ? "" : ctx.queryString())
                + (ctx.path().endsWith(".csv") ? "@" + ctx.host() : "");
        String tag = "W/\"" + instance + "-" + Long.toString(stats.generation(), 36) + "-"
                + Long.toString(stats.version(), 36) + "-" + digest(request) + "\"";
        ctx.header("ETag", tag);
        if (matches(ctx.header("If-None-Match"), tag)) {
            ctx.status(HttpStatus.NOT_MODIFIED);
            ctx.skipRemainingHandlers();
        }
    }

    /** Weak comparison (RFC 9110 §13.1.2): the opaque parts are equal, with or without {@code W/}. */
    static boolean matches(String ifNoneMatch, String tag) {
        if (ifNoneMatch == null) {
            return false;
        }
        String opaque = tag.startsWith("W/") ? tag.substring(2) : tag;
        for (String t : ifNoneMatch.split(",")) {
            String c = t.strip();
            if (c.equals("*") || (c.startsWith("W/") ? c.substring(2) : c).equals(opaque)) {
                return true;
            }
        }
        return false;
    }

    /** An error, or an answer marked {@link #NO_STORE}, carries no validator and is not stored. */
    static void noStoreUnlessOk(Context ctx) {
        int status = ctx.statusCode();
        boolean ok = status == 200 || status == 304;
        if ((!ok || ctx.attribute(NO_STORE) != null) && !ctx.res().isCommitted()) {
            ctx.res().setHeader("ETag", null);
            if (ctx.path().startsWith("/api/")) {
                ctx.header("Cache-Control", "no-store");
            }
        }
    }

    /** Marks the answer as not to be stored (a partial result): drops the tag now, before a stream commits the headers. */
    static void noStore(Context ctx) {
        ctx.attribute(NO_STORE, true);
        ctx.res().setHeader("ETag", null);
        ctx.header("Cache-Control", "no-store");
    }

    /** A 400 naming the first query parameter the route does not read, with the ones it does. */
    static void onlyKnownParams(Context ctx, List<String> known) {
        for (String name : ctx.queryParamMap().keySet()) {
            if (!known.contains(name)) {
                throw BadRequestException.unknownParameter(name, "未知参数（unknown parameter）；" + ctx.path() + " 可用的参数（known parameters）："
                        + (known.isEmpty() ? "无（none）" : String.join(", ", known)));
            }
        }
    }

    /** The methods a 405's path takes, as Javalin found them. */
    static String allow(HttpResponseException e) {
        String found = e.getDetails().get("availableMethods");
        return found == null || found.isBlank() ? "GET, HEAD" : found.replace(" ", "").replace(",", ", ");
    }

    /** Unknown paths: a page in Chinese for a browser that asks for HTML, {@code {error, message}} JSON otherwise. */
    static void notFound(Context ctx) {
        String accept = ctx.header("Accept");
        if (!ctx.path().startsWith("/api/") && accept != null && accept.contains("text/html")) {
            ctx.header("Content-Security-Policy", WebServer.PAGE_CSP);
            ctx.header("Cache-Control", "no-cache");
            ctx.html(NOT_FOUND_PAGE.replace("{path}", Html.escape(ctx.path())));
        } else {
            ctx.json(new ApiError("not_found", "no such path: " + ctx.path()));
        }
    }

    static final String NOT_FOUND_PAGE = """
            <!doctype html>
            <html lang="zh-CN">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>页面不存在 · 公文检索</title>
            <style>body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;max-width:40rem;margin:4rem auto;padding:0 1rem;color:#222}
            code{background:#f3f3f3;padding:0 .3em}</style></head>
            <body><main>
            <h1>页面不存在</h1>
            <p>没有找到 <code>{path}</code>：链接可能有误，或页面已被移除。</p>
            <p><a href="/">返回公文检索首页</a></p>
            </main></body>
            </html>
            """;

    /** 12 bytes of the SHA-256: enough to tell requests apart in an ETag, short enough to read. */
    private static String digest(String s) {
        return Hashes.sha256Hex(s).substring(0, 24);
    }
}
