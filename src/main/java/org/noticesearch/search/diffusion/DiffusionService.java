package org.noticesearch.search.diffusion;

import org.noticesearch.search.SearchRequest;

/** Adopters and forwarding trees over a {@link DiffusionSource}: what the web routes and the CLI call. */
public final class DiffusionService {
    private final DiffusionSource source;

    public DiffusionService(DiffusionSource source) {
        this.source = source;
    }

    /** The adopters of the request's matches: one search, then one pass over its notices. */
    public Adoption.Report adopters(SearchRequest request) {
        DiffusionSource.Matches m = source.matching(request);
        return Adoption.compute(request.query(), m.notices(), m.partial());
    }

    /** The forwarding tree of one notice: one look-up of the citing notices per level of the tree. */
    public ForwardingTree.Tree tree(String id, ForwardingTree.Limits limits) {
        return ForwardingTree.build(source.notice(id), source::citingEach, limits);
    }
}
