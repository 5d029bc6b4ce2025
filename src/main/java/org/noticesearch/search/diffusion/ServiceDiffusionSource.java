package org.noticesearch.search.diffusion;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.noticesearch.ingest.Citation;
import org.noticesearch.ingest.Notice;
import org.noticesearch.search.SearchBackend;
import org.noticesearch.search.SearchRequest;
import org.noticesearch.search.SearchService;

/**
 * Diffusion's view of the search service: all matches of a request in one pass (no page, no snippets), a notice by
 * id, and the notices citing one by number or title. The same on both engines, since the service is.
 */
public final class ServiceDiffusionSource implements DiffusionSource {
    /**
     * The most matching notices one diffusion request reads. A campaign of a national archive has thousands; past this
     * the answer is marked {@code partial} (and the curve is that of the newest matches).
     */
    public static final int MAX_MATCHES = 100_000;
    /** The most notices citing one notice that a tree takes (the tree's own node limit is smaller). */
    static final int MAX_CITING = ForwardingTree.MAX_MAX_NODES;
    /** Notices asked about in one search (two terms each, well under Lucene's 1,024 clauses). */
    static final int GROUP = 400;
    /**
     * The most citing notices one grouped search reads before the group is asked notice by notice: the most one
     * request reads on every engine (OpenSearch answers at most 10,000 hits a request).
     */
    static final int GROUP_LIMIT = org.noticesearch.search.SearchLimits.SUMMARY_CHUNK;

    private final SearchBackend service;

    public ServiceDiffusionSource(SearchBackend service) {
        this.service = service;
    }

    @Override
    public Matches matching(SearchRequest request) {
        List<DiffusionNotice> out = new ArrayList<>();
        boolean partial = service.eachMatch(request, MAX_MATCHES, n -> out.add(DiffusionNotice.of(n)));
        return new Matches(out, partial);
    }

    @Override
    public DiffusionNotice notice(String id) {
        return DiffusionNotice.of(service.record(id));
    }

    @Override
    public List<DiffusionNotice> citing(DiffusionNotice cited) {
        return service.citing(numbers(List.of(cited)), List.of(cited.title() == null ? "" : cited.title()), MAX_CITING)
                .stream().map(DiffusionNotice::of).toList();
    }

    /**
     * One search for a whole level of a tree (in groups of {@link #GROUP}, under Lucene's clause limit), its answers
     * then given back to the notices they cite by the same two keys the search used: a cited number, or a cited title
     * in its matching form. A group whose answer reaches the limit is asked notice by notice, so that each list is
     * what {@link #citing} gives.
     */
    @Override
    public Map<String, List<DiffusionNotice>> citingEach(List<DiffusionNotice> cited) {
        Map<String, List<DiffusionNotice>> out = new HashMap<>();
        for (int from = 0; from < cited.size(); from += GROUP) {
            List<DiffusionNotice> group = cited.subList(from, Math.min(cited.size(), from + GROUP));
            Map<String, List<DiffusionNotice>> byNumber = new HashMap<>();
            Map<String, List<DiffusionNotice>> byTitle = new HashMap<>();
            for (DiffusionNotice d : group) {
                out.put(d.id(), new ArrayList<>());
                if (d.docNumber() != null) {
                    byNumber.computeIfAbsent(d.docNumber(), k -> new ArrayList<>()).add(d);
                }
                String key = SearchService.citedTitleKey(d.title());
                if (!key.isEmpty()) {
                    byTitle.computeIfAbsent(key, k -> new ArrayList<>()).add(d);
                }
            }
            List<Notice> found = service.citing(byNumber.keySet(), group.stream().map(DiffusionNotice::title)
                    .filter(t -> t != null).toList(), GROUP_LIMIT);
            if (found.size() >= GROUP_LIMIT) {
                group.forEach(d -> out.put(d.id(), citing(d)));
                continue;
            }
            for (Notice n : found) {
                DiffusionNotice k = DiffusionNotice.of(n);
                Set<DiffusionNotice> cites = new LinkedHashSet<>();
                for (Citation c : n.citations()) {
                    if (c.docNumber() != null) {
                        cites.addAll(byNumber.getOrDefault(c.docNumber(), List.of()));
                    }
                    cites.addAll(byTitle.getOrDefault(SearchService.citedTitleKey(c.title()), List.of()));
                }
                cites.forEach(d -> out.get(d.id()).add(k));
            }
        }
        return out;
    }

    private static List<String> numbers(List<DiffusionNotice> notices) {
        return notices.stream().map(DiffusionNotice::docNumber).filter(n -> n != null).toList();
    }
}
