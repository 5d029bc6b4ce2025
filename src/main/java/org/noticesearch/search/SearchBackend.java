package org.noticesearch.search;

import java.util.List;
import org.noticesearch.ingest.Notice;

/**
 * What the HTTP API, the page and the CLI need from a search engine. The embedded Lucene index
 * ({@link NoticeSearcher}) is the default; a distributed engine can stand behind the same calls, with the
 * query semantics defined once in this package.
 */
public interface SearchBackend {
    /** One page of hits with facets (drill-sideways) and snippets; relaxed when the exact query finds nothing. */
    SearchPage search(SearchRequest request);

    /** The matching notices in order, without snippets, for CSV export. */
    List<Notice> export(SearchRequest request);

    /** One notice with cited-by and resolved citations; with a query, highlighted paragraphs. */
    NoticeView notice(String id, String query);

    /** Up to 10 notices like this one. */
    List<NoticeView.NoticeRef> similar(String id);

    /** Hits per year and per issuer. */
    Trend trend(SearchRequest request);

    /** Completions for the search box. */
    List<Suggestion> suggest(String prefix, int limit);

    /** Index facts for /health. */
    Stats stats();

    /** Index facts: live documents, commit generation, reader version. */
    record Stats(int documents, long generation, long version) {}
}
