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
        Settings.ServerLimits limits = settings.server();
        RateLimiter rate = limits.rateLimited()
                ? new RateLimiter(limits.ratePerSecond(), limits.rateBurst(), System::nanoTime) : null;
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
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
            config.routes.before(ctx -> {
                if (rate != null && ctx.path().startsWith("/api/")) {
                    long wait = rate.acquire(ctx.req().getRemoteAddr());
                    if (wait > 0) {
                        throw new LimitException(HttpStatus.TOO_MANY_REQUESTS, "rate_limited",
                                "请求过于频繁，请 " + wait + " 秒后再试（too many requests from this address; retry in " + wait + " s）", wait);
                    }
                }
                QueryStrings.check(ctx.queryString());
            });
            config.routes.before(ctx -> cors(ctx, web));

            config.routes.options("/api/*", ctx -> preflight(ctx, web));
            config.routes.get("/api/search", h.interactive(h::search));
            config.routes.get("/api/search.csv", h::searchCsv);
            config.routes.get("/api/search.jsonl", h::searchJsonl);
            config.routes.get("/api/search.atom", h.interactive(h::searchAtom));
            config.routes.get("/api/notices/{id}", h.interactive(h::notice));
            config.routes.get("/api/notices/{id}/similar", h.interactive(h::similar));
            config.routes.get("/api/trend", h.interactive(h::trend));
            config.routes.get("/api/suggest", h.interactive(h::suggest));
            config.routes.get("/health", h::health);
            config.routes.get("/openapi.json", h::openapi);
            config.routes.post("/api/admin/reindex", h::reindex);
            config.routes.get("/api/admin/failures", h::failures);

            config.routes.exception(BadRequestException.class, (e, ctx) ->
                    ctx.status(HttpStatus.BAD_REQUEST).json(new ApiError("bad_request", e.getMessage())));
            config.routes.exception(NotFoundException.class, (e, ctx) ->
                    ctx.status(HttpStatus.NOT_FOUND).json(new ApiError("not_found", e.getMessage())));
            config.routes.exception(Handlers.AuthException.class, (e, ctx) ->
                    ctx.status(e.status()).json(new ApiError(e.code(), e.getMessage())));
            config.routes.exception(LimitException.class, (e, ctx) -> {
                ctx.header("Retry-After", String.valueOf(e.retryAfterSeconds()));
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
            config.routes.error(404, ctx -> {
                if (ctx.res().getContentType() == null || !ctx.res().getContentType().startsWith("application/json")) {
                    ctx.json(new ApiError("not_found", "no such path: " + ctx.path()));
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
            ctx.header("Vary", "Origin");
        }
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

    static SearchRequest request(Context ctx, Settings settings) {
        return SearchRequest.fromParams(ctx.queryParamMap(), settings);
    }

    static List<String> params(Context ctx, String name) {
        return ctx.queryParams(name);
    }
}
