package org.noticesearch.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.noticesearch.analysis.Analysis;
import org.noticesearch.config.IndexConfig;
import org.noticesearch.config.Issuer;
import org.noticesearch.config.Settings;
import org.noticesearch.index.NoticeFields;
import org.noticesearch.ingest.Citation;
import org.noticesearch.ingest.Notice;

/**
 * The search, written once for every engine: validation, the query parsed once, the exact → relaxed fallback, hits
 * and snippets, facet assembly, the notice view with its citations, similar notices, trend, suggestions and export.
 * It knows no engine: each step is a call on an {@link Engine}, which only translates and executes.
 */
public final class SearchService implements SearchBackend {
    private final Engine engine;
    private final IndexConfig config;
    private final Settings settings;
    private final QueryFactory queries;
    private final Hits hits;
    private final Suggestions suggestions;

    public SearchService(Engine engine, Analysis analysis, IndexConfig config) {
        this.engine = engine;
        this.config = config;
        this.settings = config.settings();
        this.queries = new QueryFactory(analysis, settings, config.issuers());
        this.hits = new Hits(settings);
        this.suggestions = new Suggestions(config.issuers());
    }

    /** Work done on one view of the index, which is always released. */
    private interface Work<T> {
        T apply(Engine.View view) throws IOException;
    }

    private <T> T withView(Work<T> work) {
        try (Engine.View view = engine.open()) {
            return work.apply(view);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The query that ran, the search it ran in (a walk's later batches continue it), the result, and whether it was relaxed. */
    private record Outcome(Engine.Result result, QueryFactory.Built query, Engine.Search ran, boolean relaxed) {}

    /** A request made ready for the engine: its query parsed once, the filters built, the drill-down resolved. */
    private record Prepared(UserQuery query, QueryFactory.Built exact, Query members, Engine.Search search) {}

    @Override
    public SearchPage search(SearchRequest r) {
        return search(r, Snippets.Markup.HTML);
    }

    /** One page of hits, their titles and snippets marked up as {@code markup} says (the CLI: plain text). */
    public SearchPage search(SearchRequest r, Snippets.Markup markup) {
        long start = System.nanoTime();
        return withView(view -> {
            Prepared p = prepare(view, r, Engine.FacetMode.TOP, Engine.Want.NOTICES, deadline(start));
            Outcome o = withFallback(view, p, p.search());
            Engine.Result res = o.result();
            List<String> needles = Hits.needles(p.query(), o.query());
            List<SearchHit> out = new ArrayList<>();
            for (Notice n : res.notices()) {
                out.add(hits.hit(n, needles, markup));
            }
            // A full page may have a next one; a search cut short by its time limit gives none, since the hits it
            // did not reach would be skipped.
            String next = out.size() == r.size() && !res.partial() ? res.last() : null;
            Map<String, List<SearchPage.FacetValue>> facets = new LinkedHashMap<>();
            Map<String, Boolean> more = new LinkedHashMap<>();
            Map<String, Boolean> approximate = new LinkedHashMap<>();
            assembleFacets(res.facets(), p.search().drillDown(), facets, more, approximate);
            long took = (System.nanoTime() - start) / 1_000_000;
            return new SearchPage(r.query(), res.total(), res.exact() && !res.partial(), o.relaxed(), r.page(), r.size(),
                    took, out, facets, res.partial(), more, next, approximate);
        });
    }

    /**
     * The matches of a request, page {@code page} of {@code size}, streamed as export rows: the engine reads only the
     * CSV columns, and nothing but one batch is held.
     */
    @Override
    public void export(SearchRequest r, ExportSink sink) throws IOException {
        long start = System.nanoTime();
        try (Engine.View view = engine.open()) {
            Prepared p = prepare(view, r, Engine.FacetMode.NONE, Engine.Want.ROWS, deadline(start));
            Engine.Result res = withFallback(view, p, p.search()).result();
            sink.begin(res.partial());
            res.rows().writeTo(sink);
        }
    }

    @Override
    public void exportAll(SearchRequest r, ExportSink sink) throws IOException {
        exportAll(r, sink, SearchLimits.EXPORT_CHUNK);
    }

    /**
     * Every hit, however many, streamed in order from one view of the index in batches of {@code chunk} (see
     * {@link #batches}); the first batch says whether the export is partial.
     */
    void exportAll(SearchRequest r, ExportSink sink, int chunk) throws IOException {
        long start = System.nanoTime();
        try (Engine.View view = engine.open()) {
            batches(view, r, Engine.Want.ROWS, chunk, start, (res, first) -> {
                if (first) {
                    sink.begin(res.partial());
                }
                res.rows().writeTo(sink);
                return true;
            });
        }
    }

    @Override
    public boolean eachMatch(SearchRequest r, int max, java.util.function.Consumer<Notice> each) {
        return eachMatch(r, max, SearchLimits.SUMMARY_CHUNK, each);
    }

    /** {@link #eachMatch(SearchRequest, int, java.util.function.Consumer)} in batches of at most {@code batch}. */
    boolean eachMatch(SearchRequest r, int max, int batch, java.util.function.Consumer<Notice> each) {
        long start = System.nanoTime();
        int chunk = Math.min(max, batch);
        return withView(view -> {
            int[] seen = {0};
            boolean[] cut = {false};
            // Newest first: an order every engine pages through with a cursor, and no score to compute.
            batches(view, r.withSort(SortOrder.NEWEST), Engine.Want.SUMMARIES, chunk, start, (res, first) -> {
                for (Notice n : res.notices()) {
                    if (seen[0]++ == max) {
                        cut[0] = true;
                        return false;
                    }
                    each.accept(n);
                }
                cut[0] |= res.partial();
                return true;
            });
            return cut[0];
        });
    }

    /** What {@link #batches} hands each batch to; false stops the walk. */
    private interface Batch {
        boolean accept(Engine.Result batch, boolean first) throws IOException;
    }

    /**
     * Walks all matches of a request in batches of {@code chunk}, each continuing after the previous one's last hit,
     * on one view of the index. The first batch chooses between the exact and the relaxed query and runs under the
     * search time limit (a batch cut short by it ends the walk); the later batches visit what the first one already
     * did, so they run without a limit.
     */
    private void batches(Engine.View view, SearchRequest r, Engine.Want want, int chunk, long start, Batch each)
            throws IOException {
        Prepared p = prepare(view, r.withPage(1, chunk), Engine.FacetMode.NONE, want, deadline(start));
        // A walk over summaries (diffusion) ranks nothing: without scores the engine skips the optional ranking
        // clauses and every score computation, and the order is the date's alone.
        // The later batches continue the very search the first one ran (exact or relaxed), so every batch ranks alike.
        java.util.function.UnaryOperator<Query> walk = want == Engine.Want.SUMMARIES ? ConstantScoreQuery::new : q -> q;
        Outcome first = withFallback(view, p, p.search(), walk);
        Engine.Result res = first.result();
        boolean more = each.accept(res, true);
        while (more && !res.partial() && res.returned() == chunk && res.last() != null) {
            res = view.search(first.ran().continuing(res.last()));
            more = each.accept(res, false);
        }
    }

    @Override
    public List<Notice> citing(java.util.Collection<String> docNumbers, java.util.Collection<String> titles, int limit) {
        Query query = citingQuery(docNumbers, titles);
        return query == null ? List.of() : withView(view -> view.find(query, Engine.Order.NEWEST, limit, Engine.Want.SUMMARIES));
    }

    /**
     * The notices citing any of some document numbers or titles, null when there is none: the cited numbers and the
     * cited titles are indexed in their matching form ({@link #citedTitleKey}), so each is one term. A term set per
     * field: its terms are looked up in sorted order with one terms enum a segment, and no score is kept for them
     * (a tree asks for hundreds at once; a query of single terms spent most of its time building their weights).
     */
    private static Query citingQuery(java.util.Collection<String> docNumbers, java.util.Collection<String> titles) {
        List<org.apache.lucene.util.BytesRef> numbers = docNumbers.stream().map(org.apache.lucene.util.BytesRef::new).toList();
        List<org.apache.lucene.util.BytesRef> keys = titles.stream().map(SearchService::citedTitleKey).filter(k -> !k.isEmpty())
                .map(org.apache.lucene.util.BytesRef::new).toList();
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        if (!numbers.isEmpty()) {
            q.add(new TermInSetQuery(NoticeFields.CITED_DOCNUM, numbers), Occur.SHOULD);
        }
        if (!keys.isEmpty()) {
            q.add(new TermInSetQuery(NoticeFields.CITED_TITLE, keys), Occur.SHOULD);
        }
        BooleanQuery built = q.build();
        return built.clauses().isEmpty() ? null : built;
    }

    /** A title in the form the cited titles are indexed in; empty for none. */
    public static String citedTitleKey(String title) {
        return title == null ? "" : Snippets.normalize(title);
    }

    /** The whole record with citations resolved; with a query, the paragraphs highlighted too. */
    @Override
    public NoticeView notice(String id, String q) {
        SearchRequest.checkQueryLength("q", q, settings);
        return withView(view -> {
            Notice n = byId(view, id);
            List<NoticeView.NoticeRef> citedBy = new ArrayList<>();
            // By number only, as the page has always listed them (diffusion's trees also follow citations by title).
            Query citers = citingQuery(n.docNumber() == null ? List.of() : List.of(n.docNumber()), List.of());
            if (citers != null) {
                for (Notice c : view.find(citers, Engine.Order.NEWEST, SearchLimits.CITED_BY_LIMIT)) {
                    if (!c.id().equals(n.id())) {
                        citedBy.add(ref(c));
                    }
                }
            }
            List<NoticeView.ResolvedCitation> cites = new ArrayList<>();
            for (Citation c : n.citations()) {
                cites.add(new NoticeView.ResolvedCitation(c.title(), c.docNumber(), resolve(view, c, n.id())));
            }
            List<String> html = null;
            if (q != null && !q.isBlank()) {
                UserQuery uq = UserQuery.parse(q, Scope.ALL);
                List<String> needles = Hits.needles(uq, queries.exact(uq, view));
                html = n.paragraphs().stream().map(para -> Snippets.highlight(para, needles)).toList();
            }
            return new NoticeView(n, citedBy, cites, html);
        });
    }

    @Override
    public Notice record(String id) {
        return withView(view -> byId(view, id));
    }

    /** Up to {@link SearchLimits#SIMILAR_LIMIT} notices most like this one by their smartcn words. */
    @Override
    public List<NoticeView.NoticeRef> similar(String id) {
        return withView(view -> {
            Notice n = byId(view, id);
            String text = (n.title() == null ? "" : n.title()) + "\n" + n.body();
            return view.like(text, id, SearchLimits.SIMILARITY, SearchLimits.SIMILAR_LIMIT).stream()
                    .map(SearchService::ref).toList();
        });
    }

    /** Hits per year and per issuer for the request's query and filters. */
    @Override
    public Trend trend(SearchRequest r) {
        return withView(view -> {
            // Not time-limited: a trend is a count per year and issuer, and a silently short count would mislead.
            // Rows, which are never read: the counts are what a trend wants, not a record.
            Prepared p = prepare(view, r.withPage(1, 1), Engine.FacetMode.ALL, Engine.Want.ROWS, Engine.NO_DEADLINE);
            Engine.Result res = withFallback(view, p, p.search()).result();
            Map<String, Engine.DimCounts> f = res.facets() == null ? Map.of() : res.facets();
            return Trend.ordered(r.query(), res.total(), top(f, NoticeFields.YEAR), top(f, NoticeFields.ISSUER));
        });
    }

    @Override
    public List<Suggestion> suggest(String prefix, int limit) {
        SearchRequest.checkQueryLength("q", prefix, settings);
        return withView(view -> suggestions.suggest(view, prefix, limit));
    }

    @Override
    public Stats stats() {
        return withView(Engine.View::stats);
    }

    @Override
    public boolean versioned() {
        return engine.versioned();
    }

    private static List<SearchPage.FacetValue> top(Map<String, Engine.DimCounts> facets, String dim) {
        Engine.DimCounts c = facets.get(dim);
        return c == null ? List.of() : c.top();
    }

    /** When a search begun at {@code startNanos} must stop: {@code search.timeLimitMs} later. */
    private long deadline(long startNanos) {
        return startNanos + settings.server().searchTimeLimitMs() * 1_000_000L;
    }

    /**
     * The engine's search for a request: the query parsed once and made exact, a series search's members scored first,
     * the docNumber and date filters, the chosen facet values (issuers by their canonical name), order and page.
     */
    private Prepared prepare(Engine.View view, SearchRequest r, Engine.FacetMode facets, Engine.Want want, long deadline) {
        UserQuery uq = UserQuery.parse(r.query(), r.scope());
        QueryFactory.Built exact = queries.exact(uq, view);
        // A series search lists the series by year and serial (newest first), then the other matches.
        Query members = r.sort() == SortOrder.RELEVANCE ? QueryFactory.seriesMembers(r, view) : null;
        BooleanQuery.Builder filter = new BooleanQuery.Builder();
        boolean filtered = false;
        if (r.docNumber() != null) {
            filter.add(QueryFactory.docNumberFilter(r.docNumber(), view), Occur.FILTER);
            filtered = true;
        }
        if (r.from() != null || r.to() != null) {
            filter.add(QueryFactory.dateFilter(r.from(), r.to()), Occur.FILTER);
            filtered = true;
        }
        Map<String, List<String>> drill = new LinkedHashMap<>();
        for (String dim : NoticeFields.FACET_DIMS) {
            List<String> chosen = r.chosen(dim).stream().map(v -> canonical(dim, v)).toList();
            if (!chosen.isEmpty()) {
                drill.put(dim, chosen);
            }
        }
        Engine.Order order = members != null ? Engine.Order.SERIES : switch (r.effectiveSort()) {
            case RELEVANCE -> Engine.Order.RELEVANCE;
            case NEWEST -> Engine.Order.NEWEST;
            case OLDEST -> Engine.Order.OLDEST;
        };
        int offset = r.cursor() != null ? 0 : (r.page() - 1) * r.size();
        Engine.Search search = new Engine.Search(scored(exact.query(), members), filtered ? filter.build() : null, drill,
                order, offset, r.size(), r.cursor(), new Engine.CursorKey(r.sort(), r.fingerprint()), facets,
                r.facetLimit(), want, settings.totalHitsThreshold(), deadline);
        return new Prepared(uq, exact, members, search);
    }

    private static Query scored(Query main, Query members) {
        return members == null ? main : QueryFactory.membersFirst(main, members);
    }

    /** The exact query; when it finds nothing (and was not cut short), the relaxed one, if that finds anything. */
    private Outcome withFallback(Engine.View view, Prepared p, Engine.Search search) throws IOException {
        return withFallback(view, p, search, q -> q);
    }

    /**
     * {@link #withFallback(Engine.View, Prepared, Engine.Search)} with both queries passed through {@code wrap} (a walk
     * runs them unscored), so the exact and the relaxed query are run alike.
     */
    private Outcome withFallback(Engine.View view, Prepared p, Engine.Search search,
                                 java.util.function.UnaryOperator<Query> wrap) throws IOException {
        Engine.Search exact = search.withQuery(wrap.apply(search.query()));
        Engine.Result res = view.search(exact);
        if (res.total() == 0 && !res.partial() && p.exact().hasTextTerms()) {
            QueryFactory.Built loose = queries.relaxed(p.query());
            if (loose != null) {
                Engine.Search relaxed = search.withQuery(wrap.apply(scored(loose.query(), p.members())));
                Engine.Result second = view.search(relaxed);
                if (second.total() > 0) {
                    return new Outcome(second, loose, relaxed, true);
                }
            }
        }
        return new Outcome(res, p.exact(), exact, false);
    }

    /**
     * The top {@code facetLimit} values of each facet, then each chosen value not among them (counted drill-sideways,
     * so it shows what choosing it gives), marked chosen; years newest first. Nothing is listed when the engine
     * counted no facets (the search was cut short, or the index has none). {@code approximate}: per facet, whether its
     * counts were counted on a sample.
     */
    private static void assembleFacets(Map<String, Engine.DimCounts> counts, Map<String, List<String>> drill,
                                       Map<String, List<SearchPage.FacetValue>> out, Map<String, Boolean> more,
                                       Map<String, Boolean> approximate) {
        for (String dim : NoticeFields.FACET_DIMS) {
            List<String> chosen = drill.getOrDefault(dim, List.of());
            List<SearchPage.FacetValue> values = new ArrayList<>();
            boolean hasMore = false;
            boolean sampled = false;
            if (counts != null) {
                Engine.DimCounts c = counts.get(dim);
                if (c != null) {
                    sampled = c.sampled();
                    for (SearchPage.FacetValue v : c.top()) {
                        values.add(new SearchPage.FacetValue(v.value(), v.count(), chosen.contains(v.value())));
                    }
                    hasMore = c.more();
                }
                for (String ch : chosen) {
                    if (values.stream().noneMatch(v -> v.value().equals(ch))) {
                        values.add(new SearchPage.FacetValue(ch, c == null ? 0 : c.chosen().getOrDefault(ch, 0L), true));
                    }
                }
            }
            if (dim.equals(NoticeFields.YEAR)) {
                values.sort(Comparator.comparing(SearchPage.FacetValue::value).reversed());
            }
            out.put(dim, values);
            more.put(dim, hasMore);
            approximate.put(dim, sampled);
        }
    }

    /** The indexed label of a chosen value: an issuer as written is looked up in the directory, as the filter does. */
    private String canonical(String dim, String value) {
        return dim.equals(NoticeFields.ISSUER) ? config.issuers().lookup(value).map(Issuer::canonical).orElse(value) : value;
    }

    private static Notice byId(Engine.View view, String id) throws IOException {
        return view.byId(id).orElseThrow(() -> new NotFoundException("no notice with id '" + id + "'"));
    }

    private static NoticeView.NoticeRef ref(Notice n) {
        return new NoticeView.NoticeRef(n.id(), n.title(), n.issuer(), n.docNumber(), n.date());
    }

    /** The id of the cited notice if the index has it: by document number, else by exact title. */
    private static String resolve(Engine.View view, Citation c, String selfId) throws IOException {
        if (c.docNumber() != null) {
            List<Notice> found = view.find(new TermQuery(new Term(NoticeFields.DOCNUM, c.docNumber())), Engine.Order.RELEVANCE, 1);
            if (!found.isEmpty()) {
                return found.get(0).id();
            }
        }
        if (c.title() != null) {
            String want = Snippets.normalize(c.title());
            if (want.isEmpty()) {
                return null;
            }
            for (Notice cand : view.find(QueryFactory.gramQuery(NoticeFields.TITLE_GRAMS, want), Engine.Order.RELEVANCE,
                    SearchLimits.CITATION_TITLE_CANDIDATES)) {
                if (!cand.id().equals(selfId) && cand.title() != null && Snippets.normalize(cand.title()).equals(want)) {
                    return cand.id();
                }
            }
        }
        return null;
    }
}
