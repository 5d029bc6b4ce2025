package org.noticesearch.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Hit counts per year (ascending) and per issuer (most first) for a query, for tracing a campaign over time. */
public record Trend(String query, long total, List<SearchPage.FacetValue> years, List<SearchPage.FacetValue> issuers) {

    /** A trend in the documented order, whatever order the engine counted in: years ascending, issuers most first. */
    public static Trend ordered(String query, long total, List<SearchPage.FacetValue> years, List<SearchPage.FacetValue> issuers) {
        List<SearchPage.FacetValue> y = new ArrayList<>(years);
        List<SearchPage.FacetValue> i = new ArrayList<>(issuers);
        y.sort(Comparator.comparing(SearchPage.FacetValue::value));
        i.sort(Comparator.comparingLong(SearchPage.FacetValue::count).reversed().thenComparing(SearchPage.FacetValue::value));
        return new Trend(query, total, List.copyOf(y), List.copyOf(i));
    }
}
