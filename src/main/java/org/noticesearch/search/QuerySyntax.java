package org.noticesearch.search;

import java.util.ArrayList;
import java.util.List;

/**
 * The query language: space-separated terms must all match; {@code OR} between terms; {@code "..."} (or
 * “...”) for a phrase kept as written, with no synonyms; {@code -term} excludes.
 */
public final class QuerySyntax {
    private QuerySyntax() {}

    /** One term as typed; quoted terms are matched as written, without synonyms. */
    public record Term(String text, boolean quoted) {}

    /** Groups are ANDed; the terms inside a group are ORed; excluded terms must not match. */
    public record Parsed(List<List<Term>> groups, List<Term> excluded) {
        public boolean isEmpty() {
            return groups.isEmpty() && excluded.isEmpty();
        }

        public List<Term> positiveTerms() {
            return groups.stream().flatMap(List::stream).toList();
        }
    }

    private record Token(String text, boolean quoted, boolean negated) {}

    public static Parsed parse(String query) {
        List<Token> tokens = tokenize(query == null ? "" : query);
        List<List<Term>> groups = new ArrayList<>();
        List<Term> excluded = new ArrayList<>();
        boolean orPending = false;
        for (Token t : tokens) {
            if (!t.quoted && !t.negated && t.text.equals("OR")) {
                orPending = !groups.isEmpty();
                continue;
            }
            Term term = new Term(t.text, t.quoted);
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
            if (c == '"' || c == '“' || c == '”') {
                int j = i + 1;
                while (j < n && q.charAt(j) != '"' && q.charAt(j) != '”' && q.charAt(j) != '“') {
                    j++;
                }
                String text = q.substring(i + 1, j).strip();
                if (!text.isEmpty()) {
                    out.add(new Token(text, true, negated));
                }
                i = Math.min(n, j + 1);
            } else {
                int j = i;
                while (j < n && !Character.isWhitespace(q.charAt(j)) && q.charAt(j) != '\u3000') {
                    j++;
                }
                out.add(new Token(q.substring(i, j), false, negated));
                i = j;
            }
        }
        return out;
    }
}
