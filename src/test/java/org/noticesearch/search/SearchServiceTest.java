package org.noticesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.noticesearch.analysis.Analysis;
import org.noticesearch.index.NoticeFields;
import org.noticesearch.ingest.Notice;

/**
 * The search flow on its own, over a scripted {@link Engine} that answers each search with the next prepared result
 * and records what it was asked: the fallback, the facet lists and what the service hands the engine.
 */
class SearchServiceTest {
    private static Analysis analysis;

    @BeforeAll
    static void open() {
        analysis = new Analysis(SearchTestSupport.CONFIG);
    }

    @AfterAll
    static void close() {
        analysis.close();
    }

    /** An engine that knows no term and answers searches from a queue. */
    private static final class Scripted implements Engine, Engine.View {
        final Deque<Result> answers = new ArrayDeque<>();
        final List<Search> asked = new ArrayList<>();

        @Override
        public View open() {
            return this;
        }

        @Override
        public boolean versioned() {
            return false;
        }

        @Override
        public Result search(Search search) {
            asked.add(search);
            return answers.removeFirst();
        }

        @Override
        public boolean exists(String field, String term) {
            return false;
        }

        @Override
        public Optional<Notice> byId(String id) {
            return Optional.empty();
        }

        @Override
        public List<Notice> find(Query query, Order order, int limit, Want want) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Notice> like(String text, String excludeId, SearchLimits.Similarity params, int limit) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<SearchPage.FacetValue> values(String field) {
            return List.of();
        }

        @Override
        public Object state() {
            return "one";
        }

        @Override
        public SearchBackend.Stats stats() {
            return new SearchBackend.Stats(0, -1, -1, null);
        }

        @Override
        public void close() {
        }
    }

    private static Engine.Result result(long total, boolean partial, Map<String, Engine.DimCounts> facets) {
        return new Engine.Result(total, true, partial, List.of(), Engine.Rows.NONE, 0, null, facets);
    }

    private static SearchPage.FacetValue v(String value, long count) {
        return new SearchPage.FacetValue(value, count);
    }

    @Test
    void theRelaxedQueryRunsOnlyWhenTheExactOneCompletedWithNothing() {
        Scripted engine = new Scripted();
        SearchService service = new SearchService(engine, analysis, SearchTestSupport.CONFIG);
        engine.answers.add(result(0, false, null));
        engine.answers.add(result(2, false, null));
        SearchPage page = service.search(SearchRequest.of("巾帼建功"));
        assertTrue(page.relaxed());
        assertEquals(2, page.total());
        assertEquals(2, engine.asked.size());
        assertNotEquals(engine.asked.get(0).query(), engine.asked.get(1).query());

        // Cut short by the time limit, an empty exact search is not taken for "no match": no relaxed retry.
        Scripted cut = new Scripted();
        cut.answers.add(result(0, true, null));
        SearchPage partial = new SearchService(cut, analysis, SearchTestSupport.CONFIG).search(SearchRequest.of("巾帼建功"));
        assertFalse(partial.relaxed());
        assertTrue(partial.partial());
        assertFalse(partial.totalIsExact());
        assertEquals(1, cut.asked.size());
    }

    @Test
    void facetsListTheTopValuesThenTheChosenOnesAndYearsNewestFirst() {
        Scripted engine = new Scripted();
        SearchService service = new SearchService(engine, analysis, SearchTestSupport.CONFIG);
        engine.answers.add(result(7, false, Map.of(
                NoticeFields.ISSUER, new Engine.DimCounts(List.of(v("甲", 5)), true, Map.of("全国妇女联合会", 2L)),
                NoticeFields.YEAR, new Engine.DimCounts(List.of(v("2019", 1), v("2021", 4), v("2020", 2)), false, Map.of()))));
        // An alias is chosen: the engine gets the canonical issuer, and the facet lists it as chosen.
        SearchPage page = service.search(SearchRequest.of("").withIssuers(List.of("全国妇联")));
        assertEquals(List.of(new SearchPage.FacetValue("甲", 5, false), new SearchPage.FacetValue("全国妇女联合会", 2, true)),
                page.facets().get(NoticeFields.ISSUER));
        assertEquals(List.of("2021", "2020", "2019"), page.facets().get(NoticeFields.YEAR).stream().map(SearchPage.FacetValue::value).toList());
        assertEquals(true, page.facetMore().get(NoticeFields.ISSUER));
        assertEquals(List.of(), page.facets().get(NoticeFields.TYPE));
        assertEquals(Map.of(NoticeFields.ISSUER, List.of("全国妇女联合会")), engine.asked.get(0).drillDown());
    }

    @Test
    void theEngineIsHandedOneTranslatableSearch() {
        Scripted engine = new Scripted();
        SearchService service = new SearchService(engine, analysis, SearchTestSupport.CONFIG);
        engine.answers.add(result(0, false, null));
        service.search(SearchRequest.of("").withPage(3, 10).withFilters(null, null, null, DateBound.parse("from", "2020", false), null));
        Engine.Search s = engine.asked.get(0);
        assertEquals(20, s.offset());
        assertEquals(10, s.size());
        assertEquals(Engine.Order.NEWEST, s.order(), "no query: the landing page lists the newest first");
        assertNotNull(s.filter());
        assertNull(s.after());
        assertEquals(Engine.FacetMode.TOP, s.facets());
        assertEquals(SearchLimits.FACET_LIMIT, s.facetLimit());
        assertEquals(1, engine.asked.size(), "an empty query has no text to relax");
    }
}
