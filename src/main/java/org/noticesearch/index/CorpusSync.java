package org.noticesearch.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.noticesearch.index.IndexSink.Change;
import org.noticesearch.index.IndexSink.Indexed;
import org.noticesearch.index.IndexSink.Op;
import org.noticesearch.ingest.CorpusWalker;
import org.noticesearch.ingest.FailureKind;
import org.noticesearch.ingest.Notice;
import org.noticesearch.ingest.NoticeParseException;
import org.noticesearch.ingest.NoticeParser;
import org.noticesearch.ingest.ParseReport.Failure;
import org.noticesearch.ingest.RawNotice;
import org.noticesearch.util.Hashes;

/**
 * Brings an index in line with a corpus folder, for either engine: walks the corpus and decides per file whether it is
 * unchanged (same size and modification time: not read), to be restamped (touched, same content), indexed (new or
 * changed content), deleted (gone from the corpus) or failed (with a {@link FailureKind}); the changes go to an
 * {@link IndexSink} in batches, in file order. One broken file is reported and skipped, never an abort; if it was
 * indexed before, the old version stays searchable. A file that failed for a reason in its own bytes is remembered
 * ({@link FailedFiles}) and not parsed again until it changes.
 *
 * <p>A pipeline: the next batch is read and parsed on {@code threads} threads while up to
 * {@link IndexSink#writesInFlight()} earlier batches are being written, so neither side waits for the other.
 */
public final class CorpusSync {
    private final NoticeParser parser;
    private final FailedFiles failed;
    private final int threads;

    public CorpusSync(NoticeParser parser, FailedFiles failed, int threads) {
        this.parser = parser;
        this.failed = failed;
        this.threads = Math.max(1, threads);
    }

    /** What was decided for one file: a change, a failure, or neither (unchanged); {@code bytes} read. */
    private record Decision<D>(Change<D> change, Failure failure, boolean remembered, long bytes) {
        static <D> Decision<D> unchanged() {
            return new Decision<>(null, null, false, 0);
        }

        static <D> Decision<D> failed(Failure f, long bytes) {
            return new Decision<>(null, f, false, bytes);
        }

        static <D> Decision<D> remembered(FailedFiles.Entry e, long bytes) {
            return new Decision<>(null, e.failure(), true, bytes);
        }
    }

    /** Counts of a run; changes are counted when the sink reports them written, from its writing threads. */
    private static final class Tally implements IndexSink.Outcomes {
        int added, updated, deleted, unchanged, restamped, notRetried;
        long bytes;
        final List<Failure> failures = new ArrayList<>();

        @Override
        public synchronized void done(Change<?> c) {
            switch (c.op()) {
                case INDEX -> {
                    if (c.old() == null) {
                        added++;
                    } else {
                        updated++;
                    }
                }
                case RESTAMP -> {
                    unchanged++;
                    restamped++;
                }
                case DELETE -> deleted++;
            }
        }

        @Override
        public synchronized void refused(Change<?> c, String why) {
            failures.add(new Failure(c.source(), why + (c.op() == Op.INDEX && c.old() != null ? "; the previous version stays indexed" : ""),
                    FailureKind.REJECTED));
        }

        synchronized void decided(Decision<?> d) {
            bytes += d.bytes;
            if (d.failure != null) {
                failures.add(d.failure);
                if (d.remembered) {
                    notRetried++;
                }
            } else if (d.change == null) {
                unchanged++;
            }
        }
    }

    /** Syncs the sink's index with the corpus; commits if anything changed. One run at a time per sink. */
    public <D> IngestReport run(Path corpus, IndexSink<D> sink, NoticeIndexer.Progress progress) throws IOException {
        long start = System.nanoTime();
        IndexSink.State state = sink.open();
        if (state.rebuilt()) {
            failed.clear(); // a rebuild (new settings, or asked for) tries every file again
        }
        CorpusWalker.Walk walk = CorpusWalker.walk(corpus);
        List<Path> files = walk.files();
        Tally tally = new Tally();
        tally.failures.addAll(walk.problems());
        Set<String> seen = new HashSet<>();
        sink.beforeChanges(files.size(), state);
        try {
            writeChanges(corpus, files, state, sink, tally, seen, progress);
            List<Change<D>> deletes = new ArrayList<>();
            for (Map.Entry<String, Indexed> e : state.bySource().entrySet()) {
                if (!seen.contains(e.getKey())) {
                    deletes.add(new Change<>(Op.DELETE, e.getKey(), e.getValue().id(), e.getValue(), null, null));
                }
            }
            if (!deletes.isEmpty()) {
                sink.write(deletes, tally);
            }
            failed.retainOnly(seen);
            tally.failures.sort((a, b) -> a.source().compareTo(b.source()));
            IngestReport report = new IngestReport(files.size(), tally.added, tally.updated, tally.deleted, tally.unchanged,
                    tally.failures, tally.bytes, (System.nanoTime() - start) / 1_000_000, state.rebuilt(), tally.notRetried);
            if (report.changedAnything() || tally.restamped > 0) {
                sink.commit();
            }
            failed.save();
            return report;
        } finally {
            sink.afterChanges();
        }
    }

    private <D> void writeChanges(Path corpus, List<Path> files, IndexSink.State state, IndexSink<D> sink, Tally tally,
                                  Set<String> seen, NoticeIndexer.Progress progress) throws IOException {
        Set<String> ids = new HashSet<>();
        state.bySource().values().forEach(i -> ids.add(i.id()));
        int batch = Math.max(1, sink.batchSize());
        ExecutorService parsers = Executors.newFixedThreadPool(threads, daemon("indexer"));
        ExecutorService writers = Executors.newFixedThreadPool(Math.max(1, sink.writesInFlight()), daemon("index-writer"));
        ArrayDeque<Future<?>> inFlight = new ArrayDeque<>();
        try {
            List<Future<Decision<D>>> next = decideBatch(parsers, corpus, files, 0, batch, state, sink, seen);
            for (int from = 0; from < files.size(); from += batch) {
                List<Future<Decision<D>>> decisions = next;
                next = from + batch < files.size() ? decideBatch(parsers, corpus, files, from + batch, batch, state, sink, seen) : List.of();
                List<Change<D>> changes = new ArrayList<>();
                for (Future<Decision<D>> f : decisions) {
                    Decision<D> d = f.get();
                    tally.decided(d);
                    Change<D> c = d.change;
                    // In file order, so which of two files with one id is indexed does not depend on thread timing.
                    if (c != null && c.op() == Op.INDEX && c.old() == null && !ids.add(c.id())) {
                        tally.decided(Decision.failed(new Failure(c.source(), "its id '" + c.id() + "' is already used by another file",
                                FailureKind.DUPLICATE_ID), 0));
                    } else if (c != null) {
                        changes.add(c);
                    }
                }
                if (!changes.isEmpty()) {
                    inFlight.add(writers.submit(() -> {
                        sink.write(changes, tally);
                        return null;
                    }));
                }
                while (inFlight.size() > Math.max(1, sink.writesInFlight())) {
                    inFlight.removeFirst().get();
                }
                progress.update(Math.min(files.size(), from + batch), files.size());
            }
            while (!inFlight.isEmpty()) {
                inFlight.removeFirst().get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sink.abort();
            throw new IOException("indexing interrupted; the sink dropped what it could of this run (the embedded index keeps its last commit)", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            parsers.shutdownNow();
            writers.shutdownNow();
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** Starts deciding the batch of files from {@code from}; the futures are in file order. */
    private <D> List<Future<Decision<D>>> decideBatch(ExecutorService pool, Path corpus, List<Path> files, int from, int batch,
                                                      IndexSink.State state, IndexSink<D> sink, Set<String> seen) {
        List<Future<Decision<D>>> futures = new ArrayList<>();
        for (Path file : files.subList(from, Math.min(files.size(), from + batch))) {
            String source = CorpusWalker.sourceOf(corpus, file);
            seen.add(source);
            Indexed old = state.bySource().get(source);
            futures.add(pool.submit(() -> decide(corpus, file, source, old, sink)));
        }
        return futures;
    }

    /** Reads as little as it can: the stamp first, the bytes only when it differs, the parser only when they differ. */
    private <D> Decision<D> decide(Path corpus, Path file, String source, Indexed old, IndexSink<D> sink) {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            return Decision.failed(new Failure(source, "cannot read file attributes (" + e.getMessage() + ")", FailureKind.UNREADABLE), 0);
        }
        long mtime = attrs.lastModifiedTime().toMillis();
        long size = attrs.size();
        if (old != null && old.mtime() == mtime && old.size() == size) {
            return Decision.unchanged();
        }
        FailedFiles.Entry known = failed.unchanged(source, size, mtime);
        if (known != null) {
            return Decision.remembered(known, 0);
        }
        if (size > parser.maxFileBytes()) {
            // Refused by its size alone: not read, and not remembered (there is nothing to parse again).
            return Decision.failed(tooLarge(source, size, parser.maxFileBytes(), old != null), 0);
        }
        RawNotice raw;
        try {
            raw = CorpusWalker.read(corpus, file, parser.maxFileBytes());
        } catch (IOException e) {
            return Decision.failed(new Failure(source, "cannot read (" + e.getMessage() + ")", FailureKind.UNREADABLE), 0);
        }
        long bytes = raw.bytes().length;
        String hash = Hashes.sha256Hex(raw.bytes());
        NoticeDocuments.FileStamp stamp = new NoticeDocuments.FileStamp(hash, mtime, size);
        if (old != null && old.hash().equals(hash)) {
            // Touched but not changed: refresh the stamp only, so the next run skips it by size and time.
            failed.forget(source);
            return new Decision<>(new Change<>(Op.RESTAMP, source, old.id(), old, null, stamp), null, false, bytes);
        }
        known = failed.sameContent(source, hash, size, mtime);
        if (known != null) {
            return Decision.remembered(known, bytes);
        }
        Failure failure;
        try {
            Notice notice = parser.parse(raw);
            failed.forget(source);
            return new Decision<>(new Change<>(Op.INDEX, source, notice.id(), old, sink.prepare(notice, stamp), stamp), null, false, bytes);
        } catch (NoticeParseException e) {
            failure = new Failure(source, e.reason() + (old != null ? " (the previous version stays indexed)" : ""), e.kind());
        } catch (RuntimeException e) {
            // A parser bug must not stop the run; report it against the file.
            failure = new Failure(source, "parser error: " + e, FailureKind.INTERNAL);
        }
        failed.record(source, size, mtime, hash, failure);
        return Decision.failed(failure, bytes);
    }

    /** A file over the size limit, in the words the parser uses for it. */
    public static Failure tooLarge(String source, long size, long max, boolean wasIndexed) {
        return new Failure(source, "the file is " + size + " bytes, over the limit of " + max
                + " (ingest.maxFileBytes in settings.properties)" + (wasIndexed ? " (the previous version stays indexed)" : ""),
                FailureKind.TOO_LARGE);
    }
}
