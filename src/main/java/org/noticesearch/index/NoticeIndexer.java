package org.noticesearch.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.Bits;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.store.FSDirectory;
import org.noticesearch.ingest.CorpusWalker;
import org.noticesearch.ingest.FailureKind;
import org.noticesearch.ingest.Notice;
import org.noticesearch.ingest.NoticeParseException;
import org.noticesearch.ingest.NoticeParser;
import org.noticesearch.ingest.ParseReport;
import org.noticesearch.ingest.RawNotice;
import org.noticesearch.util.Hashes;

/**
 * Brings an index in line with a corpus folder: new files are added, changed files (by content hash)
 * replaced, removed files deleted. Unchanged files are recognised by their size and modification time
 * first, so a run with nothing to do reads no file and writes nothing. One broken file is reported
 * and skipped; if it was indexed before, the old version stays searchable. A file that failed is remembered
 * ({@link FailedFiles}, in the index folder) and not parsed again until it changes.
 */
public final class NoticeIndexer implements CorpusIndex {

    /** Told about progress; the CLI draws a progress line from it, the server logs. */
    public interface Progress {
        void update(int done, int total);

        Progress NONE = (done, total) -> {};
    }

    private final IndexStore store;
    private final NoticeParser parser;
    private final NoticeDocuments documents = new NoticeDocuments();
    private final int threads;
    private final FailedFiles failed;

    public NoticeIndexer(IndexStore store, NoticeParser parser, int threads) {
        this.store = store;
        this.parser = parser;
        this.threads = Math.max(1, threads);
        this.failed = store.directory() instanceof FSDirectory fs
                ? FailedFiles.load(fs.getDirectory().resolve(FailedFiles.FILE_NAME), parser.readingContext()) : FailedFiles.inMemory();
    }

    /** What the index holds for one source file. */
    private record Indexed(String id, String hash, long mtime, long size) {}

    /** Empties the index in the writer; readers see the old notices until the next sync commits the new ones. */
    @Override
    public void rebuildOnNextSync() throws IOException {
        store.clear();
    }

    /** Syncs the index with the corpus and commits if anything changed. Safe to call from one thread at a time. */
    @Override
    public synchronized IngestReport sync(Path corpus, Progress progress) throws IOException {
        long start = System.nanoTime();
        boolean rebuilt = store.takeRebuildFlag();
        IndexWriter writer = store.writer();
        // One snapshot reader for the whole run: what is indexed, and the records of touched-but-unchanged files.
        try (DirectoryReader snapshot = DirectoryReader.open(writer)) {
            return sync(corpus, progress, start, rebuilt, writer, snapshot);
        }
    }

    private IngestReport sync(Path corpus, Progress progress, long start, boolean rebuilt, IndexWriter writer,
                              DirectoryReader snapshot) throws IOException {
        Map<String, Indexed> indexed = readIndexed(snapshot);
        if (rebuilt) {
            failed.clear(); // a rebuild (new settings, or asked for) tries every file again
        }
        CorpusWalker.Walk walk = CorpusWalker.walk(corpus);
        List<Path> files = walk.files();
        Set<String> seenSources = new HashSet<>();
        List<ParseReport.Failure> failures = Collections.synchronizedList(new ArrayList<>(walk.problems()));
        AtomicInteger notRetried = new AtomicInteger();
        AtomicInteger added = new AtomicInteger();
        AtomicInteger updated = new AtomicInteger();
        AtomicInteger unchanged = new AtomicInteger();
        AtomicInteger restamped = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        AtomicLong bytes = new AtomicLong();
        Set<String> ids = Collections.synchronizedSet(new HashSet<>());
        for (Indexed i : indexed.values()) {
            ids.add(i.id);
        }

        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "indexer");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Path file : files) {
                String source = CorpusWalker.sourceOf(corpus, file);
                seenSources.add(source);
                Indexed old = indexed.get(source);
                futures.add(pool.submit(() -> {
                    try {
                        indexOne(writer, snapshot, corpus, file, source, old, failures, added, updated, unchanged, restamped, bytes, ids,
                                notRetried);
                    } finally {
                        progress.update(done.incrementAndGet(), files.size());
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof IOException io) {
                        throw io;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            writer.rollback();
            throw new IOException("indexing interrupted; the index keeps its last commit", e);
        } finally {
            pool.shutdownNow();
        }
        int deleted = 0;
        for (Map.Entry<String, Indexed> e : indexed.entrySet()) {
            if (!seenSources.contains(e.getKey())) {
                writer.deleteDocuments(new Term(NoticeFields.SOURCE, e.getKey()));
                deleted++;
            }
        }
        failed.retainOnly(seenSources);
        IngestReport report = new IngestReport(files.size(), added.get(), updated.get(), deleted, unchanged.get(),
                sortedFailures(failures), bytes.get(), (System.nanoTime() - start) / 1_000_000, rebuilt, notRetried.get());
        if (report.changedAnything() || restamped.get() > 0) {
            store.commit();
        }
        failed.save();
        return report;
    }

    private static List<ParseReport.Failure> sortedFailures(List<ParseReport.Failure> failures) {
        List<ParseReport.Failure> out = new ArrayList<>(failures);
        out.sort((a, b) -> a.source().compareTo(b.source()));
        return out;
    }

    private void indexOne(IndexWriter writer, DirectoryReader snapshot, Path corpus, Path file, String source, Indexed old,
                          List<ParseReport.Failure> failures, AtomicInteger added, AtomicInteger updated,
                          AtomicInteger unchanged, AtomicInteger restamped, AtomicLong bytes, Set<String> ids,
                          AtomicInteger notRetried) throws IOException {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            failures.add(new ParseReport.Failure(source, "cannot read file attributes (" + e.getMessage() + ")", FailureKind.UNREADABLE));
            return;
        }
        long mtime = attrs.lastModifiedTime().toMillis();
        long size = attrs.size();
        if (old != null && old.mtime == mtime && old.size == size) {
            unchanged.incrementAndGet();
            return;
        }
        FailedFiles.Entry known = failed.unchanged(source, size, mtime);
        if (known != null) {
            failures.add(known.failure());
            notRetried.incrementAndGet();
            return;
        }
        if (size > parser.maxFileBytes()) {
            // Refused by its size alone: not read, and not remembered (there is nothing to parse again).
            failures.add(tooLarge(source, size, parser.maxFileBytes(), old != null));
            return;
        }
        RawNotice raw;
        try {
            raw = CorpusWalker.read(corpus, file, parser.maxFileBytes());
        } catch (IOException e) {
            failures.add(new ParseReport.Failure(source, "cannot read (" + e.getMessage() + ")", FailureKind.UNREADABLE));
            return;
        }
        bytes.addAndGet(raw.bytes().length);
        String hash = Hashes.sha256Hex(raw.bytes());
        NoticeDocuments.FileStamp stamp = new NoticeDocuments.FileStamp(hash, mtime, size);
        if (old != null && old.hash.equals(hash)) {
            // Touched but not changed: refresh the stamp only, so the next run skips it by size and time.
            writer.updateDocument(new Term(NoticeFields.SOURCE, source), restamp(snapshot, old, stamp));
            unchanged.incrementAndGet();
            restamped.incrementAndGet();
            failed.forget(source);
            return;
        }
        known = failed.sameContent(source, hash, size, mtime);
        if (known != null) {
            failures.add(known.failure());
            notRetried.incrementAndGet();
            return;
        }
        Notice notice;
        try {
            notice = parser.parse(raw);
        } catch (NoticeParseException e) {
            ParseReport.Failure f = new ParseReport.Failure(source, e.reason() + (old != null ? " (the previous version stays indexed)" : ""), e.kind());
            failures.add(f);
            failed.record(source, size, mtime, hash, f);
            return;
        } catch (RuntimeException e) {
            // A parser bug must not stop the run; report it against the file.
            ParseReport.Failure f = new ParseReport.Failure(source, "parser error: " + e, FailureKind.INTERNAL);
            failures.add(f);
            failed.record(source, size, mtime, hash, f);
            return;
        }
        failed.forget(source);
        if (old == null && !ids.add(notice.id())) {
            failures.add(new ParseReport.Failure(source, "its id '" + notice.id() + "' is already used by another file", FailureKind.DUPLICATE_ID));
            return;
        }
        writer.updateDocument(new Term(NoticeFields.SOURCE, source), documents.toDocument(notice, stamp));
        (old == null ? added : updated).incrementAndGet();
    }

    /** A file over the size limit, in the words the parser uses for it. */
    public static ParseReport.Failure tooLarge(String source, long size, long max, boolean wasIndexed) {
        return new ParseReport.Failure(source, "the file is " + size + " bytes, over the limit of " + max
                + " (ingest.maxFileBytes in settings.properties)" + (wasIndexed ? " (the previous version stays indexed)" : ""),
                FailureKind.TOO_LARGE);
    }

    private Document restamp(DirectoryReader r, Indexed old, NoticeDocuments.FileStamp stamp) throws IOException {
        {
            for (LeafReaderContext leaf : r.leaves()) {
                var postings = leaf.reader().postings(new Term(NoticeFields.ID, old.id));
                if (postings == null) {
                    continue;
                }
                Bits live = leaf.reader().getLiveDocs();
                for (int doc = postings.nextDoc(); doc != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                    if (live == null || live.get(doc)) {
                        Notice n = documents.toNotice(leaf.reader().storedFields().document(doc));
                        return documents.toDocument(n, stamp);
                    }
                }
            }
        }
        throw new IOException("document " + old.id + " vanished while re-stamping");
    }

    /** source → what the index holds, read from the file_stamp doc values of live documents. */
    private static Map<String, Indexed> readIndexed(DirectoryReader r) throws IOException {
        Map<String, Indexed> out = new HashMap<>();
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
        return out;
    }
}
