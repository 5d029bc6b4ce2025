package org.noticesearch.bench;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.FSDirectory;
import org.noticesearch.NoticeService;
import org.noticesearch.analysis.Analysis;
import org.noticesearch.config.IndexConfig;
import org.noticesearch.index.NoticeSearcherFactory;
import org.noticesearch.ingest.Notice;
import org.noticesearch.ingest.NoticeParser;
import org.noticesearch.search.SearchService;
import org.noticesearch.search.lucene.LuceneEngine;

/**
 * The benchmark's in-process query categories on an existing index, for before/after comparisons of one change:
 * {@code QueryLatency --corpus DIR --index DIR --queries FILE [--seed S] [--rounds 3] [--seconds 4] [--only CATEGORY-PREFIX]}. The query set is
 * chosen once as the benchmark chooses it ({@link QuerySet#choose}, which parses the corpus) and kept in FILE (one
 * {@code category TAB url-parameters} line each), so that later runs start at once. Each round measures every category
 * for {@code --seconds} after a short warm-up and prints p50/p99 and the bytes allocated per search (the measuring
 * thread's allocation counter); the medians over the rounds come last.
 */
public final class QueryLatency {
    private QueryLatency() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> a = Args.parse(args);
        IndexConfig cfg = IndexConfig.load(Path.of(a.getOrDefault("config", "index-config")));
        Path corpus = Path.of(a.get("corpus"));
        Path index = Path.of(a.get("index"));
        Path file = Path.of(a.get("queries"));
        long seed = Long.parseLong(a.getOrDefault("seed", "1"));
        int rounds = Integer.parseInt(a.getOrDefault("rounds", "3"));
        double seconds = Double.parseDouble(a.getOrDefault("seconds", "4"));
        if (!Files.exists(file)) {
            choose(cfg, corpus, index, file, seed);
        }
        Map<String, List<QuerySet.BenchQuery>> byCategory = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int tab = line.indexOf('\t');
            String title = line.substring(0, tab);
            Category c = java.util.Arrays.stream(Category.values()).filter(x -> x.title.equals(title)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(file + ": unknown category " + title));
            Map<String, List<String>> params = decode(line.substring(tab + 1));
            String noticeId = c == Category.TREE ? params.getOrDefault("noticeId", List.of("")).get(0) : null;
            if (c == Category.TREE && noticeId.isEmpty()) {
                throw new IllegalArgumentException(file + ": a tree line without noticeId (written by an older QueryLatency): delete the file");
            }
            if (a.containsKey("only") && !title.startsWith(a.get("only"))) {
                continue;
            }
            byCategory.computeIfAbsent(title, k -> new ArrayList<>()).add(new QuerySet.BenchQuery(c, title, params, null, noticeId));
        }
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Map<String, List<double[]>> results = new LinkedHashMap<>();
        try (NoticeService service = NoticeService.start(cfg, corpus, index, 2, false)) {
            // As the benchmark runs them: diffusion through the adopters, a tree through the forwarding tree.
            Benchmark.Work s = Benchmark.ours(service.service(), cfg.settings());
            List<QuerySet.BenchQuery> all = byCategory.values().stream().flatMap(List::stream).toList();
            long warmEnd = System.nanoTime() + 8_000_000_000L;
            for (int i = 0; System.nanoTime() < warmEnd; i++) {
                s.run(all.get(i % all.size()));
            }
            for (int round = 0; round < rounds; round++) {
                for (var e : byCategory.entrySet()) {
                    List<QuerySet.BenchQuery> qs = e.getValue();
                    long warm = System.nanoTime() + 300_000_000L;
                    for (int i = 0; System.nanoTime() < warm; i++) {
                        s.run(qs.get(i % qs.size()));
                    }
                    Latencies l = new Latencies();
                    long tid = Thread.currentThread().threadId();
                    long bytes0 = mx.getThreadAllocatedBytes(tid);
                    long end = System.nanoTime() + (long) (seconds * 1e9);
                    int i = 0;
                    for (; System.nanoTime() < end; i++) {
                        long t = System.nanoTime();
                        s.run(qs.get(i % qs.size()));
                        l.add(System.nanoTime() - t);
                    }
                    double kb = (mx.getThreadAllocatedBytes(tid) - bytes0) / 1024.0 / i;
                    Latencies.Summary sum = l.summary();
                    results.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(new double[]{sum.p50(), sum.p99(), kb});
                    System.out.printf("round %d %-26s n %6d p50 %7.3f p99 %7.3f ms  alloc %8.1f KB/search%n",
                            round + 1, e.getKey(), sum.n(), sum.p50(), sum.p99(), kb);
                }
            }
        }
        System.out.printf("%nmedians over %d rounds (load average %.2f)%n", rounds,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        for (var e : results.entrySet()) {
            System.out.printf("%-26s p50 %7.3f p99 %7.3f ms  alloc %8.1f KB/search%n", e.getKey(),
                    median(e.getValue(), 0), median(e.getValue(), 1), median(e.getValue(), 2));
        }
    }

    private static double median(List<double[]> rows, int col) {
        double[] v = rows.stream().mapToDouble(r -> r[col]).sorted().toArray();
        return v[v.length / 2];
    }

    /** Chooses the benchmark's queries for this corpus and writes them to {@code file}. */
    private static void choose(IndexConfig cfg, Path corpus, Path index, Path file, long seed) throws Exception {
        CorpusGenerator gen = CorpusGenerator.fromSeeds(Path.of("corpus"), cfg);
        List<Notice> notices = new ArrayList<>();
        new NoticeParser(cfg).parseEach(corpus, notices::add);
        StringBuilder out = new StringBuilder();
        try (Analysis analysis = new Analysis(cfg);
             SearcherManager counting = new SearcherManager(DirectoryReader.open(FSDirectory.open(index)), new NoticeSearcherFactory())) {
            IndexConfig exactCfg = Benchmark.exactCounting(cfg);
            SearchService exact = new SearchService(new LuceneEngine(counting, analysis), analysis, exactCfg);
            QuerySet qs = QuerySet.choose(seed, gen, analysis, notices,
                    q -> Benchmark.exactTotal(exact, Map.of("q", List.of(q)), cfg));
            for (QuerySet.BenchQuery q : qs.all()) {
                String url = q.url();
                String params = q.category() == Category.TREE
                        ? "noticeId=" + java.net.URLEncoder.encode(q.noticeId(), StandardCharsets.UTF_8)
                        : url.indexOf('?') < 0 ? "" : url.substring(url.indexOf('?') + 1);
                out.append(q.category().title).append('\t').append(params).append('\n');
            }
        }
        Files.writeString(file, out.toString(), StandardCharsets.UTF_8);
    }

    private static Map<String, List<String>> decode(String query) {
        Map<String, List<String>> p = new LinkedHashMap<>();
        if (query.isEmpty()) {
            return p;
        }
        for (String kv : query.split("&")) {
            int eq = kv.indexOf('=');
            p.computeIfAbsent(kv.substring(0, eq), k -> new ArrayList<>())
                    .add(java.net.URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return p;
    }
}
