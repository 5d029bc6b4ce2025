package org.noticesearch.search;

import java.util.List;
import org.noticesearch.config.Settings;

/**
 * A search: the query, filters, order and page. Built typed from {@link #of(String)} and the {@code with} methods (the
 * CLI) or from HTTP parameters by {@code web/SearchRequests}; {@link #validated(Settings)} checks every limit.
 */
public record SearchRequest(String query, String docNumber, List<String> issuers, String province, String type,
                            String campaign, DateBound from, DateBound to, SortOrder sort, int page, int size,
                            int facetLimit, Scope scope, String cursor) {

    /** The parameter that asks each facet for more values. */
    public static final String FACET_LIMIT_PARAM = "facetLimit";

    public SearchRequest {
        query = query == null ? "" : query.strip();
        issuers = issuers.stream().filter(i -> i != null && !i.isBlank()).map(String::strip).toList();
        scope = scope == null ? Scope.ALL : scope;
    }

    /** The page after the one an engine cursor (its encoded text, a page's {@code nextCursor}) ends; null for a numbered page. */
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

    /** A request for a query alone, first page, with the default facet limit, searching everywhere (scope all). */
    public static SearchRequest of(String query) {
        return new SearchRequest(query, null, List.of(), null, null, null, null, null, SortOrder.RELEVANCE, 1,
                SearchLimits.DEFAULT_SIZE, SearchLimits.FACET_LIMIT, Scope.ALL, null);
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

    /**
     * A fingerprint of what a request searches for (not its page or size): a cursor only continues the search it came
     * from. Built from strings and dates only (enum names, not enum hash codes, which change between runs), so that it is
     * the same in every server process.
     */
    public int fingerprint() {
        return java.util.Objects.hash(query, scope.name(), docNumber, issuers, province, type, campaign,
                from == null ? null : from.day(), to == null ? null : to.day(), sort.name());
    }

    /**
     * This request, checked against the limits: the typed way to build a request is {@link #of(String)} and the
     * {@code with} methods, then this. A {@link BadRequestException} names the parameter whose value is out of bounds.
     */
    public SearchRequest validated(Settings settings) {
        checkQueryLength("q", query, settings);
        checkQueryLength("docNumber", docNumber, settings);
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
        if (facetLimit < 1 || facetLimit > SearchLimits.MAX_FACET_LIMIT) {
            throw new BadRequestException("facetLimit", "应在 1 到 " + SearchLimits.MAX_FACET_LIMIT + " 之间，这里是 " + facetLimit);
        }
        if (from != null && to != null && from.day().isAfter(to.day())) {
            throw new BadRequestException("from", "“" + from.asWritten() + "”晚于截止日期“" + to.asWritten() + "”");
        }
        if (cursor != null && page != 1) {
            throw new BadRequestException("cursor", "cursor 与 page 只能给一个：翻页标记已指明从哪里接着翻（give cursor or page, not both）");
        }
        if (cursor != null && (cursor.length() > 200
                || !cursor.chars().allMatch(ch -> Character.isLetterOrDigit(ch) || ch == '-' || ch == '_'))) {
            throw BadRequestException.notOurCursor();
        }
        return this;
    }

    /** An integer parameter; a {@link BadRequestException} naming it when the text is not one. */
    public static int integer(String parameter, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new BadRequestException(parameter, "“" + text + "”不是整数");
        }
    }

    /** The query-length limit, for every endpoint that takes a query. */
    public static void checkQueryLength(String parameter, String value, Settings settings) {
        if (value != null && value.length() > settings.maxQueryLength()) {
            throw new BadRequestException(parameter, "太长了：最多 " + settings.maxQueryLength() + " 个字，这里有 "
                    + value.length() + " 个");
        }
    }
}
