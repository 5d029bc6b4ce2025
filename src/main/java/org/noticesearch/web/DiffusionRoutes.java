package org.noticesearch.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.noticesearch.config.Settings;
import org.noticesearch.search.BadRequestException;
import org.noticesearch.search.SearchBackend;
import org.noticesearch.search.SearchRequest;
import org.noticesearch.search.diffusion.Adoption;
import org.noticesearch.search.diffusion.DiffusionService;
import org.noticesearch.search.diffusion.ForwardingTree;
import org.noticesearch.search.diffusion.ServiceDiffusionSource;
import org.noticesearch.search.diffusion.TreeGraphMl;

/**
 * The diffusion routes: {@code GET /api/diffusion} (the adopters of a search, JSON or CSV) and
 * {@code GET /api/notices/{id}/tree} (the forwarding tree of a notice, JSON or GraphML). HTTP only: the work is in
 * {@link DiffusionService}. Unknown parameters, validators and errors follow the other routes.
 */
final class DiffusionRoutes {
    static final String DIFFUSION = "/api/diffusion";
    static final String TREE = "/api/notices/{id}/tree";
    /** The search filters diffusion reads: every match is read, so no page, size, order or cursor. */
    static final List<String> DIFFUSION_PARAMS = Stream.concat(WebServer.SEARCH_PARAMS.stream()
            .filter(p -> !List.of("sort", "page", "size").contains(p)), Stream.of("format", CsvExport.HEADERS_PARAM)).toList();
    static final List<String> TREE_PARAMS = List.of("format", "depth", "nodes");

    private final DiffusionService service;
    private final Settings settings;

    DiffusionRoutes(DiffusionService service, Settings settings) {
        this.service = service;
        this.settings = settings;
    }

    /**
     * Registers the routes on the app {@link WebServer} builds, over the search service the rest of the API uses.
     */
    static void register(JavalinConfig config, SearchBackend backend, Settings settings, HttpConventions conventions) {
        new DiffusionRoutes(new DiffusionService(new ServiceDiffusionSource(backend)), settings).register(config, conventions);
    }

    void register(JavalinConfig config, HttpConventions conventions) {
        Map<String, List<String>> known = Map.of(DIFFUSION, DIFFUSION_PARAMS, TREE, TREE_PARAMS);
        known.forEach((path, params) -> {
            config.routes.before(path, ctx -> HttpConventions.onlyKnownParams(ctx, params));
            config.routes.before(path, conventions::revalidate);
        });
        config.routes.get(DIFFUSION, this::diffusion);
        config.routes.head(DIFFUSION, this::diffusion);
        config.routes.get(TREE, this::tree);
        config.routes.head(TREE, this::tree);
    }

    void diffusion(Context ctx) throws IOException {
        String format = choice(ctx, "format", "json", "csv");
        boolean chinese = DiffusionCsv.chinese(ctx.queryParam(CsvExport.HEADERS_PARAM));
        Map<String, List<String>> params = new LinkedHashMap<>(ctx.queryParamMap());
        params.remove("format");
        params.remove(CsvExport.HEADERS_PARAM);
        SearchRequest request = SearchRequests.parse(params, settings);
        Adoption.Report report = service.adopters(request);
        if (report.partial()) {
            HttpConventions.noStore(ctx);
        }
        if (format.equals("json")) {
            ctx.json(report);
            return;
        }
        ctx.contentType("text/csv; charset=utf-8");
        String named = request.query().isBlank() ? ctx.queryParam("campaign") : request.query();
        ctx.header("Content-Disposition", CsvExport.contentDisposition(
                CsvExport.fileName("传播-" + (named == null ? "" : named), java.time.LocalDate.now(), "csv")));
        ctx.header(Handlers.PARTIAL_HEADER, String.valueOf(report.partial()));
        Writer out = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8));
        DiffusionCsv.write(report, out, chinese);
        out.flush();
    }

    void tree(Context ctx) throws IOException {
        String format = choice(ctx, "format", "json", "graphml");
        int depth = bounded(ctx, "depth", ForwardingTree.DEFAULT_MAX_DEPTH, ForwardingTree.MAX_MAX_DEPTH);
        int size = bounded(ctx, "nodes", ForwardingTree.DEFAULT_MAX_NODES, ForwardingTree.MAX_MAX_NODES);
        ForwardingTree.Tree tree = service.tree(ctx.pathParam("id"), new ForwardingTree.Limits(depth, size));
        if (format.equals("json")) {
            ctx.json(tree);
            return;
        }
        ctx.contentType("application/graphml+xml; charset=utf-8");
        ctx.header("Content-Disposition", CsvExport.contentDisposition(
                CsvExport.fileName("传播树-" + ctx.pathParam("id"), java.time.LocalDate.now(), "graphml")));
        Writer out = new BufferedWriter(new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8));
        try {
            TreeGraphMl.write(tree, out);
        } catch (javax.xml.stream.XMLStreamException e) {
            throw new IOException("the GraphML could not be written", e);
        }
        out.flush();
    }

    /** The parameter's value among the allowed ones (the first when absent); a 400 naming it otherwise. */
    static String choice(Context ctx, String name, String... allowed) {
        String v = ctx.queryParam(name);
        if (v == null || v.isEmpty()) {
            return allowed[0];
        }
        if (!List.of(allowed).contains(v)) {
            throw new BadRequestException(name, "“" + v + "”不是可用的格式，应为 " + String.join(" 或 ", allowed));
        }
        return v;
    }

    /** A whole number from 1 to {@code max}, {@code def} when absent; a 400 naming the parameter otherwise. */
    static int bounded(Context ctx, String name, int def, int max) {
        String v = ctx.queryParam(name);
        if (v == null) {
            return def;
        }
        int n;
        try {
            n = Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new BadRequestException(name, "“" + v + "”不是整数");
        }
        if (n < 1 || n > max) {
            throw new BadRequestException(name, "应在 1 到 " + max + " 之间，这里是 " + n);
        }
        return n;
    }
}
