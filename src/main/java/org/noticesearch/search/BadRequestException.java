package org.noticesearch.search;

import java.util.Map;

/**
 * A request parameter that cannot be used. Maps to HTTP 400. The message is read by people using a Chinese page, so
 * it is Chinese and plain: it starts with the parameter's Chinese name and its API name, e.g.
 * {@code 起始日期（from）：“2020-13”不是有效日期：月份应为 1 到 12}.
 */
public class BadRequestException extends RuntimeException {
    /** The Chinese name of each parameter people meet in the pages and the API. */
    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("q", "搜索词"), Map.entry("docNumber", "发文字号"), Map.entry("issuer", "发文机关"),
            Map.entry("province", "省份"), Map.entry("type", "文种"), Map.entry("campaign", "专项活动"),
            Map.entry("from", "起始日期"), Map.entry("to", "截止日期"), Map.entry("sort", "排序"),
            Map.entry("page", "页码"), Map.entry("size", "每页条数"), Map.entry("limit", "建议条数"),
            Map.entry("facetLimit", "分面条数"), Map.entry("query string", "查询字符串"),
            Map.entry("scope", "搜索范围"), Map.entry("cursor", "翻页标记"), Map.entry("headers", "表头"));

    private final String parameter;

    public BadRequestException(String parameter, String message) {
        this(parameter, label(parameter) + "：" + message, true);
    }

    private BadRequestException(String parameter, String fullMessage, boolean unused) {
        super(fullMessage);
        this.parameter = parameter;
    }

    /**
     * A parameter the endpoint does not read, named as sent: its Chinese name, if it has one, belongs to another
     * endpoint ({@code limit} is the suggestions' count, not a trend's).
     */
    public static BadRequestException unknownParameter(String parameter, String message) {
        return new BadRequestException(parameter, "参数 " + parameter + "：" + message, true);
    }

    /** A cursor this server did not give out (malformed, or not of this engine's form). */
    public static BadRequestException notOurCursor() {
        return new BadRequestException("cursor", "不是本服务给出的翻页标记，请用搜索结果中的 nextCursor（not a cursor this server gave out; take nextCursor from a search response）");
    }

    /** A cursor given out for another search (query, filters or order differ). */
    public static BadRequestException otherSearchCursor() {
        return new BadRequestException("cursor", "这个翻页标记属于另一次搜索（搜索词、筛选条件或排序不同），请用给出它的那次搜索的参数"
                + "（this cursor belongs to another search; send the same parameters as the search that gave it）");
    }

    /** {@code 起始日期（from）}, or the API name alone for a parameter without a Chinese name. */
    public static String label(String parameter) {
        String zh = NAMES.get(parameter);
        return zh == null ? "参数 " + parameter : zh + "（" + parameter + "）";
    }

    public String parameter() {
        return parameter;
    }
}
