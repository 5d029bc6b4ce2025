package org.noticesearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.noticesearch.config.Issuer;
import org.noticesearch.config.IssuerDirectory;
import org.noticesearch.index.NoticeFields;

/**
 * Completions from campaign names, issuers (with their aliases), document numbers and titles, the same for every
 * engine. The candidate list is read once per index state ({@link Engine.View#state()}) from the engine's field
 * values, not from stored records, and matched by {@link SuggestionRanker}.
 */
final class Suggestions {
    private record Snapshot(Object state, List<SuggestionRanker.Candidate> entries) {}

    private final IssuerDirectory issuers;
    private volatile Snapshot cached;

    Suggestions(IssuerDirectory issuers) {
        this.issuers = issuers;
    }

    List<Suggestion> suggest(Engine.View view, String text, int limit) throws IOException {
        return SuggestionRanker.top(entries(view), text, limit);
    }

    private List<SuggestionRanker.Candidate> entries(Engine.View view) throws IOException {
        Snapshot snap = cached;
        Object state = view.state();
        if (snap != null && snap.state.equals(state)) {
            return snap.entries;
        }
        List<SuggestionRanker.Candidate> out = new ArrayList<>();
        for (SearchPage.FacetValue v : view.values(NoticeFields.CAMPAIGN)) {
            out.add(SuggestionRanker.Candidate.of(v.value(), "campaign", v.count()));
        }
        for (SearchPage.FacetValue v : view.values(NoticeFields.ISSUER)) {
            out.add(SuggestionRanker.Candidate.of(v.value(), "issuer", v.count()));
            for (Issuer i : issuers.lookup(v.value()).stream().toList()) {
                for (String alias : i.aliases()) {
                    // Typing an alias suggests it; searching it filters by the canonical issuer.
                    out.add(SuggestionRanker.Candidate.of(alias, "issuer", v.count()));
                }
            }
        }
        for (SearchPage.FacetValue v : view.values(NoticeFields.DOCNUM)) {
            out.add(SuggestionRanker.Candidate.of(v.value(), "docNumber", v.count()));
        }
        for (SearchPage.FacetValue v : view.values(NoticeFields.TITLE_DV)) {
            out.add(SuggestionRanker.Candidate.of(v.value(), "title", 0));
        }
        List<SuggestionRanker.Candidate> entries = List.copyOf(out);
        cached = new Snapshot(state, entries);
        return entries;
    }
}
