package org.noticesearch.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.noticesearch.ingest.Notice;
import org.noticesearch.ingest.NoticeParser;

/**
 * The embedded Lucene index as an {@link IndexSink}, kept in line with a corpus folder by {@link CorpusSync}: what it
 * holds is read from the file_stamp doc values, changes go through the store's one IndexWriter, and a sync commits
 * all or nothing (a crash keeps the last commit). The failed-files list lives in the index folder, with the index.
 */
public final class NoticeIndexer implements CorpusIndex, IndexSink<Document> {

    /** Told about progress; the CLI draws a progress line from it, the server logs. */
    public interface Progress {
        void update(int done, int total);

        Progress NONE = (done, total) -> {};
    }

    /**
     * Files per batch. Small, because a batch is written (and its text analysed, the costly part) on one thread: with
     * as many batches in flight as threads, the writers keep pace with the parsers.
     */
    static final int BATCH = 32;

    /**
     * A sync that wrote at least this share of the index's notices (a first build, a rebuild, a large load) merges
     * the index into one segment before it commits: every search then looks each term up once instead of once per
     * segment, which halved look-ups and cut broad searches by a sixth to a third at 100,000 notices (BENCHMARKS §11),
     * for about 7 % more build time at one thread. Smaller syncs leave merging to the merge policy.
     */
    static final double MERGE_AFTER_SHARE = 0.10;

    private final IndexStore store;
    private final NoticeDocuments documents = new NoticeDocuments();
    private final int threads;
    private final CorpusSync corpusSync;
    /** Documents indexed or deleted by the current sync (one sync at a time; batches are written by several threads). */
    private final java.util.concurrent.atomic.AtomicLong written = new java.util.concurrent.atomic.AtomicLong();

    public NoticeIndexer(IndexStore store, NoticeParser parser, int threads) {
        this.store = store;
        this.threads = Math.max(1, threads);
        FailedFiles failed = store.directory() instanceof FSDirectory fs
                ? FailedFiles.load(fs.getDirectory().resolve(FailedFiles.FILE_NAME), parser.readingContext()) : FailedFiles.inMemory();
        this.corpusSync = new CorpusSync(parser, failed, this.threads);
    }

    /** Empties the index in the writer; readers see the old notices until the next sync commits the new ones. */
    @Override
    public void rebuildOnNextSync() throws IOException {
        store.clear();
    }

    /** Syncs the index with the corpus and commits if anything changed. Safe to call from one thread at a time. */
    @Override
    public synchronized IngestReport sync(Path corpus, Progress progress) throws IOException {
        return corpusSync.run(corpus, this, progress);
    }

    /** source → what the index holds, read from the file_stamp doc values of live documents (no stored record read). */
    @Override
    public State open() throws IOException {
        boolean rebuilt = store.takeRebuildFlag();
        Map<String, Indexed> out = new HashMap<>();
        try (DirectoryReader r = DirectoryReader.open(store.writer())) {
            for (LeafReaderContext leaf : r.leaves()) {
                Bits live = leaf.reader().getLiveDocs();
                BinaryDocValues stamps = leaf.reader().getBinaryDocValues(NoticeFields.FILE_STAMP);
                if (stamps == null) {
                    continue;
                }
                for (int doc = stamps.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = stamps.nextDoc()) {
                    if (live != null && !live.get(doc)) {
                        continue;
                    }
                    String[] p = stamps.binaryValue().utf8ToString().split(NoticeDocuments.STAMP_SEPARATOR, -1);
                    out.put(p[1], new Indexed(p[0], p[2], Long.parseLong(p[3]), Long.parseLong(p[4])));
                }
            }
        }
        return new State(out, rebuilt);
    }

    @Override
    public void beforeChanges(int files, State state) {
        written.set(0);
    }

    @Override
    public Document prepare(Notice notice, NoticeDocuments.FileStamp stamp) {
        return documents.toDocument(notice, stamp);
    }

    /**
     * Writes a batch. A restamp changes only the file_stamp doc value, in place: it is the one field of the document
     * that holds the file's size and time (the stored record holds none of them), so nothing is analysed again.
     */
    @Override
    public void write(List<Change<Document>> changes, Outcomes outcomes) throws IOException {
        IndexWriter writer = store.writer();
        for (Change<Document> c : changes) {
            Term bySource = new Term(NoticeFields.SOURCE, c.source());
            switch (c.op()) {
                case INDEX -> writer.updateDocument(bySource, c.document());
                case RESTAMP -> writer.updateBinaryDocValue(bySource, NoticeFields.FILE_STAMP,
                        new BytesRef(NoticeDocuments.packStamp(c.id(), c.source(), c.stamp())));
                case DELETE -> writer.deleteDocuments(bySource);
            }
            if (c.op() != IndexSink.Op.RESTAMP) {
                written.incrementAndGet();
            }
            outcomes.done(c);
        }
    }

    @Override
    public int batchSize() {
        return BATCH;
    }

    @Override
    public int writesInFlight() {
        return threads;
    }

    @Override
    public void commit() throws IOException {
        IndexWriter writer = store.writer();
        if (written.get() >= MERGE_AFTER_SHARE * writer.getDocStats().numDocs) {
            writer.forceMerge(1);
        }
        store.commit();
    }

    /** Drops what the run wrote: the writer goes back to the last commit (and is closed, as an interrupted run leaves it). */
    @Override
    public void abort() throws IOException {
        store.writer().rollback();
    }
}
