package org.noticesearch.index;

import java.io.IOException;
import java.nio.file.Path;

/**
 * An index that {@link IndexMaintainer} keeps in line with a corpus folder: the embedded Lucene index
 * ({@link NoticeIndexer}) or an OpenSearch index ({@code OpenSearchIndexer}). Both sync incrementally by content hash.
 */
public interface CorpusIndex {
    /** Adds new files, updates changed ones and deletes removed ones; reports what it did and what failed. */
    IngestReport sync(Path corpus, NoticeIndexer.Progress progress) throws IOException;

    /**
     * The admin rebuild: the next sync parses and indexes every file again, whatever its stamps. Readers keep seeing
     * every notice while it runs.
     */
    void rebuildOnNextSync() throws IOException;
}
