package org.noticesearch.search;

import org.apache.lucene.search.SearcherManager;
import org.noticesearch.analysis.Analysis;
import org.noticesearch.config.IndexConfig;
import org.noticesearch.search.lucene.LuceneEngine;

/** The search service on the embedded Lucene index: a {@link SearchService} over a {@link LuceneEngine}. */
public final class NoticeSearcher extends SearchService {
    private final LuceneEngine engine;

    public NoticeSearcher(SearcherManager manager, Analysis analysis, IndexConfig config) {
        this(new LuceneEngine(manager, analysis), analysis, config);
    }

    private NoticeSearcher(LuceneEngine engine, Analysis analysis, IndexConfig config) {
        super(engine, analysis, config);
        this.engine = engine;
    }

    /** Makes recent index changes visible (near-real-time). */
    public void refresh() {
        engine.refresh();
    }
}
