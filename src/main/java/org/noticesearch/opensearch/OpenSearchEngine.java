package org.noticesearch.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.search.Query;
import org.noticesearch.Json;
import org.noticesearch.analysis.Analysis;
import org.noticesearch.index.NoticeFields;
import org.noticesearch.ingest.Notice;
import org.noticesearch.search.Engine;
import org.noticesearch.search.ExportRow;
import org.noticesearch.search.SearchBackend;
import org.noticesearch.search.SearchLimits;
import org.noticesearch.search.SearchPage;

/**
 * The engine on an OpenSearch cluster: the service's queries translated to DSL by {@link QueryTranslator}, the
 * drill-down filters in {@code post_filter} with each facet counted under every filter but its own (drill-sideways),
 * records read from {@code _source}. Hits and snippets are built by the service from those records, so they are the
 * embedded engine's to the character.
 */
public final class OpenSearchEngine implements Engine, Engine.View {
    /** How long the series and agency codes and the suggestion candidates read from the cluster are reused. */
    public static final long DEFAULT_CACHE_MILLIS = 30_000;

    private final OpenSearchClient client;
    private final String index;
    private final OpenSearchDocuments documents;
    private final ObjectMapper mapper = Json.mapper();
    private final long cacheMillis;
    /** Counts this process's changes to the index, so that what is cached per index state is read again after one. */
    private final AtomicLong changes = new AtomicLong();
    private final Map<String, Cached> known = new ConcurrentHashMap<>();

    /** The values of a field as read at a time. */
    private record Cached(Set<String> values, long loadedAt) {}

    public OpenSearchEngine(OpenSearchClient client, String index, Analysis analysis, long cacheMillis) {
        this.client = client;
        this.index = index;
        this.documents = new OpenSearchDocuments(analysis);
        this.cacheMillis = cacheMillis;
    }

    /** Forgets cached cluster facts (after this process changed the index). */
    public void invalidate() {
        changes.incrementAndGet();
        known.clear();
    }

    /** A cluster has no snapshot to hold: every call reads the index as it is. */
    @Override
    public View open() {
        return this;
    }

    /** No ETags on this engine: its stats carry no version, and reading them is a call to the cluster. */
    @Override
    public boolean versioned() {
        return false;
    }

    @Override
    public void close() {
        // nothing held
    }

    /** The series and agency codes are read once per {@link #cacheMillis} (all values of the field); others asked. */
    @Override
    public boolean exists(String field, String term) {
        long now = System.currentTimeMillis();
        Cached c = known.get(field);
        if (c == null || now - c.loadedAt() > cacheMillis) {
            Set<String> values = new HashSet<>();
            for (SearchPage.FacetValue v : values(field)) {
                values.add(v.value());
            }
            c = new Cached(values, now);
            known.put(field, c);
        }
        return c.values().contains(term);
    }

    /** Changes this process made, and the current {@link #cacheMillis} period: a cluster may be fed from elsewhere. */
    @Override
    public Object state() {
        return cacheMillis <= 0 ? new Object() : changes.get() + "@" + System.currentTimeMillis() / cacheMillis;
    }

    @Override
    public Result search(Search q) {
        boolean counting = q.facets() != FacetMode.NONE;
        if (counting && q.browsesAll()) {
            return browseAll(q);
        }
        ObjectNode body = mapper.createObjectNode();
        ObjectNode bool = body.putObject("query").putObject("bool");
        bool.putArray("must").add(QueryTranslator.translate(q.query()));
        ArrayNode filter = bool.putArray("filter");
        if (q.filter() != null) {
            filter.add(QueryTranslator.translate(q.filter()));
        }
        Map<String, ObjectNode> drill = drillFilters(q);
        if (!drill.isEmpty()) {
            body.set("post_filter", allOf(List.copyOf(drill.values())));
        }
        if (counting) {
            body.set("aggs", facetAggs(drill, q));
            // The aggregations visit every match anyway, so the exact total costs nothing more; the embedded index
            // is exact in the same case (its facet pass counts every match).
            body.put("track_total_hits", true);
        } else {
            body.put("track_total_hits", q.trackTotalHits());
        }
        page(body, q);
        timeLimit(body, q);
        JsonNode res = client.json("POST", "/" + index + "/_search?search_type=dfs_query_then_fetch", body);
        JsonNode total = res.path("hits").path("total");
        boolean partial = cutShort(res);
        return result(q, res, total.path("value").asLong(), "eq".equals(total.path("relation").asText()) && !partial,
                partial, counting ? facets(res, q) : null);
    }

    /**
     * The landing page (no query, no filter): the same counts over every notice for every visitor until the index
     * changes. They go in a request without hits, which the shard request cache keeps until the next refresh (it
     * caches no request with hits, and no DFS request); the page of hits is a plain request of its own.
     */
    private Result browseAll(Search q) {
        ObjectNode counts = mapper.createObjectNode();
        counts.putObject("query").putObject("match_all");
        counts.put("size", 0).put("track_total_hits", true);
        counts.set("aggs", facetAggs(Map.of(), q));
        timeLimit(counts, q);
        JsonNode counted = client.json("POST", "/" + index + "/_search?request_cache=true", counts);
        ObjectNode body = mapper.createObjectNode();
        body.putObject("query").putObject("match_all");
        body.put("track_total_hits", false);
        page(body, q);
        timeLimit(body, q);
        JsonNode res = client.json("POST", "/" + index + "/_search", body);
        boolean partial = cutShort(counted) || cutShort(res);
        return result(q, res, counted.path("hits").path("total").path("value").asLong(), !partial, partial,
                facets(counted, q));
    }

    /**
     * Whether a search answer is incomplete: it stopped at its time limit, or some shards did not answer (the client
     * retries such answers first; one still short after the retries is served as partial, never as a smaller total).
     */
    private static boolean cutShort(JsonNode res) {
        return res.path("timed_out").asBoolean(false) || res.path("_shards").path("failed").asInt(0) > 0;
    }

    private Result result(Search q, JsonNode res, long total, boolean exact, boolean partial, Map<String, DimCounts> facets) {
        List<Notice> notices = notices(res);
        JsonNode hits = res.path("hits").path("hits");
        JsonNode lastSort = hits.isArray() && !hits.isEmpty() && hits.get(hits.size() - 1).get("sort") instanceof ArrayNode a ? a : null;
        String last = lastSort == null ? null : OpenSearchCursor.encode(q.cursorKey(), lastSort);
        Rows rows = q.want() == Want.ROWS ? sink -> {
            for (Notice n : notices) {
                sink.row(ExportRow.of(n));
            }
        } : Rows.NONE;
        return new Result(total, exact, partial, q.want() == Want.ROWS ? List.of() : notices, rows, notices.size(),
                last, facets);
    }

    @Override
    public Optional<Notice> byId(String id) {
        String path = "/" + index + "/_doc/" + java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20") + "?_source_includes=" + NoticeFields.RECORD;
        try {
            JsonNode doc = client.json("GET", path, null);
            return doc.path("found").asBoolean() ? Optional.of(documents.toNotice(doc.path("_source"))) : Optional.empty();
        } catch (OpenSearchClient.OpenSearchException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public List<Notice> find(Query query, Order order, int limit, Want want) {
        ObjectNode body = mapper.createObjectNode();
        body.set("query", QueryTranslator.translate(query));
        body.put("size", limit);
        source(body, want);
        sort(body, order);
        return notices(client.json("POST", "/" + index + "/_search", body));
    }

    /**
     * {@code more_like_this} over the body words; the share of notices a word may occur in becomes a document count
     * (term statistics are per shard, so on several shards the list can differ a little from the embedded one).
     */
    @Override
    public List<Notice> like(String text, String excludeId, SearchLimits.Similarity p, int limit) {
        long docs = count();
        ObjectNode body = mapper.createObjectNode();
        ObjectNode bool = body.putObject("query").putObject("bool");
        ObjectNode mlt = bool.putArray("must").addObject().putObject("more_like_this");
        mlt.putArray("fields").add(NoticeFields.BODY_WORDS);
        mlt.putArray("like").add(text);
        mlt.put("min_term_freq", p.minTermFreq()).put("min_doc_freq", p.minDocFreq())
                .put("max_doc_freq", (int) Math.max(1, docs * p.maxDocFreqPct() / 100))
                .put("max_query_terms", p.maxQueryTerms()).put("min_word_length", p.minWordLen())
                .put("minimum_should_match", 1);
        bool.putArray("must_not").addObject().putObject("term").put(NoticeFields.ID, excludeId);
        body.put("size", limit);
        body.putArray("_source").add(NoticeFields.RECORD);
        return notices(client.json("POST", "/" + index + "/_search?search_type=dfs_query_then_fetch", body));
    }

    /** A terms aggregation over the whole index. */
    @Override
    public List<SearchPage.FacetValue> values(String field) {
        ObjectNode body = mapper.createObjectNode();
        body.put("size", 0);
        body.putObject("aggs").putObject("values").putObject("terms").put("field", field).put("size", SearchLimits.ALL_VALUES);
        JsonNode res = client.json("POST", "/" + index + "/_search", body);
        return buckets(res.path("aggregations").path("values"));
    }

    /**
     * Documents from {@code _count} and the cluster's health; generation and version are not meaningful for a cluster
     * and are -1. A cluster that cannot be read gives -1 documents and says why in its health, since {@code /health}
     * must answer exactly then.
     */
    @Override
    public SearchBackend.Stats stats() {
        SearchBackend.Cluster health = ClusterHealth.check(client, index);
        int documents = -1;
        if (health.error() == null) {
            try {
                documents = count();
            } catch (OpenSearchClient.OpenSearchException e) {
                health = new SearchBackend.Cluster(health.status(), health.nodes(), health.activeShardsPercent(), health.index(),
                        e.getMessage());
            }
        }
        return new SearchBackend.Stats(documents, -1, -1, health);
    }

    private int count() {
        return client.json("GET", "/" + index + "/_count", null).path("count").asInt();
    }

    /** The search's drill-down filters, one per facet dimension (several values: any of them). */
    private Map<String, ObjectNode> drillFilters(Search q) {
        Map<String, ObjectNode> out = new LinkedHashMap<>();
        q.drillDown().forEach((dim, values) -> {
            ObjectNode f = mapper.createObjectNode();
            if (values.size() == 1) {
                f.putObject("term").put(dim, values.get(0));
            } else {
                ArrayNode terms = f.putObject("terms").putArray(dim);
                values.forEach(terms::add);
            }
            out.put(dim, f);
        });
        return out;
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

    /**
     * One terms aggregation per facet dimension, each under every drill-down filter but its own (drill-sideways), and
     * beside it a filters aggregation counting each chosen value, which may be outside the top terms. One value beyond
     * the limit says whether the facet has more.
     */
    private ObjectNode facetAggs(Map<String, ObjectNode> drill, Search q) {
        int facetSize = q.facets() == FacetMode.ALL ? SearchLimits.ALL_VALUES : q.facetLimit() + 1;
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
            List<String> chosen = q.drillDown().getOrDefault(dim, List.of());
            if (!chosen.isEmpty()) {
                ObjectNode filters = sub.putObject("chosen").putObject("filters").putObject("filters");
                for (String c : chosen) {
                    filters.putObject(c).putObject("term").put(dim, c);
                }
            }
        }
        return aggs;
    }

    /** Each dimension's buckets (the top ones, and whether there were more than the limit) and chosen counts. */
    private static Map<String, DimCounts> facets(JsonNode res, Search q) {
        Map<String, DimCounts> out = new LinkedHashMap<>();
        for (String dim : NoticeFields.FACET_DIMS) {
            JsonNode agg = res.path("aggregations").path(dim);
            List<SearchPage.FacetValue> all = buckets(agg.path("values"));
            boolean top = q.facets() == FacetMode.TOP;
            Map<String, Long> chosen = new LinkedHashMap<>();
            agg.path("chosen").path("buckets").properties().forEach(e -> chosen.put(e.getKey(), e.getValue().path("doc_count").asLong()));
            out.put(dim, new DimCounts(top ? all.subList(0, Math.min(all.size(), q.facetLimit())) : all,
                    top && all.size() > q.facetLimit(), chosen));
        }
        return out;
    }

    /**
     * The time left until the search's deadline ({@code search.timeLimitMs} after it began): each shard stops
     * collecting at it and the answer says {@code timed_out}, which becomes the result's {@code partial} flag.
     */
    private static void timeLimit(ObjectNode body, Search q) {
        if (q.deadlineNanos() != NO_DEADLINE) {
            body.put("timeout", Math.max(1, (q.deadlineNanos() - System.nanoTime()) / 1_000_000) + "ms");
        }
    }

    /** The requested page, in the requested order, with only the stored record of each hit. */
    private static void page(ObjectNode body, Search q) {
        if (q.after() != null) {
            body.put("from", 0).put("size", q.size());
            body.set("search_after", OpenSearchCursor.searchAfter(q.after(), q.cursorKey()));
        } else {
            body.put("from", q.offset()).put("size", q.size());
        }
        source(body, q.want());
        sort(body, q.order());
    }

    /** The record of each hit, or only its summary's properties. */
    private static void source(ObjectNode body, Want want) {
        ArrayNode source = body.putArray("_source");
        if (want == Want.SUMMARIES) {
            Notice.SUMMARY_PROPERTIES.forEach(p -> source.add(NoticeFields.RECORD + "." + p));
        } else {
            source.add(NoticeFields.RECORD);
        }
    }

    /**
     * The order, ended by {@code _doc} (index order within a shard, as the embedded index breaks ties by doc id, so a
     * page holds the same notices on both) and then the id, so that every hit has a place of its own across shards:
     * {@code search_after} needs a total order. A series search: the score (members 2, the rest 1), the number's
     * order and the date, newest first.
     */
    private static void sort(ObjectNode body, Order order) {
        ArrayNode s = body.putArray("sort");
        if (order == Order.SERIES) {
            s.add("_score");
            s.addObject().putObject(NoticeFields.DOCNUM_ORDER).put("order", "desc").put("missing", "_last");
            s.addObject().putObject(NoticeFields.SORT_DATE).put("order", "desc").put("missing", "_last");
        } else {
            if (order != Order.RELEVANCE) {
                s.addObject().putObject(NoticeFields.SORT_DATE).put("order", order == Order.NEWEST ? "desc" : "asc")
                        .put("missing", "_last");
            }
            s.add("_score");
        }
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

    static List<SearchPage.FacetValue> buckets(JsonNode terms) {
        List<SearchPage.FacetValue> out = new ArrayList<>();
        for (JsonNode b : terms.path("buckets")) {
            out.add(new SearchPage.FacetValue(b.path("key").asText(), b.path("doc_count").asLong()));
        }
        return out;
    }
}
