package org.noticesearch.opensearch;

import java.util.ArrayList;
import java.util.List;
import org.noticesearch.config.Issuer;
import org.noticesearch.config.IssuerDirectory;
import org.noticesearch.index.NoticeFields;
import org.noticesearch.search.SearchPage;
import org.noticesearch.search.Suggestion;
import org.noticesearch.search.SuggestionRanker;

/**
 * Completions from the cluster: campaign names, issuers (with their aliases), document numbers and titles,
 * read with terms aggregations, cached for a while, and matched and ranked exactly as the embedded
 * suggester does (substring match; prefix first, then campaign, issuer, docNumber, title; more documents first).
 */
final class OpenSearchSuggester {
    private record Snapshot(List<SuggestionRanker.Candidate> entries, long loadedAt) {}

    private final OpenSearchBackend backend;
    private final IssuerDirectory issuers;
    private volatile Snapshot cached;

    OpenSearchSuggester(OpenSearchBackend backend, IssuerDirectory issuers) {
        this.backend = backend;
        this.issuers = issuers;
    }

    void invalidate() {
        cached = null;
    }

    List<Suggestion> suggest(String text, int limit) {
        return SuggestionRanker.top(entries(), text, limit);
    }

    private List<SuggestionRanker.Candidate> entries() {
        Snapshot s = cached;
        long now = System.currentTimeMillis();
        if (s != null && now - s.loadedAt < backend.cacheMillis()) {
            return s.entries;
        }
        List<SuggestionRanker.Candidate> out = new ArrayList<>();
        for (SearchPage.FacetValue v : backend.allValues(NoticeFields.CAMPAIGN)) {
            out.add(entry(v.value(), "campaign", v.count()));
        }
        for (SearchPage.FacetValue v : backend.allValues(NoticeFields.ISSUER)) {
            out.add(entry(v.value(), "issuer", v.count()));
            for (Issuer i : issuers.lookup(v.value()).stream().toList()) {
                for (String alias : i.aliases()) {
                    out.add(entry(alias, "issuer", v.count()));
                }
            }
        }
        for (SearchPage.FacetValue v : backend.allValues(NoticeFields.DOCNUM)) {
            out.add(entry(v.value(), "docNumber", v.count()));
        }
        for (SearchPage.FacetValue v : backend.allValues(NoticeFields.TITLE_DV)) {
            out.add(entry(v.value(), "title", 0));
        }
        List<SuggestionRanker.Candidate> entries = List.copyOf(out);
        cached = new Snapshot(entries, now);
        return entries;
    }

    private static SuggestionRanker.Candidate entry(String text, String kind, long weight) {
        return SuggestionRanker.Candidate.of(text, kind, weight);
    }
}
