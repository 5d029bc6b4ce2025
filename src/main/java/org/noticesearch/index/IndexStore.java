package org.noticesearch.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.noticesearch.analysis.Analysis;
import org.noticesearch.config.IndexConfig;

/**
 * Owns the index directory and its one IndexWriter. On open it compares the analysis fingerprint
 * stored with the last commit to the current {@code index-config/}; if they differ the index is
 * emptied, to be rebuilt by the next sync, and {@link #rebuildReason()} says why.
 */
public final class IndexStore implements AutoCloseable {
    private final Directory directory;
    private final IndexWriter writer;
    private final String fingerprint;
    private final String rebuildReason;
    private boolean rebuildPending;

    private IndexStore(Directory directory, IndexWriter writer, String fingerprint, String rebuildReason) {
        this.directory = directory;
        this.writer = writer;
        this.fingerprint = fingerprint;
        this.rebuildReason = rebuildReason;
        this.rebuildPending = rebuildReason != null;
    }

    public static IndexStore open(Path dir, IndexConfig config, Analysis analysis) throws IOException {
        Files.createDirectories(dir);
        Directory directory = FSDirectory.open(dir);
        String reason = null;
        if (DirectoryReader.indexExists(directory)) {
            String stored = SegmentInfos.readLatestCommit(directory).getUserData().get(NoticeFields.COMMIT_FINGERPRINT);
            if (!config.fingerprint().equals(stored)) {
                reason = "the index at " + dir + " was built with other analysis settings (fingerprint " + stored
                        + ", now " + config.fingerprint() + "): rebuilding it";
            }
        }
        IndexWriterConfig iwc = new IndexWriterConfig(IndexField.indexAnalyzer(analysis))
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(128)
                // Commit only when a sync changed something: a no-change run leaves the files untouched.
                .setCommitOnClose(false);
        IndexWriter writer;
        try {
            writer = new IndexWriter(directory, iwc);
        } catch (org.apache.lucene.store.LockObtainFailedException e) {
            directory.close();
            throw new IOException(dir + ": the index is locked by another process (is a server running on it?)", e);
        }
        if (reason != null) {
            writer.deleteAll();
        }
        return new IndexStore(directory, writer, config.fingerprint(), reason);
    }

    /** Why the index is being rebuilt, or null. */
    public String rebuildReason() {
        return rebuildReason;
    }

    synchronized boolean takeRebuildFlag() {
        boolean r = rebuildPending;
        rebuildPending = false;
        return r;
    }

    /** Empties the index; the next sync re-adds every file. */
    public synchronized void clear() throws IOException {
        writer.deleteAll();
        rebuildPending = true;
    }

    public IndexWriter writer() {
        return writer;
    }

    public Directory directory() {
        return directory;
    }

    /** Commits with the analysis fingerprint in the commit data; the commit is atomic, so a crash keeps the last one. */
    public void commit() throws IOException {
        writer.setLiveCommitData(Map.of(NoticeFields.COMMIT_FINGERPRINT, fingerprint).entrySet());
        writer.commit();
    }

    /** A near-real-time SearcherManager over the writer: changes are visible after maybeRefresh, before commit. */
    public SearcherManager newSearcherManager() throws IOException {
        return new SearcherManager(writer, new NoticeSearcherFactory());
    }

    @Override
    public void close() throws IOException {
        try {
            writer.rollback(); // uncommitted changes were not asked for: sync commits what it wants kept
        } finally {
            directory.close();
        }
    }
}
