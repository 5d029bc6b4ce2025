package org.noticesearch.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.noticesearch.Json;
import org.noticesearch.analysis.Analysis;
import org.noticesearch.config.IndexConfig;
import org.noticesearch.index.IngestReport;
import org.noticesearch.index.NoticeIndexer;
import org.noticesearch.ingest.NoticeParser;

/**
 * The bulk pipeline without a cluster: a scripted OpenSearch that answers some items with 429 (retried), one with a
 * mapping error and leaves one out of its answer (both reported against their file, never counted as indexed),
 * over enough files for several bulk requests in flight at once.
 */
class OpenSearchIndexerTest {
    private static final String INDEX = "notices-unit";
    /** Files (by id prefix) whose notice the scripted cluster refuses once for overload, in batches 1, 2 and 3. */
    private static final List<String> OVERLOADED = List.of("c005-001", "c045-002", "c090-003");
    private final ObjectMapper mapper = Json.mapper();

    @Test
    void everyFileIsCountedOnceAcrossBulkRequestsInFlight(@TempDir Path dir) throws Exception {
        IndexConfig cfg = IndexConfig.load(Path.of("index-config"));
        Path corpus = dir.resolve("corpus");
        Files.createDirectories(corpus);
        List<Path> seeds;
        try (Stream<Path> s = Files.list(Path.of("corpus"))) {
            seeds = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        int copies = 130; // 5 seeds × 130 = 650 files: four bulk requests of 200, 200, 200 and 50
        for (int i = 0; i < copies; i++) {
            for (Path seed : seeds) {
                Files.copy(seed, corpus.resolve(String.format("c%03d-%s", i, seed.getFileName())));
            }
        }
        int files = copies * seeds.size();

        Set<String> overloadedOnce = ConcurrentHashMap.newKeySet();
        Map<String, Integer> indexedTimes = new ConcurrentHashMap<>();
        List<String> settings = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger concurrent = new AtomicInteger();
        AtomicInteger maxConcurrent = new AtomicInteger();
        CountDownLatch twoStarted = new CountDownLatch(2);
        String fingerprint = OpenSearchIndexDefinition.fingerprint(cfg);
        // The configured name is an alias of the index of the current settings.
        String concrete = OpenSearchIndexDefinition.versionedName(INDEX, fingerprint);
        OpenSearchClient.Transport cluster = (node, method, path, type, body) -> {
            if (method.equals("HEAD") && path.equals("/_alias/" + INDEX)) {
                return new OpenSearchClient.Response(200, "");
            }
            if (method.equals("GET") && path.equals("/_alias/" + INDEX)) {
                return ok("{\"" + concrete + "\":{\"aliases\":{\"" + INDEX + "\":{}}}}");
            }
            if (path.equals("/" + concrete + "/_mapping")) {
                return ok("{\"" + concrete + "\":{\"mappings\":{\"_meta\":{\"" + OpenSearchIndexDefinition.FINGERPRINT_META + "\":\""
                        + fingerprint + "\"}}}}");
            }
            if (path.equals("/" + concrete + "/_search")) {
                return ok("{\"hits\":{\"hits\":[]}}");
            }
            if (path.equals("/" + concrete + "/_refresh")) {
                return ok("{}");
            }
            if (method.equals("PUT") && path.equals("/" + concrete + "/_settings")) {
                settings.add(mapper.readTree(body).path("index").path("refresh_interval").toString());
                return ok("{\"acknowledged\":true}");
            }
            if (path.equals("/_bulk")) {
                int now = concurrent.incrementAndGet();
                maxConcurrent.accumulateAndGet(now, Math::max);
                twoStarted.countDown();
                try {
                    // The first request is answered only once a second has started (or after 10 s): a pipelined
                    // indexer sends the next batch while one is unanswered, one that waits for each answer never
                    // does and fails the overlap check below. No timing guess, so no flakiness on a busy machine.
                    twoStarted.await(10, TimeUnit.SECONDS);
                    return ok(bulkAnswer(new String(body, StandardCharsets.UTF_8), overloadedOnce, indexedTimes));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                } finally {
                    concurrent.decrementAndGet();
                }
            }
            return new OpenSearchClient.Response(404, "{\"error\":{\"type\":\"unexpected\",\"reason\":\"" + method + " " + path + "\"}}");
        };
        OpenSearchClient client = new OpenSearchClient(List.of(URI.create("http://test:9200")), cluster, 1, 1);
        IngestReport report;
        try (Analysis analysis = new Analysis(cfg)) {
            report = new OpenSearchIndexer(client, INDEX, cfg, analysis, new NoticeParser(cfg), 2, 1, 0)
                    .sync(corpus, NoticeIndexer.Progress.NONE);
        }

        assertEquals(files, report.seen());
        // The mapping error and the item left out of an answer are failures named by file; the rest is indexed.
        assertEquals(files - 2, report.added(), report.summary());
        assertEquals(2, report.failures().size(), report.failures().toString());
        assertTrue(report.failures().stream().anyMatch(f -> f.source().startsWith("c007-")
                && f.reason().contains("rejected by OpenSearch (400 mapper_parsing_exception")), report.failures().toString());
        assertTrue(report.failures().stream().anyMatch(f -> f.reason().contains("no answer for this item")), report.failures().toString());
        // Items refused for overload were sent again, and every document reached the cluster exactly once as accepted.
        assertEquals(OVERLOADED.size(), overloadedOnce.size(), "items refused for overload: " + overloadedOnce);
        assertTrue(overloadedOnce.stream().allMatch(indexedTimes::containsKey), "refused items were sent again and accepted");
        assertEquals(files - 2, indexedTimes.size());
        assertTrue(indexedTimes.values().stream().allMatch(n -> n == 1), "each document accepted once: " + indexedTimes);
        // A first load into an empty index runs without periodic refreshes, and the default is restored after.
        assertEquals(List.of("\"-1\"", "null"), settings);
        assertTrue(maxConcurrent.get() >= 2, "bulk requests overlap: at most " + maxConcurrent.get() + " at once");
        assertTrue(maxConcurrent.get() <= OpenSearchIndexer.BULKS_IN_FLIGHT, "no more than " + OpenSearchIndexer.BULKS_IN_FLIGHT
                + " bulk requests at once, saw " + maxConcurrent.get());
    }

    private static OpenSearchClient.Response ok(String body) {
        return new OpenSearchClient.Response(200, body);
    }

    /**
     * Answers a bulk body: the notices of three files in three batches are refused once with 429, the notice
     * of file c007-000* gets a mapping error, and the last item of the first batch (the request that starts with
     * c000-000 and holds more than one item) is missing from the answer.
     */
    private String bulkAnswer(String ndjson, Set<String> overloadedOnce, Map<String, Integer> indexedTimes) throws IOException {
        ObjectNode res = mapper.createObjectNode();
        ArrayNode items = res.putArray("items");
        String[] lines = ndjson.split("\n");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < lines.length; i += 2) {
            JsonNode meta = mapper.readTree(lines[i]);
            ids.add(meta.path("index").path("_id").asText());
        }
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            if (ids.size() > 1 && ids.get(0).startsWith("c000-000") && i == ids.size() - 1) {
                break;
            }
            ObjectNode item = items.addObject().putObject("index");
            item.put("_id", id);
            if (OVERLOADED.stream().anyMatch(id::startsWith) && overloadedOnce.add(id)) {
                item.put("status", 429).putObject("error").put("type", "es_rejected_execution_exception").put("reason", "queue full");
            } else if (id.startsWith("c007-000")) {
                item.put("status", 400).putObject("error").put("type", "mapper_parsing_exception").put("reason", "failed to parse");
            } else {
                item.put("status", 201);
                indexedTimes.merge(id, 1, Integer::sum);
            }
        }
        res.put("errors", true);
        return mapper.writeValueAsString(res);
    }
}
