package org.noticesearch.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.noticesearch.Json;
import org.noticesearch.analysis.Analysis;
import org.noticesearch.config.IndexConfig;
import org.noticesearch.index.IngestReport;
import org.noticesearch.index.NoticeFields;
import org.noticesearch.index.NoticeIndexer;
import org.noticesearch.ingest.NoticeParser;

/**
 * Zero-downtime rebuilds on a real cluster: the configured name is an alias of {@code <name>-v<fingerprint>}; the admin
 * rebuild, a changed {@code index-config/} and an index of the older layout (a concrete index under the configured
 * name) are each built beside the served index while searches run in a loop against the name, then the alias moves
 * in one request and the old index is deleted. No search fails, every search counts the same notices, and the old
 * index is gone.
 */
@Tag("opensearch")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AliasRebuildTest {
    private static final String NAME = "notices-alias-test";

    private OpenSearchTestCluster cluster;
    private OpenSearchClient client;
    private Analysis analysis;
    private IndexConfig cfg;

    @BeforeAll
    void start() throws Exception {
        OpenSearchTestCluster.Target target = OpenSearchTestCluster.externalOrStart(1);
        cluster = target.started();
        List<URI> urls = target.urls();
        cfg = IndexConfig.load(Path.of("index-config"));
        analysis = new Analysis(cfg);
        client = OpenSearchClient.connect(urls, OpenSearchClient.Settings.DEFAULTS);
        TestIndexes.deleteAll(client, NAME);
    }

    @AfterAll
    void stop() {
        if (client != null && cluster == null) {
            TestIndexes.deleteAll(client, NAME);
        }
        if (analysis != null) {
            analysis.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void rebuildsAreBuiltBesideAndSwappedWithoutAFailedSearch(@TempDir Path tmp) throws Exception {
        Path corpus = tmp.resolve("corpus");
        copy(Path.of("corpus"), corpus);
        copy(Path.of("src/test/resources/fixtures"), corpus.resolve("fixtures"));

        // First install: the versioned index is created with the alias.
        OpenSearchIndexer indexer = indexer(cfg);
        IngestReport first = indexer.sync(corpus, NoticeIndexer.Progress.NONE);
        String v1 = OpenSearchIndexDefinition.versionedName(NAME, OpenSearchIndexDefinition.fingerprint(cfg));
        assertEquals(v1, indexer.servingIndex());
        long notices = count();
        assertEquals(first.added(), notices);
        assertTrue(notices >= 10, "notices: " + notices);
        long withGram = count(gramQuery());
        assertTrue(withGram > 0, "the gram query counts notices: " + withGram);

        try (SearchLoop loop = new SearchLoop(notices, withGram)) {
            // The admin rebuild: a fresh index with the same settings, every file indexed again.
            indexer.rebuildOnNextSync();
            IngestReport rebuilt = indexer.sync(corpus, NoticeIndexer.Progress.NONE);
            assertTrue(rebuilt.rebuilt(), rebuilt.summary());
            assertEquals(notices, rebuilt.updated(), rebuilt.summary());
            String v1b = indexer.servingIndex();
            assertTrue(v1b.startsWith(v1 + "-"), v1b);
            assertFalse(client.exists("/" + v1), "the old index is deleted");
            assertNull(indexer.buildingIndex());

            // A changed index-config/: a new fingerprint, a new index built beside, then swapped.
            Path otherConfig = tmp.resolve("index-config");
            copy(Path.of("index-config"), otherConfig);
            Files.writeString(otherConfig.resolve(IndexConfig.STOPWORDS), "\n某某某\n", StandardOpenOption.APPEND);
            IndexConfig changed = IndexConfig.load(otherConfig);
            OpenSearchIndexer next = indexer(changed);
            String reason = next.ensureIndex();
            assertTrue(reason != null && reason.contains("building"), reason);
            assertEquals(v1b, next.servingIndex(), "searches keep the old index until the new one is complete");
            IngestReport built = next.sync(corpus, NoticeIndexer.Progress.NONE);
            assertEquals(notices, built.added(), built.summary());
            String v2 = OpenSearchIndexDefinition.versionedName(NAME, OpenSearchIndexDefinition.fingerprint(changed));
            assertNotEquals(v1, v2);
            assertEquals(v2, next.servingIndex());
            assertFalse(client.exists("/" + v1b), "the old index is deleted");
            assertEquals(List.of(v2), indexesOf(NAME));

            // Nothing changed since: the next run keeps the index.
            assertNull(indexer(changed).ensureIndex());
            loop.assertNoFailure();
        }
        assertEquals(notices, count());
    }

    @Test
    void aConcreteIndexOfTheOlderLayoutIsReplacedByTheAliasInOneRequest(@TempDir Path tmp) throws Exception {
        String legacy = NAME + "-legacy";
        TestIndexes.deleteAll(client, legacy);
        Path corpus = tmp.resolve("corpus");
        copy(Path.of("corpus"), corpus);
        // The older layout: a concrete index under the configured name, with a document in it.
        client.json("PUT", "/" + legacy, OpenSearchIndexDefinition.createRequest(cfg, 1, 0));
        ObjectNode doc = Json.mapper().createObjectNode().put(NoticeFields.ID, "old").put(NoticeFields.SOURCE, "old.txt");
        client.json("PUT", "/" + legacy + "/_doc/old?refresh=true", doc);
        OpenSearchIndexer indexer = new OpenSearchIndexer(client, legacy, cfg, analysis, new NoticeParser(cfg), 2, 1, 0);
        String reason = indexer.ensureIndex();
        assertTrue(reason != null && reason.contains("older version"), reason);
        assertEquals(legacy, indexer.servingIndex());
        IngestReport report = indexer.sync(corpus, NoticeIndexer.Progress.NONE);
        assertEquals(5, report.added(), report.summary());
        String v = OpenSearchIndexDefinition.versionedName(legacy, OpenSearchIndexDefinition.fingerprint(cfg));
        assertEquals(v, indexer.servingIndex());
        assertEquals(List.of(v), indexesOf(legacy), "the concrete index is gone, its name is the alias");
        JsonNode c = client.json("GET", "/" + legacy + "/_count", null);
        assertEquals(5, c.path("count").asLong());
        TestIndexes.deleteAll(client, legacy);
    }

    private OpenSearchIndexer indexer(IndexConfig config) {
        return new OpenSearchIndexer(client, NAME, config, analysis, new NoticeParser(config), 2, 1, 0);
    }

    private List<String> indexesOf(String name) {
        List<String> out = new ArrayList<>();
        for (JsonNode i : client.json("GET", "/_cat/indices?format=json&h=index", null)) {
            String index = i.path("index").asText();
            if (index.equals(name) || index.startsWith(name + "-")) {
                out.add(index);
            }
        }
        out.sort(null);
        return out;
    }

    private static ObjectNode gramQuery() {
        // A one-character gram query (a prefix, which must match the paragraph-final "c_" tokens too) and a bigram.
        ObjectNode q = Json.mapper().createObjectNode();
        var should = q.putObject("bool").put("minimum_should_match", 1).putArray("should");
        should.addObject().putObject("prefix").putObject(NoticeFields.BODY_GRAMS).put("value", "妇");
        should.addObject().putObject("match_phrase").putObject(NoticeFields.TITLE_GRAMS).put("query", "通知")
                .put("analyzer", OpenSearchIndexDefinition.PRETOKENIZED);
        return q;
    }

    private long count() {
        return count(Json.mapper().createObjectNode().set("match_all", Json.mapper().createObjectNode()));
    }

    private long count(ObjectNode query) {
        ObjectNode body = Json.mapper().createObjectNode().put("size", 1).put("track_total_hits", true);
        body.set("query", query);
        JsonNode r = client.json("POST", "/" + NAME + "/_search", body);
        if (r.path("_shards").path("failed").asInt() > 0) {
            throw new IllegalStateException("shard failures: " + r.path("_shards"));
        }
        return r.path("hits").path("total").path("value").asLong();
    }

    /** Searches the name in a loop on two threads, recording every failure and every unexpected total. */
    private final class SearchLoop implements AutoCloseable {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        private final AtomicInteger searches = new AtomicInteger();
        private final List<Thread> threads = new ArrayList<>();

        SearchLoop(long all, long withGram) {
            for (int t = 0; t < 2; t++) {
                Thread th = new Thread(() -> {
                    while (running.get()) {
                        try {
                            long a = count();
                            long g = count(gramQuery());
                            if (a != all || g != withGram) {
                                failures.add("totals " + a + " and " + g + ", expected " + all + " and " + withGram);
                            }
                            searches.addAndGet(2);
                        } catch (RuntimeException e) {
                            failures.add(e.toString());
                        }
                    }
                }, "search-loop-" + t);
                th.start();
                threads.add(th);
            }
        }

        void assertNoFailure() {
            assertTrue(searches.get() > 20, "searches ran during the rebuilds: " + searches.get());
            assertEquals(List.of(), List.copyOf(failures), searches.get() + " searches");
            System.out.println("AliasRebuildTest: " + searches.get() + " searches during two rebuilds, " + failures.size() + " failed");
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            for (Thread t : threads) {
                t.join(30_000);
            }
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
