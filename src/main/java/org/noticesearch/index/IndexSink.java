package org.noticesearch.index;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.noticesearch.ingest.Notice;

/**
 * An engine's index as {@link CorpusSync} sees it: what it holds per source file, and the changes it takes (index,
 * restamp, delete) in batches. The embedded index ({@link NoticeIndexer}) and the OpenSearch index
 * ({@code OpenSearchIndexer}) implement it; what to change is decided once, in CorpusSync.
 *
 * @param <D> the engine's document, built on a parsing thread by {@link #prepare}
 */
public interface IndexSink<D> {

    /** What the index holds for one source file: its notice id and the file stamp it was indexed with. */
    record Indexed(String id, String hash, long mtime, long size) {}

    /**
     * The index when a sync starts: source → what it holds; {@code rebuilt} when it was emptied or is being redone
     * (new analysis settings, or the admin asked), so that every file is tried again.
     */
    record State(Map<String, Indexed> bySource, boolean rebuilt) {
        public State {
            bySource = Map.copyOf(bySource);
        }
    }

    /** One change for one file; {@code document} only for {@link Op#INDEX}, {@code stamp} not for {@link Op#DELETE}. */
    record Change<D>(Op op, String source, String id, Indexed old, D document, NoticeDocuments.FileStamp stamp) {}

    /** What a change does: index a new or changed file, refresh the stamp of a touched-but-unchanged one, delete. */
    enum Op { INDEX, RESTAMP, DELETE }

    /** Told how each change of a batch ended; may be called from several writing threads at once. */
    interface Outcomes {
        void done(Change<?> change);

        /** The engine refused the change; {@code why} is its reason, to be reported against the file. */
        void refused(Change<?> change, String why);
    }

    /** Reads what the index holds; called once at the start of a sync. */
    State open() throws IOException;

    /** Called once the corpus is walked, before any change: a first load of many files may set the index up for it. */
    default void beforeChanges(int files, State state) {}

    /** The engine's document for a notice; called on parsing threads, several at once. */
    D prepare(Notice notice, NoticeDocuments.FileStamp stamp);

    /** Applies a batch of changes in order and reports each; batches may be written by several threads at once. */
    void write(List<Change<D>> changes, Outcomes outcomes) throws IOException;

    /** Files per batch handed to {@link #write}. */
    int batchSize();

    /** Batches written at once while the next one is parsed. */
    int writesInFlight();

    /** Makes the run's changes durable and visible; called only when something changed. */
    void commit() throws IOException;

    /** Called after every sync, whether it succeeded or not (undo what {@link #beforeChanges} set up). */
    default void afterChanges() {}

    /** The run was interrupted: drop what it wrote since the last commit, if the engine can. */
    default void abort() throws IOException {}
}
