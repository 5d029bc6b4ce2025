package org.noticesearch.index;

import java.io.IOException;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;

/** Builds, once per reader, the facet state that drill-sideways counting needs (it is costly to build). */
public final class NoticeSearcherFactory extends SearcherFactory {

    /** An IndexSearcher that carries its reader's facet state (null when no document has a facet value). */
    public static final class Searcher extends IndexSearcher {
        private final SortedSetDocValuesReaderState facetState;

        Searcher(IndexReader reader, SortedSetDocValuesReaderState facetState) {
            super(reader);
            this.facetState = facetState;
        }

        public SortedSetDocValuesReaderState facetState() {
            return facetState;
        }
    }

    @Override
    public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader) throws IOException {
        SortedSetDocValuesReaderState state;
        try {
            state = new DefaultSortedSetDocValuesReaderState(reader, NoticeFields.facetsConfig());
        } catch (IllegalArgumentException e) {
            state = null; // an empty index has no facet field yet
        }
        return new Searcher(reader, state);
    }
}
