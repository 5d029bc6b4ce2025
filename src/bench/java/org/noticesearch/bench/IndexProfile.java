package org.noticesearch.bench;

import java.nio.file.Path;
import java.util.Map;
import org.noticesearch.analysis.Analysis;
import org.noticesearch.config.IndexConfig;
import org.noticesearch.index.IndexStore;
import org.noticesearch.index.IngestReport;
import org.noticesearch.index.NoticeIndexer;
import org.noticesearch.ingest.NoticeParser;

/**
 * Indexes a corpus into a fresh folder with the product's indexer, for profiling under JFR:
 * {@code java -XX:StartFlightRecording=filename=index.jfr ... IndexProfile --corpus DIR --index DIR [--threads 1] [--rounds 2]}.
 * The first rounds warm the JIT; every round rebuilds the index from nothing.
 */
public final class IndexProfile {
    private IndexProfile() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> a = Args.parse(args);
        IndexConfig cfg = IndexConfig.load(Path.of(a.getOrDefault("config", "index-config")));
        Path corpus = Path.of(a.get("corpus"));
        Path index = Path.of(a.getOrDefault("index", "target/bench/profile-index"));
        int threads = Integer.parseInt(a.getOrDefault("threads", "1"));
        int rounds = Integer.parseInt(a.getOrDefault("rounds", "2"));
        for (int r = 0; r < rounds; r++) {
            Benchmark.deleteTree(index);
            long t = System.nanoTime();
            IngestReport report;
            try (Analysis analysis = new Analysis(cfg); IndexStore store = IndexStore.open(index, cfg, analysis)) {
                report = new NoticeIndexer(store, new NoticeParser(cfg), threads).sync(corpus, NoticeIndexer.Progress.NONE);
            }
            System.err.printf("round %d: %d notices in %.1f s%n", r, report.added(), (System.nanoTime() - t) / 1e9);
        }
    }
}
