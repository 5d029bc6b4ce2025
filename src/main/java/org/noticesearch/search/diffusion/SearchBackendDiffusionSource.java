package org.noticesearch.search.diffusion;

import java.util.ArrayList;
import java.util.List;
import org.noticesearch.ingest.Notice;
import org.noticesearch.search.NoticeView;
import org.noticesearch.search.SearchBackend;
import org.noticesearch.search.SearchRequest;

/**
 * TEMPORARY: the adapter over today's {@link SearchBackend}, so that diffusion runs end to end before the search
 * layer becomes one {@code SearchService}. The integrator replaces it with an implementation on the new service
 * (matches read in one pass from the stored fields, citing notices from the cited-number field and the title field).
 */
public final class SearchBackendDiffusionSource implements DiffusionSource {
    /** The most matching notices one diffusion request reads; beyond it the answer says {@code partial}. */
    public static final int MAX_MATCHES = 20_000;

    private final SearchBackend backend;

    public SearchBackendDiffusionSource(SearchBackend backend) {
        this.backend = backend;
    }

    @Override
    public Matches matching(SearchRequest request) {
        List<Notice> all = backend.export(request.withPage(1, MAX_MATCHES + 1));
        boolean partial = all.size() > MAX_MATCHES;
        List<DiffusionNotice> out = new ArrayList<>(Math.min(all.size(), MAX_MATCHES));
        for (int i = 0; i < all.size() && i < MAX_MATCHES; i++) {
            out.add(DiffusionNotice.of(all.get(i)));
        }
        return new Matches(out, partial);
    }

    @Override
    public DiffusionNotice notice(String id) {
        return DiffusionNotice.of(backend.record(id));
    }

    @Override
    public List<DiffusionNotice> citing(DiffusionNotice cited) {
        // Today's cited-by finds citing notices by document number only (up to its own limit).
        List<DiffusionNotice> out = new ArrayList<>();
        for (NoticeView.NoticeRef ref : backend.notice(cited.id(), null).citedBy()) {
            out.add(DiffusionNotice.of(backend.record(ref.id())));
        }
        return out;
    }
}
