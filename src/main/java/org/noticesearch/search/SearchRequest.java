package org.noticesearch.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.noticesearch.config.Settings;

/** A validated search: the query, filters, order and page. Built from request parameters by {@link #fromParams}. */
public record SearchRequest(String query, String docNumber, List<String> issuers, String province, String type,
                            String campaign, DateBound from, DateBound to, SortOrder sort, int page, int size,
                            Scope scope, String cursor) {

    public static final int DEFAULT_SIZE = 10;

    public SearchRequest {
        query = query == null ? "" : query.strip();
        issuers = List.copyOf(issuers);
        scope = scope == null ? Scope.ALL : scope;
    }

    /** A request searching everywhere (scope all). */
    public SearchRequest(String query, String docNumber, List<String> issuers, String province, String type,
                         String campaign, DateBound from, DateBound to, SortOrder sort, int page, int size) {
        this(query, docNumber, issuers, province, type, campaign, from, to, sort, page, size, Scope.ALL, null);
    }

    /** The page after the one a {@link SearchCursor} (its encoded text) ends; null for a numbered page. */
    public SearchRequest withCursor(String cursor) {
        return new SearchRequest(query, docNumber, issuers, province, type, campaign, from, to, sort, 1, size, scope, cursor);
    }

    public SearchRequest withScope(Scope scope) {
        return new SearchRequest(query, docNumber, issuers, province, type, campaign, from, to, sort, page, size, scope, cursor);
    }

    /** A request for a query alone, first page. */
    public static SearchRequest of(String query) {
        return new SearchRequest(query, null, List.of(), null, null, null, null, null, SortOrder.RELEVANCE, 1, DEFAULT_SIZE);
    }

    public SearchRequest withPage(int page, int size) {
        return new SearchRequest(query, docNumber, issuers, province, type, campaign, from, to, sort, page, size, scope, cursor);
    }

    public SearchRequest withSort(SortOrder sort) {
        return new SearchRequest(query, docNumber, issuers, province, type, campaign, from, to, sort, page, size, scope, cursor);
    }

    public SearchRequest withIssuers(List<String> issuers) {
        return new SearchRequest(query, docNumber, issuers, province, type, campaign, from, to, sort, page, size, scope, cursor);
    }

    public SearchRequest withFilters(String province, String type, String campaign, DateBound from, DateBound to) {
        return new SearchRequest(query, docNumber, issuers, province, type, campaign, from, to, sort, page, size, scope, cursor);
    }

    public SearchRequest withDocNumber(String docNumber) {
        return new SearchRequest(query, docNumber, issuers, province, type, campaign, from, to, sort, page, size, scope, cursor);
    }

    /** Validates request parameters (each a list, since issuer may repeat); every error names its parameter. */
    public static SearchRequest fromParams(Map<String, List<String>> params, Settings settings) {
        String q = single(params, "q");
        checkQueryLength("q", q, settings);
        String docNumber = single(params, "docNumber");
        if (docNumber != null && docNumber.length() > settings.maxQueryLength()) {
            throw new BadRequestException("docNumber", "too long (limit " + settings.maxQueryLength() + " characters)");
        }
        List<String> issuers = new ArrayList<>();
        for (String i : params.getOrDefault("issuer", List.of())) {
            if (i != null && !i.isBlank()) {
                issuers.add(i.strip());
            }
        }
        int page = integer(params, "page", 1);
        int size = integer(params, "size", DEFAULT_SIZE);
        if (page < 1) {
            throw new BadRequestException("page", "must be 1 or more, got " + page);
        }
        if (size < 1 || size > settings.maxSize()) {
            throw new BadRequestException("size", "must be between 1 and " + settings.maxSize() + ", got " + size);
        }
        if ((long) page * size > settings.maxDepth()) {
            throw new BadRequestException("page", "page × size must be at most " + settings.maxDepth()
                    + " (got " + page + " × " + size + "); narrow the search with filters instead");
        }
        DateBound from = DateBound.parse("from", single(params, "from"), false);
        DateBound to = DateBound.parse("to", single(params, "to"), true);
        if (from != null && to != null && from.day().isAfter(to.day())) {
            throw new BadRequestException("from", "'" + from.asWritten() + "' is after to='" + to.asWritten() + "'");
        }
        return new SearchRequest(q, docNumber, issuers, single(params, "province"), single(params, "type"),
                single(params, "campaign"), from, to, SortOrder.parse(single(params, "sort")), page, size,
                Scope.parse(single(params, "scope")), cursor(params, page));
    }

    /** The {@code cursor} parameter, checked for its form here and against the index by the backend. */
    private static String cursor(Map<String, List<String>> params, int page) {
        String c = single(params, "cursor");
        if (c == null) {
            return null;
        }
        if (page != 1) {
            throw new BadRequestException("cursor", "give cursor or page, not both (a cursor already says where the page starts)");
        }
        if (c.length() > 200 || !c.chars().allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '-' || ch == '_')) {
            throw new BadRequestException("cursor", "not a cursor this server gave out; take nextCursor from a search response");
        }
        return c;
    }

    /** The query-length limit, for every endpoint that takes a query. */
    public static void checkQueryLength(String parameter, String value, Settings settings) {
        if (value != null && value.length() > settings.maxQueryLength()) {
            throw new BadRequestException(parameter, "the query is " + value.length() + " characters long; the limit is "
                    + settings.maxQueryLength());
        }
    }

    private static String single(Map<String, List<String>> params, String name) {
        List<String> v = params.get(name);
        if (v == null || v.isEmpty()) {
            return null;
        }
        if (v.size() > 1) {
            throw new BadRequestException(name, "given " + v.size() + " times; give it once");
        }
        String s = v.get(0);
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static int integer(Map<String, List<String>> params, String name, int def) {
        String v = single(params, name);
        if (v == null) {
            return def;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new BadRequestException(name, "'" + v + "' is not a whole number");
        }
    }
}
