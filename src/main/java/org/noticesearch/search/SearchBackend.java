package org.noticesearch.search;

import java.io.IOException;
import java.util.List;
import org.noticesearch.ingest.Notice;

/**
 * What the HTTP API, the page and the CLI ask of the search: {@link SearchService} answers it for every engine; tests
 * stand a stub in its place.
 */
public interface SearchBackend {
    /** One page of hits with facets (drill-sideways) and snippets; relaxed when the exact query finds nothing. */
    SearchPage search(SearchRequest request);

    /**
     * The matching notices of the request's page, in order and without snippets, handed one by one to {@code sink} so
     * that a large export is written as it is read instead of held whole: {@link ExportSink#begin} first (whether the
     * time limit cut the search short), then each notice's row in order.
     */
    void export(SearchRequest request, ExportSink sink) throws IOException;

    /**
     * Every hit of the search, streamed in order, beyond the depth limit of pages. A backend that cannot page past
     * it exports the request's page (the handler asks for the first {@code search.maxDepth} hits).
     */
    default void exportAll(SearchRequest request, ExportSink sink) throws IOException {
        export(request, sink);
    }

    /** Where a streamed export goes. */
    interface ExportSink {
        /** Called once before the first row; {@code partial} when the search stopped at its time limit. */
        void begin(boolean partial) throws IOException;

        void row(ExportRow row) throws IOException;
    }

    /**
     * Every notice matching the request's query and filters (page and sort do not matter), up to {@code max}, handed
     * to {@code each} one by one in no particular order as its {@link Notice#summary() summary} (no text): for
     * analyses that need all matches, not a page (diffusion).
     * Returns whether the matches were cut short (more than {@code max}, or the search time limit).
     */
    boolean eachMatch(SearchRequest request, int max, java.util.function.Consumer<Notice> each);

    /**
     * The notices that cite any of some notices: by a document number ({@code docNumbers}, canonical form) or by an
     * exact title ({@code titles}; punctuation and width ignored), newest first, up to {@code limit}, as their
     * {@link Notice#summary() summaries}. Several notices at once, so that a tree asks once per level.
     */
    List<Notice> citing(java.util.Collection<String> docNumbers, java.util.Collection<String> titles, int limit);

    /** One notice with cited-by and resolved citations; with a query, highlighted paragraphs. */
    NoticeView notice(String id, String query);

    /** The stored record of one notice alone (no citations resolved); {@link NotFoundException} for an unknown id. */
    Notice record(String id);

    /** Up to {@link SearchLimits#SIMILAR_LIMIT} notices like this one. */
    List<NoticeView.NoticeRef> similar(String id);

    /** Hits per year and per issuer. */
    Trend trend(SearchRequest request);

    /** Completions for the search box. */
    List<Suggestion> suggest(String prefix, int limit);

    /** Index facts for /health. */
    Stats stats();

    /**
     * Whether {@link #stats()} gives a generation and version that change with every change of what is searched, cheaply
     * enough to make an HTTP validator (ETag) of them on every request. A cluster's index has no such number here.
     */
    default boolean versioned() {
        return true;
    }

    /**
     * Runs one search on a thread of its own while the web server starts, so that the first user's search does not
     * also pay for loading smartcn's dictionaries, the facet readers and the JIT's first compilations (about 0.4 s of
     * the first answer on a 100,000-notice index), nor the first suggestion for the pinyin table. What it searches for
     * does not matter: a common word of notices.
     */
    default void warmUpInBackground() {
        Thread.ofPlatform().daemon().name("warm-up").start(() -> {
            try {
                search(SearchRequest.of("通知"));
                // Letters are read as pinyin: this builds the reading table (some 28,000 look-ups) now, not in the
                // first user's suggestion request.
                suggest("tz", 1);
            } catch (RuntimeException closingOrUnreachable) {
                // Nothing is lost: the first user's search does the same work, and reports its own error.
            }
        });
    }

    /** Index facts: live documents, commit generation, reader version, and the cluster (null for an embedded index). */
    record Stats(int documents, long generation, long version, Cluster cluster) {}

    /**
     * The cluster behind a distributed index, for {@code /health}: its status (green, yellow, red; "unreachable" when
     * no node answered), nodes, the share of active shards, the concrete index behind the configured name or alias,
     * and why it could not be read ({@code error}, else null).
     */
    record Cluster(String status, int nodes, double activeShardsPercent, String index, String error) {
        /** Whether every shard has a copy answering searches (green, or yellow: replicas missing). */
        public boolean serving() {
            return "green".equals(status) || "yellow".equals(status);
        }
    }
}
