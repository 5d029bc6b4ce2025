package org.noticesearch.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * One page of results, as the HTTP API returns it. {@code partial} is true when the search ran into its time limit
 * ({@code search.timeLimitMs}): the hits, total and facets are then those found before it stopped. Each facet lists
 * at most {@code facetLimit} values (most frequent first; years newest first), plus any chosen value outside them;
 * {@code facetMore} says, per facet, whether it has values beyond those listed. {@code nextCursor} (left out of the
 * JSON when null) continues after the last hit of a full page (an engine cursor: {@code LuceneCursor}, {@code OpenSearchCursor}).
 * {@code facetApproximate}: per facet, whether its counts were counted on a sample of its matches and scaled (more than
 * {@code search.totalHitsThreshold} of them; with a facet chosen, each facet is counted over its own matches, the chosen
 * one's without its own filter, so some may be sampled and others not); {@code facetsApproximate}: whether any was.
 * {@code total} stays exact.
 */
public record SearchPage(String query, long total, boolean totalIsExact, boolean relaxed, int page, int size,
                         long tookMs, List<SearchHit> hits, Map<String, List<FacetValue>> facets, boolean partial,
                         Map<String, Boolean> facetMore, @JsonInclude(JsonInclude.Include.NON_NULL) String nextCursor,
                         Map<String, Boolean> facetApproximate) {

    /** Whether any facet's counts were counted on a sample: derived, so that it cannot disagree with the per-facet flags. */
    @JsonProperty("facetsApproximate")
    public boolean facetsApproximate() {
        return facetApproximate.containsValue(true);
    }

    /** A page whose facet counts are exact. */
    public SearchPage(String query, long total, boolean totalIsExact, boolean relaxed, int page, int size, long tookMs,
                      List<SearchHit> hits, Map<String, List<FacetValue>> facets, boolean partial,
                      Map<String, Boolean> facetMore, String nextCursor) {
        this(query, total, totalIsExact, relaxed, page, size, tookMs, hits, facets, partial, facetMore, nextCursor, Map.of());
    }

    /** One facet label, how many matching notices carry it, and whether the request filters on it. */
    public record FacetValue(String value, long count, boolean chosen) {
        public FacetValue(String value, long count) {
            this(value, count, false);
        }
    }
}
