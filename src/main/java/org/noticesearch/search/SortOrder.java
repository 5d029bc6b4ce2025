package org.noticesearch.search;

import java.util.Locale;

/** Result order: by relevance, or by 成文日期. */
public enum SortOrder {
    RELEVANCE, NEWEST, OLDEST;

    public static SortOrder parse(String s) {
        if (s == null || s.isBlank()) {
            return RELEVANCE;
        }
        try {
            return valueOf(s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("sort", "“" + s + "”不是可用的排序：可选 relevance（相关度）、newest（最新）、oldest（最早）");
        }
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
