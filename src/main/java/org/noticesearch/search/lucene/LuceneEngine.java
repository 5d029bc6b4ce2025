package org.noticesearch.search.lucene;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldDoc;
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
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.util.BitDocIdSet;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.FixedBitSet;
import org.noticesearch.analysis.Analysis;
import org.noticesearch.index.NoticeDocuments;
import org.noticesearch.index.NoticeFields;
import org.noticesearch.index.NoticeSearcherFactory;
import org.noticesearch.ingest.Notice;
import org.noticesearch.search.BadRequestException;
import org.noticesearch.search.Engine;
import org.noticesearch.search.ExportRow;
import org.noticesearch.search.SearchBackend;
import org.noticesearch.search.SearchLimits;
import org.noticesearch.search.SearchPage;

/**
 * The embedded engine: runs the service's queries on the current snapshot of a Lucene index (a
 * {@link SearcherManager} of {@link NoticeSearcherFactory} searchers), with drill-sideways facet counts, time-limited
 * collection, snapshot-bound cursors and export rows read in doc-id order.
 */
public final class LuceneEngine implements Engine {
    /** How many rows of an export are read from the index together, in index (doc id) order (see LuceneView.rows). */
    static final int EXPORT_BATCH = 256;

    /** Series members (score 2) before the rest (score 1), each by number, newest year and highest serial first. */
    private static final Sort SERIES_SORT = new Sort(SortField.FIELD_SCORE,
            new SortField(NoticeFields.DOCNUM_ORDER, SortField.Type.LONG, true, Long.MIN_VALUE),
            new SortField(NoticeFields.SORT_DATE, SortField.Type.LONG, true, Long.MIN_VALUE));

    private static final Set<String> RECORD_AND_ID = Set.of(NoticeFields.RECORD, NoticeFields.ID);

    private final SearcherManager manager;
    private final Analysis analysis;
    private final NoticeDocuments documents = new NoticeDocuments();
    private final FacetsConfig facetsConfig = NoticeFields.facetsConfig();

    /** Browsing everything (no query, no filter) is common and the same for every request on one snapshot. */
    private record BrowseCache(IndexReader reader, int facetLimit, Counted counted) {}

    private volatile BrowseCache browseCache;

    public LuceneEngine(SearcherManager manager, Analysis analysis) {
        this.manager = manager;
        this.analysis = analysis;
    }

    /** Makes recent index changes visible (near-real-time). */
    public void refresh() {
        try {
            manager.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public View open() {
        try {
            return new LuceneView((NoticeSearcherFactory.Searcher) manager.acquire());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean versioned() {
        return true;
    }

    /** Facet counts (each dimension's scaled from a sample when it says so) and the number of matches. */
    private record Counted(Map<String, DimCounts> dims, long total) {}

    /** A facet collector's result made of given matching documents (the hits of a lookup, a sample). */
    private static FacetsCollector matching(List<FacetsCollector.MatchingDocs> docs) {
        return new FacetsCollector() {
            @Override
            public List<MatchingDocs> getMatchingDocs() {
                return docs;
            }
        };
    }

    private final class LuceneView implements View {
        private final NoticeSearcherFactory.Searcher s;

        LuceneView(NoticeSearcherFactory.Searcher s) {
            this.s = s;
        }

        @Override
        public void close() {
            try {
                manager.release(s);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public boolean exists(String field, String term) {
            try {
                return s.getIndexReader().docFreq(new Term(field, term)) > 0;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public Object state() {
            return s.getIndexReader();
        }

        @Override
        public Result search(Search q) throws IOException {
            ScoreDoc after = q.after() == null ? null : after(q);
            IndexSearcher t = timed(s, q.deadlineNanos());
            BooleanQuery.Builder base = new BooleanQuery.Builder().add(q.query(), Occur.MUST);
            if (q.filter() != null) {
                base.add(q.filter(), Occur.FILTER);
            }
            DrillDownQuery ddq = new DrillDownQuery(facetsConfig, base.build());
            q.drillDown().forEach((dim, values) -> values.forEach(v -> ddq.add(dim, v)));
            // After a cursor, the page is the next size hits; otherwise every hit up to the end of the page.
            int topN = after != null ? q.size() : q.offset() + q.size();
            Sort sort = sortOf(q.order());
            if (after != null && !fits(after, sort)) {
                throw BadRequestException.notOurCursor();
            }
            boolean counting = q.facets() != FacetMode.NONE && s.facetState() != null;
            // The page of hits alone. When facets are counted, that pass gives the exact total, so this one needs no
            // count beyond its own page and Lucene may skip every document that cannot make the top N.
            int threshold = counting ? topN : q.trackTotalHits();
            TopDocs top = sort == null
                    ? t.search(ddq, new TopScoreDocCollectorManager(topN, after, threshold))
                    : t.search(ddq, new TopFieldCollectorManager(sort, topN, (FieldDoc) after, threshold));
            ScoreDoc[] docs = top.scoreDocs;
            int from = after != null ? 0 : Math.min(q.offset(), docs.length);
            List<Notice> notices = new ArrayList<>();
            Rows rows = Rows.NONE;
            if (q.want() == Want.NOTICES) {
                // One StoredFields for the page: its decompression buffer (and a block shared by neighbours) is reused.
                StoredFields stored = s.storedFields();
                for (int i = from; i < docs.length; i++) {
                    notices.add(load(stored, docs[i].doc));
                }
            } else if (q.want() == Want.SUMMARIES) {
                notices = summaries(docs, from);
            } else {
                rows = sink -> rows(docs, from, sink);
            }
            String last = docs.length > from ? cursorAt(q, docs[docs.length - 1]).encode() : null;
            int returned = docs.length - from;
            if (!counting || t.timedOut()) {
                return new Result(top.totalHits.value(), top.totalHits.relation() == TotalHits.Relation.EQUAL_TO,
                        t.timedOut(), notices, rows, returned, last, null);
            }
            // A lookup (a document number, a rare word): every match is already among the collected hits, so their
            // facets are read from doc values directly, without a second pass over the index.
            if (after == null && q.drillDown().isEmpty() && top.totalHits.relation() == TotalHits.Relation.EQUAL_TO
                    && top.totalHits.value() == docs.length) {
                Facets facets = new SortedSetDocValuesFacetCounts(s.facetState(), ofHits(docs));
                return new Result(docs.length, true, false, notices, rows, returned, last, dims(facets, q, 1, false));
            }
            // Facets in a second pass that visits every match without scoring; it also gives the exact total.
            Counted counted = count(t, ddq, q);
            boolean partial = t.timedOut();
            return new Result(partial ? Math.max(counted.total, top.totalHits.value()) : counted.total, !partial, partial,
                    notices, rows, returned, last, counted.dims);
        }

        /** The hits as the matching documents of a facet count, per segment. */
        private FacetsCollector ofHits(ScoreDoc[] docs) {
            List<LeafReaderContext> leaves = s.getIndexReader().leaves();
            FixedBitSet[] bits = new FixedBitSet[leaves.size()];
            int[] hits = new int[leaves.size()];
            for (ScoreDoc d : docs) {
                int leaf = ReaderUtil.subIndex(d.doc, leaves);
                LeafReaderContext ctx = leaves.get(leaf);
                if (bits[leaf] == null) {
                    bits[leaf] = new FixedBitSet(ctx.reader().maxDoc());
                }
                bits[leaf].set(d.doc - ctx.docBase);
                hits[leaf]++;
            }
            List<FacetsCollector.MatchingDocs> out = new ArrayList<>();
            for (int i = 0; i < bits.length; i++) {
                if (bits[i] != null) {
                    out.add(new FacetsCollector.MatchingDocs(leaves.get(i), new BitDocIdSet(bits[i], hits[i]), hits[i], null));
                }
            }
            return matching(out);
        }

        private Counted count(IndexSearcher t, DrillDownQuery ddq, Search q) throws IOException {
            boolean cacheable = q.browsesAll() && q.facets() == FacetMode.TOP;
            BrowseCache cached = browseCache;
            if (cacheable && cached != null && cached.reader == s.getIndexReader() && cached.facetLimit == q.facetLimit()) {
                return cached.counted;
            }
            // Every match of the search, all filters applied: the exact total, and the dimensions no value is chosen in.
            Pass all = pass(t, ddq, q);
            Map<String, DimCounts> dims = dims(all.facets, q, all.scale, all.sampled);
            // Drill-sideways: a dimension with chosen values is counted as if its own filter were not applied (the
            // search, and the values chosen in the other dimensions), so that its other values show what choosing them
            // instead would find. One pass per chosen dimension, each sampled beyond the threshold as a search without
            // any facet chosen is; Lucene's DrillSideways visited every match of the unfiltered search in one pass, and
            // exactly, which made a keyword with an issuer chosen the slowest of the searches (issue 16).
            for (String dim : q.drillDown().keySet()) {
                DrillDownQuery sideways = new DrillDownQuery(facetsConfig, ddq.getBaseQuery());
                q.drillDown().forEach((other, values) -> {
                    if (!other.equals(dim)) {
                        values.forEach(v -> sideways.add(other, v));
                    }
                });
                Pass side = pass(t, sideways, q);
                DimCounts counts = dim(side.facets, dim, q, side.scale, side.sampled || all.sampled);
                // A chosen value's own count is that of the matches with every filter, which the first pass counted
                // (exactly, below the threshold): a sample of the sideways matches may hold none of a chosen value that
                // is rare among them, and show 0 beside its own hits.
                Map<String, Long> chosen = dims.get(dim).chosen();
                List<SearchPage.FacetValue> top = new ArrayList<>();
                for (SearchPage.FacetValue v : counts.top()) {
                    top.add(chosen.containsKey(v.value()) ? new SearchPage.FacetValue(v.value(), chosen.get(v.value())) : v);
                }
                dims.put(dim, new DimCounts(top, counts.more(), chosen, counts.sampled()));
            }
            Counted counted = new Counted(dims, all.total);
            if (cacheable && !t.timedOut()) {
                browseCache = new BrowseCache(s.getIndexReader(), q.facetLimit(), counted);
            }
            return counted;
        }

        /** One counting pass: the matches' exact number and their facet counts, sampled and scaled beyond the threshold. */
        private record Pass(Facets facets, long total, double scale, boolean sampled) {}

        private Pass pass(IndexSearcher t, Query query, Search q) throws IOException {
            FacetsCollector fc = t.search(query, new FacetsCollectorManager());
            long total = 0;
            for (FacetsCollector.MatchingDocs md : fc.getMatchingDocs()) {
                total += md.totalHits();
            }
            // Top values beyond the threshold are counted on a sample (see Engine.FacetMode.TOP) and scaled.
            int every = q.facets() == FacetMode.TOP && total > q.trackTotalHits()
                    ? (int) Math.min(Integer.MAX_VALUE, (total + q.trackTotalHits() - 1) / q.trackTotalHits()) : 1;
            FacetsCollector counting = every == 1 ? fc : sample(fc, every);
            long sampled = 0;
            for (FacetsCollector.MatchingDocs md : counting.getMatchingDocs()) {
                sampled += md.totalHits();
            }
            return new Pass(new SortedSetDocValuesFacetCounts(s.facetState(), counting), total,
                    every == 1 ? 1 : (double) total / sampled, every > 1);
        }

        /**
         * Every {@code every}-th match in index order, across segments: a systematic sample, deterministic so that the
         * same search on the same snapshot shows the same counts (a random one would make them flicker on reload).
         */
        private FacetsCollector sample(FacetsCollector fc, int every) throws IOException {
            List<FacetsCollector.MatchingDocs> out = new ArrayList<>();
            int skip = every - 1; // the first match of the whole set is taken, then every every-th
            for (FacetsCollector.MatchingDocs md : fc.getMatchingDocs()) {
                if (md.totalHits() == 0 || md.bits() == null) {
                    continue;
                }
                DocIdSetIterator it = md.bits().iterator();
                FixedBitSet bits = null;
                int kept = 0;
                for (int d = it.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = it.nextDoc()) {
                    if (skip == every - 1) {
                        skip = 0;
                        if (bits == null) {
                            bits = new FixedBitSet(md.context().reader().maxDoc());
                        }
                        bits.set(d);
                        kept++;
                    } else {
                        skip++;
                    }
                }
                if (bits != null) {
                    out.add(new FacetsCollector.MatchingDocs(md.context(), new BitDocIdSet(bits, kept), kept, null));
                }
            }
            return matching(out);
        }

        /** The hit a client's cursor stands for, checked against this snapshot and this search. */
        private ScoreDoc after(Search q) {
            LuceneCursor c = LuceneCursor.decode(q.after());
            if (c.version() != readerVersion(s)) {
                throw new BadRequestException("cursor", "给出这个翻页标记之后，索引已有变动（公文增删或更新），请不带 cursor 从第一页重新开始"
                        + "（the index has changed since this cursor was given out; start again from the first page）");
            }
            if (c.sort() != q.cursorKey().sort() || c.search() != q.cursorKey().search()) {
                throw BadRequestException.otherSearchCursor();
            }
            if (c.doc() < 0 || c.doc() >= s.getIndexReader().maxDoc()) {
                throw BadRequestException.notOurCursor();
            }
            // The same search on the same snapshot sorts the same way, so the cursor's values fit its sort.
            return c.sortValues().isEmpty() ? new ScoreDoc(c.doc(), c.score())
                    : new FieldDoc(c.doc(), c.score(), c.sortValues().toArray());
        }

        /**
         * The cursor for a hit of this search. A sorted search (newest, oldest, the landing page, a series) gives
         * FieldDocs, whose sort values the cursor carries whole; a relevance search, the score alone.
         */
        private LuceneCursor cursorAt(Search q, ScoreDoc last) {
            List<Object> values = last instanceof FieldDoc fd ? List.of(fd.fields) : List.of();
            return new LuceneCursor(readerVersion(s), q.cursorKey().sort(), q.cursorKey().search(), last.doc, last.score, values);
        }

        /**
         * Hands the hits from {@code start} on to the sink. Rows are read in batches, each in index (doc id) order,
         * since stored records are compressed in blocks and neighbours share a block; a batch is then handed over in
         * rank order. Only the record is read, and only the CSV columns are parsed from it.
         */
        private void rows(ScoreDoc[] docs, int start, SearchBackend.ExportSink sink) throws IOException {
            StoredFields stored = s.storedFields();
            Set<String> fields = Set.of(NoticeFields.RECORD);
            for (int from = start; from < docs.length; from += EXPORT_BATCH) {
                int to = Math.min(docs.length, from + EXPORT_BATCH);
                Integer[] order = new Integer[to - from];
                for (int i = 0; i < order.length; i++) {
                    order[i] = from + i;
                }
                Arrays.sort(order, Comparator.comparingInt(i -> docs[i].doc));
                ExportRow[] rows = new ExportRow[order.length];
                for (int i : order) {
                    BytesRef b = stored.document(docs[i].doc, fields).getBinaryValue(NoticeFields.RECORD);
                    rows[i - from] = ExportRow.fromRecord(b.bytes, b.offset, b.length);
                }
                for (ExportRow row : rows) {
                    sink.row(row);
                }
            }
        }

        /**
         * The summaries of the hits from {@code start} on, in rank order. Doc values are read forward only, segment by
         * segment, so the hits are visited in doc id order and put back in rank order.
         */
        private List<Notice> summaries(ScoreDoc[] docs, int start) throws IOException {
            // Each hit as its doc id (high half) and rank (low half): sorting the longs orders them by doc id.
            long[] byDoc = new long[docs.length - start];
            for (int i = 0; i < byDoc.length; i++) {
                byDoc[i] = ((long) docs[start + i].doc << 32) | i;
            }
            Arrays.sort(byDoc);
            Notice[] out = new Notice[byDoc.length];
            List<LeafReaderContext> leaves = s.getIndexReader().leaves();
            BinaryDocValues values = null;
            LeafReaderContext leaf = null;
            for (long packed : byDoc) {
                int doc = (int) (packed >>> 32);
                if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
                    leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
                    values = leaf.reader().getBinaryDocValues(NoticeFields.SUMMARY);
                }
                // An index written before summaries existed is rebuilt (ANALYSIS_VERSION); until then, the record.
                out[(int) packed] = values != null && values.advanceExact(doc - leaf.docBase)
                        ? documents.toSummary(values.binaryValue()) : load(s.storedFields(), doc).summary();
            }
            return new ArrayList<>(Arrays.asList(out));
        }

        @Override
        public Optional<Notice> byId(String id) throws IOException {
            TopDocs td = s.search(new TermQuery(new Term(NoticeFields.ID, id)), 1);
            return td.scoreDocs.length == 0 ? Optional.empty() : Optional.of(load(s.storedFields(), td.scoreDocs[0].doc));
        }

        /** Above this limit, {@link #find} counts the matches before it collects them. */
        private static final int FIND_COUNT_FIRST = 1000;

        @Override
        public List<Notice> find(Query query, Order order, int limit, Want want) throws IOException {
            Sort sort = sortOf(order);
            // The collectors allocate their queue for the whole limit up front (a tree's citing look-up asks for up to
            // 10,000 and mostly finds a few hundred): a large limit is first brought down to the number of matches.
            int hits = limit > FIND_COUNT_FIRST ? Math.max(1, Math.min(limit, s.count(query))) : limit;
            TopDocs td = sort == null ? s.search(query, hits) : s.search(query, hits, sort);
            if (want == Want.SUMMARIES) {
                return summaries(td.scoreDocs, 0);
            }
            StoredFields stored = s.storedFields();
            List<Notice> out = new ArrayList<>();
            for (ScoreDoc sd : td.scoreDocs) {
                out.add(load(stored, sd.doc));
            }
            return out;
        }

        @Override
        public List<Notice> like(String text, String excludeId, SearchLimits.Similarity p, int limit) throws IOException {
            MoreLikeThis mlt = new MoreLikeThis(s.getIndexReader());
            mlt.setAnalyzer(analysis.words());
            mlt.setFieldNames(new String[]{NoticeFields.BODY_WORDS});
            mlt.setMinTermFreq(p.minTermFreq());
            mlt.setMinDocFreq(p.minDocFreq());
            mlt.setMaxDocFreqPct(p.maxDocFreqPct());
            mlt.setMaxQueryTerms(p.maxQueryTerms());
            mlt.setMinWordLen(p.minWordLen());
            Query like = mlt.like(NoticeFields.BODY_WORDS, new StringReader(text));
            Query q = new BooleanQuery.Builder().add(like, Occur.MUST)
                    .add(new TermQuery(new Term(NoticeFields.ID, excludeId)), Occur.MUST_NOT).build();
            return find(q, Order.RELEVANCE, limit);
        }

        /** A facet dimension's counts over every notice; the terms of a keyword field; the values of a sorted field. */
        @Override
        public List<SearchPage.FacetValue> values(String field) throws IOException {
            List<SearchPage.FacetValue> out = new ArrayList<>();
            IndexReader reader = s.getIndexReader();
            if (List.of(NoticeFields.FACET_DIMS).contains(field)) {
                if (s.facetState() != null) {
                    FacetResult fr = children(new SortedSetDocValuesFacetCounts(s.facetState()), field, 0);
                    if (fr != null) {
                        for (LabelAndValue lv : fr.labelValues) {
                            out.add(new SearchPage.FacetValue(lv.label, lv.value.longValue()));
                        }
                    }
                }
                return out;
            }
            boolean sorted = false;
            for (LeafReaderContext leaf : reader.leaves()) {
                SortedDocValues dv = leaf.reader().getSortedDocValues(field);
                if (dv != null) {
                    sorted = true;
                    for (int ord = 0; ord < dv.getValueCount(); ord++) {
                        out.add(new SearchPage.FacetValue(dv.lookupOrd(ord).utf8ToString(), 0));
                    }
                }
            }
            if (!sorted) {
                Terms terms = MultiTerms.getTerms(reader, field);
                if (terms != null) {
                    TermsEnum te = terms.iterator();
                    for (BytesRef t = te.next(); t != null; t = te.next()) {
                        out.add(new SearchPage.FacetValue(t.utf8ToString(), te.docFreq()));
                    }
                }
            }
            return out;
        }

        @Override
        public SearchBackend.Stats stats() {
            IndexReader r = s.getIndexReader();
            long gen = -1;
            long version = -1;
            if (r instanceof DirectoryReader dr) {
                try {
                    gen = dr.getIndexCommit().getGeneration();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                version = dr.getVersion();
            }
            return new SearchBackend.Stats(r.numDocs(), gen, version, null);
        }

        private Notice load(StoredFields stored, int doc) throws IOException {
            Document d = stored.document(doc, RECORD_AND_ID);
            return documents.toNotice(d);
        }
    }

    /**
     * The top {@code facetLimit} values of each facet and whether it has more (all values for a trend), with the
     * count of each chosen value; counted on a sample of one match in {@code scale}, so multiplied by it.
     */
    private static Map<String, DimCounts> dims(Facets facets, Search q, double scale, boolean sampled) throws IOException {
        Map<String, DimCounts> out = new LinkedHashMap<>();
        for (String dim : NoticeFields.FACET_DIMS) {
            out.put(dim, dim(facets, dim, q, scale, sampled));
        }
        return out;
    }

    /** One dimension's top values (every value for {@link FacetMode#ALL}) and the chosen ones, each count scaled. */
    private static DimCounts dim(Facets facets, String dim, Search q, double scale, boolean sampled) throws IOException {
        FacetResult fr = children(facets, dim, q.facets() == FacetMode.ALL ? 0 : q.facetLimit());
        List<SearchPage.FacetValue> top = new ArrayList<>();
        boolean more = false;
        if (fr != null) {
            for (LabelAndValue lv : fr.labelValues) {
                top.add(new SearchPage.FacetValue(lv.label, Math.round(lv.value.longValue() * scale)));
            }
            more = q.facets() == FacetMode.TOP && fr.childCount > fr.labelValues.length;
        }
        Map<String, Long> chosen = new LinkedHashMap<>();
        for (String c : q.drillDown().getOrDefault(dim, List.of())) {
            Number n = specificValue(facets, dim, c);
            chosen.put(c, n == null ? 0 : Math.round(n.longValue() * scale));
        }
        return new DimCounts(top, more, chosen, sampled);
    }

    private static long readerVersion(IndexSearcher s) {
        return s.getIndexReader() instanceof DirectoryReader dr ? dr.getVersion() : -1;
    }

    /**
     * A searcher over the same snapshot that stops collecting at the deadline (Lucene wraps each bulk scorer in a
     * TimeLimitingBulkScorer and returns what was collected). It is made per request because the flag it sets
     * ({@link IndexSearcher#timedOut()}) belongs to the searcher, and the acquired one is shared by every request.
     * It costs a few objects: the reader, its caches and the facet state are the shared ones.
     */
    private static IndexSearcher timed(IndexSearcher s, long deadlineNanos) {
        // No executor: intra-query concurrency over 2 slices was measured (BENCHMARKS, "Query path") and not kept.
        IndexSearcher t = new IndexSearcher(s.getIndexReader());
        t.setSimilarity(s.getSimilarity());
        t.setQueryCache(s.getQueryCache());
        t.setQueryCachingPolicy(s.getQueryCachingPolicy());
        if (deadlineNanos != NO_DEADLINE) {
            t.setTimeout(() -> System.nanoTime() - deadlineNanos > 0);
        }
        return t;
    }

    /** Whether a cursor's place has the shape this search sorts by: a score alone, or one value of each sort field's type. */
    private static boolean fits(ScoreDoc after, Sort sort) {
        if (sort == null) {
            return !(after instanceof FieldDoc);
        }
        if (!(after instanceof FieldDoc fd) || fd.fields.length != sort.getSort().length) {
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

    private static Sort sortOf(Order order) {
        return switch (order) {
            case RELEVANCE -> null;
            case SERIES -> SERIES_SORT;
            case NEWEST -> new Sort(new SortField(NoticeFields.SORT_DATE, SortField.Type.LONG, true, Long.MIN_VALUE), SortField.FIELD_SCORE);
            case OLDEST -> new Sort(new SortField(NoticeFields.SORT_DATE, SortField.Type.LONG, false, Long.MAX_VALUE), SortField.FIELD_SCORE);
        };
    }

    private static Number specificValue(Facets facets, String dim, String label) throws IOException {
        try {
            Number n = facets.getSpecificValue(dim, label);
            return n == null || n.longValue() < 0 ? null : n;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The top {@code n} values of a dimension, every value when {@code n} is 0. */
    private static FacetResult children(Facets facets, String dim, int n) throws IOException {
        try {
            return n == 0 ? facets.getAllChildren(dim) : facets.getTopChildren(n, dim);
        } catch (IllegalArgumentException e) {
            return null; // the dimension has no value in this index yet
        }
    }
}
