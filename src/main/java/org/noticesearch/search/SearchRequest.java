package org.noticesearch.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.noticesearch.config.Settings;

/** A validated search: the query, filters, order and page. Built from request parameters by {@link #fromParams}. */
public record SearchRequest(String query, String docNumber, List<String> issuers, String province, String type,
                            String campaign, DateBound from, DateBound to, SortOrder sort, int page, int size,
                            int facetLimit, Scope scope, String cursor) {

    public static final int DEFAULT_SIZE = 10;
    /** The parameter that asks each facet for more values. */
    public static final String FACET_LIMIT_PARAM = "facetLimit";

    /** How many values each facet lists unless the request asks for more ({@code facetLimit}). */
    public static final int DEFAULT_FACET_LIMIT = 20;
    /** The most a request may ask for: more than any facet of the corpus has today (about 600 campaigns). */
    public static final int MAX_FACET_LIMIT = 2000;

    /** A request with the default facet limit, searching everywhere (scope all), from a numbered page. */
    public SearchRequest(String query, String docNumber, List<String> issuers, String province, String type,
                         String campaign, DateBound from, DateBound to, SortOrder sort, int page, int size) {
        this(query, docNumber, issuers, province, type, campaign, from, to, sort, page, size, DEFAULT_FACET_LIMIT,
                Scope.ALL, null);
    }

    public SearchRequest {
        query = query == null ? "" : query.strip();
        issuers = List.copyOf(issuers);
        scope = scope == null ? Scope.ALL : scope;
    }

    /** The page after the one a {@link SearchCursor} (its encoded text) ends; null for a numbered page. */
    public SearchRequest withCursor(String cursor) {
        return new SearchRequest(query, docNumber, issuers, province, type, campaign, from, to, sort, 1, size, facetLimit,
                scope, cursor);
    }

    public SearchRequest withScope(Scope scope) {
        return new SearchRequest(query, docNumber, issuers, province, type, campaign, from, to, sort, page, size, facetLimit,
                scope, cursor);
    }

    /**
     * The order results come in: as asked, except that with no query there is no relevance to rank by, so
     * "relevance" lists the newest first (the landing page).
     */
    public SortOrder effectiveSort() {
        return sort == SortOrder.RELEVANCE && query.isEmpty() ? SortOrder.NEWEST : sort;
    }

    /** A request for a query alone, first page. */
    public static SearchRequest of(String query) {
        return new SearchRequest(query, null, List.of(), null, null, null, null, null, SortOrder.RELEVANCE, 1, DEFAULT_SIZE);
    }

    public SearchRequest withPage(int page, int size) {
        return new SearchRequest(query, docNumber, issuers, province, type, campaign, from, to, sort, page, size, facetLimit, scope, cursor);
    }

    public SearchRequest withSort(SortOrder sort) {
        return new SearchRequest(query, docNumber, issuers, province, type, campaign, from, to, sort, page, size, facetLimit, scope, cursor);
    }

    public SearchRequest withIssuers(List<String> issuers) {
        return new SearchRequest(query, docNumber, issuers, province, type, campaign, from, to, sort, page, size, facetLimit, scope, cursor);
    }

    public SearchRequest withFilters(String province, String type, String campaign, DateBound from, DateBound to) {
        return new SearchRequest(query, docNumber, issuers, province, type, campaign, from, to, sort, page, size, facetLimit, scope, cursor);
    }

    public SearchRequest withFacetLimit(int facetLimit) {
        return new SearchRequest(query, docNumber, issuers, province, type, campaign, from, to, sort, page, size, facetLimit, scope, cursor);
    }

    /** The values chosen for a facet dimension (by its field name), to be listed even outside the top values. */
    public List<String> chosen(String dimension) {
        return switch (dimension) {
            case "issuer" -> issuers;
            case "province" -> province == null ? List.of() : List.of(province);
            case "type" -> type == null ? List.of() : List.of(type);
            case "campaign" -> campaign == null ? List.of() : List.of(campaign);
            default -> List.of();
        };
    }

    public SearchRequest withDocNumber(String docNumber) {
        return new SearchRequest(query, docNumber, issuers, province, type, campaign, from, to, sort, page, size, facetLimit, scope, cursor);
    }

    /** Validates request parameters (each a list, since issuer may repeat); every error names its parameter. */
    public static SearchRequest fromParams(Map<String, List<String>> params, Settings settings) {
        String q = single(params, "q");
        checkQueryLength("q", q, settings);
        String docNumber = single(params, "docNumber");
        if (docNumber != null && docNumber.length() > settings.maxQueryLength()) {
            throw new BadRequestException("docNumber", "太长了：最多 " + settings.maxQueryLength() + " 个字，这里有 "
                    + docNumber.length() + " 个");
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
            throw new BadRequestException("page", "应为 1 或更大的整数，这里是 " + page);
        }
        if (size < 1 || size > settings.maxSize()) {
            throw new BadRequestException("size", "应在 1 到 " + settings.maxSize() + " 之间，这里是 " + size);
        }
        if ((long) page * size > settings.maxDepth()) {
            throw new BadRequestException("page", "最多只能翻看前 " + settings.maxDepth() + " 条结果（第 " + page
                    + " 页、每页 " + size + " 条已超出），请用筛选条件缩小范围");
        }
        int facetLimit = integer(params, FACET_LIMIT_PARAM, DEFAULT_FACET_LIMIT);
        if (facetLimit < 1 || facetLimit > MAX_FACET_LIMIT) {
            throw new BadRequestException("facetLimit", "应在 1 到 " + MAX_FACET_LIMIT + " 之间，这里是 " + facetLimit);
        }
        DateBound from = DateBound.parse("from", single(params, "from"), false);
        DateBound to = DateBound.parse("to", single(params, "to"), true);
        if (from != null && to != null && from.day().isAfter(to.day())) {
            throw new BadRequestException("from", "“" + from.asWritten() + "”晚于截止日期“" + to.asWritten() + "”");
        }
        return new SearchRequest(q, docNumber, issuers, single(params, "province"), single(params, "type"),
                single(params, "campaign"), from, to, SortOrder.parse(single(params, "sort")), page, size,
                facetLimit, Scope.parse(single(params, "scope")), cursor(params, page));
    }

    /** The {@code cursor} parameter, checked for its form here and against the index by the backend. */
    private static String cursor(Map<String, List<String>> params, int page) {
        String c = single(params, "cursor");
        if (c == null) {
            return null;
        }
        if (page != 1) {
            throw new BadRequestException("cursor", "cursor 与 page 只能给一个：翻页标记已指明从哪里接着翻（give cursor or page, not both）");
        }
        if (c.length() > 200 || !c.chars().allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '-' || ch == '_')) {
            throw new BadRequestException("cursor", "不是本服务给出的翻页标记，请用搜索结果中的 nextCursor（not a cursor this server gave out; take nextCursor from a search response）");
        }
        return c;
    }

    /** The query-length limit, for every endpoint that takes a query. */
    public static void checkQueryLength(String parameter, String value, Settings settings) {
        if (value != null && value.length() > settings.maxQueryLength()) {
            throw new BadRequestException(parameter, "太长了：最多 " + settings.maxQueryLength() + " 个字，这里有 "
                    + value.length() + " 个");
        }
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
        if (v == null) {
            return def;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new BadRequestException(name, "“" + v + "”不是整数");
        }
    }
}
