package org.noticesearch.search.diffusion;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.noticesearch.ingest.Citation;
import org.noticesearch.ingest.Notice;
import org.noticesearch.search.NotFoundException;
import org.noticesearch.search.SearchRequest;

/**
 * A {@link DiffusionSource} over parsed notices held in memory, for tests: a notice matches when its title or body
 * holds the query as written (a filter-free stand-in for the search), and citing notices are found by cited number,
 * or by cited title where a citation gives no number, as the interface says.
 */
public final class InMemoryDiffusionSource implements DiffusionSource {
    private final List<Notice> notices;
    private final Map<String, DiffusionNotice> byId = new HashMap<>();
    private final Map<String, Set<DiffusionNotice>> citingNumber = new HashMap<>();
    private final Map<String, Set<DiffusionNotice>> citingTitle = new HashMap<>();

    public InMemoryDiffusionSource(List<Notice> notices) {
        this.notices = List.copyOf(notices);
        for (Notice n : notices) {
            DiffusionNotice d = DiffusionNotice.of(n);
            byId.put(n.id(), d);
            for (Citation c : n.citations()) {
                if (c.docNumber() != null) {
                    citingNumber.computeIfAbsent(c.docNumber(), k -> new LinkedHashSet<>()).add(d);
                } else {
                    citingTitle.computeIfAbsent(Titles.normalize(c.title()), k -> new LinkedHashSet<>()).add(d);
                }
            }
        }
    }

    @Override
    public Matches matching(SearchRequest request) {
        List<DiffusionNotice> out = new ArrayList<>();
        for (Notice n : notices) {
            if ((n.title() != null && n.title().contains(request.query())) || n.body().contains(request.query())) {
                out.add(byId.get(n.id()));
            }
        }
        return new Matches(out, false);
    }

    @Override
    public DiffusionNotice notice(String id) {
        DiffusionNotice d = byId.get(id);
        if (d == null) {
            throw new NotFoundException("no notice with id '" + id + "'");
        }
        return d;
    }

    @Override
    public List<DiffusionNotice> citing(DiffusionNotice cited) {
        Set<DiffusionNotice> out = new LinkedHashSet<>();
        if (cited.docNumber() != null) {
            out.addAll(citingNumber.getOrDefault(cited.docNumber(), Set.of()));
        }
        String t = Titles.normalize(cited.title());
        if (!t.isEmpty()) {
            out.addAll(citingTitle.getOrDefault(t, Set.of()));
        }
        return List.copyOf(out);
    }
}
