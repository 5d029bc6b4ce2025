package org.noticesearch.index;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.noticesearch.ingest.CorpusWalker;
import org.noticesearch.util.Hashes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a served index in line with its corpus folder: syncs on start, then whenever files change
 * (watched with the platform's file events, plus a periodic re-scan in case an event is lost), and
 * rebuilds on request. All index writes go through its one worker thread, so they never overlap.
 */
public final class IndexMaintainer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IndexMaintainer.class);
    /** Events are gathered for this long after the last one before a sync, so a copy of many files is one sync. */
    public static final long DEFAULT_QUIET_MILLIS = 700;
    /**
     * A re-scan this often, in case the platform dropped an event. It compares every file's path, size and time with
     * the last sync's and syncs only on a difference: a sync reads what the index holds, which on an OpenSearch
     * index of 100,000 notices is seconds of cluster work.
     */
    public static final long DEFAULT_RESCAN_MILLIS = 30_000;

    private final CorpusIndex index;
    private final Path corpus;
    private final Runnable afterChange;
    private final long rescanMillis;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "index-maintainer");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean busy = new AtomicBoolean();
    private volatile IngestReport lastReport;
    /** Why the last sync failed as a whole (null after a sync that ran): the corpus gone, the index unwritable ... */
    private volatile SyncError lastError;
    /** The corpus as the last successful sync saw it (see {@link #corpusStamp}); null before the first. */
    private volatile byte[] syncedStamp;
    private volatile Thread watcher;
    private volatile WatchService watchService;

    /** {@code afterChange} runs after every sync on the worker thread (the searcher refreshes, caches are dropped). */
    public IndexMaintainer(CorpusIndex index, Path corpus, Runnable afterChange) {
        this(index, corpus, afterChange, DEFAULT_RESCAN_MILLIS);
    }

    IndexMaintainer(CorpusIndex index, Path corpus, Runnable afterChange, long rescanMillis) {
        this.index = index;
        this.corpus = corpus;
        this.afterChange = afterChange;
        this.rescanMillis = rescanMillis;
    }

    /** The corpus folder (or single file) this index is kept in line with. */
    public Path corpus() {
        return corpus;
    }

    /**
     * How a served index starts, on either backend: one that already holds {@code held} notices answers at once while
     * the corpus is checked in the background ({@code whileChecking} runs meanwhile: a warm-up search); an empty one
     * is filled first. Then, with {@code watch}, changes to the corpus are indexed as they happen.
     */
    public void startServing(int held, String where, NoticeIndexer.Progress progress, Runnable whileChecking, boolean watch)
            throws IOException {
        if (held > 0) {
            LOG.info("serving {} notices from {}; checking {} for changes in the background", held, where, corpus);
            syncInBackground(progress);
            whileChecking.run();
        } else {
            LOG.info("indexing {} into {}", corpus, where);
            IngestReport report = syncNow(progress);
            LOG.info("index ready: {}", report.summary().strip().replace("\n", "; "));
        }
        if (watch) {
            startWatching();
        }
    }

    /** Syncs now, on the worker thread, and waits for it. */
    public IngestReport syncNow(NoticeIndexer.Progress progress) throws IOException {
        try {
            return worker.submit(() -> doSync(progress)).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    /** Syncs on the worker thread without waiting; {@link #isBusy()} is true until it is done. */
    public void syncInBackground(NoticeIndexer.Progress progress) {
        busy.set(true);
        worker.submit(() -> {
            try {
                doSync(progress);
            } catch (IOException | RuntimeException e) {
                LOG.error("corpus sync failed", e);
            } finally {
                busy.set(false);
            }
            return null;
        });
    }

    /** Empties the index and re-adds the whole corpus, in the background. False if a rebuild is already running. */
    public boolean rebuildAsync() {
        if (!busy.compareAndSet(false, true)) {
            return false;
        }
        worker.submit(() -> {
            try {
                index.rebuildOnNextSync();
                doSync(NoticeIndexer.Progress.NONE);
            } catch (IOException | RuntimeException e) {
                LOG.error("rebuild failed", e);
            } finally {
                busy.set(false);
            }
            return null;
        });
        return true;
    }

    public boolean isBusy() {
        return busy.get();
    }

    public IngestReport lastReport() {
        return lastReport;
    }

    /** A sync that failed as a whole: when, and the full reason (for the log and the admin; not shown publicly). */
    public record SyncError(Instant at, String reason) {}

    /** Why the last sync failed, or null if it ran (its per-file failures are in {@link #lastReport()}). */
    public SyncError lastError() {
        return lastError;
    }

    private IngestReport doSync(NoticeIndexer.Progress progress) throws IOException {
        // Taken before the sync: a file changed while it runs makes the next re-scan differ and sync again.
        byte[] stamp = corpusStamp();
        IngestReport r;
        try {
            r = index.sync(corpus, progress);
        } catch (IOException | RuntimeException e) {
            lastError = new SyncError(Instant.now(), String.valueOf(e));
            throw e;
        }
        lastError = null;
        syncedStamp = stamp;
        lastReport = r;
        if (r.changedAnything() || !r.failures().isEmpty()) {
            LOG.info("corpus sync: {}", r.summary().strip().replace("\n", "; "));
        }
        afterChange.run();
        return r;
    }

    /** Starts watching the corpus folder; changes are indexed within about a second. */
    public void startWatching() throws IOException {
        WatchService ws = FileSystems.getDefault().newWatchService();
        watchService = ws;
        registerAll(ws, corpus);
        Thread t = new Thread(() -> watchLoop(ws), "corpus-watcher");
        t.setDaemon(true);
        watcher = t;
        t.start();
    }

    private void watchLoop(WatchService ws) {
        long lastScan = System.currentTimeMillis();
        try {
            while (!Thread.currentThread().isInterrupted()) {
                WatchKey key = ws.poll(1, TimeUnit.SECONDS);
                boolean changed = false;
                while (key != null) {
                    changed = true;
                    Path dir = (Path) key.watchable();
                    for (var ev : key.pollEvents()) {
                        if (ev.kind() == StandardWatchEventKinds.ENTRY_CREATE && ev.context() instanceof Path p
                                && Files.isDirectory(dir.resolve(p))) {
                            // From the root, so that a new folder link is judged against the corpus as a whole.
                            registerAll(ws, corpus);
                        }
                    }
                    key.reset();
                    key = ws.poll(DEFAULT_QUIET_MILLIS, TimeUnit.MILLISECONDS);
                }
                long now = System.currentTimeMillis();
                boolean rescan = !changed && now - lastScan > rescanMillis;
                if (rescan) {
                    lastScan = now;
                    changed = !Arrays.equals(corpusStamp(), syncedStamp);
                }
                if (changed) {
                    lastScan = now;
                    Future<IngestReport> f = worker.submit(() -> doSync(NoticeIndexer.Progress.NONE));
                    try {
                        f.get();
                    } catch (java.util.concurrent.ExecutionException e) {
                        LOG.error("corpus sync failed", e.getCause());
                    }
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closing
        } catch (IOException e) {
            LOG.error("corpus watcher stopped", e);
        }
    }

    /**
     * A digest of every notice file's path, size and modification time: what a sync compares first. Empty when the
     * corpus cannot be listed (the sync then reports why).
     */
    private byte[] corpusStamp() {
        try {
            MessageDigest md = Hashes.sha256();
            for (Path f : CorpusWalker.files(corpus)) {
                BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class);
                md.update((f + "\u0000" + a.size() + "\u0000" + a.lastModifiedTime().toMillis() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            return md.digest();
        } catch (IOException e) {
            return new byte[0];
        }
    }

    /** Watches every folder the corpus walk enters (links inside the corpus too); what it skips is not watched. */
    private static void registerAll(WatchService ws, Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        for (Path d : CorpusWalker.walk(root).folders()) {
            try {
                d.register(ws, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            } catch (IOException e) {
                // A folder that went away or cannot be watched: the periodic re-scan still covers it.
                LOG.warn("cannot watch {}: {}", d, e.toString());
            }
        }
    }

    @Override
    public void close() throws IOException {
        Thread t = watcher;
        if (t != null) {
            t.interrupt();
        }
        WatchService ws = watchService;
        if (ws != null) {
            ws.close();
        }
        worker.shutdown();
        try {
            worker.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
