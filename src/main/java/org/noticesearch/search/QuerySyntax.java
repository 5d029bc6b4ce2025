package org.noticesearch.search;

import java.util.ArrayList;
import java.util.List;

/**
 * The query language: space-separated terms must all match; {@code OR} between terms; {@code "..."} (or
 * “...”) for a phrase kept as written, with no synonyms; {@code -term} excludes; {@code title:巾帼} (标题:) looks in the
 * title alone and {@code issuer:全国妇联} (发文机关:) keeps the notices of that issuer. The colon may be full-width (：).
 */
public final class QuerySyntax {
    private QuerySyntax() {}

    /** Where a term is looked for: the whole notice, the title alone, or the issuer (an exact issuer, not text). */
    public enum Field { ANY, TITLE, ISSUER }

    /** One term as typed; quoted terms are matched as written, without synonyms. */
    public record Term(String text, boolean quoted, Field field) {
        public Term(String text, boolean quoted) {
            this(text, quoted, Field.ANY);
        }
    }

    /** The field prefixes, English and Chinese; matched before a colon, case-insensitively. */
    private static final java.util.Map<String, Field> PREFIXES = java.util.Map.of(
            "title", Field.TITLE, "标题", Field.TITLE, "issuer", Field.ISSUER, "发文机关", Field.ISSUER);

    /** Groups are ANDed; the terms inside a group are ORed; excluded terms must not match. */
    public record Parsed(List<List<Term>> groups, List<Term> excluded) {
        public boolean isEmpty() {
            return groups.isEmpty() && excluded.isEmpty();
        }

        public List<Term> positiveTerms() {
            return groups.stream().flatMap(List::stream).toList();
        }
    }

    private record Token(String text, boolean quoted, boolean negated, Field field) {}

    public static Parsed parse(String query) {
        List<Token> tokens = tokenize(query == null ? "" : query);
        List<List<Term>> groups = new ArrayList<>();
        List<Term> excluded = new ArrayList<>();
        boolean orPending = false;
        for (Token t : tokens) {
            if (!t.quoted && !t.negated && t.field == Field.ANY && t.text.equals("OR")) {
                orPending = !groups.isEmpty();
                continue;
            }
            Term term = new Term(t.text, t.quoted, t.field);
            if (t.negated) {
                excluded.add(term);
                orPending = false;
            } else if (orPending) {
                groups.get(groups.size() - 1).add(term);
                orPending = false;
            } else {
                List<Term> g = new ArrayList<>();
                g.add(term);
                groups.add(g);
            }
        }
        return new Parsed(groups.stream().map(List::copyOf).toList(), List.copyOf(excluded));
    }

    private static List<Token> tokenize(String q) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = q.length();
        while (i < n) {
            char c = q.charAt(i);
            if (Character.isWhitespace(c) || c == '\u3000') {
                i++;
                continue;
            }
            boolean negated = false;
            if ((c == '-' || c == '－') && i + 1 < n && !Character.isWhitespace(q.charAt(i + 1))) {
                negated = true;
                i++;
                c = q.charAt(i);
            }
            Field field = Field.ANY;
            int afterPrefix = fieldPrefixEnd(q, i);
            if (afterPrefix > 0) {
                field = PREFIXES.get(q.substring(i, afterPrefix - 1).toLowerCase(java.util.Locale.ROOT));
                i = afterPrefix;
                c = q.charAt(i);
            }
            if (c == '"' || c == '“' || c == '”') {
                int j = i + 1;
                while (j < n && q.charAt(j) != '"' && q.charAt(j) != '”' && q.charAt(j) != '“') {
                    j++;
                }
                String text = q.substring(i + 1, j).strip();
                if (!text.isEmpty()) {
                    out.add(new Token(text, true, negated, field));
                }
                i = Math.min(n, j + 1);
            } else {
                int j = i;
                while (j < n && !Character.isWhitespace(q.charAt(j)) && q.charAt(j) != '\u3000') {
                    j++;
                }
                out.add(new Token(q.substring(i, j), false, negated, field));
                i = j;
            }
        }
        return out;
    }

    /**
     * Where the text after a field prefix starting at {@code i} begins ({@code title:} or {@code 标题：}), or -1. A prefix
     * with nothing after it (a trailing {@code title:}) is not one: the word is then searched as typed.
     */
    private static int fieldPrefixEnd(String q, int i) {
        for (String prefix : PREFIXES.keySet()) {
            int end = i + prefix.length();
            if (end < q.length() - 1 && q.regionMatches(true, i, prefix, 0, prefix.length())
                    && (q.charAt(end) == ':' || q.charAt(end) == '：')) {
                char next = q.charAt(end + 1);
                if (!Character.isWhitespace(next) && next != '\u3000') {
                    return end + 1;
                }
            }
        }
        return -1;
    }
}
