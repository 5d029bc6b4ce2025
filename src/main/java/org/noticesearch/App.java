package org.noticesearch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.noticesearch.config.ConfigException;
import org.noticesearch.index.IndexMaintainer;
import org.noticesearch.index.IngestReport;
import org.noticesearch.search.Backend;
import org.noticesearch.search.BadRequestException;
import org.noticesearch.search.DateBound;
import org.noticesearch.search.Scope;
import org.noticesearch.search.SearchPage;
import org.noticesearch.search.SearchRequest;
import org.noticesearch.search.SortOrder;
import org.noticesearch.web.ApiJson;
import org.noticesearch.web.WebConfig;
import org.noticesearch.web.WebServer;
import org.noticesearch.config.IndexConfig;
import org.noticesearch.ingest.ParseReport;
import org.noticesearch.ingest.NoticeParser;
import org.noticesearch.opensearch.OpenSearchClient;
import org.noticesearch.opensearch.OpenSearchIndexer;
import org.noticesearch.opensearch.OpenSearchService;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The command line: parse | index | search | serve. Builds the objects each command needs and passes them in. */
@Command(name = "notice-search", mixinStandardHelpOptions = true, version = "notice-search 0.1.0",
        description = "Full-text search over Chinese official notices (公文).",
        subcommands = {App.ParseCommand.class, App.IndexCommand.class, App.SearchCommand.class, App.ServeCommand.class,
                DiffusionCommand.class, App.HealthcheckCommand.class, CommandLine.HelpCommand.class})
public final class App implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.setOut(new PrintStream(System.out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(System.err, true, StandardCharsets.UTF_8));
        // Held in a local so that the logger (JUL keeps only weak references) keeps its level for the whole run.
        java.util.logging.Logger lucene = quietLucene();
        CommandLine cli = commandLine();
        int code = cli.execute(args);
        // The commands write through picocli's writers, which flush only on println: System.exit would drop the rest.
        cli.getOut().flush();
        cli.getErr().flush();
        java.lang.ref.Reference.reachabilityFence(lucene);
        System.exit(code);
    }

    /** The java.util.logging logger through which Lucene says whether it uses the Vector API. */
    static final String LUCENE_VECTORIZATION_LOGGER = "org.apache.lucene.internal.vectorization";

    /**
     * Lucene says through java.util.logging, at INFO (Vector API used) or WARNING (module not readable), how it
     * vectorises: noise on every command, and nothing a user of this tool acts on (bin/notice-search adds the module
     * where it pays). Only that logger is quietened: Lucene's other warnings still show.
     */
    static java.util.logging.Logger quietLucene() {
        java.util.logging.Logger lucene = java.util.logging.Logger.getLogger(LUCENE_VECTORIZATION_LOGGER);
        lucene.setLevel(java.util.logging.Level.SEVERE);
        return lucene;
    }

    /** The configured command line (also what tests execute in-process, with their own out and err). */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new App());
        // An unknown option is an error naming it (picocli's default); a query starting with '-' goes after '--'.
        cli.setParameterExceptionHandler(App::usageError);
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof ConfigException || e instanceof IOException) {
                cmd.getErr().println("error: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return cli;
    }

    /** One line naming the bad option or value, and where to read more: no usage dump that buries the message. */
    private static int usageError(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        java.io.PrintWriter err = cmd.getErr();
        err.println("error: " + ex.getMessage());
        boolean unknownOption = ex instanceof CommandLine.UnmatchedArgumentException u
                && u.getUnmatched().stream().anyMatch(a -> a.startsWith("-"));
        String help = cmd.getParent() == null ? "notice-search --help" : "notice-search help " + cmd.getCommandName();
        if (unknownOption && cmd.getCommandName().equals("search")) {
            err.println("hint: the options are listed by '" + help + "'; a query word that starts with '-' goes after '--', "
                    + "e.g. notice-search search -- 巾帼 -脱贫");
        } else {
            err.println("hint: see '" + help + "'");
        }
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** Options shared by the commands that read {@code index-config/}. */
    static class ConfigOption {
        @Option(names = "--config", description = "index-config folder (default: ${DEFAULT-VALUE}; env NOTICE_CONFIG)",
                defaultValue = "${env:NOTICE_CONFIG:-index-config}")
        Path config;

        IndexConfig load() {
            return IndexConfig.load(config);
        }
    }

    /** Where the corpus and index live. */
    static class CorpusOptions {
        @Option(names = "--corpus", description = "corpus folder (default: ${DEFAULT-VALUE}; env NOTICE_CORPUS)",
                defaultValue = "${env:NOTICE_CORPUS:-corpus}")
        Path corpus;

        @Option(names = "--index", description = "index folder (default: ${DEFAULT-VALUE}; env NOTICE_INDEX)",
                defaultValue = "${env:NOTICE_INDEX:-data/index}")
        Path index;
    }

    /** The index, query and filters that {@code search} and {@code diffusion} share, and their {@code --json}. */
    static class QueryOptions {
        @Option(names = "--index", description = "index folder (default: ${DEFAULT-VALUE}; env NOTICE_INDEX)",
                defaultValue = "${env:NOTICE_INDEX:-data/index}")
        Path index;

        @Option(names = "--issuer", description = "issuer filter (canonical name or alias); repeatable")
        List<String> issuers = List.of();

        @Option(names = "--province")
        String province;

        @Option(names = "--type", description = "document type (文种), e.g. 通知")
        String type;

        @Option(names = "--campaign")
        String campaign;

        @Option(names = "--from", description = "YYYY, YYYY-MM or YYYY-MM-DD (inclusive)")
        String from;

        @Option(names = "--to", description = "YYYY, YYYY-MM or YYYY-MM-DD (inclusive)")
        String to;

        @Option(names = "--json", description = "print the JSON the HTTP API returns")
        boolean json;

        @Parameters(arity = "0..*", paramLabel = "QUERY")
        List<String> words = List.of();

        /** The query and these filters, not yet validated: a bad date is a {@link BadRequestException}. */
        SearchRequest request() {
            return SearchRequest.of(String.join(" ", words)).withIssuers(issuers)
                    .withFilters(province, type, campaign, DateBound.parse("from", from, false), DateBound.parse("to", to, true));
        }
    }

    /** Which engine holds the index: the embedded Lucene index (default) or an OpenSearch cluster. */
    static class BackendOptions {
        @Option(names = "--backend", description = "embedded (default) or opensearch (env NOTICE_BACKEND)",
                defaultValue = "${env:NOTICE_BACKEND:-embedded}")
        String backend;

        @Option(names = "--opensearch-url", description = "OpenSearch node URLs, comma-separated, e.g. http://host:9200 "
                + "(env NOTICE_OPENSEARCH_URL)", defaultValue = "${env:NOTICE_OPENSEARCH_URL}")
        String urls;

        @Option(names = "--opensearch-index", description = "OpenSearch index name (default: ${DEFAULT-VALUE}; env NOTICE_OPENSEARCH_INDEX)",
                defaultValue = "${env:NOTICE_OPENSEARCH_INDEX:-" + OpenSearchIndexer.DEFAULT_INDEX + "}")
        String index;

        @Option(names = "--opensearch-shards", description = "primary shards when the index is created (default: ${DEFAULT-VALUE})",
                defaultValue = "${env:NOTICE_OPENSEARCH_SHARDS:-" + OpenSearchIndexer.DEFAULT_SHARDS + "}")
        int shards;

        @Option(names = "--opensearch-replicas", description = "replicas per shard when the index is created (default: ${DEFAULT-VALUE})",
                defaultValue = "${env:NOTICE_OPENSEARCH_REPLICAS:-" + OpenSearchIndexer.DEFAULT_REPLICAS + "}")
        int replicas;

        @Option(names = "--opensearch-user", description = "user for HTTP basic auth to the cluster (env NOTICE_OPENSEARCH_USER); "
                + "the password is read from env " + OpenSearchClient.PASSWORD_ENV + " or --opensearch-password-file",
                defaultValue = "${env:NOTICE_OPENSEARCH_USER}")
        String user;

        @Option(names = "--opensearch-password-file", description = "file whose first line is the password (env NOTICE_OPENSEARCH_PASSWORD_FILE)",
                defaultValue = "${env:NOTICE_OPENSEARCH_PASSWORD_FILE}")
        Path passwordFile;

        @Option(names = "--opensearch-ca", description = "PEM file of the CA that signed the cluster's certificate, for https:// URLs "
                + "(env NOTICE_OPENSEARCH_CA; default: the JDK's trusted CAs)", defaultValue = "${env:NOTICE_OPENSEARCH_CA}")
        Path ca;

        @Option(names = "--opensearch-timeout", description = "seconds one request may take (default: ${DEFAULT-VALUE}; env NOTICE_OPENSEARCH_TIMEOUT)",
                defaultValue = "${env:NOTICE_OPENSEARCH_TIMEOUT:-" + OpenSearchClient.DEFAULT_REQUEST_TIMEOUT_SECONDS + "}")
        int timeoutSeconds;

        @Option(names = "--opensearch-connect-timeout", description = "seconds to wait for a node to accept a connection before trying "
                + "the next (default: ${DEFAULT-VALUE}; env NOTICE_OPENSEARCH_CONNECT_TIMEOUT)",
                defaultValue = "${env:NOTICE_OPENSEARCH_CONNECT_TIMEOUT:-" + OpenSearchClient.DEFAULT_CONNECT_TIMEOUT_SECONDS + "}")
        int connectTimeoutSeconds;

        @Option(names = "--opensearch-retries", description = "rounds over the nodes after the first, with growing waits, for a request "
                + "not answered or refused for overload or unavailability (default: ${DEFAULT-VALUE}; env NOTICE_OPENSEARCH_RETRIES)",
                defaultValue = "${env:NOTICE_OPENSEARCH_RETRIES:-" + OpenSearchClient.DEFAULT_RETRIES + "}")
        int retries;

        /** Null for the embedded index; the cluster options for OpenSearch; a usage error otherwise. */
        OpenSearchService.Options openSearch(CommandLine.Model.CommandSpec spec) {
            switch (backend.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "embedded":
                    return null;
                case "opensearch":
                    try {
                        return new OpenSearchService.Options(urls == null ? List.of() : OpenSearchClient.parseUrls(urls), index, shards, replicas,
                                OpenSearchClient.Settings.of(user, passwordFile, System.getenv(OpenSearchClient.PASSWORD_ENV), ca,
                                        connectTimeoutSeconds, timeoutSeconds, retries));
                    } catch (IllegalArgumentException e) {
                        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
                    }
                default:
                    throw new CommandLine.ParameterException(spec.commandLine(), "--backend: '" + backend + "' is not embedded or opensearch");
            }
        }
    }

    /** How a command uses the index: to write it (index, serve) or only to search it beside whatever writes it. */
    enum Access { WRITE, SEARCH }

    /** The backend the options choose, opened once: the one place that tells the embedded index from a cluster. */
    static Backend openBackend(BackendOptions options, CommandLine.Model.CommandSpec spec, IndexConfig cfg, Path index,
                               int threads, Access access) throws IOException {
        OpenSearchService.Options os = options.openSearch(spec);
        if (os != null) {
            return OpenSearchService.connect(cfg, os, threads, access == Access.WRITE);
        }
        return access == Access.WRITE ? NoticeService.open(cfg, index, threads) : NoticeService.openReadOnly(cfg, index);
    }

    @Command(name = "index", mixinStandardHelpOptions = true, description = "Bring the index in line with the corpus: add new files, update changed ones, delete removed ones.")
    static final class IndexCommand implements Callable<Integer> {
        @CommandLine.Mixin
        ConfigOption config = new ConfigOption();

        @CommandLine.Mixin
        CorpusOptions where = new CorpusOptions();

        @Option(names = "--threads", description = "indexing threads (default: number of cores)")
        int threads = Runtime.getRuntime().availableProcessors();

        @CommandLine.Mixin
        BackendOptions backend = new BackendOptions();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            IndexConfig cfg = config.load();
            try (Backend b = openBackend(backend, spec, cfg, where.index, threads, Access.WRITE)) {
                IngestReport report = b.sync(where.corpus, Progress.forTerminal());
                Progress.clearLine();
                if (report == null) {
                    spec.commandLine().getErr().println("error: no corpus folder at " + where.corpus);
                    return 2;
                }
                spec.commandLine().getOut().print(report.summary());
                return report.seen() > 0 && report.failures().size() == report.seen() ? 1 : 0;
            }
        }
    }

    @Command(name = "search", mixinStandardHelpOptions = true, description = "Search the index and print hits with metadata and snippets.")
    static final class SearchCommand implements Callable<Integer> {
        @CommandLine.Mixin
        ConfigOption config = new ConfigOption();

        @CommandLine.Mixin
        QueryOptions query = new QueryOptions();

        @Option(names = "--doc-number", description = "document number filter, whole or partial")
        String docNumber;

        @Option(names = "--sort", description = "relevance (default), newest or oldest")
        String sort;

        @Option(names = "--scope", description = "where the query is looked for: all (default, 全文), title (标题) or docNumber (文号)")
        String scope;

        @Option(names = "--page", defaultValue = "1")
        String page;

        @Option(names = "--size", defaultValue = "10")
        String size;

        @CommandLine.Mixin
        BackendOptions backend = new BackendOptions();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            IndexConfig cfg = config.load();
            SearchRequest request;
            try {
                request = query.request().withDocNumber(docNumber)
                        .withSort(SortOrder.parse(sort)).withScope(Scope.parse(scope))
                        .withPage(SearchRequest.integer("page", page), SearchRequest.integer("size", size))
                        .validated(cfg.settings());
            } catch (BadRequestException e) {
                spec.commandLine().getErr().println("error: " + e.getMessage());
                return 2;
            }
            try (Backend b = openBackend(backend, spec, cfg, query.index, 1, Access.SEARCH)) {
                boolean colour = System.console() != null;
                print(query.json ? b.service().search(request) : b.service().search(request, TerminalPrinter.markup(colour)));
                return 0;
            }
        }

        private void print(SearchPage result) throws IOException {
            if (query.json) {
                spec.commandLine().getOut().println(Json.mapper().writerWithDefaultPrettyPrinter()
                        .writeValueAsString(ApiJson.page(result)));
            } else {
                TerminalPrinter.print(result, spec.commandLine().getOut());
            }
        }
    }

    @Command(name = "serve", mixinStandardHelpOptions = true, description = "Index the corpus if needed, watch it for changes, and serve the search site and API.")
    static final class ServeCommand implements Callable<Integer> {
        @CommandLine.Mixin
        ConfigOption config = new ConfigOption();

        @CommandLine.Mixin
        CorpusOptions where = new CorpusOptions();

        @Option(names = "--host", description = "address to listen on (default: ${DEFAULT-VALUE}; env NOTICE_HOST)",
                defaultValue = "${env:NOTICE_HOST:-" + WebConfig.DEFAULT_HOST + "}")
        String host;

        @Option(names = "--port", description = "port (default: ${DEFAULT-VALUE}; env NOTICE_PORT)",
                defaultValue = "${env:NOTICE_PORT:-8080}")
        int port;

        @Option(names = "--allowed-origins", split = ",", description = "origins allowed to call the read-only API "
                + "from a browser, comma-separated, or * for any (default: ${DEFAULT-VALUE}; env NOTICE_ALLOWED_ORIGINS)",
                defaultValue = "${env:NOTICE_ALLOWED_ORIGINS:-*}")
        List<String> allowedOrigins;

        @Option(names = "--admin-token", description = "bearer token for POST /api/admin/reindex; admin is disabled "
                + "without one (env NOTICE_ADMIN_TOKEN)", defaultValue = "${env:NOTICE_ADMIN_TOKEN}")
        String adminToken;

        @Option(names = "--threads", description = "indexing threads (default: number of cores)")
        int threads = Runtime.getRuntime().availableProcessors();

        @Option(names = "--no-watch", description = "do not watch the corpus folder for changes")
        boolean noWatch;

        @CommandLine.Mixin
        BackendOptions backend = new BackendOptions();

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (port < 0 || port > 65535) {
                throw new CommandLine.ParameterException(new CommandLine(this), "--port: " + port + " is not a port number");
            }
            IndexConfig cfg = config.load();
            // Before the corpus sync, which may take minutes: a taken port should fail at once, not after it.
            try (var probe = new java.net.ServerSocket()) {
                probe.setReuseAddress(true);
                probe.bind(new java.net.InetSocketAddress(host, port));
            } catch (java.net.BindException e) {
                throw new IOException(portInUse());
            }
            WebConfig web = new WebConfig(host, port, allowedOrigins.stream().map(String::strip).toList(), adminToken);
            try (Backend b = openBackend(backend, spec, cfg, where.index, threads, Access.WRITE)) {
                IndexMaintainer maintainer = b.maintain(where.corpus, !noWatch);
                var app = start(WebServer.create(b.service(), maintainer, cfg.settings(), web));
                org.slf4j.LoggerFactory.getLogger(App.class).info("serving {} notices on http://{}:{}/ from {} (corpus {})",
                        b.service().stats().documents(), host, app.port(), b.where(), where.corpus);
                Runtime.getRuntime().addShutdownHook(new Thread(app::stop));
                Thread.currentThread().join();
            }
            return 0;
        }

        private String portInUse() {
            return "port " + port + " on " + host + " is already in use (is another notice-search running?); "
                    + "stop that process, or serve on another port with --port N or NOTICE_PORT=N";
        }

        /** Starts the server; a port taken by another process is one line saying so, not Jetty's stack trace. */
        private io.javalin.Javalin start(io.javalin.Javalin app) throws IOException {
            try {
                return app.start(host, port);
            } catch (RuntimeException e) {
                for (Throwable t = e; t != null; t = t.getCause()) {
                    if (t instanceof java.net.BindException) {
                        app.stop();
                        throw new IOException(portInUse());
                    }
                }
                throw e;
            }
        }
    }

    @Command(name = "healthcheck", mixinStandardHelpOptions = true, description = "Exit 0 if the service answers /health with status ok (for container health checks).")
    static final class HealthcheckCommand implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = "--url", defaultValue = "http://127.0.0.1:${env:NOTICE_PORT:-8080}/health",
                description = "health URL (default: ${DEFAULT-VALUE})")
        String url;

        @Override
        public Integer call() {
            try {
                var client = java.net.http.HttpClient.newBuilder().connectTimeout(java.time.Duration.ofSeconds(3)).build();
                var response = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                        .timeout(java.time.Duration.ofSeconds(5)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
                // A degraded service (some files failed to index) still answers searches: healthy for a container.
                boolean ok = response.statusCode() == 200 && java.util.Set.of("ok", "degraded").contains(Json.mapper().readTree(response.body()).path("status").asText());
                spec.commandLine().getOut().println(response.body());
                return ok ? 0 : 1;
            } catch (java.net.ConnectException | java.net.http.HttpConnectTimeoutException e) {
                // The JDK's message is null here: say what failed.
                spec.commandLine().getErr().println("unhealthy: cannot connect to " + url + " (is the server running on that port?)");
                return 1;
            } catch (java.net.http.HttpTimeoutException e) {
                spec.commandLine().getErr().println("unhealthy: no answer from " + url + " within 5 s");
                return 1;
            } catch (IOException | IllegalArgumentException e) {
                spec.commandLine().getErr().println("unhealthy: " + url + ": " + (e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName()));
                return 1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 1;
            }
        }
    }

    @Command(name = "parse", mixinStandardHelpOptions = true, description = "Parse notice files and print one JSON record per notice (JSON Lines).")
    static final class ParseCommand implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        ConfigOption config = new ConfigOption();

        @Option(names = "--pretty", description = "indent the JSON for reading")
        boolean pretty;

        @Parameters(arity = "1..*", paramLabel = "FILE_OR_DIR")
        List<Path> inputs;

        @Override
        public Integer call() throws IOException {
            NoticeParser parser = new NoticeParser(config.load());
            ObjectMapper mapper = Json.mapper();
            ObjectWriter writer = pretty ? mapper.writerWithDefaultPrettyPrinter() : mapper.writer();
            int[] ok = {0};
            int failed = 0;
            for (Path input : inputs) {
                List<ParseReport.Failure> failures;
                try {
                    failures = parser.parseEach(input, n -> {
                        try {
                            spec.commandLine().getOut().println(writer.writeValueAsString(n));
                        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                        ok[0]++;
                    });
                } catch (IOException e) {
                    spec.commandLine().getErr().println("skipped " + input + ": " + e.getMessage());
                    failed++;
                    continue;
                }
                for (ParseReport.Failure f : failures) {
                    spec.commandLine().getErr().println("skipped " + f);
                }
                failed += failures.size();
            }
            spec.commandLine().getErr().println("parsed " + ok[0] + " notice(s), " + failed + " failed");
            return ok[0] == 0 ? 1 : 0;
        }
    }
}
