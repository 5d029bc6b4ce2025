package org.noticesearch.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.noticesearch.Json;
import org.noticesearch.analysis.Analysis;
import org.noticesearch.config.IndexConfig;
import org.noticesearch.config.Issuer;
import org.noticesearch.config.Settings;
import org.noticesearch.index.NoticeFields;
import org.noticesearch.ingest.Citation;
import org.noticesearch.ingest.Notice;
import org.noticesearch.search.NotFoundException;
import org.noticesearch.search.NoticeSearcher;
import org.noticesearch.search.ExportRow;
import org.noticesearch.search.Hits;
import org.noticesearch.search.NoticeView;
import org.noticesearch.search.QueryFactory;
import org.noticesearch.search.SearchBackend;
import org.noticesearch.search.SearchHit;
import org.noticesearch.search.SearchPage;
import org.noticesearch.search.SearchRequest;
import org.noticesearch.search.Snippets;
import org.noticesearch.search.SortOrder;
import org.noticesearch.search.Suggestion;
import org.noticesearch.search.Trend;

/**
 * The search backend on an OpenSearch cluster. Queries are built by {@link QueryFactory} (the same code as the
 * embedded index) and translated to DSL; OpenSearch returns the matching records, totals and drill-sideways
 * facet counts (the drill-down filters go in {@code post_filter}, and each facet is counted under every filter
 * but its own); hits, snippets and highlighted paragraphs are built here from the stored records with
 * {@link Snippets}, so they are the embedded backend's to the character.
 */
public final class OpenSearchBackend implements SearchBackend {
    /** How long the agency codes and suggestion candidates read from the cluster are reused. */
    public static final long DEFAULT_CACHE_MILLIS = 30_000;
    /** Upper bound of the aggregations that list every value (trend, suggestions, agency codes). */
    static final int ALL_VALUES = 10_000;

    private final OpenSearchClient client;
    private final String index;
    private final IndexConfig config;
    private final Settings settings;
    private final QueryFactory queries;
    private final Hits hitBuilder;
    private final OpenSearchDocuments documents;
    private final ObjectMapper mapper = Json.mapper();
    private final OpenSearchSuggester suggester;
    private final long cacheMillis;
    private volatile Cached<DirectoryReader> agencies;

    private record Cached<T>(T value, long loadedAt) {}

    public OpenSearchBackend(OpenSearchClient client, String index, Analysis analysis, IndexConfig config) {
        this(client, index, analysis, config, DEFAULT_CACHE_MILLIS);
    }

    public OpenSearchBackend(OpenSearchClient client, String index, Analysis analysis, IndexConfig config, long cacheMillis) {
        this.client = client;
        this.index = index;
        this.config = config;
        this.settings = config.settings();
        this.queries = new QueryFactory(analysis, settings, config.issuers());
        this.hitBuilder = new Hits(settings);
        this.documents = new OpenSearchDocuments(analysis);
        this.suggester = new OpenSearchSuggester(this, config.issuers());
        this.cacheMillis = cacheMillis;
    }

    /** Forgets cached cluster facts (after this process changed the index). */
    public void invalidate() {
        agencies = null;
        suggester.invalidate();
    }

    @Override
    public SearchPage search(SearchRequest r) {
        long start = System.nanoTime();
        QueryFactory.Built exact = exact(r.query(), r.scope());
        // One value beyond the limit says whether the facet has more (Lucene's childCount says it the other way).
        Result res = run(r, exact.query(), r.facetLimit() + 1, true);
        boolean relaxed = false;
        QueryFactory.Built used = exact;
        if (res.total == 0 && exact.hasTextTerms()) {
            QueryFactory.Built loose = queries.relaxed(r.query(), r.scope());
            if (loose != null) {
                Result second = run(r, loose.query(), r.facetLimit() + 1, true);
                if (second.total > 0) {
                    res = second;
                    used = loose;
                    relaxed = true;
                }
            }
        }
        List<String> needles = Hits.needles(r.query(), used);
        List<SearchHit> hits = new ArrayList<>();
        for (Notice n : res.notices) {
            hits.add(hitBuilder.hit(n, needles, r.query()));
        }
        Map<String, List<SearchPage.FacetValue>> facets = new LinkedHashMap<>();
        Map<String, Boolean> more = new LinkedHashMap<>();
        for (String dim : NoticeFields.FACET_DIMS) {
            List<SearchPage.FacetValue> all = res.facets.getOrDefault(dim, List.of());
            List<String> chosen = chosen(r, dim);
            List<SearchPage.FacetValue> values = new ArrayList<>();
            for (SearchPage.FacetValue v : all.subList(0, Math.min(all.size(), r.facetLimit()))) {
                values.add(new SearchPage.FacetValue(v.value(), v.count(), chosen.contains(v.value())));
            }
            more.put(dim, all.size() > r.facetLimit());
            Map<String, Long> chosenCounts = res.chosenCounts.getOrDefault(dim, Map.of());
            for (String c : chosen) {
                if (values.stream().noneMatch(v -> v.value().equals(c))) {
                    values.add(new SearchPage.FacetValue(c, chosenCounts.getOrDefault(c, 0L), true));
                }
            }
            if (dim.equals(NoticeFields.YEAR)) {
                values.sort(Comparator.comparing(SearchPage.FacetValue::value).reversed());
            }
            facets.put(dim, values);
        }
        long took = (System.nanoTime() - start) / 1_000_000;
        String next = hits.size() == r.size() && !res.partial && res.lastSort != null ? OpenSearchCursor.encode(r, res.lastSort) : null;
        return new SearchPage(r.query(), res.total, res.exact, relaxed, r.page(), r.size(), took, hits, facets, res.partial,
                more, next);
    }

    /** The request's chosen values of a dimension as indexed (issuers by their canonical name, as the filter has them). */
    private List<String> chosen(SearchRequest r, String dim) {
        return r.chosen(dim).stream().map(v -> dim.equals(NoticeFields.ISSUER)
                ? config.issuers().lookup(v).map(Issuer::canonical).orElse(v) : v).toList();
    }

    @Override
    public List<Notice> export(SearchRequest r) {
        return exportResult(r).notices;
    }

    /** OpenSearch sends the whole page in one answer; it is handed on row by row, flagged if it timed out. */
    @Override
    public void export(SearchRequest r, ExportSink sink) throws IOException {
        Result res = exportResult(r);
        sink.begin(res.partial);
        for (Notice n : res.notices) {
            sink.row(ExportRow.of(n));
        }
    }

    /** Batches an all-hits export asks the cluster for, each after the last one's final hit. */
    static final int EXPORT_CHUNK = 2000;

    /**
     * Every hit, in {@code search_after} batches (no 10,000 {@code max_result_window} limit); the exact-or-relaxed
     * choice is made once, by the first batch, which also says whether the export is partial.
     */
    @Override
    public void exportAll(SearchRequest r, ExportSink sink) throws IOException {
        SearchRequest batch = r.withPage(1, EXPORT_CHUNK);
        QueryFactory.Built exact = exact(r.query(), r.scope());
        Query used = exact.query();
        Result res = run(batch, used, 0, false);
        if (res.total == 0 && exact.hasTextTerms()) {
            QueryFactory.Built loose = queries.relaxed(r.query(), r.scope());
            if (loose != null) {
                used = loose.query();
                res = run(batch, used, 0, false);
            }
        }
        sink.begin(res.partial);
        boolean partial = res.partial;
        while (true) {
            for (Notice n : res.notices) {
                sink.row(ExportRow.of(n));
            }
            if (partial || res.notices.size() < EXPORT_CHUNK || res.lastSort == null) {
                return;
            }
            res = run(batch.withCursor(OpenSearchCursor.encode(batch, res.lastSort)), used, 0, false);
            partial = res.partial;
        }
    }

    private Result exportResult(SearchRequest r) {
        QueryFactory.Built exact = exact(r.query(), r.scope());
        Result res = run(r, exact.query(), 0, false);
        if (res.total == 0 && exact.hasTextTerms()) {
            QueryFactory.Built loose = queries.relaxed(r.query(), r.scope());
            if (loose != null) {
                res = run(r, loose.query(), 0, false);
            }
        }
        return res;
    }

    private QueryFactory.Built exact(String q) {
        return exact(q, org.noticesearch.search.Scope.ALL);
    }

    private QueryFactory.Built exact(String q, org.noticesearch.search.Scope scope) {
        try {
            return queries.exact(q, scope, agencyReader());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }


    /** {@code partial}: a shard stopped at the request's {@code timeout} ({@code timed_out} in the answer). */
    private record Result(List<Notice> notices, long total, boolean exact, Map<String, List<SearchPage.FacetValue>> facets,
                          boolean partial, Map<String, Map<String, Long>> chosenCounts, JsonNode lastSort) {
        Result(List<Notice> notices, long total, boolean exact, Map<String, List<SearchPage.FacetValue>> facets,
               boolean partial) {
            this(notices, total, exact, facets, partial, Map.of(), null);
        }
    }

    /** The last hit's sort values ({@code search_after} for the next page), or null when there are no hits. */
    private static JsonNode lastSort(JsonNode res) {
        JsonNode hits = res.path("hits").path("hits");
        return hits.isArray() && !hits.isEmpty() && hits.get(hits.size() - 1).get("sort") instanceof ArrayNode a ? a : null;
    }

    /** The request's drill-down filters, one per facet dimension (several issuers: any of them). */
    private Map<String, ObjectNode> facetFilters(SearchRequest r) {
        Map<String, ObjectNode> out = new LinkedHashMap<>();
        if (!r.issuers().isEmpty()) {
            ObjectNode terms = mapper.createObjectNode();
            ArrayNode values = terms.putObject("terms").putArray(NoticeFields.ISSUER);
            for (String issuer : r.issuers()) {
                values.add(config.issuers().lookup(issuer).map(Issuer::canonical).orElse(issuer));
            }
            out.put(NoticeFields.ISSUER, terms);
        }
        putTerm(out, NoticeFields.PROVINCE, r.province());
        putTerm(out, NoticeFields.TYPE, r.type());
        putTerm(out, NoticeFields.CAMPAIGN, r.campaign());
        return out;
    }

    private void putTerm(Map<String, ObjectNode> out, String field, String value) {
        if (value != null) {
            ObjectNode t = mapper.createObjectNode();
            t.putObject("term").put(field, value);
            out.put(field, t);
        }
    }

    private ObjectNode allOf(List<ObjectNode> filters) {
        ObjectNode q = mapper.createObjectNode();
        if (filters.isEmpty()) {
            q.putObject("match_all");
        } else {
            q.putObject("bool").putArray("filter").addAll(filters);
        }
        return q;
    }

    /** Runs the query with the request's filters and page; facets counted drill-sideways when asked. */
    private Result run(SearchRequest r, Query main, int facetSize, boolean withFacets) {
        Map<String, ObjectNode> drill = facetFilters(r);
        boolean browseAll = main instanceof MatchAllDocsQuery && drill.isEmpty() && r.docNumber() == null
                && r.from() == null && r.to() == null;
        if (withFacets && browseAll) {
            return browseAll(r, facetSize);
        }
        ObjectNode body = mapper.createObjectNode();
        ObjectNode bool = body.putObject("query").putObject("bool");
        // A series search lists the series by year and serial, then the other matches (as the embedded index does).
        Query members = seriesMembers(r);
        bool.putArray("must").add(QueryTranslator.translate(members == null ? main : QueryFactory.membersFirst(main, members)));
        ArrayNode filter = bool.putArray("filter");
        if (r.docNumber() != null) {
            filter.add(QueryTranslator.translate(docNumberFilter(r.docNumber())));
        }
        if (r.from() != null || r.to() != null) {
            filter.add(QueryTranslator.translate(QueryFactory.dateFilter(r.from(), r.to())));
        }
        if (!drill.isEmpty()) {
            body.set("post_filter", allOf(List.copyOf(drill.values())));
        }
        if (withFacets) {
            body.set("aggs", facetAggs(drill, facetSize, r));
            // The aggregations visit every match anyway, so the exact total costs nothing more; the embedded index
            // is exact in the same case (its facet pass counts every match).
            body.put("track_total_hits", true);
        } else {
            body.put("track_total_hits", settings.totalHitsThreshold());
        }
        page(body, r);
        if (members != null) {
            seriesSort(body);
        }
        timeLimit(body);
        JsonNode res = client.json("POST", "/" + index + "/_search?search_type=dfs_query_then_fetch", body);
        JsonNode total = res.path("hits").path("total");
        boolean partial = res.path("timed_out").asBoolean(false);
        return new Result(notices(res), total.path("value").asLong(), "eq".equals(total.path("relation").asText()) && !partial,
                withFacets ? facets(res) : Map.of(), partial, withFacets ? chosenCounts(res) : Map.of(), lastSort(res));
    }

    /**
     * The landing page (no query, no filter): the same counts over every notice for every visitor until the index
     * changes. They go in a request without hits, which the shard request cache keeps until the next refresh (it
     * caches no request with hits, and no DFS request); the page of hits is a plain request of its own.
     */
    private Result browseAll(SearchRequest r, int facetSize) {
        ObjectNode counts = mapper.createObjectNode();
        counts.putObject("query").putObject("match_all");
        counts.put("size", 0).put("track_total_hits", true);
        counts.set("aggs", facetAggs(Map.of(), facetSize, r));
        timeLimit(counts);
        JsonNode counted = client.json("POST", "/" + index + "/_search?request_cache=true", counts);
        ObjectNode body = mapper.createObjectNode();
        body.putObject("query").putObject("match_all");
        body.put("track_total_hits", false);
        page(body, r);
        timeLimit(body);
        JsonNode res = client.json("POST", "/" + index + "/_search", body);
        boolean partial = counted.path("timed_out").asBoolean(false) || res.path("timed_out").asBoolean(false);
        return new Result(notices(res), counted.path("hits").path("total").path("value").asLong(), !partial, facets(counted),
                partial, Map.of(), lastSort(res));
    }

    /**
     * One terms aggregation per facet dimension, each under every drill-down filter but its own (drill-sideways), and
     * beside it a filters aggregation counting each chosen value, which may be outside the top terms.
     */
    private ObjectNode facetAggs(Map<String, ObjectNode> drill, int facetSize, SearchRequest r) {
        ObjectNode aggs = mapper.createObjectNode();
        for (String dim : NoticeFields.FACET_DIMS) {
            List<ObjectNode> others = new ArrayList<>();
            drill.forEach((d, f) -> {
                if (!d.equals(dim)) {
                    others.add(f);
                }
            });
            ObjectNode agg = aggs.putObject(dim);
            agg.set("filter", allOf(others));
            ObjectNode sub = agg.putObject("aggs");
            sub.putObject("values").putObject("terms").put("field", dim)
                    .put("size", facetSize).put("shard_size", Math.max(facetSize * 5 + 50, 100));
            List<String> chosen = chosen(r, dim);
            if (!chosen.isEmpty()) {
                ObjectNode filters = sub.putObject("chosen").putObject("filters").putObject("filters");
                for (String c : chosen) {
                    filters.putObject(c).putObject("term").put(dim, c);
                }
            }
        }
        return aggs;
    }

    /**
     * The same per-search time limit as the embedded index ({@code search.timeLimitMs}): each shard stops collecting
     * at it and the answer says {@code timed_out}, which becomes the page's {@code partial} flag.
     */
    private void timeLimit(ObjectNode body) {
        body.put("timeout", settings.server().searchTimeLimitMs() + "ms");
    }

    /** The requested page, in the requested order, with only the stored record of each hit. */
    private static void page(ObjectNode body, SearchRequest r) {
        if (r.cursor() != null) {
            body.put("from", 0).put("size", r.size());
            body.set("search_after", OpenSearchCursor.searchAfter(r));
        } else {
            body.put("from", (r.page() - 1) * r.size()).put("size", r.size());
        }
        body.putArray("_source").add(NoticeFields.RECORD);
        sort(body, r.effectiveSort());
    }

    /** The docNumber filter, with the agency codes the cluster holds (see {@link QueryFactory#docNumberFilter}). */
    private Query docNumberFilter(String value) {
        try {
            return QueryFactory.docNumberFilter(value, agencyReader());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Query seriesMembers(SearchRequest r) {
        if (r.sort() != SortOrder.RELEVANCE) {
            return null;
        }
        try {
            return QueryFactory.seriesMembers(r, agencyReader());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Series members (score 2) before the rest (score 1), each by number, newest year and highest serial first. */
    private static void seriesSort(ObjectNode body) {
        ArrayNode s = body.putArray("sort");
        s.add("_score");
        s.addObject().putObject(NoticeFields.DOCNUM_ORDER).put("order", "desc").put("missing", "_last");
        s.addObject().putObject(NoticeFields.SORT_DATE).put("order", "desc").put("missing", "_last");
        // Ties broken as in sort(): search_after needs a total order.
        s.add("_doc");
        s.addObject().putObject(NoticeFields.ID).put("order", "asc");
    }

    private List<Notice> notices(JsonNode res) {
        List<Notice> notices = new ArrayList<>();
        for (JsonNode h : res.path("hits").path("hits")) {
            notices.add(documents.toNotice(h.path("_source")));
        }
        return notices;
    }

    private static Map<String, List<SearchPage.FacetValue>> facets(JsonNode res) {
        Map<String, List<SearchPage.FacetValue>> facets = new LinkedHashMap<>();
        for (String dim : NoticeFields.FACET_DIMS) {
            facets.put(dim, buckets(res.path("aggregations").path(dim).path("values")));
        }
        return facets;
    }

    /** The count of each chosen value, per dimension, from the filters aggregations beside the terms. */
    private static Map<String, Map<String, Long>> chosenCounts(JsonNode res) {
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        for (String dim : NoticeFields.FACET_DIMS) {
            Map<String, Long> counts = new LinkedHashMap<>();
            res.path("aggregations").path(dim).path("chosen").path("buckets").properties()
                    .forEach(e -> counts.put(e.getKey(), e.getValue().path("doc_count").asLong()));
            out.put(dim, counts);
        }
        return out;
    }

    static List<SearchPage.FacetValue> buckets(JsonNode terms) {
        List<SearchPage.FacetValue> out = new ArrayList<>();
        for (JsonNode b : terms.path("buckets")) {
            out.add(new SearchPage.FacetValue(b.path("key").asText(), b.path("doc_count").asLong()));
        }
        return out;
    }

    /**
     * The order, ended by {@code _doc} (index order within a shard, as the embedded index breaks ties by doc id, so a page
     * holds the same notices on both) and then the id, so that every hit has a place of its own across shards:
     * {@code search_after} needs a total order.
     */
    private static void sort(ObjectNode body, SortOrder order) {
        ArrayNode s = body.putArray("sort");
        if (order != SortOrder.RELEVANCE) {
            s.addObject().putObject(NoticeFields.SORT_DATE).put("order", order == SortOrder.NEWEST ? "desc" : "asc")
                    .put("missing", "_last");
        }
        s.add("_score");
        s.add("_doc");
        s.addObject().putObject(NoticeFields.ID).put("order", "asc");
    }

    /** Notices matching a query, in the given order, up to {@code size}. */
    private List<Notice> find(Query q, int size, SortOrder order) {
        ObjectNode body = mapper.createObjectNode();
        body.set("query", QueryTranslator.translate(q));
        body.put("size", size);
        body.putArray("_source").add(NoticeFields.RECORD);
        sort(body, order);
        JsonNode res = client.json("POST", "/" + index + "/_search", body);
        List<Notice> out = new ArrayList<>();
        for (JsonNode h : res.path("hits").path("hits")) {
            out.add(documents.toNotice(h.path("_source")));
        }
        return out;
    }

    @Override
    public Notice record(String id) {
        return byId(id);
    }

    private Notice byId(String id) {
        String path = "/" + index + "/_doc/" + Hits.urlEncode(id) + "?_source_includes=" + NoticeFields.RECORD;
        try {
            JsonNode doc = client.json("GET", path, null);
            if (!doc.path("found").asBoolean()) {
                throw new NotFoundException("no notice with id '" + id + "'");
            }
            return documents.toNotice(doc.path("_source"));
        } catch (OpenSearchClient.OpenSearchException e) {
            if (e.status() == 404) {
                throw new NotFoundException("no notice with id '" + id + "'");
            }
            throw e;
        }
    }

    @Override
    public NoticeView notice(String id, String q) {
        SearchRequest.checkQueryLength("q", q, settings);
        Notice n = byId(id);
        List<NoticeView.NoticeRef> citedBy = new ArrayList<>();
        if (n.docNumber() != null) {
            for (Notice c : find(new org.apache.lucene.search.TermQuery(new org.apache.lucene.index.Term(NoticeFields.CITED_DOCNUM,
                    n.docNumber())), NoticeSearcher.CITED_BY_LIMIT, SortOrder.NEWEST)) {
                if (!c.id().equals(n.id())) {
                    citedBy.add(ref(c));
                }
            }
        }
        List<NoticeView.ResolvedCitation> cites = new ArrayList<>();
        for (Citation c : n.citations()) {
            cites.add(new NoticeView.ResolvedCitation(c.title(), c.docNumber(), resolve(c, n.id())));
        }
        List<String> html = null;
        if (q != null && !q.isBlank()) {
            List<String> needles = Hits.needles(q, exact(q));
            html = n.paragraphs().stream().map(p -> Snippets.highlight(p, needles)).toList();
        }
        return new NoticeView(n, citedBy, cites, html);
    }

    private static NoticeView.NoticeRef ref(Notice n) {
        return new NoticeView.NoticeRef(n.id(), n.title(), n.issuer(), n.docNumber(), n.date());
    }

    /** The id of the cited notice if the index has it: by document number, else by exact title. */
    private String resolve(Citation c, String selfId) {
        if (c.docNumber() != null) {
            List<Notice> found = find(new org.apache.lucene.search.TermQuery(
                    new org.apache.lucene.index.Term(NoticeFields.DOCNUM, c.docNumber())), 1, SortOrder.RELEVANCE);
            if (!found.isEmpty()) {
                return found.get(0).id();
            }
        }
        if (c.title() != null) {
            String want = Snippets.normalize(c.title());
            if (want.isEmpty()) {
                return null;
            }
            for (Notice cand : find(QueryFactory.gramQuery(NoticeFields.TITLE_GRAMS, want), 20, SortOrder.RELEVANCE)) {
                if (!cand.id().equals(selfId) && cand.title() != null && Snippets.normalize(cand.title()).equals(want)) {
                    return cand.id();
                }
            }
        }
        return null;
    }

    /**
     * Up to 10 notices most like this one by their smartcn words: {@code more_like_this} over the body words with
     * the embedded backend's MoreLikeThis parameters (term statistics are per shard, so on several shards the
     * list can differ a little from the embedded one).
     */
    @Override
    public List<NoticeView.NoticeRef> similar(String id) {
        Notice n = byId(id);
        long docs = stats().documents();
        ObjectNode body = mapper.createObjectNode();
        ObjectNode bool = body.putObject("query").putObject("bool");
        ObjectNode mlt = bool.putArray("must").addObject().putObject("more_like_this");
        mlt.putArray("fields").add(NoticeFields.BODY_WORDS);
        mlt.putArray("like").add((n.title() == null ? "" : n.title()) + "\n" + n.body());
        mlt.put("min_term_freq", 2).put("min_doc_freq", 1).put("max_doc_freq", (int) Math.max(1, docs * 60 / 100))
                .put("max_query_terms", 30).put("min_word_length", 2).put("minimum_should_match", 1);
        bool.putArray("must_not").addObject().putObject("term").put(NoticeFields.ID, id);
        body.put("size", NoticeSearcher.SIMILAR_LIMIT);
        body.putArray("_source").add(NoticeFields.RECORD);
        JsonNode res = client.json("POST", "/" + index + "/_search?search_type=dfs_query_then_fetch", body);
        List<NoticeView.NoticeRef> out = new ArrayList<>();
        for (JsonNode h : res.path("hits").path("hits")) {
            out.add(ref(documents.toNotice(h.path("_source"))));
        }
        return out;
    }

    @Override
    public Trend trend(SearchRequest r) {
        QueryFactory.Built exact = exact(r.query(), r.scope());
        SearchRequest one = r.withPage(1, 1);
        Result res = run(one, exact.query(), ALL_VALUES, true);
        if (res.total == 0 && exact.hasTextTerms()) {
            QueryFactory.Built loose = queries.relaxed(r.query(), r.scope());
            if (loose != null) {
                res = run(one, loose.query(), ALL_VALUES, true);
            }
        }
        return Trend.ordered(r.query(), res.total, res.facets.getOrDefault(NoticeFields.YEAR, List.of()),
                res.facets.getOrDefault(NoticeFields.ISSUER, List.of()));
    }

    @Override
    public List<Suggestion> suggest(String prefix, int limit) {
        SearchRequest.checkQueryLength("q", prefix, settings);
        return suggester.suggest(prefix, limit);
    }

    /** No ETags on this backend: the stats below carry no version, and reading them is a call to the cluster. */
    @Override
    public boolean versioned() {
        return false;
    }

    /** Documents from {@code _count}; generation and version are not meaningful for a cluster and are -1. */
    @Override
    public Stats stats() {
        JsonNode c = client.json("GET", "/" + index + "/_count", null);
        return new Stats(c.path("count").asInt(), -1, -1);
    }

    /** Every value of a keyword field with its document count (up to {@value #ALL_VALUES}). */
    List<SearchPage.FacetValue> allValues(String field) {
        ObjectNode body = mapper.createObjectNode();
        body.put("size", 0);
        body.putObject("aggs").putObject("values").putObject("terms").put("field", field).put("size", ALL_VALUES);
        JsonNode res = client.json("POST", "/" + index + "/_search", body);
        return buckets(res.path("aggregations").path("values"));
    }

    long cacheMillis() {
        return cacheMillis;
    }

    private IndexReader agencyReader() {
        Cached<DirectoryReader> c = agencies;
        long now = System.currentTimeMillis();
        if (c == null || now - c.loadedAt() > cacheMillis) {
            Map<String, List<String>> terms = new LinkedHashMap<>();
            for (String field : KnownAgencies.FIELDS) {
                terms.put(field, allValues(field).stream().map(SearchPage.FacetValue::value).toList());
            }
            c = new Cached<>(KnownAgencies.readerOf(terms), now);
            agencies = c;
        }
        return c.value();
    }
}
