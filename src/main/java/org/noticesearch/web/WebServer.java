package org.noticesearch.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.nio.ByteBuffer;
import java.util.List;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.component.LifeCycle;
import java.util.Map;
import org.noticesearch.Json;
import org.noticesearch.config.Settings;
import org.noticesearch.index.IndexMaintainer;
import org.noticesearch.search.BadRequestException;
import org.noticesearch.search.NotFoundException;
import org.noticesearch.search.SearchBackend;
import org.noticesearch.search.SearchRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the configured Javalin app: the JSON API, the static search page and embed script, CORS for
 * the read-only API, and one place that maps errors to {@code {error, message}}. Handlers only translate
 * HTTP to calls on {@link SearchBackend}; the maintainer (may be null) serves the admin endpoint.
 */
public final class WebServer {
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    public static final int DEFAULT_SUGGEST_LIMIT = 8;
    public static final int MAX_SUGGEST_LIMIT = 20;
    /** Pages may load scripts and styles only from this origin; the API answers with JSON, never HTML. */
    static final String PAGE_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; frame-ancestors 'self'; base-uri 'none'; form-action 'self'";

    private WebServer() {}

    public static Javalin create(SearchBackend searcher, IndexMaintainer maintainer, Settings settings, WebConfig web) {
        ObjectMapper mapper = Json.mapper();
        Handlers h = new Handlers(searcher, maintainer, settings, web);
        HttpConventions conventions = new HttpConventions(searcher, System.currentTimeMillis());
        OriginalFiles originals = new OriginalFiles(searcher, maintainer == null ? null : maintainer.corpus());
        Settings.ServerLimits limits = settings.server();
        RateLimiter rate = limits.rateLimited()
                ? new RateLimiter(limits.ratePerSecond(), limits.rateBurst(), System::nanoTime) : null;
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            // A POST on a GET route is a 405 with Allow (see the MethodNotAllowedResponse mapper below), not a 404.
            config.http.prefer405over404 = true;
            protect(config, limits);
            config.jsonMapper(new JavalinJackson(mapper, false));
            config.staticFiles.add(sf -> {
                sf.hostedPath = "/";
                sf.directory = "/web";
                sf.location = Location.CLASSPATH;
                // Say UTF-8 explicitly: an intranet page saved in GBK must not make the browser misread embed.js.
                sf.mimeTypes.add("text/html; charset=utf-8", "html");
                sf.mimeTypes.add("text/javascript; charset=utf-8", "js");
                sf.mimeTypes.add("text/css; charset=utf-8", "css");
                // nosniff is added to every response by the Jetty customizer in protect().
                sf.headers = Map.of("Content-Security-Policy", PAGE_CSP, "Referrer-Policy", "same-origin", "Cache-Control", "no-cache");
            });
            // CORS headers first, so that a 429 or a 400 from the checks below can be read by a page on another origin.
            config.routes.before(ctx -> cors(ctx, web));
            config.routes.before(ctx -> {
                // A preflight is the browser's, not a request the client chose to send: it costs no token.
                if (rate != null && ctx.path().startsWith("/api/") && !"OPTIONS".equals(ctx.req().getMethod())) {
                    long wait = rate.acquire(ctx.req().getRemoteAddr());
                    if (wait > 0) {
                        throw new Refusal(HttpStatus.TOO_MANY_REQUESTS, "rate_limited",
                                "请求过于频繁，请 " + wait + " 秒后再试（too many requests from this address; retry in " + wait + " s）", wait);
                    }
                }
                QueryStrings.check(ctx.queryString());
            });
            KNOWN_PARAMS.forEach((path, known) -> config.routes.before(path, ctx -> HttpConventions.onlyKnownParams(ctx, known)));
            for (String path : HttpConventions.REVALIDATED) {
                config.routes.before(path, ctx -> conventions.revalidate(ctx));
            }
            config.routes.after(HttpConventions::noStoreUnlessOk);

            config.routes.options("/api/*", ctx -> preflight(ctx, web));
            // Every GET route answers HEAD with the same headers (Jetty sends no body for a HEAD).
            Map<String, io.javalin.http.Handler> gets = new java.util.LinkedHashMap<>();
            gets.put("/api/search", h.interactive(h::search));
            gets.put("/api/search.csv", h::searchCsv);
            gets.put("/api/search.jsonl", h::searchJsonl);
            gets.put("/api/search.atom", h.interactive(h::searchAtom));
            gets.put("/api/notices/{id}", h.interactive(h::notice));
            gets.put("/api/notices/{id}/similar", h.interactive(h::similar));
            gets.put("/api/notices/{id}/original", originals::original);
            gets.put("/api/trend", h.interactive(h::trend));
            gets.put("/api/suggest", h.interactive(h::suggest));
            gets.put("/health", h::health);
            gets.put("/openapi.json", h::openapi);
            gets.forEach((path, handler) -> {
                config.routes.get(path, handler);
                config.routes.head(path, handler);
            });
            DiffusionRoutes.register(config, searcher, settings, conventions);
            config.routes.post("/api/admin/reindex", h::reindex);
            config.routes.get("/api/admin/failures", h::failures);

            config.routes.exception(BadRequestException.class, (e, ctx) ->
                    ctx.status(HttpStatus.BAD_REQUEST).json(new ApiError("bad_request", e.getMessage())));
            config.routes.exception(NotFoundException.class, (e, ctx) ->
                    ctx.status(HttpStatus.NOT_FOUND).json(new ApiError("not_found", e.getMessage())));
            config.routes.exception(Refusal.class, (e, ctx) -> {
                if (e.retryAfterSeconds() > 0) {
                    ctx.header("Retry-After", String.valueOf(e.retryAfterSeconds()));
                }
                ctx.status(e.status()).json(new ApiError(e.code(), e.getMessage()));
            });
            config.routes.exception(EofException.class, (e, ctx) ->
                    // The client closed the connection mid-answer (a cancelled download): nothing to answer, nothing broken.
                    LOG.debug("{} {}: the client went away", ctx.method(), ctx.path()));
            config.routes.exception(Exception.class, (e, ctx) -> {
                // Never echo an internal exception: it may carry paths or stack details.
                LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                ctx.status(HttpStatus.INTERNAL_SERVER_ERROR)
                        .json(new ApiError("internal_error", "the server could not answer this request; the error is in its log"));
            });
            config.routes.exception(io.javalin.http.MethodNotAllowedResponse.class, (e, ctx) -> {
                if (HttpConventions.allow(e).equals("OPTIONS")) {
                    // Only the CORS preflight's /api/* matched: no such path.
                    ctx.status(HttpStatus.NOT_FOUND);
                    HttpConventions.notFound(ctx);
                    return;
                }
                ctx.header("Allow", HttpConventions.allow(e));
                ctx.status(HttpStatus.METHOD_NOT_ALLOWED).json(new ApiError("method_not_allowed",
                        ctx.method() + " is not allowed on " + ctx.path() + "; allowed: " + HttpConventions.allow(e)));
            });
            // Javalin's own "endpoint not found" (its JSON shape, for a client that accepts JSON) becomes ours.
            config.routes.exception(io.javalin.http.NotFoundResponse.class, (e, ctx) -> {
                ctx.status(HttpStatus.NOT_FOUND);
                HttpConventions.notFound(ctx);
            });
            config.routes.error(404, ctx -> {
                if (ctx.res().getContentType() == null || !ctx.res().getContentType().startsWith("application/json")) {
                    HttpConventions.notFound(ctx);
                }
            });
            config.routes.error(405, ctx -> ctx.json(new ApiError("method_not_allowed", ctx.method() + " is not allowed on " + ctx.path())));
        });
    }

    /** Sent on every response: browsers must take the declared content type, never guess one from the bytes. */
    static final String NOSNIFF = "X-Content-Type-Options";
    /** Headers that ask to route a request as another method (Javalin honours the first); stripped before routing. */
    static final List<String> METHOD_OVERRIDES = List.of("X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override");

    /**
     * Jetty's side of the limits: a cap on open connections, a header-read timeout (the connector's idle timeout,
     * which holds while a connection is idle or still sending its request headers) and a longer idle timeout while a
     * request is answered (Jetty swaps it in for the duration of each request). A Jetty customizer, which sees every
     * exchange before any handler (also Jetty's own error pages), adds {@code nosniff} and drops method overrides:
     * a GET must never be routed as a POST.
     */
    private static void protect(io.javalin.config.JavalinConfig config, Settings.ServerLimits limits) {
        config.jetty.modifyHttpConfiguration(http -> {
            http.setIdleTimeout(limits.idleTimeoutMs());
            http.addCustomizer((request, responseHeaders) -> {
                responseHeaders.put(NOSNIFF, "nosniff");
                // Javalin gzips a response over its size threshold when the client accepts it: a cache must key on that.
                responseHeaders.add("Vary", "Accept-Encoding");
                HttpFields headers = request.getHeaders();
                if (METHOD_OVERRIDES.stream().noneMatch(headers::contains)) {
                    return request;
                }
                HttpFields.Mutable without = HttpFields.build(headers);
                METHOD_OVERRIDES.forEach(without::remove);
                HttpFields fields = without.asImmutable();
                return new Request.Wrapper(request) {
                    @Override
                    public HttpFields getHeaders() {
                        return fields;
                    }
                };
            });
        });
        config.jetty.modifyServer(server -> {
            server.setErrorHandler(new NosniffErrorHandler());
            server.addBean(new NetworkConnectionLimit(limits.maxConnections(), server));
            // The connectors are added when the server starts; give each the header-read timeout then.
            server.addEventListener(new LifeCycle.Listener() {
                @Override
                public void lifeCycleStarting(LifeCycle event) {
                    for (Connector c : server.getConnectors()) {
                        if (c instanceof AbstractConnector ac) {
                            ac.setIdleTimeout(limits.headerTimeoutMs());
                        }
                    }
                }
            });
        });
    }

    /**
     * Jetty's own error pages (a request it cannot parse, headers over its limit), which no customizer or handler
     * sees: with {@code nosniff} too, and never a stack trace.
     */
    private static final class NosniffErrorHandler extends ErrorHandler {
        NosniffErrorHandler() {
            setShowStacks(false);
            setShowCauses(false);
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            response.getHeaders().put(NOSNIFF, "nosniff");
            return super.handle(request, response, callback);
        }

        @Override
        public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
            fields.put(NOSNIFF, "nosniff");
            return super.badMessageError(status, reason, fields);
        }
    }

    /** Read-only API calls may come from the configured origins; admin calls never cross origins. */
    private static void cors(Context ctx, WebConfig web) {
        String path = ctx.path();
        String origin = ctx.header("Origin");
        if (!path.startsWith("/api/") || path.startsWith("/api/admin/") || origin == null) {
            return;
        }
        if (web.anyOrigin()) {
            ctx.header("Access-Control-Allow-Origin", "*");
        } else if (web.allows(origin)) {
            ctx.header("Access-Control-Allow-Origin", origin);
            ctx.res().addHeader("Vary", "Origin"); // beside the Vary: Accept-Encoding every response carries
        }
        // A page on another origin may read when to try again after a 429 or a busy export.
        ctx.header("Access-Control-Expose-Headers", "Retry-After");
    }

    private static void preflight(Context ctx, WebConfig web) {
        String origin = ctx.header("Origin");
        if (ctx.path().startsWith("/api/admin/") || !web.allows(origin)) {
            ctx.status(HttpStatus.FORBIDDEN).json(new ApiError("cors_forbidden",
                    "cross-origin calls to " + ctx.path() + " are not allowed from " + origin));
            return;
        }
        ctx.header("Access-Control-Allow-Methods", "GET, OPTIONS");
        ctx.header("Access-Control-Allow-Headers", "Content-Type");
        ctx.header("Access-Control-Max-Age", "600");
        ctx.status(HttpStatus.NO_CONTENT);
    }

    /** The search filters: what {@link SearchRequests#parse} reads. */
    static final List<String> SEARCH_PARAMS = List.of("q", "scope", "docNumber", "issuer", "province", "type", "campaign",
            "from", "to", "sort", "page", "size");

    private static List<String> plus(List<String> base, String... more) {
        return java.util.stream.Stream.concat(base.stream(), java.util.stream.Stream.of(more)).toList();
    }

    /**
     * The query parameters each API route reads; any other is a 400 naming it, since a misspelt filter
     * ({@code isuer=}) silently ignored widens the search without a word.
     */
    static final Map<String, List<String>> KNOWN_PARAMS = Map.of(
            "/api/search", plus(SEARCH_PARAMS, SearchRequest.FACET_LIMIT_PARAM, "cursor"),
            "/api/search.csv", plus(SEARCH_PARAMS, CsvExport.HEADERS_PARAM),
            "/api/search.jsonl", SEARCH_PARAMS,
            "/api/search.atom", plus(SEARCH_PARAMS, "cursor"),
            "/api/trend", SEARCH_PARAMS,
            "/api/suggest", List.of("q", "limit"),
            "/api/notices/{id}", List.of("q"),
            "/api/notices/{id}/similar", List.of(),
            "/api/notices/{id}/original", List.of("download"));

    static SearchRequest request(Context ctx, Settings settings) {
        return SearchRequests.parse(ctx.queryParamMap(), settings);
    }
}
