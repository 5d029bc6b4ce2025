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
    /**
     * The most matching notices one diffusion request reads, in one page of today's export: OpenSearch answers at most
     * 10,000 hits a page (its default {@code max_result_window}, and {@code search.maxDepth}). A full page is reported
     * as {@code partial}, since more may match.
     */
    public static final int MAX_MATCHES = 10_000;

    private final SearchBackend backend;

    public SearchBackendDiffusionSource(SearchBackend backend) {
        this.backend = backend;
    }

    @Override
    public Matches matching(SearchRequest request) {
        List<Notice> all = backend.export(request.withPage(1, MAX_MATCHES));
        List<DiffusionNotice> out = new ArrayList<>(all.size());
        for (Notice n : all) {
            out.add(DiffusionNotice.of(n));
        }
        return new Matches(out, all.size() >= MAX_MATCHES);
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
