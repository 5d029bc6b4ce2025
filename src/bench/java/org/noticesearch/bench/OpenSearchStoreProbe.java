package org.noticesearch.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.noticesearch.config.IndexConfig;
import org.noticesearch.index.IngestReport;
import org.noticesearch.index.NoticeIndexer;
import org.noticesearch.opensearch.OpenSearchClient;
import org.noticesearch.opensearch.OpenSearchIndexDefinition;
import org.noticesearch.opensearch.OpenSearchService;
import org.noticesearch.opensearch.OpenSearchTestCluster;

/**
 * The OpenSearch part of the benchmark reduced to store size and indexing time, for comparing two index layouts on a
 * machine that cannot afford the whole benchmark: {@code OpenSearchStoreProbe N [heap]} generates N notices (seed
 * {@link CorpusGenerator#DEFAULT_SEED}, kept under target/bench), indexes them into a one-node cluster (1 shard, 0
 * replicas) through the product's indexer, flushes, and prints the primaries' store size against the input bytes. A
 * third argument creates the index with that stored-fields codec (e.g. {@code best_compression}).
 */
public final class OpenSearchStoreProbe {
    private OpenSearchStoreProbe() {}

    public static void main(String[] args) throws Exception {
        int count = Integer.parseInt(args[0]);
        String heap = args.length > 1 ? args[1] : "1g";
        String codec = args.length > 2 ? args[2] : null;
        IndexConfig cfg = IndexConfig.load(Path.of("index-config"));
        Path corpus = Path.of("target", "bench", "probe-corpus-" + count);
        if (!Files.isDirectory(corpus)) {
            CorpusGenerator.fromSeeds(Path.of("corpus"), cfg).generate(CorpusGenerator.DEFAULT_SEED, count, corpus);
        }
        long inputBytes = 0;
        try (Stream<Path> s = Files.walk(corpus)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                inputBytes += Files.size(p);
            }
        }
        try (OpenSearchTestCluster cluster = OpenSearchTestCluster.start(1, heap)) {
            List<URI> urls = cluster.urls();
            String index = "probe";
            long t = System.nanoTime();
            if (codec != null) {
                // The product's index with another stored-fields codec, created before the indexer finds it.
                var create = OpenSearchIndexDefinition.createRequest(cfg, 1, 0);
                ((com.fasterxml.jackson.databind.node.ObjectNode) create.path("settings").path("index")).put("codec", codec);
                create.putObject("aliases").putObject(index);
                OpenSearchClient.connect(urls, OpenSearchClient.Settings.DEFAULTS).json("PUT", "/" + OpenSearchIndexDefinition.versionedName(index,
                        OpenSearchIndexDefinition.fingerprint(cfg)), create);
            }
            IngestReport report;
            try (OpenSearchService s = OpenSearchService.connect(cfg, new OpenSearchService.Options(urls, index, 1, 0), 2, true)) {
                report = s.sync(corpus, NoticeIndexer.Progress.NONE);
            }
            double seconds = (System.nanoTime() - t) / 1e9;
            OpenSearchClient client = OpenSearchClient.connect(urls, OpenSearchClient.Settings.DEFAULTS);
            client.json("POST", "/" + index + "/_flush", null);
            JsonNode stats = client.json("GET", "/" + index + "/_stats/store,docs", null).path("_all").path("primaries");
            long store = stats.path("store").path("size_in_bytes").asLong();
            System.out.printf(Locale.ROOT, "PROBE codec=" + codec + " notices=%d added=%d failed=%d input=%.1fMB index=%.1fs primaries=%.1fMB ratio=%.2f docs=%d%n",
                    count, report.added(), report.failures().size(), inputBytes / 1e6, seconds, store / 1e6, (double) store / inputBytes,
                    stats.path("docs").path("count").asLong());
        }
    }
}
