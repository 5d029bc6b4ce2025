package org.noticesearch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.noticesearch.analysis.Analysis;
import org.noticesearch.config.IndexConfig;
import org.noticesearch.index.IngestReport;
import org.noticesearch.index.NoticeIndexer;
import org.noticesearch.opensearch.OpenSearchEngine;
import org.noticesearch.search.SearchService;
import org.noticesearch.opensearch.OpenSearchClient;
import org.noticesearch.opensearch.OpenSearchService;
import org.noticesearch.opensearch.OpenSearchTestCluster;
import org.noticesearch.search.SearchBackend;
import org.noticesearch.search.SearchRequest;
import org.noticesearch.web.WebConfig;
import org.noticesearch.web.WebServer;

/**
 * The OpenSearch backend in the same benchmark run, on the same generated corpus and the same queries as the
 * embedded index: a real cluster started from the Maven Central distribution (the integration test's
 * {@link OpenSearchTestCluster}), bulk indexing with the product's {@code OpenSearchIndexer}, exact hit counts
 * compared with the embedded index, latency in-process through {@code SearchService} over {@code OpenSearchEngine}, and the product jar's
 * {@code serve --backend opensearch} over HTTP.
 */
final class OpenSearchBench {
    static final String INDEX = "notices-bench";

    /** How the cluster is laid out: nodes on this machine, heap per node, shards and replicas of the index. */
    record Layout(int nodes, String heap, int shards, int replicas) {
        Layout {
            if (nodes < 1 || shards < 1 || replicas < 0 || replicas >= nodes) {
                throw new IllegalArgumentException("OpenSearch layout: " + nodes + " node(s), " + shards + " shard(s), " + replicas
                        + " replica(s) — need at least 1 node and 1 shard, and fewer replicas than nodes (else the index is never green)");
            }
        }

        String describe() {
            return String.format(Locale.ROOT, "%d node%s (heap %s each), index with %d shard%s and %d replica%s", nodes, nodes == 1 ? "" : "s",
                    heap, shards, shards == 1 ? "" : "s", replicas, replicas == 1 ? "" : "s");
        }
    }

    /** What the OpenSearch part measured; {@code totals} line up with {@code QuerySet.all()}. */
    record Result(Layout layout, String version, double startSeconds, int threads, double indexSeconds, IngestReport report,
                  long primaryBytes, long totalBytes, Map<Category, Latencies.Summary> latencies, List<Long> totals,
                  Benchmark.Http http, String nodeMemory) {}

    private OpenSearchBench() {}

    /** Fails before any work when the cluster cannot be started, saying how to get it or to leave it out. */
    static void checkAvailable() {
        if (OpenSearchTestCluster.distribution() == null) {
            throw new IllegalStateException("no OpenSearch distribution in target/opensearch: build without -Dopensearch.skip "
                    + "(mvn -DskipTests package fetches it), or leave OpenSearch out with --opensearch-nodes 0");
        }
    }

    static Result run(Benchmark bench, Benchmark.Options o, IndexConfig cfg, Path corpus, QuerySet queries, int threads) throws Exception {
        Layout layout = o.openSearch();
        long t0 = System.nanoTime();
        try (OpenSearchTestCluster cluster = OpenSearchTestCluster.start(layout.nodes(), layout.heap())) {
            double startSeconds = secs(t0);
            bench.say("OpenSearch %s: %s, green after %.1f s", cluster.version(), layout.describe(), startSeconds);
            OpenSearchService.Options where = new OpenSearchService.Options(cluster.urls(), INDEX, layout.shards(), layout.replicas());

            // Indexing end to end, as `index --backend opensearch` runs it: create the index, read, decode, parse and
            // pre-tokenize the grams here, bulk-send, refresh.
            System.gc();
            long t = System.nanoTime();
            IngestReport report;
            try (OpenSearchService indexing = OpenSearchService.connect(cfg, where, threads, true)) {
                report = indexing.sync(corpus, NoticeIndexer.Progress.NONE);
            }
            double indexSeconds = secs(t);
            OpenSearchClient client = OpenSearchClient.connect(cluster.urls(), OpenSearchClient.Settings.DEFAULTS);
            client.json("POST", "/" + INDEX + "/_flush", null);
            JsonNode store = client.json("GET", "/" + INDEX + "/_stats/store", null).path("_all");
            long primaryBytes = store.path("primaries").path("store").path("size_in_bytes").asLong();
            long totalBytes = store.path("total").path("store").path("size_in_bytes").asLong();
            bench.say("OpenSearch indexed with %d thread(s): %.1f s, %d added, %d rejected, primaries %.1f MB", threads, indexSeconds,
                    report.added(), report.failures().size(), primaryBytes / 1e6);

            // Exact totals for every query, compared with the embedded index's by the caller.
            List<Long> totals = new ArrayList<>();
            try (Analysis analysis = new Analysis(cfg)) {
                SearchService exact = new SearchService(new OpenSearchEngine(client, INDEX, analysis, OpenSearchEngine.DEFAULT_CACHE_MILLIS), analysis, Benchmark.exactCounting(cfg));
                for (QuerySet.BenchQuery q : queries.all()) {
                    totals.add(Benchmark.ourCount(exact, q, cfg));
                }
            }

            // Latency in-process: the backend the service uses, over HTTP to the cluster, same budget as the embedded.
            Map<Category, Latencies.Summary> latencies = new LinkedHashMap<>();
            try (OpenSearchService service = OpenSearchService.connect(cfg, where, threads, false)) {
                SearchBackend backend = service.service();
                Benchmark.Work work = Benchmark.ours(backend, cfg.settings());
                Benchmark.warmUp(queries.all(), work, o.budget().warmMs() * 2);
                for (var e : queries.byCategory().entrySet()) {
                    latencies.put(e.getKey(), Benchmark.measure(e.getValue(), work,
                            o.budget().warmMs(), o.budget().measureMs(), o.budget().maxSamples()));
                    bench.say("OpenSearch %-26s p50 %.2f p99 %.2f ms", e.getKey().title, latencies.get(e.getKey()).p50(),
                            latencies.get(e.getKey()).p99());
                }
            }

            // Over HTTP: the product jar, `serve --backend opensearch` (which checks the corpus against the index at
            // start), without the corpus watcher, as the embedded service is measured.
            String urls = cluster.urls().stream().map(URI::toString).collect(Collectors.joining(","));
            Benchmark.Http http = bench.http(queries, "opensearch", false, List.of("--config", o.config().toString(), "--corpus", corpus.toString(),
                    "--backend", "opensearch", "--opensearch-url", urls, "--opensearch-index", INDEX, "--no-watch", "--threads", "2"), port -> {
                        OpenSearchService service = OpenSearchService.connect(cfg, where, 2, false);
                        Javalin app = WebServer.create(service.service(), null, cfg.settings(),
                                new WebConfig("127.0.0.1", port, List.of("*"), null)).start("127.0.0.1", port);
                        return () -> {
                            app.stop();
                            service.close();
                        };
                    });
            List<String> memory = new ArrayList<>();
            for (int i = 0; i < cluster.size(); i++) {
                memory.add("node-" + i + " " + Benchmark.memoryOf(cluster.javaPid(i)));
            }
            return new Result(layout, cluster.version(), startSeconds, threads, indexSeconds, report, primaryBytes, totalBytes, latencies,
                    totals, http, String.join("; ", memory));
        }
    }

    private static double secs(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * The OpenSearch section: indexing and size beside the embedded index, latency in-process and over HTTP beside
     * it, and the targets that apply (same hits as the embedded index, no errors under load).
     */
    static void render(StringBuilder md, Result r, int docs, int failed, long inputBytes, double embeddedIndexSeconds,
                       long embeddedIndexBytes, Map<Category, Latencies.Summary> embedded, Benchmark.Http embeddedHttp,
                       int agree, int compared, Map<String, String> targets) {
        double mb = inputBytes / 1e6;
        md.append("\n#### OpenSearch backend, same corpus, same queries\n\n");
        md.append(String.format(Locale.ROOT, "OpenSearch %s (the integ-test distribution from Maven Central with the analysis-smartcn "
                        + "plugin, as in the integration test), on this machine: %s; green %.1f s after launch. The benchmark JVM "
                        + "(parser, gram pre-tokenizing, client) and the node%s share the same 2 cores, as they would on one server.%n%n",
                r.version(), r.layout().describe(), r.startSeconds(), r.layout().nodes() == 1 ? "" : "s"));
        md.append("| | embedded (Lucene in the service) | OpenSearch |\n| --- | ---: | ---: |\n");
        md.append(String.format(Locale.ROOT, "| indexing end to end, %d threads | %.1f s · %,.0f docs/s · %.2f MB/s | %.1f s · %,.0f docs/s · %.2f MB/s |%n",
                r.threads(), embeddedIndexSeconds, docs / embeddedIndexSeconds, mb / embeddedIndexSeconds, r.indexSeconds(),
                r.report().added() / r.indexSeconds(), mb / r.indexSeconds()));
        md.append(String.format(Locale.ROOT, "| notices indexed · rejected | %,d · %d | %,d · %d |%n", docs, failed, r.report().added(),
                r.report().failures().size()));
        md.append(String.format(Locale.ROOT, "| index on disk (not force-merged) | %.1f MB = %.2f × input | primaries %.1f MB = %.2f × input%s |%n",
                embeddedIndexBytes / 1e6, (double) embeddedIndexBytes / inputBytes, r.primaryBytes() / 1e6, (double) r.primaryBytes() / inputBytes,
                r.totalBytes() != r.primaryBytes() ? String.format(Locale.ROOT, "; with replicas %.1f MB", r.totalBytes() / 1e6) : ""));
        md.append(String.format(Locale.ROOT, "| hit counts equal to the embedded index's (exact totals) | | %d of %d queries |%n%n", agree, compared));

        md.append("In-process (ms; ours through `NoticeService`, OpenSearch through `SearchService` over `OpenSearchEngine` in the benchmark JVM, "
                + "each search one `_search` request with the same facets and snippets; browsing all: a hits request and a "
                + "request-cached `size: 0` counts request):\n\n");
        md.append("| category | embedded p50 | p99 | OpenSearch p50 | p95 | p99 | n | OpenSearch ÷ embedded (p50) | (p99) |\n");
        md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (var e : r.latencies().entrySet()) {
            Latencies.Summary a = embedded.get(e.getKey());
            Latencies.Summary b = e.getValue();
            md.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f | %.2f | %d | %.1f× | %.1f× |%n", e.getKey().title,
                    a.p50(), a.p99(), b.p50(), b.p95(), b.p99(), b.n(), b.p50() / a.p50(), b.p99() / a.p99()));
        }
        md.append("\nOver HTTP (ms; ").append(r.http().mode()).append("):\n\n");
        Benchmark.HttpSummary h = Benchmark.renderHttp(md, r.http(), embeddedHttp);
        md.append(String.format(Locale.ROOT, "%nService on OpenSearch: first answered query %.2f s after the process started "
                        + "(JVM start, connect, corpus check against the index's stamps, first search). Service memory after the load: %s%s. "
                        + "OpenSearch node memory: %s. Errors: %d%s.%n",
                r.http().startSeconds(), r.http().memory(), r.http().heap().isEmpty() ? "" : "; heap: " + r.http().heap(), r.nodeMemory(),
                h.errors(), h.firstError() == null ? "" : " (first: " + h.firstError() + ")"));

        targets.put("OpenSearch: same hits as the embedded index", String.format(Locale.ROOT, "%d of %d queries|%s", agree, compared,
                agree == compared ? "met" : "missed"));
        targets.put("OpenSearch: every notice indexed, none rejected", String.format(Locale.ROOT, "%,d of %,d|%s", r.report().added(), docs,
                r.report().added() == docs && r.report().failures().isEmpty() ? "met" : "missed"));
        targets.put("OpenSearch: no errors under concurrency-4 load", h.errors() + " errors|" + (h.errors() == 0 ? "met" : "missed"));
    }
}
