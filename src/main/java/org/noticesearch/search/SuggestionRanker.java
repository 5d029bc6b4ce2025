package org.noticesearch.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Matches and ranks completions, the same for every backend: a substring match on the folded text (Chinese
 * users often type the middle of a name); prefix matches first, then campaign, issuer, docNumber, title; more
 * documents first; shorter first.
 */
public final class SuggestionRanker {
    private static final List<String> KIND_ORDER = List.of("campaign", "issuer", "docNumber", "title");

    private SuggestionRanker() {}

    /** One completion a backend can offer, with how many notices carry it. */
    public record Candidate(String text, String kind, String folded, long weight) {
        public static Candidate of(String text, String kind, long weight) {
            return new Candidate(text, kind, Snippets.normalize(text), weight);
        }
    }

    public static List<Suggestion> top(List<Candidate> candidates, String typed, int limit) {
        String q = typed == null ? "" : Snippets.normalize(typed);
        if (q.isEmpty()) {
            return List.of();
        }
        List<Candidate> hits = new ArrayList<>();
        for (Candidate c : candidates) {
            if (c.folded().contains(q)) {
                hits.add(c);
            }
        }
        hits.sort(Comparator.comparing((Candidate c) -> !c.folded().startsWith(q))
                .thenComparingInt(c -> KIND_ORDER.indexOf(c.kind()))
                .thenComparingLong(c -> -c.weight())
                .thenComparingInt(c -> c.text().length())
                .thenComparing(Candidate::text));
        Map<String, Suggestion> out = new LinkedHashMap<>();
        for (Candidate c : hits) {
            out.putIfAbsent(c.text(), new Suggestion(c.text(), c.kind()));
            if (out.size() >= limit) {
                break;
            }
        }
        return List.copyOf(out.values());
    }
}
