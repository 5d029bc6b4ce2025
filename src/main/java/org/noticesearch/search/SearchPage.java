package org.noticesearch.search;

import java.util.List;
import java.util.Map;

/** One page of results, as the HTTP API returns it. */
public record SearchPage(String query, long total, boolean totalIsExact, boolean relaxed, int page, int size,
                         long tookMs, List<SearchHit> hits, Map<String, List<FacetValue>> facets) {

    /** One facet label and how many matching notices carry it. */
    public record FacetValue(String value, long count) {}
}
