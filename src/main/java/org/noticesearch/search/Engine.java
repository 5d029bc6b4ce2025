package org.noticesearch.search;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.search.Query;
import org.noticesearch.ingest.Notice;

/**
 * What {@link SearchService} asks of a search engine (the embedded Lucene index or an OpenSearch cluster). An engine
 * translates and executes: it runs the queries {@link QueryFactory} built (Lucene query objects, used as the query
 * language of both engines), counts facets and reads records; it decides nothing about what a search means.
 */
public interface Engine {
    /** A view of the index for one request (a Lucene snapshot; a cluster has none), released by {@code close}. */
    View open();

    /** Whether {@link View#stats()} gives a generation and version that change with every change of what is searched. */
    boolean versioned();

    /** Everything an engine does, on one view of the index. */
    interface View extends AutoCloseable, TermLookup {
        /** Runs one search: the page of hits (or export rows), the total and, when asked, the facet counts. */
        Result search(Search search) throws IOException;

        /** The stored notice with this id. */
        Optional<Notice> byId(String id) throws IOException;

        /** Notices matching a query, in an order, up to {@code limit}: whole ({@link Want#NOTICES}) or {@link Want#SUMMARIES}. */
        List<Notice> find(Query query, Order order, int limit, Want want) throws IOException;

        /** Whole notices matching a query, in an order, up to {@code limit}. */
        default List<Notice> find(Query query, Order order, int limit) throws IOException {
            return find(query, order, limit, Want.NOTICES);
        }

        /** Notices whose body words are most like {@code text}, without {@code excludeId}. */
        List<Notice> like(String text, String excludeId, SearchLimits.Similarity params, int limit) throws IOException;

        /** Every value of a keyword field with its document count (up to {@link SearchLimits#ALL_VALUES}). */
        List<SearchPage.FacetValue> values(String field) throws IOException;

        /** What stays the same while the index does not change: the key of what is cached per index state. */
        Object state();

        /** Index facts for /health. */
        SearchBackend.Stats stats() throws IOException;

        @Override
        void close();
    }

    /** The order of hits. {@code SERIES}: the score (2 for series members, 1 for the rest), then the number, newest first. */
    enum Order { RELEVANCE, NEWEST, OLDEST, SERIES }

    /**
     * What is counted beside the hits: nothing, the top values of each facet (with the chosen ones), or every value.
     * {@code TOP} over more than {@link Search#trackTotalHits} matches may be counted on a deterministic sample and
     * scaled ({@link DimCounts#sampled}), a chosen dimension over the matches without its own filter
     * (drill-sideways); {@code ALL} (a trend) is always exact.
     */
    enum FacetMode { NONE, TOP, ALL }

    /**
     * Whether hits come back as whole notices (a page), as export rows (the CSV columns only, streamed), or as
     * {@link Notice#summary() summaries} (no text: what a walk over thousands of matches reads).
     */
    enum Want { NOTICES, ROWS, SUMMARIES }

    /** A cursor belongs to one search: its order as requested and a fingerprint of what it searches for. */
    record CursorKey(SortOrder sort, int search) {}

    /** A deadline that never comes. */
    long NO_DEADLINE = Long.MIN_VALUE;

    /**
     * One search as the engine runs it. {@code query} scores and matches; {@code filter} (may be null) only matches;
     * {@code drillDown} holds the chosen facet values per dimension (indexed form; several values of one dimension:
     * any of them), counted drill-sideways. Hits {@code offset} to {@code offset + size}, or the {@code size} after
     * {@code after} (an engine cursor this engine gave out for the same {@code cursorKey}). The engine stops at
     * {@code deadlineNanos} ({@link System#nanoTime()}) and says so in {@link Result#partial}; totals are counted exactly
     * up to {@code trackTotalHits}.
     */
    record Search(Query query, Query filter, Map<String, List<String>> drillDown, Order order, int offset, int size,
                  String after, CursorKey cursorKey, FacetMode facets, int facetLimit, Want want, int trackTotalHits,
                  long deadlineNanos) {
        public Search {
            drillDown = Map.copyOf(drillDown);
        }

        /** Whether this lists everything unfiltered (the landing page): the same counts for every visitor. */
        public boolean browsesAll() {
            return query instanceof org.apache.lucene.search.MatchAllDocsQuery && filter == null && drillDown.isEmpty();
        }

        public Search withQuery(Query q) {
            return new Search(q, filter, drillDown, order, offset, size, after, cursorKey, facets, facetLimit, want,
                    trackTotalHits, deadlineNanos);
        }

        /** The next batch: the hits after an engine cursor, with no time limit. */
        public Search continuing(String cursor) {
            return new Search(query, filter, drillDown, order, 0, size, cursor, cursorKey, facets, facetLimit, want,
                    trackTotalHits, NO_DEADLINE);
        }
    }

    /**
     * One facet dimension's counts: the {@code top} values (at most the limit, most frequent first; every value when all
     * were asked for), whether it has {@code more}, the count of each chosen value, and whether the counts were
     * {@code sampled} (counted on a sample of its matches and scaled).
     */
    record DimCounts(List<SearchPage.FacetValue> top, boolean more, Map<String, Long> chosen, boolean sampled) {
        /** Counts that are exact. */
        public DimCounts(List<SearchPage.FacetValue> top, boolean more, Map<String, Long> chosen) {
            this(top, more, chosen, false);
        }
    }

    /** Writes the hits of a {@link Want#ROWS} search in order; valid while its view is open. */
    interface Rows {
        Rows NONE = sink -> { };

        void writeTo(SearchBackend.ExportSink sink) throws IOException;
    }

    /**
     * What a search found: the total (exact or a lower bound), whether it stopped at its deadline, the hits as notices
     * ({@link Want#NOTICES}, {@link Want#SUMMARIES}) or rows ({@link Want#ROWS}) and how many, the engine cursor after
     * the last hit (null when none), and the facet counts per dimension (null when none were counted; each says
     * whether it was counted on a sample).
     */
    record Result(long total, boolean exact, boolean partial, List<Notice> notices, Rows rows, int returned, String last,
                  Map<String, DimCounts> facets) {}
}
