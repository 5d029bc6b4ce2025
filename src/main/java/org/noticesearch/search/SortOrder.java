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
            throw new BadRequestException("sort", "'" + s + "' is not one of relevance, newest, oldest");
        }
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
