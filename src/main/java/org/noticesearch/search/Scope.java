package org.noticesearch.search;

import java.util.Locale;

/** Where the query's text is looked for: everywhere (全文), the title alone (标题), or the 发文字号 alone (文号). */
public enum Scope {
    ALL("all"), TITLE("title"), DOC_NUMBER("docNumber");

    private final String value;

    Scope(String value) {
        this.value = value;
    }

    /** The parameter value: all, title or docNumber (case-insensitive; 全文, 标题, 文号 too); all when absent. */
    public static Scope parse(String s) {
        if (s == null || s.isBlank()) {
            return ALL;
        }
        String v = s.strip();
        for (Scope scope : values()) {
            if (scope.value.equalsIgnoreCase(v)) {
                return scope;
            }
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "全文" -> ALL;
            case "标题" -> TITLE;
            case "文号", "发文字号" -> DOC_NUMBER;
            default -> throw new BadRequestException("scope", "“" + s + "”不是可用的范围：all（全文）、title（标题）或 docNumber（文号）");
        };
    }

    public String value() {
        return value;
    }
}
