package org.noticesearch.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Matches and ranks completions, the same for every backend: a substring match on the folded text (Chinese
 * users often type the middle of a name); or, when the typed text is ASCII letters, a match of it as pinyin or
 * initials ({@code fulian}, {@code fl} → 全国妇联; see {@link Pinyin}). Prefix matches first, then campaign, issuer,
 * docNumber, title; more documents first; shorter first. A text match ranks above a pinyin match otherwise equal.
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

    private record Match(Candidate c, boolean prefix, boolean byPinyin) {}

    public static List<Suggestion> top(List<Candidate> candidates, String typed, int limit) {
        String q = typed == null ? "" : Snippets.normalize(typed);
        if (q.isEmpty()) {
            return List.of();
        }
        boolean pinyin = Pinyin.isPinyinLike(q);
        Pinyin table = pinyin ? Pinyin.table() : null;
        List<Match> hits = new ArrayList<>();
        for (Candidate c : candidates) {
            int at = c.folded().indexOf(q);
            if (at >= 0) {
                hits.add(new Match(c, at == 0, false));
            } else if (pinyin) {
                int py = table.find(c.folded(), q);
                if (py >= 0) {
                    hits.add(new Match(c, py == 0, true));
                }
            }
        }
        hits.sort(Comparator.comparing((Match m) -> !m.prefix())
                .thenComparingInt(m -> KIND_ORDER.indexOf(m.c().kind()))
                .thenComparingLong(m -> -m.c().weight())
                .thenComparing(Match::byPinyin)
                .thenComparingInt(m -> m.c().text().length())
                .thenComparing(m -> m.c().text()));
        Map<String, Suggestion> out = new LinkedHashMap<>();
        for (Match m : hits) {
            Candidate c = m.c();
            out.putIfAbsent(c.text(), new Suggestion(c.text(), c.kind()));
            if (out.size() >= limit) {
                break;
            }
        }
        return List.copyOf(out.values());
    }
}
