package org.noticesearch.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.noticesearch.config.IndexConfig;
import org.noticesearch.index.IngestReport;
import org.noticesearch.index.NoticeIndexer;
import org.noticesearch.search.SearchRequest;
import org.noticesearch.search.SortOrder;

/**
 * A lost node under load (issue 17, item 3): a 3-node cluster, an index of 2 primaries with 1 replica each holding a
 * generated corpus, and a bounded search load over loopback through the product's OpenSearch search class, while one
 * node is stopped (notices are indexed while it is down) and comes back, then each node is restarted in turn. Every
 * search must answer (no failed query) with the total it had before (no changed total), and the notices indexed
 * while the node was down must all be found afterwards. Prints the figures in one line starting {@code FAILOVER}.
 *
 * <p>Sizes: {@code -Dfailover.notices} (default 2000), {@code -Dfailover.qps} (cap of the load, default 300),
 * {@code -Dfailover.threads} (default 2).
 */
@Tag("opensearch")
class OpenSearchFailoverTest {
    private static final String INDEX = "notices-failover-test";
    private static final int NODES = 3;
    /** Heap per node: the index is a few MB; three nodes and the test JVM share 2 cores and plenty of memory. */
    private static final String HEAP = "384m";
    private static final int NOTICES = Integer.getInteger("failover.notices", 2000);
    private static final int LATE = 200;
    private static final int QPS_CAP = Integer.getInteger("failover.qps", 300);
    /** Two load threads: more only queue behind the three nodes on a 2-core machine, and slow the recoveries down. */
    private static final int THREADS = Integer.getInteger("failover.threads", 2);
    /** How long the first node stays down beyond the indexing done meanwhile, so that the load meets a yellow cluster. */
    private static final long DOWN_MILLIS = 5_000;

    /** The one call the load makes: a search's total. The integrator adapts this line when the search API changes. */
    @FunctionalInterface
    interface Search {
        long total(SearchRequest request) throws Exception;
    }

    @Test
    void aLostNodeAndRollingRestartsLoseNoQueryAndNoNotice(@TempDir Path tmp) throws Exception {
        Assumptions.assumeTrue(OpenSearchTestCluster.distribution() != null,
                "no OpenSearch distribution in target/opensearch (built with -Dopensearch.skip?)");
        long t0 = System.nanoTime();
        IndexConfig cfg = IndexConfig.load(Path.of("index-config"));
        Path corpus = tmp.resolve("corpus");
        FailoverCorpus.write(corpus, NOTICES, 17, cfg);
        try (OpenSearchTestCluster cluster = OpenSearchTestCluster.start(NODES, HEAP)) {
            long started = System.nanoTime();
            // Every node's URL, as an operator would list them: the client must skip the one that is down.
            OpenSearchService.Options options = new OpenSearchService.Options(cluster.allUrls(), INDEX, 2, 1);
            try (OpenSearchService service = OpenSearchService.connect(cfg, options, 2, true)) {
                IngestReport first = service.sync(corpus, NoticeIndexer.Progress.NONE);
                assertEquals(NOTICES, first.added(), first.summary());
                cluster.waitForHealth("green", NODES);
                long indexed = System.nanoTime();
                Search search = r -> service.service().search(r).total();

                List<SearchRequest> queries = queries(cfg);
                Map<SearchRequest, Long> expected = new LinkedHashMap<>();
                for (SearchRequest q : queries) {
                    expected.put(q, search.total(q));
                }
                assertTrue(expected.values().stream().allMatch(t -> t > 0), "every load query finds something: " + expected.values());

                List<Long> greenMillis = new ArrayList<>();
                List<Long> joinMillis = new ArrayList<>();
                // As before a planned restart: a node away for less than this gets its shard copies back (recovered from
                // the operations it missed) instead of the cluster copying them afresh to the other nodes.
                OpenSearchClient.connect(cluster.allUrls(), OpenSearchClient.Settings.DEFAULTS).json("PUT", "/" + INDEX + "/_settings",
                        Map.of("index.unassigned.node_left.delayed_timeout", "3m"));
                Load load = new Load(search, expected, THREADS, QPS_CAP);
                load.start();
                long loadStart = System.nanoTime();
                Thread.sleep(3_000);

                // 1. One node goes away; notices are indexed meanwhile; it comes back.
                int down = NODES - 1;
                cluster.stopNodeAndWait(down);
                long downAt = System.nanoTime();
                FailoverCorpus.writeLate(corpus.resolve("late"), LATE, cfg);
                IngestReport late = service.sync(corpus, NoticeIndexer.Progress.NONE);
                assertEquals(LATE, late.added(), late.summary());
                assertEquals(List.of(), late.failures());
                long lateSeconds = (System.nanoTime() - downAt) / 1_000_000_000;
                Thread.sleep(DOWN_MILLIS);
                cluster.startNode(down);
                timeToGreen(cluster, down, joinMillis, greenMillis);

                // 2. The other nodes restarted in turn (the first was restarted above), the elected cluster manager
                // among them; each only once the cluster is green again, as an operator would.
                for (int i = 0; i < NODES; i++) {
                    if (i != down) {
                        cluster.stopNodeAndWait(i);
                        cluster.startNode(i);
                        timeToGreen(cluster, i, joinMillis, greenMillis);
                    }
                }
                Thread.sleep(2_000);
                load.stop();
                double loadSeconds = (System.nanoTime() - loadStart) / 1e9;

                // The late notices are all there, on a cluster whose every node was restarted since.
                long lateFound = search.total(SearchRequest.of(FailoverCorpus.LATE_MARK).withPage(1, 10));
                int lateEach = 0;
                for (int i = 0; i < LATE; i++) {
                    if (search.total(SearchRequest.of("\"" + FailoverCorpus.LATE_MARK + "第" + i + "份材料\"").withPage(1, 10)) == 1) {
                        lateEach++;
                    }
                }
                long count = service.service().stats().documents();

                String figures = String.format(Locale.ROOT,
                        "FAILOVER nodes=%d shards=2 replicas=1 notices=%d queries=%d seconds=%.0f qps=%.0f threads=%d qpsCap=%d "
                                + "failed=%d changedTotals=%d p50Ms=%d p99Ms=%d maxMs=%d greenAfterReturnMs=%d greenAfterRestartsMs=%s "
                                + "joinedAfterStartMs=%s indexedWhileDown=%d (in %ds) foundAfterwards=%d/%d documents=%d startSeconds=%.0f indexSeconds=%.0f totalSeconds=%.0f",
                        NODES, NOTICES, load.done.get(), loadSeconds, load.done.get() / loadSeconds, THREADS, QPS_CAP,
                        load.failed.get(), load.changed.get(), load.percentile(50), load.percentile(99), load.percentile(100),
                        greenMillis.get(0), greenMillis.subList(1, greenMillis.size()).toString().replace(" ", ""),
                        joinMillis.toString().replace(" ", ""), late.added(), lateSeconds, lateEach, LATE, count, (started - t0) / 1e9, (indexed - started) / 1e9, (System.nanoTime() - t0) / 1e9);
                System.out.println(figures);
                System.out.println("FAILOVER failures: " + load.examples);

                assertEquals(0, load.failed.get(), "failed queries, e.g. " + load.examples);
                assertEquals(0, load.changed.get(), "changed totals, e.g. " + load.examples);
                assertTrue(load.done.get() > 0);
                assertEquals(LATE, lateFound);
                assertEquals(LATE, lateEach);
                assertEquals(NOTICES + LATE, count);
            }
        }
    }

    /**
     * Milliseconds from a node's start to its joining the cluster (the JVM's start-up) and to a green cluster of all
     * nodes (the recovery of its shard copies), asked of the restarted node itself.
     */
    private static void timeToGreen(OpenSearchTestCluster cluster, int node, List<Long> join, List<Long> green) throws Exception {
        long t = System.nanoTime();
        cluster.waitForHealthOn(node, null, NODES);
        join.add((System.nanoTime() - t) / 1_000_000);
        cluster.waitForHealthOn(node, "green", NODES);
        green.add((System.nanoTime() - t) / 1_000_000);
    }

    /** Single topics, pairs, phrases, an issuer filter and date order: the kinds of search the page sends. */
    private static List<SearchRequest> queries(IndexConfig cfg) {
        List<String> topics = FailoverCorpus.TOPICS;
        String issuer = cfg.issuers().all().stream().filter(i -> i.canonical().endsWith("妇女联合会")).findFirst().orElseThrow().canonical();
        List<SearchRequest> out = new ArrayList<>();
        for (String t : topics) {
            out.add(SearchRequest.of(t).withPage(1, 10));
        }
        for (int i = 0; i + 1 < topics.size(); i += 3) {
            out.add(SearchRequest.of(topics.get(i) + " " + topics.get(i + 1)).withPage(1, 10));
            out.add(SearchRequest.of("\"" + topics.get(i) + "工作\"").withPage(1, 10));
        }
        for (int i = 0; i < 5; i++) {
            out.add(SearchRequest.of(topics.get(i)).withIssuers(List.of(issuer)).withPage(1, 10));
            out.add(SearchRequest.of(topics.get(i * 2)).withSort(SortOrder.NEWEST).withPage(2, 10));
        }
        return out;
    }

    /** Threads that send the queries round-robin, at most {@code qpsCap} a second in all, checking each total. */
    private static final class Load {
        final AtomicLong done = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final AtomicLong changed = new AtomicLong();
        final List<String> examples = Collections.synchronizedList(new ArrayList<>());
        private final Map<Integer, long[]> latencies = new ConcurrentHashMap<>();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Thread> threads = new ArrayList<>();

        Load(Search search, Map<SearchRequest, Long> expected, int threadCount, int qpsCap) {
            List<Map.Entry<SearchRequest, Long>> work = List.copyOf(expected.entrySet());
            long intervalNanos = 1_000_000_000L * threadCount / qpsCap;
            for (int t = 0; t < threadCount; t++) {
                int id = t;
                threads.add(new Thread(() -> {
                    long[] lat = new long[1 << 20];
                    int n = 0;
                    long next = System.nanoTime();
                    for (int i = id; running.get(); i += threadCount) {
                        var q = work.get(i % work.size());
                        long s = System.nanoTime();
                        try {
                            long total = search.total(q.getKey());
                            if (total != q.getValue()) {
                                changed.incrementAndGet();
                                note("changed " + q.getKey().query() + ": " + q.getValue() + " -> " + total);
                            }
                        } catch (Exception | AssertionError e) {
                            failed.incrementAndGet();
                            note("failed " + q.getKey().query() + ": " + e);
                        }
                        long end = System.nanoTime();
                        if (n < lat.length) {
                            lat[n++] = end - s;
                        }
                        done.incrementAndGet();
                        next += intervalNanos;
                        long wait = next - end;
                        if (wait > 0) {
                            try {
                                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                            } catch (InterruptedException e) {
                                return;
                            }
                        } else {
                            next = end; // behind the cap: do not burst to catch up
                        }
                    }
                    latencies.put(id, Arrays.copyOf(lat, n));
                }, "failover-load-" + t));
            }
        }

        private void note(String example) {
            if (examples.size() < 10) {
                examples.add(example);
            }
        }

        void start() {
            threads.forEach(Thread::start);
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread t : threads) {
                t.join();
            }
        }

        long percentile(int p) {
            long[] all = latencies.values().stream().flatMapToLong(Arrays::stream).sorted().toArray();
            if (all.length == 0) {
                return -1;
            }
            int i = (int) Math.min(all.length - 1, Math.ceil(p / 100.0 * all.length) - 1);
            return all[Math.max(0, i)] / 1_000_000;
        }
    }
}
