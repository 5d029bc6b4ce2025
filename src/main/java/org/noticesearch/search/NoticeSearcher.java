package org.noticesearch.search;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.TotalHitCountCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.noticesearch.analysis.Analysis;
import org.noticesearch.config.IndexConfig;
import org.noticesearch.config.Issuer;
import org.noticesearch.config.Settings;
import org.noticesearch.index.NoticeDocuments;
import org.noticesearch.index.NoticeFields;
import org.noticesearch.index.NoticeSearcherFactory;
import org.noticesearch.ingest.Citation;
import org.noticesearch.ingest.Notice;

/**
 * Answers searches, notice lookups, similar notices, trends and suggestions over the current index
 * snapshot. Knows nothing of HTTP: the web layer and the CLI both call it.
 */
public final class NoticeSearcher implements SearchBackend {
    /** How many labels each facet lists unless the request asks for more. */
    public static final int FACET_LIMIT = SearchRequest.DEFAULT_FACET_LIMIT;
    public static final int SIMILAR_LIMIT = 10;
    public static final int CITED_BY_LIMIT = 100;

    private final SearcherManager manager;
    private final Analysis analysis;
    private final IndexConfig config;
    private final Settings settings;
    private final QueryFactory queries;
    private final Hits hitBuilder;
    private final NoticeDocuments documents = new NoticeDocuments();
    private final FacetsConfig facetsConfig = NoticeFields.facetsConfig();
    private final Suggester suggester;

    public NoticeSearcher(SearcherManager manager, Analysis analysis, IndexConfig config) {
        this.manager = manager;
        this.analysis = analysis;
        this.config = config;
        this.settings = config.settings();
        this.queries = new QueryFactory(analysis, settings, config.issuers());
        this.hitBuilder = new Hits(settings);
        this.suggester = new Suggester(config.issuers());
    }

    /** Work done with an acquired searcher, which is always released. */
    private interface WithSearcher<T> {
        T apply(NoticeSearcherFactory.Searcher s) throws IOException;
    }

    private <T> T withSearcher(WithSearcher<T> work) {
        try {
            IndexSearcher s = manager.acquire();
            try {
                return work.apply((NoticeSearcherFactory.Searcher) s);
            } finally {
                manager.release(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public SearchPage search(SearchRequest r) {
        long start = System.nanoTime();
        return withSearcher(s -> {
            ScoreDoc after = r.cursor() == null ? null : after(s, r, SearchCursor.decode(r.cursor()));
            Outcome outcome = runWithFallback(s, r, FacetMode.TOP, deadline(start), after);
            Result res = outcome.result;
            boolean relaxed = outcome.relaxed;
            List<String> needles = Hits.needles(r.query(), outcome.query);
            List<SearchHit> hits = new ArrayList<>();
            int from = after != null ? 0 : (r.page() - 1) * r.size();
            for (int i = from; i < res.top.scoreDocs.length; i++) {
                Notice n = load(s, res.top.scoreDocs[i].doc);
                hits.add(hitBuilder.hit(n, needles, r.query()));
            }
            // A full page may have a next one; a search cut short by its time limit gives none, since the hits it
            // did not reach would be skipped.
            String next = hits.size() == r.size() && !res.partial
                    ? cursorAt(s, r, res.top.scoreDocs[res.top.scoreDocs.length - 1]).encode() : null;
            long took = (System.nanoTime() - start) / 1_000_000;
            return new SearchPage(r.query(), res.total, res.exact && !res.partial, relaxed, r.page(), r.size(), took, hits,
                    res.facetLists.values(), res.partial, res.facetLists.more(), next);
        });
    }

    private static long readerVersion(IndexSearcher s) {
        return s.getIndexReader() instanceof DirectoryReader dr ? dr.getVersion() : -1;
    }

    /**
     * The cursor for a hit of this search. A sorted search (newest, oldest, the landing page, a series) gives FieldDocs,
     * whose sort values the cursor carries whole; a relevance search, the score alone.
     */
    private static SearchCursor cursorAt(IndexSearcher s, SearchRequest r, ScoreDoc last) {
        List<Object> values = last instanceof org.apache.lucene.search.FieldDoc fd ? List.of(fd.fields) : List.of();
        return new SearchCursor(readerVersion(s), r.sort(), SearchCursor.fingerprint(r), last.doc, last.score, values);
    }

    /** The hit a client's cursor stands for, checked against this snapshot and this search. */
    private static ScoreDoc after(IndexSearcher s, SearchRequest r, SearchCursor c) {
        if (c.version() != readerVersion(s)) {
            throw new BadRequestException("cursor", "给出这个翻页标记之后，索引已有变动（公文增删或更新），请不带 cursor 从第一页重新开始"
                    + "（the index has changed since this cursor was given out; start again from the first page）");
        }
        if (c.sort() != r.sort() || c.search() != SearchCursor.fingerprint(r)) {
            throw new BadRequestException("cursor", "这个翻页标记属于另一次搜索（搜索词、筛选条件或排序不同），请用给出它的那次搜索的参数"
                    + "（this cursor belongs to another search; send the same parameters as the search that gave it）");
        }
        if (c.doc() < 0 || c.doc() >= s.getIndexReader().maxDoc()) {
            throw new BadRequestException("cursor", "不是本服务给出的翻页标记，请用搜索结果中的 nextCursor（not a cursor this server gave out; take nextCursor from a search response）");
        }
        // The same search on the same snapshot sorts the same way, so the cursor's values fit its sort.
        return c.sortValues().isEmpty() ? new ScoreDoc(c.doc(), c.score())
                : new org.apache.lucene.search.FieldDoc(c.doc(), c.score(), c.sortValues().toArray());
    }

    /** The notices matching a request, in order, without snippets: for CSV export. */
    @Override
    public List<Notice> export(SearchRequest r) {
        return withSearcher(s -> {
            Result res = runWithFallback(s, r, FacetMode.NONE, deadline(System.nanoTime()), null).result;
            List<Notice> out = new ArrayList<>();
            for (int i = (r.page() - 1) * r.size(); i < res.top.scoreDocs.length; i++) {
                out.add(load(s, res.top.scoreDocs[i].doc));
            }
            return out;
        });
    }

    /** How many rows of an export are read from the index together, in index order (see below). */
    static final int EXPORT_BATCH = 256;

    /**
     * Streams the export. Rows are read in batches, each in index (doc id) order, since stored records are compressed
     * in blocks and neighbours share a block; a batch is then handed over in rank order. Only the CSV columns are
     * read from each record. Nothing but one batch is held at a time.
     */
    @Override
    public void export(SearchRequest r, ExportSink sink) throws IOException {
        long start = System.nanoTime();
        IndexSearcher acquired = manager.acquire();
        try {
            NoticeSearcherFactory.Searcher s = (NoticeSearcherFactory.Searcher) acquired;
            Result res = runWithFallback(s, r, FacetMode.NONE, deadline(start), null).result;
            sink.begin(res.partial);
            writeRows(s, res.top.scoreDocs, (r.page() - 1) * r.size(), sink);
        } finally {
            manager.release(acquired);
        }
    }

    /** Hits an all-hits export asks for at a time, each batch continuing after the last (searchAfter). */
    static final int EXPORT_CHUNK = 2000;

    /**
     * Every hit, however many, streamed in order from one snapshot: batches of {@link #EXPORT_CHUNK} hits, each
     * continuing after the previous one's last hit, so that no more than one batch is held. The first batch runs under
     * the search time limit and says whether the export is partial (then it stops there); it visits every match, as each
     * later batch does, so those run without a limit.
     */
    @Override
    public void exportAll(SearchRequest r, ExportSink sink) throws IOException {
        exportAll(r, sink, EXPORT_CHUNK);
    }

    /** {@link #exportAll(SearchRequest, ExportSink)} in batches of {@code chunk} (tests use small ones). */
    void exportAll(SearchRequest r, ExportSink sink, int chunk) throws IOException {
        long start = System.nanoTime();
        IndexSearcher acquired = manager.acquire();
        try {
            NoticeSearcherFactory.Searcher s = (NoticeSearcherFactory.Searcher) acquired;
            SearchRequest batch = r.withPage(1, chunk);
            Outcome first = runWithFallback(s, batch, FacetMode.NONE, deadline(start), null);
            sink.begin(first.result.partial);
            ScoreDoc[] docs = first.result.top.scoreDocs;
            writeRows(s, docs, 0, sink);
            while (!first.result.partial && docs.length == chunk) {
                docs = run(s, timed(s, NO_DEADLINE), batch, first.query.query(), FacetMode.NONE, docs[docs.length - 1]).top.scoreDocs;
                writeRows(s, docs, 0, sink);
            }
        } finally {
            manager.release(acquired);
        }
    }

    /** Hands the hits from {@code start} on to the sink, each batch read in doc-id order (see above). */
    private static void writeRows(IndexSearcher s, ScoreDoc[] docs, int start, ExportSink sink) throws IOException {
        {
            org.apache.lucene.index.StoredFields stored = s.storedFields();
            java.util.Set<String> fields = java.util.Set.of(NoticeFields.RECORD);
            for (int from = start; from < docs.length; from += EXPORT_BATCH) {
                int to = Math.min(docs.length, from + EXPORT_BATCH);
                Integer[] order = new Integer[to - from];
                for (int i = 0; i < order.length; i++) {
                    order[i] = from + i;
                }
                java.util.Arrays.sort(order, Comparator.comparingInt(i -> docs[i].doc));
                ExportRow[] rows = new ExportRow[order.length];
                for (int i : order) {
                    org.apache.lucene.util.BytesRef b = stored.document(docs[i].doc, fields).getBinaryValue(NoticeFields.RECORD);
                    rows[i - from] = ExportRow.fromRecord(b.bytes, b.offset, b.length);
                }
                for (ExportRow row : rows) {
                    sink.row(row);
                }
            }
        }
    }

    /** A deadline that never comes. */
    private static final long NO_DEADLINE = Long.MIN_VALUE;

    /** When a search begun at {@code startNanos} must stop: {@code search.timeLimitMs} later. */
    private long deadline(long startNanos) {
        return startNanos + settings.server().searchTimeLimitMs() * 1_000_000L;
    }

    /**
     * A searcher over the same snapshot that stops collecting at the deadline (Lucene wraps each bulk scorer in a
     * TimeLimitingBulkScorer and returns what was collected). It is made per request because the flag it sets
     * ({@link IndexSearcher#timedOut()}) belongs to the searcher, and the acquired one is shared by every request.
     * It costs a few objects: the reader, its caches and the facet state are the shared ones.
     */
    private static IndexSearcher timed(IndexSearcher s, long deadlineNanos) {
        IndexSearcher t = new IndexSearcher(s.getIndexReader());
        t.setSimilarity(s.getSimilarity());
        t.setQueryCache(s.getQueryCache());
        t.setQueryCachingPolicy(s.getQueryCachingPolicy());
        if (deadlineNanos != NO_DEADLINE) {
            t.setTimeout(() -> System.nanoTime() - deadlineNanos > 0);
        }
        return t;
    }


    /**
     * What a run counts besides the page: nothing (export), the top labels of each facet (search), or the
     * Facets themselves for a caller that needs every label (trend). Facets objects read doc values and
     * must not be shared between threads, so only the top lists are ever cached.
     */
    private enum FacetMode { NONE, TOP, ALL }

    private record Result(TopDocs top, long total, boolean exact, Facets facets,
                          FacetLists facetLists, boolean partial) {}

    /** The listed values of each facet, and whether each has more than those listed. */
    private record FacetLists(Map<String, List<SearchPage.FacetValue>> values, Map<String, Boolean> more) {}

    /** A result, the query that produced it, and whether that was the relaxed one. */
    private record Outcome(Result result, QueryFactory.Built query, boolean relaxed) {}

    /** The exact query; when it finds nothing, the relaxed one (all smartcn words anywhere), if that finds anything. */
    private Outcome runWithFallback(NoticeSearcherFactory.Searcher s, SearchRequest r, FacetMode withFacets,
                                    long deadlineNanos, ScoreDoc after) throws IOException {
        QueryFactory.Built exact = queries.exact(r.query(), r.scope(), s.getIndexReader());
        Result res = run(s, timed(s, deadlineNanos), r, exact.query(), withFacets, after);
        if (res.total == 0 && !res.partial && exact.hasTextTerms()) {
            QueryFactory.Built loose = queries.relaxed(r.query(), r.scope());
            if (loose != null) {
                Result second = run(s, timed(s, deadlineNanos), r, loose.query(), withFacets, after);
                if (second.total > 0) {
                    return new Outcome(second, loose, true);
                }
            }
        }
        return new Outcome(res, exact, false);
    }

    /** Runs the query with the request's filters; facets are counted drill-sideways. */
    /** {@code s} gives the facet state, {@code t} (the same snapshot, time-limited) runs the searches. */
    private Result run(NoticeSearcherFactory.Searcher s, IndexSearcher t, SearchRequest r, Query main, FacetMode withFacets,
                       ScoreDoc after) throws IOException {
        // A series search lists the series by year and serial (newest first), then the other matches.
        Query members = r.sort() == SortOrder.RELEVANCE ? QueryFactory.seriesMembers(r, s.getIndexReader()) : null;
        Query scored = members == null ? main : QueryFactory.membersFirst(main, members);
        BooleanQuery.Builder base = new BooleanQuery.Builder().add(scored, Occur.MUST);
        if (r.docNumber() != null) {
            base.add(QueryFactory.docNumberFilter(r.docNumber(), s.getIndexReader()), Occur.FILTER);
        }
        if (r.from() != null || r.to() != null) {
            base.add(QueryFactory.dateFilter(r.from(), r.to()), Occur.FILTER);
        }
        DrillDownQuery ddq = new DrillDownQuery(facetsConfig, base.build());
        for (String issuer : r.issuers()) {
            ddq.add(NoticeFields.ISSUER, config.issuers().lookup(issuer).map(Issuer::canonical).orElse(issuer));
        }
        if (r.province() != null) {
            ddq.add(NoticeFields.PROVINCE, r.province());
        }
        if (r.type() != null) {
            ddq.add(NoticeFields.TYPE, r.type());
        }
        if (r.campaign() != null) {
            ddq.add(NoticeFields.CAMPAIGN, r.campaign());
        }
        // After a cursor, the page is the next r.size() hits; otherwise every hit up to the end of the page.
        int topN = after != null ? r.size() : r.page() * r.size();
        Sort sort = members != null ? SERIES_SORT : sortOf(r.effectiveSort());
        if (after != null && !fits(after, sort)) {
            throw new BadRequestException("cursor", "不是本服务给出的翻页标记，请用搜索结果中的 nextCursor（not a cursor this server gave out; take nextCursor from a search response）");
        }
        // The page of hits alone. When facets are counted, that pass gives the exact total, so this one needs no
        // count beyond its own page and Lucene may skip every document that cannot make the top N.
        int threshold = withFacets == FacetMode.NONE || s.facetState() == null ? settings.totalHitsThreshold() : topN;
        TopDocs top = sort == null
                ? t.search(ddq, new TopScoreDocCollectorManager(topN, after, threshold))
                : t.search(ddq, new TopFieldCollectorManager(sort, topN, (org.apache.lucene.search.FieldDoc) after, threshold));
        if (s.facetState() == null || withFacets == FacetMode.NONE || t.timedOut()) {
            return new Result(top, top.totalHits.value(), top.totalHits.relation() == TotalHits.Relation.EQUAL_TO, null,
                    facetLists(null, r), t.timedOut());
        }
        // Facets in a second pass that visits every match without scoring; it also gives the exact total.
        boolean drillDown = !r.issuers().isEmpty() || r.province() != null || r.type() != null || r.campaign() != null;
        boolean browseAll = main == MatchAllDocsQuery.INSTANCE && !drillDown && r.docNumber() == null && r.from() == null && r.to() == null;
        Counted counted = count(s, t, ddq, r, drillDown,
                browseAll && withFacets == FacetMode.TOP && r.facetLimit() == FACET_LIMIT);
        boolean partial = t.timedOut();
        return new Result(top, partial ? Math.max(counted.total, top.totalHits.value()) : counted.total, !partial,
                counted.facets, counted.lists, partial);
    }

    /** Facet counts and the number of matches. */
    private record Counted(Facets facets, FacetLists lists, long total) {}

    /** Browsing everything (no query, no filter) is common and the same for every request on one snapshot. */
    private record BrowseCache(IndexReader reader, Counted counted) {}

    private volatile BrowseCache browseCache;

    private Counted count(NoticeSearcherFactory.Searcher s, IndexSearcher t, DrillDownQuery ddq, SearchRequest r,
                          boolean drillDown,
                          boolean browseAll) throws IOException {
        if (drillDown) {
            // Drill-sideways: each chosen dimension is counted as if its own filter were not applied.
            // Lucene's DrillSidewaysScorer scores a segment in one go and refuses the windows of a time-limited
            // scorer, so this pass runs on the shared searcher; the page of hits before it was time-limited.
            DrillSideways ds = new DrillSideways(s, facetsConfig, s.facetState());
            DrillSideways.ConcurrentDrillSidewaysResult<Integer> res = ds.search(ddq, new TotalHitCountCollectorManager(s.getSlices()));
            return new Counted(res.facets, facetLists(res.facets, r), res.collectorResult);
        }
        BrowseCache cached = browseCache;
        if (browseAll && cached != null && cached.reader == s.getIndexReader()) {
            return cached.counted;
        }
        FacetsCollector fc = t.search(ddq, new FacetsCollectorManager());
        long total = 0;
        for (FacetsCollector.MatchingDocs md : fc.getMatchingDocs()) {
            total += md.totalHits();
        }
        Facets facets = new SortedSetDocValuesFacetCounts(s.facetState(), fc);
        Counted counted = new Counted(facets, facetLists(facets, r), total);
        if (browseAll && !t.timedOut()) {
            browseCache = new BrowseCache(s.getIndexReader(), new Counted(null, counted.lists, total));
        }
        return counted;
    }

    /** Series members (score 2) before the rest (score 1), each by number, newest year and highest serial first. */
    private static final Sort SERIES_SORT = new Sort(SortField.FIELD_SCORE,
            new SortField(NoticeFields.DOCNUM_ORDER, SortField.Type.LONG, true, Long.MIN_VALUE),
            new SortField(NoticeFields.SORT_DATE, SortField.Type.LONG, true, Long.MIN_VALUE));

    /** Whether a cursor's place has the shape this search sorts by: a score alone, or one value of each sort field's type. */
    private static boolean fits(ScoreDoc after, Sort sort) {
        if (sort == null) {
            return !(after instanceof org.apache.lucene.search.FieldDoc);
        }
        if (!(after instanceof org.apache.lucene.search.FieldDoc fd) || fd.fields.length != sort.getSort().length) {
            return false;
        }
        for (int i = 0; i < fd.fields.length; i++) {
            Class<?> want = sort.getSort()[i].getType() == SortField.Type.SCORE ? Float.class : Long.class;
            if (!want.isInstance(fd.fields[i])) {
                return false;
            }
        }
        return true;
    }

    private static Sort sortOf(SortOrder order) {
        return switch (order) {
            case RELEVANCE -> null;
            case NEWEST -> new Sort(new SortField(NoticeFields.SORT_DATE, SortField.Type.LONG, true, Long.MIN_VALUE), SortField.FIELD_SCORE);
            case OLDEST -> new Sort(new SortField(NoticeFields.SORT_DATE, SortField.Type.LONG, false, Long.MAX_VALUE), SortField.FIELD_SCORE);
        };
    }

    /**
     * The top {@code facetLimit} values of each facet, then each chosen value not among them (counted drill-sideways,
     * so it shows what choosing it gives), marked chosen. A facet has more when it has more distinct values than the
     * limit.
     */
    private FacetLists facetLists(Facets facets, SearchRequest r) throws IOException {
        Map<String, List<SearchPage.FacetValue>> out = new LinkedHashMap<>();
        Map<String, Boolean> more = new LinkedHashMap<>();
        for (String dim : NoticeFields.FACET_DIMS) {
            List<String> chosen = r.chosen(dim).stream().map(v -> canonical(dim, v)).toList();
            List<SearchPage.FacetValue> values = new ArrayList<>();
            boolean hasMore = false;
            if (facets != null) {
                FacetResult fr = topChildren(facets, r.facetLimit(), dim);
                if (fr != null) {
                    for (LabelAndValue lv : fr.labelValues) {
                        values.add(new SearchPage.FacetValue(lv.label, lv.value.longValue(), chosen.contains(lv.label)));
                    }
                    hasMore = fr.childCount > fr.labelValues.length;
                }
                for (String c : chosen) {
                    if (values.stream().noneMatch(v -> v.value().equals(c))) {
                        Number n = specificValue(facets, dim, c);
                        values.add(new SearchPage.FacetValue(c, n == null ? 0 : n.longValue(), true));
                    }
                }
            }
            if (dim.equals(NoticeFields.YEAR)) {
                values.sort(Comparator.comparing(SearchPage.FacetValue::value).reversed());
            }
            out.put(dim, values);
            more.put(dim, hasMore);
        }
        return new FacetLists(out, more);
    }

    /** The indexed label of a chosen value: an issuer as written is looked up in the directory, as the filter does. */
    private String canonical(String dim, String value) {
        return dim.equals(NoticeFields.ISSUER) ? config.issuers().lookup(value).map(Issuer::canonical).orElse(value) : value;
    }

    private static Number specificValue(Facets facets, String dim, String label) throws IOException {
        try {
            Number n = facets.getSpecificValue(dim, label);
            return n == null || n.longValue() < 0 ? null : n;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static FacetResult topChildren(Facets facets, int n, String dim) throws IOException {
        try {
            return facets.getTopChildren(n, dim);
        } catch (IllegalArgumentException e) {
            return null; // the dimension has no value in this index yet
        }
    }

    private static FacetResult allChildren(Facets facets, String dim) throws IOException {
        try {
            return facets.getAllChildren(dim);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private Notice load(IndexSearcher s, int doc) throws IOException {
        Document d = s.storedFields().document(doc, java.util.Set.of(NoticeFields.RECORD, NoticeFields.ID));
        return documents.toNotice(d);
    }

    private Optional<Integer> docOf(IndexSearcher s, Query q) throws IOException {
        TopDocs td = s.search(q, 1);
        return td.scoreDocs.length == 0 ? Optional.empty() : Optional.of(td.scoreDocs[0].doc);
    }

    @Override
    public Notice record(String id) {
        return withSearcher(s -> load(s, docOf(s, new TermQuery(new Term(NoticeFields.ID, id)))
                .orElseThrow(() -> new NotFoundException("no notice with id '" + id + "'"))));
    }

    /** The whole record with citations resolved; with a query, the paragraphs highlighted too. */
    @Override
    public NoticeView notice(String id, String q) {
        SearchRequest.checkQueryLength("q", q, settings);
        return withSearcher(s -> {
            int doc = docOf(s, new TermQuery(new Term(NoticeFields.ID, id)))
                    .orElseThrow(() -> new NotFoundException("no notice with id '" + id + "'"));
            Notice n = load(s, doc);
            List<NoticeView.NoticeRef> citedBy = new ArrayList<>();
            if (n.docNumber() != null) {
                TopDocs td = s.search(new TermQuery(new Term(NoticeFields.CITED_DOCNUM, n.docNumber())), CITED_BY_LIMIT,
                        sortOf(SortOrder.NEWEST));
                for (ScoreDoc sd : td.scoreDocs) {
                    Notice c = load(s, sd.doc);
                    if (!c.id().equals(n.id())) {
                        citedBy.add(ref(c));
                    }
                }
            }
            List<NoticeView.ResolvedCitation> cites = new ArrayList<>();
            for (Citation c : n.citations()) {
                cites.add(new NoticeView.ResolvedCitation(c.title(), c.docNumber(), resolve(s, c, n.id())));
            }
            List<String> html = null;
            if (q != null && !q.isBlank()) {
                List<String> needles = Hits.needles(q, queries.exact(q, s.getIndexReader()));
                html = n.paragraphs().stream().map(p -> Snippets.highlight(p, needles)).toList();
            }
            return new NoticeView(n, citedBy, cites, html);
        });
    }

    private static NoticeView.NoticeRef ref(Notice n) {
        return new NoticeView.NoticeRef(n.id(), n.title(), n.issuer(), n.docNumber(), n.date());
    }

    /** The id of the cited notice if the index has it: by document number, else by exact title. */
    private String resolve(IndexSearcher s, Citation c, String selfId) throws IOException {
        if (c.docNumber() != null) {
            Optional<Integer> doc = docOf(s, new TermQuery(new Term(NoticeFields.DOCNUM, c.docNumber())));
            if (doc.isPresent()) {
                return load(s, doc.get()).id();
            }
        }
        if (c.title() != null) {
            String want = Snippets.normalize(c.title());
            if (want.isEmpty()) {
                return null;
            }
            TopDocs td = s.search(QueryFactory.gramQuery(NoticeFields.TITLE_GRAMS, want), 20);
            for (ScoreDoc sd : td.scoreDocs) {
                Notice cand = load(s, sd.doc);
                if (!cand.id().equals(selfId) && cand.title() != null && Snippets.normalize(cand.title()).equals(want)) {
                    return cand.id();
                }
            }
        }
        return null;
    }

    /** Up to 10 notices most like this one by their smartcn words (MoreLikeThis). */
    @Override
    public List<NoticeView.NoticeRef> similar(String id) {
        return withSearcher(s -> {
            int doc = docOf(s, new TermQuery(new Term(NoticeFields.ID, id)))
                    .orElseThrow(() -> new NotFoundException("no notice with id '" + id + "'"));
            Notice n = load(s, doc);
            MoreLikeThis mlt = new MoreLikeThis(s.getIndexReader());
            mlt.setAnalyzer(analysis.words());
            mlt.setFieldNames(new String[]{NoticeFields.BODY_WORDS});
            mlt.setMinTermFreq(2);
            mlt.setMinDocFreq(1);
            mlt.setMaxDocFreqPct(60);
            mlt.setMaxQueryTerms(30);
            mlt.setMinWordLen(2);
            Query like = mlt.like(NoticeFields.BODY_WORDS, new StringReader((n.title() == null ? "" : n.title()) + "\n" + n.body()));
            Query q = new BooleanQuery.Builder().add(like, Occur.MUST)
                    .add(new TermQuery(new Term(NoticeFields.ID, id)), Occur.MUST_NOT).build();
            List<NoticeView.NoticeRef> out = new ArrayList<>();
            for (ScoreDoc sd : s.search(q, SIMILAR_LIMIT).scoreDocs) {
                out.add(ref(load(s, sd.doc)));
            }
            return out;
        });
    }

    /** Hits per year and per issuer for the request's query and filters. */
    @Override
    public Trend trend(SearchRequest r) {
        return withSearcher(s -> {
            // Not time-limited: a trend is a count per year and issuer, and a silently short count would mislead.
            Result res = runWithFallback(s, r.withPage(1, 1), FacetMode.ALL, NO_DEADLINE, null).result;
            List<SearchPage.FacetValue> years = new ArrayList<>();
            List<SearchPage.FacetValue> issuers = new ArrayList<>();
            if (res.facets != null) {
                FacetResult y = allChildren(res.facets, NoticeFields.YEAR);
                if (y != null) {
                    for (LabelAndValue lv : y.labelValues) {
                        years.add(new SearchPage.FacetValue(lv.label, lv.value.longValue()));
                    }
                }
                FacetResult i = allChildren(res.facets, NoticeFields.ISSUER);
                if (i != null) {
                    for (LabelAndValue lv : i.labelValues) {
                        issuers.add(new SearchPage.FacetValue(lv.label, lv.value.longValue()));
                    }
                }
            }
            return Trend.ordered(r.query(), res.total, years, issuers);
        });
    }

    /** Completions for the search box. */
    @Override
    public List<Suggestion> suggest(String prefix, int limit) {
        SearchRequest.checkQueryLength("q", prefix, settings);
        return withSearcher(s -> suggester.suggest(s, prefix, limit));
    }

    @Override
    public Stats stats() {
        return withSearcher(s -> {
            IndexReader r = s.getIndexReader();
            long gen = -1;
            long version = -1;
            if (r instanceof DirectoryReader dr) {
                gen = dr.getIndexCommit().getGeneration();
                version = dr.getVersion();
            }
            return new Stats(r.numDocs(), gen, version);
        });
    }

    /** Makes recent index changes visible (near-real-time). */
    public void refresh() {
        try {
            manager.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
