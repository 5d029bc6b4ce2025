package org.noticesearch.search;

import java.util.List;

/** Hit counts per year (ascending) and per issuer (most first) for a query, for tracing a campaign over time. */
public record Trend(String query, long total, List<SearchPage.FacetValue> years, List<SearchPage.FacetValue> issuers) {}
