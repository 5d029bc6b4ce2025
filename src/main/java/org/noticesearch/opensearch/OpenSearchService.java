package org.noticesearch.opensearch;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.noticesearch.analysis.Analysis;
import org.noticesearch.config.IndexConfig;
import org.noticesearch.index.IndexMaintainer;
import org.noticesearch.index.IngestReport;
import org.noticesearch.index.NoticeIndexer;
import org.noticesearch.ingest.NoticeParser;
import org.noticesearch.search.Backend;
import org.noticesearch.search.SearchService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The backend on an OpenSearch cluster, as {@link org.noticesearch.NoticeService} is on the embedded index: a
 * client for the node URLs, the indexer that keeps the cluster's index in line with a corpus folder, and the
 * search service. {@code App} builds it for {@code --backend opensearch}.
 */
public final class OpenSearchService implements Backend {
    private static final Logger LOG = LoggerFactory.getLogger(OpenSearchService.class);

    /** Where the cluster is, how to reach it (login, CA, timeouts, retries) and how the index is laid out. */
    public record Options(List<URI> urls, String index, int shards, int replicas, OpenSearchClient.Settings client) {
        /** An open cluster (no login, the JDK's CAs) with the default timeouts and retries. */
        public Options(List<URI> urls, String index, int shards, int replicas) {
            this(urls, index, shards, replicas, OpenSearchClient.Settings.DEFAULTS);
        }

        public Options {
            if (client == null) {
                client = OpenSearchClient.Settings.DEFAULTS;
            }
            if (urls == null || urls.isEmpty()) {
                throw new IllegalArgumentException("--opensearch-url: give at least one URL, e.g. http://localhost:9200");
            }
            if (shards < 1) {
                throw new IllegalArgumentException("--opensearch-shards: must be 1 or more, got " + shards);
            }
            if (replicas < 0) {
                throw new IllegalArgumentException("--opensearch-replicas: must be 0 or more, got " + replicas);
            }
            if (index == null || !index.matches("[a-z0-9][a-z0-9_.-]*")) {
                throw new IllegalArgumentException("--opensearch-index: '" + index + "' is not a valid index name (lower case letters, digits, _ . -)");
            }
        }
    }

    private final Analysis analysis;
    private final OpenSearchIndexer indexer;
    private final OpenSearchEngine engine;
    private final SearchService backend;
    private final Options options;
    /** Keeps the index in line with the served corpus folder; set once by {@link #maintain}, closed with the service. */
    private volatile IndexMaintainer maintainer;

    private OpenSearchService(IndexConfig cfg, Analysis analysis, OpenSearchIndexer indexer, Options options,
                              OpenSearchClient client) {
        this.analysis = analysis;
        this.indexer = indexer;
        this.engine = new OpenSearchEngine(client, options.index(), analysis, OpenSearchEngine.DEFAULT_CACHE_MILLIS);
        this.backend = new SearchService(engine, analysis, cfg);
        this.options = options;
    }

    /**
     * Connects. With {@code manageIndex}, creates the index if needed (or rebuilds it when its analysis
     * fingerprint changed); without, only reads (the {@code search} command).
     */
    public static OpenSearchService connect(IndexConfig cfg, Options options, int threads, boolean manageIndex) {
        Analysis analysis = new Analysis(cfg);
        OpenSearchClient client = OpenSearchClient.connect(options.urls(), options.client());
        OpenSearchIndexer indexer = new OpenSearchIndexer(client, options.index(), cfg, analysis, new NoticeParser(cfg), threads,
                options.shards(), options.replicas());
        if (manageIndex) {
            String rebuild = indexer.ensureIndex();
            if (rebuild != null) {
                LOG.warn(rebuild);
            }
        }
        return new OpenSearchService(cfg, analysis, indexer, options, client);
    }

    /** Syncs the index with the corpus folder; when the folder does not exist, says so and leaves the index as it is. */
    @Override
    public IngestReport sync(Path corpus, NoticeIndexer.Progress progress) throws IOException {
        if (!Files.isDirectory(corpus)) {
            LOG.warn("no corpus folder at {}: serving the OpenSearch index '{}' as it is", corpus, indexer.index());
            return null;
        }
        IngestReport report = indexer.sync(corpus, progress);
        engine.invalidate();
        return report;
    }

    /**
     * What {@code serve} does with its corpus folder, as the embedded service does: an index that already holds
     * notices answers at once while the corpus is checked in the background (on 100,000 notices the check reads every
     * stamp from the cluster and takes seconds); an empty index is filled first. With {@code watch}, later changes to
     * the folder are indexed as they happen. All writes go through the returned maintainer's one worker thread, which
     * also serves the admin rebuild. Null, and the index served as it is, when the folder does not exist: a search
     * node of a cluster fed from elsewhere must not empty the index on an admin call.
     */
    @Override
    public synchronized IndexMaintainer maintain(Path corpus, boolean watch) throws IOException {
        if (maintainer != null) {
            throw new IllegalStateException("the corpus is already maintained");
        }
        if (!Files.isDirectory(corpus)) {
            LOG.warn("no corpus folder at {}: serving the OpenSearch index '{}' as it is", corpus, indexer.index());
            return null;
        }
        IndexMaintainer m = new IndexMaintainer(indexer, corpus, engine::invalidate);
        maintainer = m;
        m.startServing(backend.stats().documents(), "the OpenSearch index '" + indexer.index() + "'", NoticeIndexer.Progress.NONE,
                backend::warmUpInBackground, watch);
        return m;
    }

    @Override
    public SearchService service() {
        return backend;
    }

    @Override
    public String where() {
        return "OpenSearch " + options.urls() + " (index " + options.index() + ")";
    }

    @Override
    public void close() {
        // The analyzers are closed last: the maintainer lets a running sync finish first (up to 30 s).
        IndexMaintainer m = maintainer;
        if (m != null) {
            try {
                m.close();
            } catch (IOException e) {
                LOG.warn("closing the corpus watcher: {}", e.toString());
            }
        }
        analysis.close();
    }
}
