package org.noticesearch.bench;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;
import org.noticesearch.NoticeService;
import org.noticesearch.analysis.Analysis;
import org.noticesearch.config.IndexConfig;
import org.noticesearch.config.Settings;
import org.noticesearch.index.IndexStore;
import org.noticesearch.index.IngestReport;
import org.noticesearch.index.NoticeIndexer;
import org.noticesearch.index.NoticeSearcherFactory;
import org.noticesearch.ingest.Notice;
import org.noticesearch.ingest.NoticeParser;
import org.noticesearch.ingest.ParseReport;
import org.noticesearch.search.SearchService;
import org.noticesearch.search.lucene.LuceneEngine;
import org.noticesearch.search.SearchBackend;
import org.noticesearch.search.SearchPage;
import org.noticesearch.search.SearchRequest;
import org.noticesearch.search.diffusion.DiffusionService;
import org.noticesearch.search.diffusion.ForwardingTree;
import org.noticesearch.search.diffusion.ServiceDiffusionSource;
import org.noticesearch.web.WebConfig;
import org.noticesearch.web.WebServer;

/**
 * One benchmark run at one corpus size: generate the corpus, measure indexing beside smartcn alone,
 * build the SQLite FTS5 peer, run the query categories in-process on both, then over HTTP against the
 * service, then the same on the OpenSearch backend ({@link OpenSearchBench}), and write the results as a
 * Markdown section of BENCHMARKS.md.
 *
 * <p>Usage: {@code Benchmark --count N [--seed S] [--work target/bench] [--jar target/notice-search.jar]
 * [--out BENCHMARKS.md] [--quick] [--threads 1,2] [--peers fts5|none] [--server-heap 512m] [--no-drop-cache]
 * [--opensearch-nodes 1] [--opensearch-heap 1g] [--opensearch-shards 1] [--opensearch-replicas 0]}. Without
 * {@code --jar} the HTTP services run inside this JVM. From {@link #LARGE} notices the defaults are
 * {@code --threads 2 --peers none --server-heap 1g --opensearch-nodes 0}.
 */
public final class Benchmark {
    /** Time budgets and sample limits of one run. */
    public record Budget(long warmMs, long measureMs, int maxSamples, long peerMeasureMs, long httpWarmMs, long httpMeasureMs) {
        static final Budget FULL = new Budget(1500, 4000, 2000, 4000, 800, 3000);
        static final Budget QUICK = new Budget(10, 20, 20, 20, 10, 20);
    }

    /**
     * Everything a run needs to know; {@code openSearch} null leaves OpenSearch out, {@code fts5} false the SQLite
     * peer; {@code dropCache} drops the page cache before the served process's first start (a cold start; root only).
     */
    public record Options(int count, long seed, Path work, Path config, Path seedCorpus, Path jar, List<Integer> threads,
                          Budget budget, Path out, String serverHeap, OpenSearchBench.Layout openSearch, boolean fts5,
                          boolean dropCache) {}

    /**
     * From this size on, the defaults change so that a run fits an hour on 2 cores: no FTS5 peer, no OpenSearch,
     * indexing at 2 threads only, smartcn alone once per thread count, a 1g served heap.
     */
    static final int LARGE = 1_000_000;

    private final Options o;
    private final Map<String, String> targets = new LinkedHashMap<>();
    private final long started = System.nanoTime();

    private Benchmark(Options o) {
        this.o = o;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = Args.parse(args);
        boolean quick = a.containsKey("quick");
        int count = Integer.parseInt(a.getOrDefault("count", "10000"));
        boolean large = count >= LARGE;
        String peers = a.getOrDefault("peers", large ? "none" : "fts5");
        if (!peers.equals("none") && !peers.equals("fts5")) {
            throw new IllegalArgumentException("--peers is none or fts5, not '" + peers + "'");
        }
        Options o = new Options(count,
                Long.parseLong(a.getOrDefault("seed", String.valueOf(CorpusGenerator.DEFAULT_SEED))),
                Path.of(a.getOrDefault("work", "target/bench")),
                Path.of(a.getOrDefault("config", "index-config")),
                Path.of(a.getOrDefault("seed-corpus", "corpus")),
                a.containsKey("jar") ? Path.of(a.get("jar")) : null,
                threads(a.getOrDefault("threads", large ? "2" : "1,2")),
                quick ? Budget.QUICK : Budget.FULL,
                a.containsKey("out") ? Path.of(a.get("out")) : null,
                a.getOrDefault("server-heap", large ? "1g" : "512m"),
                openSearchLayout(a, large ? "0" : "1"),
                peers.equals("fts5"),
                !a.containsKey("no-drop-cache"));
        String section = run(o);
        if (o.out() == null) {
            System.out.println(section);
        }
    }

    /**
     * {@code --opensearch-nodes N} (default 1; 0 leaves OpenSearch out), {@code --opensearch-heap} (default 1g,
     * OpenSearch's own default), {@code --opensearch-shards} (default 1), {@code --opensearch-replicas} (default 0).
     */
    static OpenSearchBench.Layout openSearchLayout(Map<String, String> a, String defaultNodes) {
        int nodes = Integer.parseInt(a.getOrDefault("opensearch-nodes", defaultNodes));
        if (nodes == 0) {
            return null;
        }
        return new OpenSearchBench.Layout(nodes, a.getOrDefault("opensearch-heap", "1g"),
                Integer.parseInt(a.getOrDefault("opensearch-shards", "1")), Integer.parseInt(a.getOrDefault("opensearch-replicas", "0")));
    }

    /** {@code --threads 1,2}: the indexing thread counts, each at least 1. */
    static List<Integer> threads(String list) {
        List<Integer> out = new ArrayList<>();
        for (String t : list.split(",")) {
            int n;
            try {
                n = Integer.parseInt(t.strip());
            } catch (NumberFormatException e) {
                n = 0;
            }
            if (n < 1) {
                throw new IllegalArgumentException("--threads is a comma list of thread counts ≥ 1, e.g. 1,2; not '" + list + "'");
            }
            out.add(n);
        }
        return List.copyOf(out);
    }

    /** Runs the benchmark and returns its Markdown section (also written into {@code out}, if given). */
    public static String run(Options o) throws Exception {
        return new Benchmark(o).go();
    }

    void say(String fmt, Object... args) {
        String line = String.format(Locale.ROOT, fmt, args);
        System.err.printf(Locale.ROOT, "[bench %d %6.1fs] %s%n", o.count(), secs(started), line);
    }

    private String go() throws Exception {
        long runStart = System.nanoTime();
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        IndexConfig cfg = IndexConfig.load(o.config());
        if (o.openSearch() != null) {
            OpenSearchBench.checkAvailable();
        }
        Files.createDirectories(o.work());
        Path corpus = o.work().resolve("corpus-" + o.count());
        Path index = o.work().resolve("index-" + o.count());

        // 1. The corpus.
        long t0 = System.nanoTime();
        CorpusGenerator gen = CorpusGenerator.fromSeeds(o.seedCorpus(), cfg);
        Path stamp = o.work().resolve("corpus-" + o.count() + ".stamp");
        String stampText = "seed=" + o.seed() + " count=" + o.count() + " generator=" + GENERATOR_VERSION;
        boolean reused = Files.exists(stamp) && Files.readString(stamp).equals(stampText) && Files.isDirectory(corpus);
        if (!reused) {
            deleteTree(corpus);
            Files.deleteIfExists(stamp);
            gen.generate(o.seed(), o.count(), corpus);
            Files.writeString(stamp, stampText);
        }
        double genSeconds = secs(t0);
        say("corpus %s %s in %.1f s", corpus, reused ? "reused" : "generated", genSeconds);

        // 2. Parse everything once (decode + parse alone), keeping the notices for smartcn-alone and the peer.
        NoticeParser parser = new NoticeParser(cfg);
        t0 = System.nanoTime();
        List<Notice> notices = new ArrayList<>(o.count());
        List<ParseReport.Failure> failures = parser.parseEach(corpus, notices::add);
        double parseSeconds = secs(t0);
        long inputBytes = 0;
        try (Stream<Path> s = Files.walk(corpus)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                inputBytes += Files.size(p);
            }
        }
        long textBytes = 0;
        long textChars = 0;
        for (Notice n : notices) {
            String t = (n.title() == null ? "" : n.title()) + n.searchableText();
            textBytes += t.getBytes(StandardCharsets.UTF_8).length;
            textChars += t.length();
        }
        say("parsed %d notices (%d failed), %.1f MB input, %.1f MB text (UTF-8) in %.1f s", notices.size(), failures.size(),
                inputBytes / 1e6, textBytes / 1e6, parseSeconds);
        CorpusStats corpusStats = corpusStats(corpus, notices);
        System.gc();
        Runtime rt = Runtime.getRuntime();
        // What the parsed notices weigh: bench/run sizes -Xmx by N from this (at 1,000,000 they are kept until the
        // queries are chosen).
        say("heap used with the parsed notices: %.0f MB of %.0f MB max", (rt.totalMemory() - rt.freeMemory()) / 1e6, rt.maxMemory() / 1e6);

        // 3. smartcn alone on the same text, then indexing end to end, at each thread count.
        // smartcn alone is measured right before and right after indexing at the same thread count, and the faster
        // of the two is kept: a burst of load from elsewhere must not make the limit look slower than it is. From
        // LARGE on, once before (the second pass would cost about 7 minutes).
        boolean smartcnTwice = o.count() < LARGE;
        Map<Integer, Double> smartcnSeconds = new LinkedHashMap<>();
        Map<Integer, Double> indexSeconds = new LinkedHashMap<>();
        Map<Integer, Long> indexBytes = new LinkedHashMap<>();
        try (Analysis words = new Analysis(cfg)) {
            smartcnAlone(words.words(), notices.subList(0, Math.min(notices.size(), 3000)), 1); // warm-up
            for (int threads : o.threads()) {
                double before = timeSmartcn(words, notices, threads);
                Path dir = o.work().resolve("index-" + o.count() + "-t" + threads);
                deleteTree(dir);
                System.gc();
                long t = System.nanoTime();
                IngestReport report;
                try (Analysis analysis = new Analysis(cfg); IndexStore store = IndexStore.open(dir, cfg, analysis)) {
                    report = new NoticeIndexer(store, new NoticeParser(cfg), threads).sync(corpus, NoticeIndexer.Progress.NONE);
                }
                indexSeconds.put(threads, secs(t));
                indexBytes.put(threads, treeSize(dir));
                say("indexed with %d thread(s): %.1f s, %d added, %d failed, index %.1f MB", threads, indexSeconds.get(threads),
                        report.added(), report.failures().size(), indexBytes.get(threads) / 1e6);
                if (smartcnTwice) {
                    double after = timeSmartcn(words, notices, threads);
                    smartcnSeconds.put(threads, Math.min(before, after));
                    say("smartcn alone, %d thread(s): %.1f s before indexing, %.1f s after", threads, before, after);
                } else {
                    smartcnSeconds.put(threads, before);
                    say("smartcn alone, %d thread(s): %.1f s before indexing", threads, before);
                }
            }
        }
        int lastThreads = o.threads().get(o.threads().size() - 1);
        deleteTree(index);
        Files.move(o.work().resolve("index-" + o.count() + "-t" + lastThreads), index);
        for (int threads : o.threads()) {
            deleteTree(o.work().resolve("index-" + o.count() + "-t" + threads));
        }

        // 4. The peer (unless --peers none).
        Path ftsFile = o.work().resolve("fts5-" + o.count() + ".db");
        Fts5Peer peer = null;
        double ftsSeconds = 0;
        long ftsBytes = 0;
        if (o.fts5()) {
            t0 = System.nanoTime();
            peer = Fts5Peer.create(ftsFile, cfg.settings().totalHitsThreshold());
            peer.load(notices);
            ftsSeconds = secs(t0);
            ftsBytes = peer.sizeBytes();
            say("FTS5 built in %.1f s, %.1f MB", ftsSeconds, ftsBytes / 1e6);
        }

        // 5. Queries in-process: ours through NoticeService (as `serve` runs it), the peer on its connection.
        Map<Category, Latencies.Summary> ours = new LinkedHashMap<>();
        Map<Category, Latencies.Summary> theirs = new LinkedHashMap<>();
        List<String[]> hitRows = new ArrayList<>();
        List<Long> oursTotals = new ArrayList<>();
        QuerySet queries;
        int agree = 0;
        int compared = 0;
        try (Analysis analysis = new Analysis(cfg);
             SearcherManager counting = new SearcherManager(DirectoryReader.open(FSDirectory.open(index)), new NoticeSearcherFactory())) {
            SearchService exact = new SearchService(new LuceneEngine(counting, analysis), analysis, exactCounting(cfg));
            queries = QuerySet.choose(o.seed(), gen, analysis, notices, q -> exactTotal(exact, Map.of("q", List.of(q)), cfg));
            // Hit counts, uncapped on both sides.
            for (QuerySet.BenchQuery q : queries.all()) {
                long a = ourCount(exact, q, cfg);
                oursTotals.add(a);
                if (peer == null || q.fts() == null) {
                    hitRows.add(new String[]{q.category().title, q.label(), String.valueOf(a), "—", "—"});
                    continue;
                }
                long b = peer.count(q.fts());
                compared++;
                if (a == b) {
                    agree++;
                }
                hitRows.add(new String[]{q.category().title, q.label(), String.valueOf(a), String.valueOf(b), a == b ? "yes" : "**no**"});
            }
            if (peer != null) {
                say("hit counts agree on %d of %d queries", agree, compared);
            } else {
                say("exact hit counts of %d queries (no peer to compare with)", oursTotals.size());
            }
        }
        int docs = notices.size();
        // The parsed corpus is not needed any more: let it go, so that it does not weigh on the timed searches' GC.
        notices = null;
        System.gc();
        try (NoticeService service = NoticeService.start(cfg, corpus, index, lastThreads, false)) {
            Work searcher = ours(service.service(), cfg.settings());
            warmUp(queries.all(), searcher, o.budget().warmMs() * 2);
            for (var e : queries.byCategory().entrySet()) {
                ours.put(e.getKey(), measure(e.getValue(), searcher, o.budget().warmMs(), o.budget().measureMs(), o.budget().maxSamples()));
                if (peer != null && e.getKey().peer) {
                    Fts5Peer p = peer;
                    theirs.put(e.getKey(), measure(e.getValue(), q -> p.search(q.fts()),
                            Math.min(o.budget().warmMs(), 500), o.budget().peerMeasureMs(), o.budget().maxSamples()));
                    say("%-26s ours p50 %.2f p99 %.2f ms | FTS5 p50 %.2f p99 %.2f ms", e.getKey().title,
                            ours.get(e.getKey()).p50(), ours.get(e.getKey()).p99(), theirs.get(e.getKey()).p50(), theirs.get(e.getKey()).p99());
                } else {
                    say("%-26s ours p50 %.2f p99 %.2f ms", e.getKey().title, ours.get(e.getKey()).p50(), ours.get(e.getKey()).p99());
                }
            }
        } finally {
            if (peer != null) {
                peer.close();
            }
        }

        // 6. HTTP: the service as its own process (or in this JVM without --jar), concurrency 1 and 4.
        Http http = http(queries, "embedded", true, List.of("--config", o.config().toString(), "--corpus", corpus.toString(),
                "--index", index.toString(), "--no-watch", "--threads", "2"), port -> {
                    NoticeService service = NoticeService.start(cfg, corpus, index, 2, false);
                    Javalin app = WebServer.create(service.service(), service.maintainer(), cfg.settings(),
                            new WebConfig("127.0.0.1", port, List.of("*"), null)).start("127.0.0.1", port);
                    return () -> {
                        app.stop();
                        service.close();
                    };
                });
        // 7. The OpenSearch backend on the same corpus and queries, after the embedded measurements so that an idle
        // cluster does not share the machine with them.
        OpenSearchBench.Result os = o.openSearch() == null ? null : OpenSearchBench.run(this, o, cfg, corpus, queries, lastThreads);
        int osAgree = 0;
        if (os != null) {
            for (int i = 0; i < oursTotals.size(); i++) {
                osAgree += oursTotals.get(i).equals(os.totals().get(i)) ? 1 : 0;
            }
            say("OpenSearch hit counts agree with the embedded index on %d of %d queries", osAgree, oursTotals.size());
        }
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        double total = secs(runStart);
        say("done in %.0f s", total);

        String section = render(cfg, corpusStats, reused, genSeconds, parseSeconds, docs, failures.size(), inputBytes,
                textBytes, textChars, smartcnSeconds, indexSeconds, indexBytes, ftsSeconds, ftsBytes, ours, theirs, hitRows,
                agree, compared, queries, http, os, oursTotals, osAgree, loadBefore, loadAfter, total);
        if (o.out() != null) {
            BenchReport.writeSection(o.out(), o.count(), section);
        }
        return section;
    }

    static final int GENERATOR_VERSION = 1;

    private double timeSmartcn(Analysis analysis, List<Notice> notices, int threads) throws Exception {
        System.gc();
        long t = System.nanoTime();
        smartcnAlone(analysis.words(), notices, threads);
        return secs(t);
    }

    private static double secs(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    /** Analyzes title and body of every notice with smartcn (as the two word fields do) and counts tokens. */
    static long smartcnAlone(Analyzer words, List<Notice> notices, int threads) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicLong tokens = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                fs.add(pool.submit(() -> {
                    long mine = 0;
                    for (int i = next.getAndIncrement(); i < notices.size(); i = next.getAndIncrement()) {
                        Notice n = notices.get(i);
                        mine += count(words, n.title() == null ? "" : n.title());
                        mine += count(words, n.searchableText());
                    }
                    tokens.addAndGet(mine);
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return tokens.get();
    }

    private static long count(Analyzer a, String text) throws IOException {
        long n = 0;
        try (TokenStream ts = a.tokenStream("body_words", text)) {
            CharTermAttribute t = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                n += t.length() > 0 ? 1 : 0;
            }
            ts.end();
        }
        return n;
    }

    /** The same configuration with totals counted exactly, however many: for comparing hit counts. */
    static IndexConfig exactCounting(IndexConfig c) {
        Settings s = c.settings();
        Settings exact = new Settings(1, s.snippetLength(), s.titleBoost(), s.wordBoost(), s.maxSize(), s.maxDepth(),
                s.maxQueryLength(), Integer.MAX_VALUE, s.maxFileBytes(), s.readTimeLimitSeconds(), s.maxPages(),
                s.maxTextChars(), s.maxInflatedBytes(), s.maxZipEntries(), s.server());
        return new IndexConfig(c.dir(), c.issuers(), c.campaignSuffixes(), c.synonyms(), c.stopwords(), exact, c.fingerprint());
    }

    /**
     * Our side of a benchmark query, as {@code serve} runs it: a search, the adopters of a search
     * ({@link Category#DIFFUSION}) or a notice's forwarding tree ({@link Category#TREE}).
     */
    static Work ours(SearchBackend backend, Settings settings) {
        DiffusionService diffusion = new DiffusionService(new ServiceDiffusionSource(backend));
        return q -> switch (q.category()) {
            case DIFFUSION -> diffusion.adopters(org.noticesearch.web.SearchRequests.parse(q.params(), settings));
            case TREE -> diffusion.tree(q.noticeId(), ForwardingTree.Limits.DEFAULT);
            default -> backend.search(org.noticesearch.web.SearchRequests.parse(q.params(), settings));
        };
    }

    /** The exact number of notices a query finds: its search's total; for a tree, the notices in the tree. */
    static long ourCount(SearchBackend exact, QuerySet.BenchQuery q, IndexConfig cfg) {
        if (q.category() == Category.TREE) {
            return new DiffusionService(new ServiceDiffusionSource(exact)).tree(q.noticeId(), ForwardingTree.Limits.DEFAULT).notices();
        }
        return exactTotal(exact, q.params(), cfg);
    }

    /** The exact number of notices the product's search finds for these parameters (0 when it had to relax). */
    static long exactTotal(SearchBackend exact, Map<String, List<String>> params, IndexConfig cfg) {
        Map<String, List<String>> p = new LinkedHashMap<>(params);
        p.put("size", List.of("1"));
        SearchPage page = exact.search(org.noticesearch.web.SearchRequests.parse(p, cfg.settings()));
        return page.relaxed() ? 0 : page.total();
    }

    interface Work {
        Object run(QuerySet.BenchQuery q) throws Exception;
    }

    /** Round-robin over the queries for this long, untimed; returns how many ran, so a measurement can go on from there. */
    static int warmUp(List<QuerySet.BenchQuery> qs, Work w, long ms) throws Exception {
        long end = System.nanoTime() + ms * 1_000_000L;
        int i = 0;
        while (System.nanoTime() < end) {
            w.run(qs.get(i++ % qs.size()));
        }
        return i;
    }

    /** Round-robin over the category's queries: warm-up, then samples until the time or sample budget ends. */
    static Latencies.Summary measure(List<QuerySet.BenchQuery> qs, Work w, long warmMs, long measureMs, int maxSamples) throws Exception {
        int i = warmUp(qs, w, warmMs);
        Latencies l = new Latencies();
        long end = System.nanoTime() + measureMs * 1_000_000L;
        // At least two rounds over the queries, however slow, so that each query is in the sample.
        int min = Math.min(maxSamples, 2 * qs.size());
        while ((System.nanoTime() < end || l.count() < min) && l.count() < maxSamples) {
            QuerySet.BenchQuery q = qs.get(i++ % qs.size());
            long t = System.nanoTime();
            w.run(q);
            l.add(System.nanoTime() - t);
        }
        return l.summary();
    }

    /**
     * What the HTTP part measured. {@code startSeconds} is the first start (cold when {@code cold}, else
     * {@code coldNote} says why not); {@code warmStartSeconds} a second start on the same index, NaN when not measured.
     */
    record Http(String mode, double startSeconds, Map<Category, HttpLoad.Result> c1, Map<Category, HttpLoad.Result> c4,
                HttpLoad.Result mixedC4, String memory, String heap, boolean cold, String coldNote, double warmStartSeconds) {}

    /** Starts the service inside this JVM on a port and returns what stops it (when the run has no --jar). */
    interface InJvmServer {
        AutoCloseable start(int port) throws Exception;
    }

    /**
     * Measures one service over HTTP: {@code java -Xmx<heap> -jar <jar> serve <serveArgs> --host --port} as its own
     * process (or {@code inJvm} in this JVM without --jar); {@code name} tells the log files apart. With
     * {@code starts} and a jar, the page cache is dropped before the first start (when allowed) and the process is
     * started a second time after the load, warm, for the time to its first answer.
     */
    Http http(QuerySet queries, String name, boolean starts, List<String> serveArgs, InJvmServer inJvm) throws Exception {
        int port;
        try (ServerSocket ss = new ServerSocket(0)) {
            port = ss.getLocalPort();
        }
        Process process = null;
        AutoCloseable inside = null;
        long t0 = System.nanoTime();
        String mode;
        Path log = o.work().resolve("server-" + name + "-" + o.count() + ".log");
        Path gcLog = gcLog(name);
        boolean measureStarts = starts && o.jar() != null;
        String coldNote = !measureStarts ? "not measured cold (no separate process)"
                : !o.dropCache() ? "not cold: --no-drop-cache" : dropPageCache();
        boolean cold = coldNote == null;
        try {
            if (o.jar() != null) {
                mode = "separate process: java -Xmx" + o.serverHeap() + " -jar " + o.jar() + " serve " + String.join(" ", serveArgs);
                t0 = System.nanoTime();
                process = startServer(serveArgs, port, log, gcLog);
            } else {
                mode = "in this JVM (WebServer.create over the " + name + " backend)";
                inside = inJvm.start(port);
            }
            HttpLoad load = new HttpLoad("http://127.0.0.1:" + port);
            String probe = queries.all().get(0).url();
            double startSeconds = awaitFirstAnswer(load, probe, process, log, t0);
            say("HTTP (%s): first answered query %.2f s after start%s (%s)", name, startSeconds,
                    cold ? ", cold (page cache dropped)" : measureStarts ? " (" + coldNote + ")" : "", mode);
            // The server's JIT is cold: a global warm-up over every query first, as in-process.
            List<String> everything = queries.all().stream().map(QuerySet.BenchQuery::url).toList();
            load.run(everything, 2, o.budget().httpWarmMs() * 6, 0, Integer.MAX_VALUE);
            Map<Category, HttpLoad.Result> c1 = new LinkedHashMap<>();
            Map<Category, HttpLoad.Result> c4 = new LinkedHashMap<>();
            for (var e : queries.byCategory().entrySet()) {
                List<String> urls = e.getValue().stream().map(QuerySet.BenchQuery::url).toList();
                c1.put(e.getKey(), load.run(urls, 1, o.budget().httpWarmMs(), o.budget().httpMeasureMs(), o.budget().maxSamples()));
                c4.put(e.getKey(), load.run(urls, 4, o.budget().httpWarmMs(), o.budget().httpMeasureMs(), o.budget().maxSamples() * 2));
                say("HTTP (%s) %-26s c1 p99 %.2f ms | c4 p99 %.2f ms, %.0f req/s, %d errors", name, e.getKey().title,
                        c1.get(e.getKey()).latencies().summary().p99(), c4.get(e.getKey()).latencies().summary().p99(),
                        c4.get(e.getKey()).throughput(), c1.get(e.getKey()).errors() + c4.get(e.getKey()).errors());
            }
            // All categories mixed, concurrency 4, for the memory check.
            HttpLoad.Result mixedC4 = load.run(everything, 4, o.budget().httpWarmMs(), o.budget().httpMeasureMs() * 2, o.budget().maxSamples() * 4);
            String memory = process != null ? memoryOf(process.pid()) : memoryOf(ProcessHandle.current().pid()) + " (the benchmark's own JVM)";
            String heap = process != null ? heapOf(process.pid()) + "; " + gcSummary(gcLog) : "";
            double warmStart = Double.NaN;
            if (measureStarts) {
                process.destroy();
                process.waitFor();
                process = null;
                // A second start on the same index, its files now in the page cache: the usual restart.
                Path warmLog = o.work().resolve("server-" + name + "-" + o.count() + "-warm.log");
                long t1 = System.nanoTime();
                process = startServer(serveArgs, port, warmLog, gcLog(name + "-warm"));
                warmStart = awaitFirstAnswer(load, probe, process, warmLog, t1);
                say("HTTP (%s): first answered query %.2f s after a second (warm) start", name, warmStart);
            }
            return new Http(mode, startSeconds, c1, c4, mixedC4, memory, heap, cold, coldNote, warmStart);
        } finally {
            if (inside != null) {
                inside.close();
            }
            if (process != null) {
                process.destroy();
                process.waitFor();
            }
        }
    }

    private Process startServer(List<String> serveArgs, int port, Path log, Path gcLog) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(javaBin(), "-Xmx" + o.serverHeap(), "-Xlog:gc:file=" + gcLog,
                "-jar", o.jar().toString(), "serve"));
        cmd.addAll(serveArgs);
        cmd.addAll(List.of("--host", "127.0.0.1", "--port", String.valueOf(port)));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** Polls until the probe is answered with 200; the seconds since {@code t0}. */
    private static double awaitFirstAnswer(HttpLoad load, String probe, Process process, Path log, long t0) throws Exception {
        while (load.get(probe) != 200) {
            if (process != null && !process.isAlive()) {
                throw new IOException("the server exited with " + process.exitValue() + "; see " + log);
            }
            if (secs(t0) > 600) {
                throw new IOException("the server did not answer within 600 s; see " + log);
            }
            Thread.sleep(10);
        }
        return secs(t0);
    }

    static final Path DROP_CACHES = Path.of("/proc/sys/vm/drop_caches");

    /**
     * Writes dirty pages out and drops the page cache, so that the next start reads the index (and the JVM and the
     * jar) from disk, as after a reboot. Null when done, else why not (not Linux, not root, a read-only /proc in a
     * container). It empties the cache of the whole machine, which other work on it will feel for a moment.
     */
    static String dropPageCache() {
        if (!Files.exists(DROP_CACHES)) {
            return "not cold: no " + DROP_CACHES + " (not Linux)";
        }
        try {
            new ProcessBuilder("sync").inheritIO().start().waitFor();
            Files.writeString(DROP_CACHES, "3");
            return null;
        } catch (IOException e) {
            return "not cold: the page cache could not be dropped (" + DROP_CACHES + ": " + e.getMessage()
                    + "; it needs root and a writable /proc/sys)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "not cold: interrupted";
        }
    }

    private Path gcLog(String name) {
        return o.work().toAbsolutePath().resolve("server-" + name + "-" + o.count() + "-gc.log");
    }

    /** Number, total and longest of the GC pauses in a -Xlog:gc file. */
    static String gcSummary(Path log) {
        try {
            double max = 0;
            double sum = 0;
            int n = 0;
            java.util.regex.Pattern ms = java.util.regex.Pattern.compile("Pause.* ([0-9.]+)ms$");
            for (String line : Files.readAllLines(log)) {
                java.util.regex.Matcher m = ms.matcher(line);
                if (m.find()) {
                    double v = Double.parseDouble(m.group(1));
                    n++;
                    sum += v;
                    max = Math.max(max, v);
                }
            }
            return String.format(Locale.ROOT, "GC: %d pauses, %.0f ms in all, longest %.1f ms", n, sum, max);
        } catch (IOException e) {
            return "GC: no log";
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Peak and current resident memory from /proc (Linux). */
    static String memoryOf(long pid) {
        try {
            String status = Files.readString(Path.of("/proc/" + pid + "/status"));
            String hwm = "?";
            String rss = "?";
            for (String line : status.split("\n")) {
                if (line.startsWith("VmHWM:")) {
                    hwm = line.substring(6).strip();
                } else if (line.startsWith("VmRSS:")) {
                    rss = line.substring(6).strip();
                }
            }
            return "peak RSS " + hwm + ", RSS now " + rss;
        } catch (IOException e) {
            return "(no /proc: " + e.getMessage() + ")";
        }
    }

    /** The server's heap after the load, from jcmd GC.heap_info (first lines). */
    static String heapOf(long pid) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        if (!Files.isExecutable(jcmd)) {
            return "";
        }
        try {
            Process p = new ProcessBuilder(jcmd.toString(), String.valueOf(pid), "GC.heap_info").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor();
            return out.lines().filter(l -> l.contains("total") && l.contains("used")).findFirst().map(String::strip).orElse("");
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** Shape of the generated corpus, to show it is not a copy of the seeds. */
    record CorpusStats(long files, long gbk, long hardWrapped, long minBytes, long medianBytes, long p95Bytes, long maxBytes,
                       long withNumber, long withCitations, long withCampaigns, int distinctIssuers) {}

    private static CorpusStats corpusStats(Path corpus, List<Notice> notices) throws IOException {
        List<Long> sizes = new ArrayList<>();
        try (Stream<Path> s = Files.walk(corpus)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                sizes.add(Files.size(p));
            }
        }
        sizes.sort(Comparator.naturalOrder());
        long gbk = notices.stream().filter(n -> n.encoding() != null && n.encoding().startsWith("G")).count();
        Path manifest = corpus.resolveSibling(corpus.getFileName() + "." + CorpusGenerator.MANIFEST);
        long wrapped = Files.exists(manifest) ? Files.readAllLines(manifest).stream().skip(1).filter(l -> l.split("\t")[6].equals("true")).count() : -1;
        return new CorpusStats(sizes.size(), gbk, wrapped, sizes.get(0), sizes.get(sizes.size() / 2),
                sizes.get((int) (sizes.size() * 0.95)), sizes.get(sizes.size() - 1),
                notices.stream().filter(n -> n.docNumber() != null).count(),
                notices.stream().filter(n -> !n.citations().isEmpty()).count(),
                notices.stream().filter(n -> !n.campaigns().isEmpty()).count(),
                (int) notices.stream().map(Notice::issuer).distinct().count());
    }

    static long treeSize(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            long sum = 0;
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                sum += Files.size(p);
            }
            return sum;
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    // ---------------------------------------------------------------- Markdown

    /** The worst concurrency-4 p99 of an HTTP table, its category, and the errors under it. */
    record HttpSummary(double worstP99, String worstCategory, long errors, String firstError) {}

    /**
     * The HTTP table: each category at concurrency 1 and 4, then all mixed at 4; with {@code beside}, a last
     * column with that run's concurrency-4 p99 for the same category.
     */
    static HttpSummary renderHttp(StringBuilder md, Http http, Http beside) {
        md.append("| category | c=1 p50 | p95 | p99 | c=4 p50 | p95 | p99 | c=4 req/s | errors |").append(beside == null ? "" : " embedded c=4 p99 |")
                .append("\n| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |").append(beside == null ? "" : " ---: |").append('\n');
        double worst = 0;
        String worstCat = "";
        long errors = 0;
        String firstError = null;
        for (Category c : http.c1().keySet()) {
            HttpLoad.Result r1 = http.c1().get(c);
            HttpLoad.Result r4 = http.c4().get(c);
            Latencies.Summary a = r1.latencies().summary();
            Latencies.Summary b = r4.latencies().summary();
            long err = r1.errors() + r4.errors();
            errors += err;
            firstError = firstError != null ? firstError : r1.firstError() != null ? r1.firstError() : r4.firstError();
            md.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.0f | %d |", c.title, a.p50(), a.p95(),
                    a.p99(), b.p50(), b.p95(), b.p99(), r4.throughput(), err));
            if (beside != null && beside.c4().containsKey(c)) {
                md.append(String.format(Locale.ROOT, " %.2f |", beside.c4().get(c).latencies().summary().p99()));
            }
            md.append('\n');
            if (b.p99() > worst) {
                worst = b.p99();
                worstCat = c.title;
            }
        }
        HttpLoad.Result m = http.mixedC4();
        Latencies.Summary ms = m.latencies().summary();
        errors += m.errors();
        firstError = firstError != null ? firstError : m.firstError();
        md.append(String.format(Locale.ROOT, "| all categories mixed | | | | %.2f | %.2f | %.2f | %.0f | %d |", ms.p50(), ms.p95(), ms.p99(),
                m.throughput(), m.errors()));
        if (beside != null) {
            md.append(String.format(Locale.ROOT, " %.2f |", beside.mixedC4().latencies().summary().p99()));
        }
        md.append('\n');
        return new HttpSummary(worst, worstCat, errors, firstError);
    }

    /** The flags of this run that differ from the defaults at its size, as {@code bench/run} takes them. */
    private String flagsBesideDefaults() {
        boolean large = o.count() >= LARGE;
        StringBuilder f = new StringBuilder();
        if (o.fts5() == large) {
            f.append(" --peers ").append(o.fts5() ? "fts5" : "none");
        }
        if (!o.threads().equals(large ? List.of(2) : List.of(1, 2))) {
            f.append(" --threads ").append(String.join(",", o.threads().stream().map(String::valueOf).toList()));
        }
        if ((o.openSearch() == null) != large) {
            f.append(" --opensearch-nodes ").append(o.openSearch() == null ? 0 : o.openSearch().nodes());
        }
        if (!o.serverHeap().equals(large ? "1g" : "512m")) {
            f.append(" --server-heap ").append(o.serverHeap());
        }
        if (!o.dropCache()) {
            f.append(" --no-drop-cache");
        }
        return f.toString();
    }

    private String render(IndexConfig cfg, CorpusStats cs, boolean reused, double genSeconds, double parseSeconds, int docs,
                          int failed, long inputBytes, long textBytes, long textChars, Map<Integer, Double> smartcnSeconds,
                          Map<Integer, Double> indexSeconds, Map<Integer, Long> indexBytes, double ftsSeconds, long ftsBytes,
                          Map<Category, Latencies.Summary> ours, Map<Category, Latencies.Summary> theirs, List<String[]> hitRows,
                          int agree, int compared, QuerySet queries, Http http, OpenSearchBench.Result os, List<Long> oursTotals,
                          int osAgree, double loadBefore, double loadAfter, double total) {
        StringBuilder md = new StringBuilder();
        double mb = inputBytes / 1e6;
        md.append("### ").append(String.format(Locale.ROOT, "%,d", o.count())).append(" notices\n\n");
        md.append("Machine: ").append(BenchReport.machine()).append(". Command: `bench/run ").append(o.count())
                .append(flagsBesideDefaults()).append("`.\n\n");
        md.append(String.format(Locale.ROOT, "Run took %.0f s (load average %.2f before, %.2f after). Seed %d. Corpus %s in %.1f s: "
                        + "%,d files, %.1f MB on disk (%,d GBK, %,d hard-wrapped); file size min %,d / median %,d / p95 %,d / max %,d bytes; "
                        + "%,d with a document number, %,d citing another notice, %,d naming a campaign, %d issuers. "
                        + "Parsed %,d notices (%d failed) to %.1f MB of title+body text (%,d characters); decode+parse alone took %.1f s.%n%n",
                total, loadBefore, loadAfter, o.seed(), reused ? "reused" : "generated", genSeconds, cs.files(), mb, cs.gbk(),
                cs.hardWrapped(), cs.minBytes(), cs.medianBytes(), cs.p95Bytes(), cs.maxBytes(), cs.withNumber(),
                cs.withCitations(), cs.withCampaigns(), cs.distinctIssuers(), docs, failed, textBytes / 1e6, textChars, parseSeconds));

        md.append("#### Indexing\n\n");
        md.append("| threads | end to end (decode, parse, analyze, write, commit) | docs/s | MB/s of input | smartcn alone ("
                + (o.count() < LARGE ? "best of before/after" : "once, before indexing") + ") | smartcn MB/s | ratio (target ≥ 0.70) |\n");
        md.append("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (int t : o.threads()) {
            double is = indexSeconds.get(t);
            double ss = smartcnSeconds.get(t);
            double ratio = ss / is;
            md.append(String.format(Locale.ROOT, "| %d | %.1f s | %,.0f | %.2f | %.1f s | %.2f | %.2f %s |%n", t, is, docs / is, mb / is,
                    ss, mb / ss, ratio, ratio >= 0.7 ? "met" : "**missed**"));
            targets.put("indexing ≥ 0.7 × smartcn alone, " + t + " thread" + (t > 1 ? "s" : ""),
                    String.format(Locale.ROOT, "%.2f|%s", ratio, ratio >= 0.7 ? "met" : "missed"));
        }
        long idx = indexBytes.get(o.threads().get(o.threads().size() - 1));
        double idxRatio = (double) idx / inputBytes;
        md.append(String.format(Locale.ROOT, "%nIndex on disk (%d-thread build, as `index` leaves it: merged into one segment): %.1f MB = **%.2f × the input files** "
                        + "(%.2f × the UTF-8 title+body text). ",
                o.threads().get(o.threads().size() - 1), idx / 1e6, idxRatio, (double) idx / textBytes));
        if (o.fts5()) {
            md.append(String.format(Locale.ROOT, "SQLite FTS5 (trigram) peer: built in %.1f s from the already parsed text (insert in one "
                            + "transaction, metadata indexes, `optimize`), %.1f MB = %.2f × the input files.%n%n",
                    ftsSeconds, ftsBytes / 1e6, (double) ftsBytes / inputBytes));
        } else {
            md.append("No SQLite FTS5 peer in this run (`--peers none`).\n\n");
        }
        if (o.count() >= LARGE) {
            int lastT = o.threads().get(o.threads().size() - 1);
            targets.put("the whole index built with `index` on this machine", String.format(Locale.ROOT, "%,d of %,d notices, %d failed, "
                    + "%.0f s, %.2f MB/s, %.2f × smartcn alone|%s", docs - failed, o.count(), failed, indexSeconds.get(lastT),
                    mb / indexSeconds.get(lastT), smartcnSeconds.get(lastT) / indexSeconds.get(lastT),
                    failed == 0 && docs == o.count() ? "met" : "missed"));
        }
        targets.put("index ≤ 1.7 × input", String.format(Locale.ROOT, "%.2f|%s", idxRatio, idxRatio <= 1.7 ? "met" : "missed"));

        md.append("#### Queries in-process (ms, after warm-up; ours always computes 5 facets and cuts 3 snippets per hit)\n\n");
        md.append("| category | ours p50 | p95 | p99 | n | FTS5 p50 | p95 | p99 | n | FTS5 ÷ ours (p50) | (p99) |\n");
        md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        double worstP99 = 0;
        String worstCat = "";
        int fasterP50 = 0;
        int withPeer = 0;
        for (Category c : ours.keySet()) {
            Latencies.Summary a = ours.get(c);
            Latencies.Summary b = theirs.get(c);
            md.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %.2f | %d |", c.title, a.p50(), a.p95(), a.p99(), a.n()));
            if (b == null) {
                md.append(" — | — | — | — | — | — |\n");
            } else {
                md.append(String.format(Locale.ROOT, " %.2f | %.2f | %.2f | %d | %.1f× | %.1f× |%n",
                        b.p50(), b.p95(), b.p99(), b.n(), b.p50() / a.p50(), b.p99() / a.p99()));
                withPeer++;
                if (a.p50() < b.p50() && a.p99() < b.p99()) {
                    fasterP50++;
                }
            }
            if (a.p99() > worstP99) {
                worstP99 = a.p99();
                worstCat = c.title;
            }
        }
        if (!o.fts5()) {
            md.append("\nFTS5 left out of this run (`--peers none`): “—” in its columns.\n");
        } else if (withPeer < ours.size()) {
            md.append("\n“—”: FTS5 has no equivalent of diffusion (the adopters of every match) or of a forwarding tree; those "
                    + "categories are left out of the “faster than FTS5” target.\n");
        }
        md.append("\nWhat each category runs:\n\n");
        for (var e : queries.byCategory().entrySet()) {
            md.append("- **").append(e.getKey().title).append("** — ").append(e.getKey().description).append(": ");
            md.append(String.join(", ", e.getValue().stream().map(q -> "`" + q.label() + "`").toList())).append('\n');
        }
        String at100k = o.count() != 100_000 ? " (the target is set at 100,000)" : "";
        targets.put("in-process p99 ≤ 10 ms, every category (new ones included)" + at100k,
                String.format(Locale.ROOT, "worst %.2f ms (%s)|%s", worstP99, worstCat, worstP99 <= 10 ? "met" : "missed"));
        Latencies.Summary tree = ours.get(Category.TREE);
        if (tree != null) {
            targets.put("forwarding tree < 20 ms in-process, p99 (issue 15)", String.format(Locale.ROOT, "p50 %.2f ms, p99 %.2f ms|%s",
                    tree.p50(), tree.p99(), tree.p99() < 20 ? "met" : "missed"));
        }
        if (o.fts5()) {
            targets.put("faster than FTS5 in every category (p50 and p99; diffusion and trees have no FTS5 equivalent)",
                    String.format(Locale.ROOT, "%d of %d categories|%s", fasterP50, withPeer, fasterP50 == withPeer ? "met" : "missed"));
        }

        int osCompared = oursTotals.size();
        if (o.fts5()) {
            md.append(String.format(Locale.ROOT, "%n#### Hit counts, ours and FTS5 (exact totals on both sides): %d of %d agree%s%n%n", agree, compared,
                    os == null ? "" : String.format(Locale.ROOT, "; OpenSearch and ours: %d of %d agree", osAgree, osCompared)));
        } else {
            md.append(String.format(Locale.ROOT, "%n#### Hit counts (exact totals; no FTS5 peer in this run)%s%n%n",
                    os == null ? "" : String.format(Locale.ROOT, ": OpenSearch and ours: %d of %d agree", osAgree, osCompared)));
        }
        md.append("A tree's count is the notices in the tree; a diffusion query's, the notices it reads.\n\n");
        if (os == null) {
            md.append("| category | query | ours | FTS5 | same |\n| --- | --- | ---: | ---: | --- |\n");
        } else {
            md.append("| category | query | ours | FTS5 | same | OpenSearch | same |\n| --- | --- | ---: | ---: | --- | ---: | --- |\n");
        }
        for (int i = 0; i < hitRows.size(); i++) {
            md.append("| ").append(String.join(" | ", hitRows.get(i)));
            if (os != null) {
                long theirsOs = os.totals().get(i);
                md.append(" | ").append(theirsOs).append(" | ").append(theirsOs == oursTotals.get(i) ? "yes" : "**no**");
            }
            md.append(" |\n");
        }
        if (o.fts5()) {
            targets.put("same hits as FTS5", String.format(Locale.ROOT, "%d of %d queries|%s", agree, compared, agree == compared ? "met" : "missed"));
        }

        md.append("\n#### Over HTTP (ms, closed loop, java.net.http client on the same machine; ").append(http.mode()).append(")\n\n");
        HttpSummary h = renderHttp(md, http, null);
        String warm = Double.isNaN(http.warmStartSeconds()) ? ""
                : String.format(Locale.ROOT, "; %.2f s on a second start (warm: the index in the page cache)", http.warmStartSeconds());
        md.append(String.format(Locale.ROOT, "%nService: first answered query %.2f s after the process started on the existing index "
                + "(JVM start, index open, corpus stat check, first search)%s%s. Memory after the load: %s%s. Errors: %d%s.%n",
                http.startSeconds(), http.cold() ? ", cold (page cache dropped with `sync; echo 3 > /proc/sys/vm/drop_caches` after the "
                        + "build and the in-process measurements, right before the start)" : " (" + http.coldNote() + ")", warm,
                http.memory(), http.heap().isEmpty() ? "" : "; heap: " + http.heap(), h.errors(),
                h.firstError() == null ? "" : " (first: " + h.firstError() + ")"));
        targets.put("HTTP p99 ≤ 25 ms at concurrency 4 (new categories included)" + at100k,
                String.format(Locale.ROOT, "worst %.2f ms (%s)|%s", h.worstP99(), h.worstCategory(), h.worstP99() <= 25 ? "met" : "missed"));
        targets.put("no errors under concurrency-4 load, -Xmx" + o.serverHeap(), h.errors() + " errors|" + (h.errors() == 0 ? "met" : "missed"));
        double startLimit = o.count() >= LARGE ? 5 : 3;
        String startAt = o.count() >= LARGE ? "" : o.count() < 100_000 ? " (target is at 100,000)" : "";
        targets.put(String.format(Locale.ROOT, "first answered query ≤ %.0f s after start, %s%s", startLimit,
                        http.cold() ? "cold" : "first start (not cold: see above)", startAt),
                String.format(Locale.ROOT, "%.2f s|%s", http.startSeconds(), http.startSeconds() <= startLimit ? "met" : "missed"));
        if (!Double.isNaN(http.warmStartSeconds())) {
            targets.put(String.format(Locale.ROOT, "first answered query ≤ %.0f s after start, warm%s", startLimit, startAt),
                    String.format(Locale.ROOT, "%.2f s|%s", http.warmStartSeconds(), http.warmStartSeconds() <= startLimit ? "met" : "missed"));
        }

        if (os != null) {
            int lastThreads = o.threads().get(o.threads().size() - 1);
            OpenSearchBench.render(md, os, docs, failed, inputBytes, indexSeconds.get(lastThreads), indexBytes.get(lastThreads), ours, http,
                    osAgree, osCompared, targets);
        }

        md.append("\n#### Targets at this size\n\n| target | measured | status |\n| --- | --- | --- |\n");
        targets.forEach((k, v) -> {
            String[] parts = v.split("\\|");
            md.append("| ").append(k).append(" | ").append(parts[0]).append(" | ")
                    .append(parts[1].equals("met") ? "met" : "**missed**").append(" |\n");
        });
        return md.toString();
    }
}
