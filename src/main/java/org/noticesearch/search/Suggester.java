package org.noticesearch.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.noticesearch.config.Issuer;
import org.noticesearch.config.IssuerDirectory;
import org.noticesearch.index.NoticeFields;
import org.noticesearch.index.NoticeSearcherFactory;

/**
 * Completions from campaign names, issuers (with their aliases), document numbers and titles. The
 * candidate list is built once per index snapshot from doc values and terms, not from stored records,
 * and matched by substring, since Chinese users often type the middle of a name.
 */
final class Suggester {
    private record Snapshot(IndexReader reader, List<SuggestionRanker.Candidate> entries) {}

    private final IssuerDirectory issuers;
    private volatile Snapshot cached;

    Suggester(IssuerDirectory issuers) {
        this.issuers = issuers;
    }

    List<Suggestion> suggest(NoticeSearcherFactory.Searcher s, String text, int limit) throws IOException {
        return SuggestionRanker.top(entries(s), text, limit);
    }

    private List<SuggestionRanker.Candidate> entries(NoticeSearcherFactory.Searcher s) throws IOException {
        Snapshot snap = cached;
        if (snap != null && snap.reader == s.getIndexReader()) {
            return snap.entries;
        }
        List<SuggestionRanker.Candidate> entries = build(s);
        cached = new Snapshot(s.getIndexReader(), entries);
        return entries;
    }

    private List<SuggestionRanker.Candidate> build(NoticeSearcherFactory.Searcher s) throws IOException {
        List<SuggestionRanker.Candidate> out = new ArrayList<>();
        IndexReader reader = s.getIndexReader();
        if (s.facetState() != null) {
            SortedSetDocValuesFacetCounts counts = new SortedSetDocValuesFacetCounts(s.facetState());
            for (String dim : List.of(NoticeFields.CAMPAIGN, NoticeFields.ISSUER)) {
                FacetResult fr;
                try {
                    fr = counts.getAllChildren(dim);
                } catch (IllegalArgumentException e) {
                    continue;
                }
                if (fr == null) {
                    continue;
                }
                for (LabelAndValue lv : fr.labelValues) {
                    String kind = dim.equals(NoticeFields.CAMPAIGN) ? "campaign" : "issuer";
                    out.add(entry(lv.label, kind, lv.value.longValue()));
                    if (kind.equals("issuer")) {
                        for (Issuer i : issuers.lookup(lv.label).stream().toList()) {
                            for (String alias : i.aliases()) {
                                // Typing an alias suggests it; searching it filters by the canonical issuer.
                                out.add(SuggestionRanker.Candidate.of(alias, kind, lv.value.longValue()));
                            }
                        }
                    }
                }
            }
        }
        Terms docnums = MultiTerms.getTerms(reader, NoticeFields.DOCNUM);
        if (docnums != null) {
            TermsEnum te = docnums.iterator();
            for (BytesRef t = te.next(); t != null; t = te.next()) {
                out.add(entry(t.utf8ToString(), "docNumber", te.docFreq()));
            }
        }
        for (LeafReaderContext leaf : reader.leaves()) {
            SortedDocValues titles = leaf.reader().getSortedDocValues(NoticeFields.TITLE_DV);
            if (titles == null) {
                continue;
            }
            for (int ord = 0; ord < titles.getValueCount(); ord++) {
                out.add(entry(titles.lookupOrd(ord).utf8ToString(), "title", 0));
            }
        }
        return List.copyOf(out);
    }

    private static SuggestionRanker.Candidate entry(String text, String kind, long weight) {
        return SuggestionRanker.Candidate.of(text, kind, weight);
    }
}
