package org.noticesearch.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.noticesearch.analysis.Analysis;
import org.noticesearch.config.IndexConfig;
import org.noticesearch.index.IndexStore;
import org.noticesearch.index.IngestReport;
import org.noticesearch.index.NoticeIndexer;
import org.noticesearch.ingest.Notice;
import org.noticesearch.ingest.NoticeParser;

/**
 * The benchmark's indexing step alone, repeated: smartcn alone on the parsed notices, then the product's indexer end to
 * end into a fresh folder, at each thread count, for a number of rounds; prints the times, the ratio smartcn/indexing
 * (the target) and index/input size. For A/B runs of indexing changes without the rest of {@code bench/run}:
 * {@code IndexTiming --corpus DIR [--threads 1,2] [--rounds 3] [--index DIR]}.
 */
public final class IndexTiming {
    private IndexTiming() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> a = Args.parse(args);
        IndexConfig cfg = IndexConfig.load(Path.of(a.getOrDefault("config", "index-config")));
        Path corpus = Path.of(a.get("corpus"));
        Path index = Path.of(a.getOrDefault("index", "target/i/timing-index"));
        List<Integer> threadCounts = Arrays.stream(a.getOrDefault("threads", "1,2").split(",")).map(Integer::parseInt).toList();
        int rounds = Integer.parseInt(a.getOrDefault("rounds", "3"));
        String label = a.getOrDefault("label", "");

        List<Notice> notices = new ArrayList<>();
        new NoticeParser(cfg).parseEach(corpus, notices::add);
        long inputBytes = 0;
        try (Stream<Path> s = Files.walk(corpus)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                inputBytes += Files.size(p);
            }
        }
        try (Analysis words = new Analysis(cfg)) {
            Benchmark.smartcnAlone(words.words(), notices.subList(0, Math.min(notices.size(), 3000)), 1); // warm-up
            for (int r = 0; r < rounds; r++) {
                for (int threads : threadCounts) {
                    System.gc();
                    long t = System.nanoTime();
                    Benchmark.smartcnAlone(words.words(), notices, threads);
                    double smartcn = (System.nanoTime() - t) / 1e9;
                    Benchmark.deleteTree(index);
                    System.gc();
                    t = System.nanoTime();
                    IngestReport report;
                    try (Analysis analysis = new Analysis(cfg); IndexStore store = IndexStore.open(index, cfg, analysis)) {
                        report = new NoticeIndexer(store, new NoticeParser(cfg), threads).sync(corpus, NoticeIndexer.Progress.NONE);
                    }
                    double indexing = (System.nanoTime() - t) / 1e9;
                    long size = Benchmark.treeSize(index);
                    System.out.printf("%s round %d threads %d: smartcn %.1f s, index %.1f s (%d added), ratio %.2f, size %.1f MB = %.3f x input%n",
                            label, r, threads, smartcn, indexing, report.added(), smartcn / indexing, size / 1e6,
                            (double) size / inputBytes);
                }
            }
        }
    }
}
