package org.noticesearch.search.diffusion;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.noticesearch.search.SearchRequest;

/**
 * What diffusion needs from the search core, and no more: the integrator implements it on the search service, so
 * that adopters and trees are computed once for every engine. Methods throw the search layer's
 * {@code BadRequestException} and {@code NotFoundException} as the other routes do.
 */
public interface DiffusionSource {
    /** Every notice matching the request's query and filters (not one page: all of them, any order), and whether the search stopped short. */
    Matches matching(SearchRequest request);

    /** The notice with this id; {@code NotFoundException} when the index has none. */
    DiffusionNotice notice(String id);

    /** The notices citing {@code cited}: by its document number, or by its exact title where a citation gives no number. */
    List<DiffusionNotice> citing(DiffusionNotice cited);

    /**
     * The notices citing each of {@code cited}, by id, each list as {@link #citing} gives it. A tree asks this once per
     * level; a source that can answer several notices in one look-up does so.
     */
    default Map<String, List<DiffusionNotice>> citingEach(List<DiffusionNotice> cited) {
        Map<String, List<DiffusionNotice>> out = new HashMap<>();
        for (DiffusionNotice d : cited) {
            out.put(d.id(), citing(d));
        }
        return out;
    }

    /** The matches of a search; {@code partial} when a time or size limit cut the list short. */
    record Matches(List<DiffusionNotice> notices, boolean partial) {
        public Matches {
            notices = List.copyOf(notices);
        }
    }
}
