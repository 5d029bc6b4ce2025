package org.noticesearch;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.lucene.search.SearcherManager;
import org.noticesearch.analysis.Analysis;
import org.noticesearch.config.IndexConfig;
import org.noticesearch.index.IndexMaintainer;
import org.noticesearch.index.IndexStore;
import org.noticesearch.index.NoticeIndexer;
import org.noticesearch.ingest.NoticeParser;
import org.noticesearch.search.NoticeSearcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running service without HTTP: an index kept in line with a corpus folder and a searcher over it.
 * {@code serve} and the tests start it the same way.
 */
public final class NoticeService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NoticeService.class);

    private final Analysis analysis;
    private final IndexStore store;
    private final SearcherManager manager;
    private final IndexMaintainer maintainer;
    private final NoticeSearcher searcher;

    private NoticeService(Analysis analysis, IndexStore store, SearcherManager manager, IndexMaintainer maintainer,
                          NoticeSearcher searcher) {
        this.analysis = analysis;
        this.store = store;
        this.manager = manager;
        this.maintainer = maintainer;
        this.searcher = searcher;
    }

    /** Opens (or creates) the index, syncs it with the corpus, and optionally starts watching the corpus. */
    public static NoticeService start(IndexConfig cfg, Path corpus, Path index, int threads, boolean watch) throws IOException {
        Analysis analysis = new Analysis(cfg);
        IndexStore store = IndexStore.open(index, cfg, analysis);
        if (store.rebuildReason() != null) {
            LOG.warn(store.rebuildReason());
        }
        SearcherManager manager = store.newSearcherManager();
        NoticeSearcher searcher = new NoticeSearcher(manager, analysis, cfg);
        NoticeIndexer indexer = new NoticeIndexer(store, new NoticeParser(cfg), threads);
        IndexMaintainer maintainer = new IndexMaintainer(indexer, corpus, searcher::refresh);
        long[] lastLog = {System.nanoTime()};
        NoticeIndexer.Progress progress = (done, total) -> {
            long now = System.nanoTime();
            if (now - lastLog[0] > 2_000_000_000L) {
                lastLog[0] = now;
                LOG.info("indexing: {}/{} files", done, total);
            }
        };
        // An existing index answers at once from its last commit; changes appear as soon as they are indexed.
        maintainer.startServing(searcher.stats().documents(), index.toString(), progress, searcher::warmUpInBackground, watch);
        return new NoticeService(analysis, store, manager, maintainer, searcher);
    }

    public NoticeSearcher searcher() {
        return searcher;
    }

    public IndexMaintainer maintainer() {
        return maintainer;
    }

    @Override
    public void close() throws IOException {
        maintainer.close();
        manager.close();
        store.close();
        analysis.close();
    }
}
