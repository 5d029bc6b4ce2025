package org.noticesearch.opensearch;

import org.noticesearch.analysis.Analysis;
import org.noticesearch.config.IndexConfig;
import org.noticesearch.search.SearchService;

/** The search service on an OpenSearch cluster: a {@link SearchService} over an {@link OpenSearchEngine}. */
public final class OpenSearchBackend extends SearchService {
    private final OpenSearchEngine engine;

    public OpenSearchBackend(OpenSearchClient client, String index, Analysis analysis, IndexConfig config) {
        this(client, index, analysis, config, OpenSearchEngine.DEFAULT_CACHE_MILLIS);
    }

    /** With {@code cacheMillis}: how long facts read from the cluster (known series, suggestions) are reused. */
    public OpenSearchBackend(OpenSearchClient client, String index, Analysis analysis, IndexConfig config, long cacheMillis) {
        this(new OpenSearchEngine(client, index, analysis, cacheMillis), analysis, config);
    }

    private OpenSearchBackend(OpenSearchEngine engine, Analysis analysis, IndexConfig config) {
        super(engine, analysis, config);
        this.engine = engine;
    }

    /** Forgets cached cluster facts (after this process changed the index). */
    public void invalidate() {
        engine.invalidate();
    }
}
