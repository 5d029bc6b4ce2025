package org.noticesearch.search;

/**
 * Whether the index holds a term: all {@link QueryFactory} needs to know of the index, to tell a number series or an
 * agency code (渝妇发〔2020〕, 渝妇办) from text that only looks like one (脱贫2020).
 */
@FunctionalInterface
public interface TermLookup {
    /** A lookup that knows no term: every partial number stays text. */
    TermLookup NONE = (field, term) -> false;

    /** Whether at least one notice has {@code term} in {@code field}. */
    boolean exists(String field, String term);
}
