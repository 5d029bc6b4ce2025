package org.noticesearch.search.diffusion;

import java.util.ArrayList;
import java.util.List;
import org.noticesearch.search.SearchBackend;
import org.noticesearch.search.SearchRequest;

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
        return service.citing(cited.docNumber(), cited.title(), MAX_CITING).stream().map(DiffusionNotice::of).toList();
    }
}
