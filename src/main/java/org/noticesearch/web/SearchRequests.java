package org.noticesearch.web;

import java.util.List;
import java.util.Map;
import org.noticesearch.config.Settings;
import org.noticesearch.search.BadRequestException;
import org.noticesearch.search.DateBound;
import org.noticesearch.search.Scope;
import org.noticesearch.search.SearchLimits;
import org.noticesearch.search.SearchRequest;
import org.noticesearch.search.SortOrder;

/** Reads a {@link SearchRequest} from HTTP query parameters; every error is a 400 naming its parameter. */
public final class SearchRequests {
    private SearchRequests() {}

    /** The request the parameters (each a list, since issuer may repeat) describe, validated. */
    public static SearchRequest parse(Map<String, List<String>> params, Settings settings) {
        // The cursor before the page, which it would reset: a cursor with a page is an error validated() names.
        return SearchRequest.of(single(params, "q")).withCursor(single(params, "cursor"))
                .withDocNumber(single(params, "docNumber"))
                .withIssuers(params.getOrDefault("issuer", List.of()))
                .withPage(integer(params, "page", 1), integer(params, "size", SearchLimits.DEFAULT_SIZE))
                .withFacetLimit(integer(params, SearchRequest.FACET_LIMIT_PARAM, SearchLimits.FACET_LIMIT))
                .withFilters(single(params, "province"), single(params, "type"), single(params, "campaign"),
                        DateBound.parse("from", single(params, "from"), false), DateBound.parse("to", single(params, "to"), true))
                .withSort(SortOrder.parse(single(params, "sort")))
                .withScope(Scope.parse(single(params, "scope")))
                .validated(settings);
    }

    private static String single(Map<String, List<String>> params, String name) {
        List<String> v = params.get(name);
        if (v == null || v.isEmpty()) {
            return null;
        }
        if (v.size() > 1) {
            throw new BadRequestException(name, "只能给一次，这里给了 " + v.size() + " 次");
        }
        String s = v.get(0);
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static int integer(Map<String, List<String>> params, String name, int def) {
        String v = single(params, name);
        return v == null ? def : SearchRequest.integer(name, v);
    }
}
