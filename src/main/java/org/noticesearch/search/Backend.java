package org.noticesearch.search;

import java.io.IOException;
import java.nio.file.Path;
import org.noticesearch.index.IndexMaintainer;
import org.noticesearch.index.IngestReport;
import org.noticesearch.index.NoticeIndexer;

/**
 * One engine with what stands around it, chosen once by {@code App}: the embedded index ({@code NoticeService}) or an
 * OpenSearch cluster ({@code OpenSearchService}). It gives the search service, keeps the index in line with a corpus
 * folder, and closes what it opened.
 */
public interface Backend extends AutoCloseable {
    /** The search over this backend's index. */
    SearchService service();

    /** Brings the index in line with the corpus once (the {@code index} command); null when there is no such folder. */
    IngestReport sync(Path corpus, NoticeIndexer.Progress progress) throws IOException;

    /**
     * Serves the corpus: an index that holds notices answers at once while the corpus is checked in the background; an
     * empty one is filled first; with {@code watch}, later changes are indexed as they happen. Null, and the index
     * served as it is, when the folder does not exist.
     */
    IndexMaintainer maintain(Path corpus, boolean watch) throws IOException;

    /** Where the index is, for a log line. */
    String where();

    @Override
    void close() throws IOException;
}
