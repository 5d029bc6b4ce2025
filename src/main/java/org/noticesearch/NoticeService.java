package org.noticesearch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.noticesearch.analysis.Analysis;
import org.noticesearch.config.IndexConfig;
import org.noticesearch.index.IndexMaintainer;
import org.noticesearch.index.IndexStore;
import org.noticesearch.index.IngestReport;
import org.noticesearch.index.NoticeIndexer;
import org.noticesearch.index.NoticeSearcherFactory;
import org.noticesearch.ingest.NoticeParser;
import org.noticesearch.search.Backend;
import org.noticesearch.search.SearchService;
import org.noticesearch.search.lucene.LuceneEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded backend: a Lucene index in a folder, the searcher over it and, when opened for writing, the indexer that
 * keeps it in line with a corpus folder. {@code serve}, {@code index}, {@code search} and the tests open it.
 */
public final class NoticeService implements Backend {
    private static final Logger LOG = LoggerFactory.getLogger(NoticeService.class);

    private final Analysis analysis;
    private final Path path;
    /** Null when opened read-only (the {@code search} command, beside a running server that holds the write lock). */
    private final IndexStore store;
    private final Directory readOnly;
    private final SearcherManager manager;
    private final LuceneEngine engine;
    private final SearchService searcher;
    private final NoticeIndexer indexer;
    private volatile IndexMaintainer maintainer;

    private NoticeService(IndexConfig cfg, Analysis analysis, Path path, IndexStore store, Directory readOnly,
                          SearcherManager manager, NoticeIndexer indexer) {
        this.analysis = analysis;
        this.path = path;
        this.store = store;
        this.readOnly = readOnly;
        this.manager = manager;
        this.engine = new LuceneEngine(manager, analysis);
        this.searcher = new SearchService(engine, analysis, cfg);
        this.indexer = indexer;
    }

    /** Opens (or creates) the index for searching and writing; an index of other analysis settings is emptied first. */
    public static NoticeService open(IndexConfig cfg, Path index, int threads) throws IOException {
        Analysis analysis = new Analysis(cfg);
        IndexStore store = IndexStore.open(index, cfg, analysis);
        if (store.rebuildReason() != null) {
            LOG.warn(store.rebuildReason());
        }
        SearcherManager manager = store.newSearcherManager();
        return new NoticeService(cfg, analysis, index, store, null, manager, new NoticeIndexer(store, new NoticeParser(cfg), threads));
    }

    /** Opens an existing index for searching alone, without its write lock; an {@link IOException} when there is none. */
    public static NoticeService openReadOnly(IndexConfig cfg, Path index) throws IOException {
        FSDirectory dir = Files.isDirectory(index) ? FSDirectory.open(index) : null;
        if (dir == null || !DirectoryReader.indexExists(dir)) {
            if (dir != null) {
                dir.close();
            }
            throw new IOException("no index at " + index + " (run: java -jar target/notice-search.jar index --index " + index + ")");
        }
        Analysis analysis = new Analysis(cfg);
        SearcherManager manager = new SearcherManager(dir, new NoticeSearcherFactory());
        return new NoticeService(cfg, analysis, index, null, dir, manager, null);
    }

    /** Opens (or creates) the index, syncs it with the corpus, and optionally starts watching the corpus. */
    public static NoticeService start(IndexConfig cfg, Path corpus, Path index, int threads, boolean watch) throws IOException {
        NoticeService service = open(cfg, index, threads);
        service.maintain(corpus, watch);
        return service;
    }

    @Override
    public SearchService service() {
        return searcher;
    }

    public IndexMaintainer maintainer() {
        return maintainer;
    }

    @Override
    public IngestReport sync(Path corpus, NoticeIndexer.Progress progress) throws IOException {
        IngestReport report = writable().sync(corpus, progress);
        engine.refresh();
        return report;
    }

    /** An existing index answers at once from its last commit; changes appear as soon as they are indexed. */
    @Override
    public synchronized IndexMaintainer maintain(Path corpus, boolean watch) throws IOException {
        if (maintainer != null) {
            throw new IllegalStateException("the corpus is already maintained");
        }
        IndexMaintainer m = new IndexMaintainer(writable(), corpus, engine::refresh);
        maintainer = m;
        long[] lastLog = {System.nanoTime()};
        NoticeIndexer.Progress progress = (done, total) -> {
            long now = System.nanoTime();
            if (now - lastLog[0] > 2_000_000_000L) {
                lastLog[0] = now;
                LOG.info("indexing: {}/{} files", done, total);
            }
        };
        m.startServing(searcher.stats().documents(), path.toString(), progress, searcher::warmUpInBackground, watch);
        return m;
    }

    private NoticeIndexer writable() {
        if (indexer == null) {
            throw new IllegalStateException("the index at " + path + " is open for searching only");
        }
        return indexer;
    }

    @Override
    public String where() {
        return "index " + path;
    }

    @Override
    public void close() throws IOException {
        IndexMaintainer m = maintainer;
        if (m != null) {
            m.close();
        }
        manager.close();
        if (store != null) {
            store.close();
        }
        if (readOnly != null) {
            readOnly.close();
        }
        analysis.close();
    }
}
