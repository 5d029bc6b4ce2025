package org.noticesearch.search;

import java.util.List;
import java.util.Map;

/**
 * One page of results, as the HTTP API returns it. {@code partial} is true when the search ran into its time limit
 * ({@code search.timeLimitMs}): the hits, total and facets are then those found before it stopped.
 */
public record SearchPage(String query, long total, boolean totalIsExact, boolean relaxed, int page, int size,
                         long tookMs, List<SearchHit> hits, Map<String, List<FacetValue>> facets, boolean partial) {

    /** A complete page (the time limit was not reached). */
    public SearchPage(String query, long total, boolean totalIsExact, boolean relaxed, int page, int size,
                      long tookMs, List<SearchHit> hits, Map<String, List<FacetValue>> facets) {
        this(query, total, totalIsExact, relaxed, page, size, tookMs, hits, facets, false);
    }

    /** One facet label and how many matching notices carry it. */
    public record FacetValue(String value, long count) {}
}
