package org.noticesearch.opensearch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.noticesearch.config.Issuer;
import org.noticesearch.config.IssuerDirectory;
import org.noticesearch.index.NoticeFields;
import org.noticesearch.search.SearchPage;
import org.noticesearch.search.Snippets;
import org.noticesearch.search.Suggestion;

/**
 * Completions from the cluster: campaign names, issuers (with their aliases), document numbers and titles,
 * read with terms aggregations, cached for a while, and matched and ranked exactly as the embedded
 * suggester does (substring match; prefix first, then campaign, issuer, docNumber, title; more documents first).
 */
final class OpenSearchSuggester {
    private static final List<String> KIND_ORDER = List.of("campaign", "issuer", "docNumber", "title");

    private record Entry(String text, String kind, String folded, long weight) {}

    private record Snapshot(List<Entry> entries, long loadedAt) {}

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
        String q = text == null ? "" : Snippets.normalize(text);
        if (q.isEmpty()) {
            return List.of();
        }
        List<Entry> hits = new ArrayList<>();
        for (Entry e : entries()) {
            if (e.folded.contains(q)) {
                hits.add(e);
            }
        }
        hits.sort(Comparator.comparing((Entry e) -> !e.folded.startsWith(q))
                .thenComparingInt(e -> KIND_ORDER.indexOf(e.kind))
                .thenComparingLong(e -> -e.weight)
                .thenComparingInt(e -> e.text.length())
                .thenComparing(Entry::text));
        Map<String, Suggestion> out = new LinkedHashMap<>();
        for (Entry e : hits) {
            out.putIfAbsent(e.text, new Suggestion(e.text, e.kind));
            if (out.size() >= limit) {
                break;
            }
        }
        return List.copyOf(out.values());
    }

    private List<Entry> entries() {
        Snapshot s = cached;
        long now = System.currentTimeMillis();
        if (s != null && now - s.loadedAt < backend.cacheMillis()) {
            return s.entries;
        }
        List<Entry> out = new ArrayList<>();
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
        List<Entry> entries = List.copyOf(out);
        cached = new Snapshot(entries, now);
        return entries;
    }

    private static Entry entry(String text, String kind, long weight) {
        return new Entry(text, kind, Snippets.normalize(text), weight);
    }
}
