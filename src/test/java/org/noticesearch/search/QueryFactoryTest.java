package org.noticesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.noticesearch.analysis.Analysis;
import org.noticesearch.index.NoticeFields;

/**
 * The query language on its own, without an index: {@link QueryFactory} with a fake {@link TermLookup} that knows one
 * agency code (渝妇办, 渝妇发) and one series (渝妇发〔2020〕), and records what it was asked.
 */
class QueryFactoryTest {
    private static Analysis analysis;
    private static QueryFactory queries;
    private final List<String> asked = new ArrayList<>();
    private final Map<String, Set<String>> terms = Map.of(
            NoticeFields.DOCNUM_AGENCY, Set.of("渝妇办", "渝妇发"),
            NoticeFields.DOCNUM_PREFIX, Set.of("渝妇发〔2020〕"),
            NoticeFields.CITED_PREFIX, Set.of());
    private final TermLookup known = (field, term) -> {
        asked.add(field + ":" + term);
        return terms.getOrDefault(field, Set.of()).contains(term);
    };

    @BeforeAll
    static void open() {
        analysis = new Analysis(SearchTestSupport.CONFIG);
        queries = new QueryFactory(analysis, SearchTestSupport.CONFIG.settings(), SearchTestSupport.CONFIG.issuers());
    }

    @AfterAll
    static void close() {
        analysis.close();
    }

    /** Every field:text term a query looks for (boosts, phrases and clauses unwrapped). */
    private static Set<String> termsOf(Query q) {
        Set<String> out = new LinkedHashSet<>();
        q.visit(new QueryVisitor() {
            @Override
            public void consumeTerms(Query query, Term... ts) {
                for (Term t : ts) {
                    out.add(t.field() + ":" + t.text());
                }
            }

            @Override
            public QueryVisitor getSubVisitor(org.apache.lucene.search.BooleanClause.Occur occur, Query parent) {
                return this;
            }
        });
        return out;
    }

    @Test
    void aKnownSeriesIsANumberSearchAndAnUnknownOneStaysText() {
        QueryFactory.Built series = queries.exact(UserQuery.parse("渝妇发 2020", Scope.ALL), known);
        // The series in each shape a number of it may be indexed in: 渝妇发〔2020〕 and 渝妇发2020年.
        assertEquals(Set.of("docnum_prefix:渝妇发〔2020〕", "cited_prefix:渝妇发〔2020〕", "docnum_prefix:渝妇发2020年",
                "cited_prefix:渝妇发2020年"), termsOf(series.query()));
        assertFalse(series.hasTextTerms());
        assertTrue(asked.contains(NoticeFields.DOCNUM_PREFIX + ":渝妇发〔2020〕"), asked.toString());

        QueryFactory.Built text = queries.exact(UserQuery.parse("渝妇发 2020", Scope.ALL), TermLookup.NONE);
        assertTrue(termsOf(text.query()).stream().noneMatch(t -> t.startsWith("docnum")), termsOf(text.query()).toString());
        assertTrue(termsOf(text.query()).contains("body_grams:渝妇"), termsOf(text.query()).toString());
        assertTrue(text.hasTextTerms());
    }

    @Test
    void anAgencyCodeTheIndexHoldsAlsoListsTheNoticesNumberedWithIt() {
        assertTrue(termsOf(queries.exact(UserQuery.parse("渝妇办", Scope.ALL), known).query()).contains("docnum_agency:渝妇办"));
        assertFalse(termsOf(queries.exact(UserQuery.parse("巾帼", Scope.ALL), known).query()).contains("docnum_agency:巾帼"));
        // Quoted, it is text alone: the lookup is not asked.
        asked.clear();
        assertFalse(termsOf(queries.exact(UserQuery.parse("\"渝妇办\"", Scope.ALL), known).query()).contains("docnum_agency:渝妇办"));
        assertEquals(List.of(), asked);
    }

    @Test
    void theDocNumberFilterTakesAKnownAgencyCodeAndRefusesAWord() {
        assertEquals(new TermQuery(new Term(NoticeFields.DOCNUM_AGENCY, "渝妇办")), QueryFactory.docNumberFilter("渝妇办", known));
        BadRequestException e = assertThrows(BadRequestException.class, () -> QueryFactory.docNumberFilter("巾帼", known));
        assertEquals("docNumber", e.parameter());
        BadRequestException q = assertThrows(BadRequestException.class,
                () -> queries.exact(UserQuery.parse("巾帼", Scope.DOC_NUMBER), known));
        assertEquals("q", q.parameter());
        assertTrue(q.getMessage().startsWith("搜索词（q）：按文号搜索（scope=docNumber）时，“巾帼”不是发文字号"), q.getMessage());
    }

    @Test
    void aSeriesSearchIsOneWhoseWholeQueryIsAKnownAgencyOrSeries() {
        assertEquals(new TermQuery(new Term(NoticeFields.DOCNUM_AGENCY, "渝妇办")),
                QueryFactory.seriesMembers(SearchRequest.of("渝妇办"), known));
        // Only the shapes the index holds.
        assertEquals(Set.of("docnum_prefix:渝妇发〔2020〕"),
                termsOf(QueryFactory.seriesMembers(SearchRequest.of("渝妇发〔2020〕"), known)));
        assertNull(QueryFactory.seriesMembers(SearchRequest.of("渝妇办"), TermLookup.NONE));
        assertNull(QueryFactory.seriesMembers(SearchRequest.of("渝妇发〔2020〕3号"), known), "a whole number is not a series");
        assertNull(QueryFactory.seriesMembers(SearchRequest.of("巾帼 渝妇办"), known), "a text search is not a series");
    }

    @Test
    void emptyAndPunctuationOnlyQueries() {
        QueryFactory.Built all = queries.exact(UserQuery.parse("  ", Scope.ALL), known);
        assertEquals(MatchAllDocsQuery.INSTANCE, all.query());
        assertFalse(all.hasTextTerms());
        assertTrue(queries.exact(UserQuery.parse("《》，", Scope.ALL), known).query() instanceof MatchNoDocsQuery);
    }

    @Test
    void theWholeWordBoostAsksNoPositionsOfTheWordFields() {
        // 巾帼建功: two smartcn words, so the boost needs both (no phrase: the word fields have no positions).
        Query q = queries.exact(UserQuery.parse("巾帼建功", Scope.ALL), known).query();
        Set<String> wordQueries = new java.util.TreeSet<>();
        q.visit(new QueryVisitor() {
            @Override
            public QueryVisitor getSubVisitor(org.apache.lucene.search.BooleanClause.Occur occur, Query parent) {
                return this;
            }

            @Override
            public void consumeTerms(Query query, Term... ts) {
                if (ts[0].field().endsWith("_words")) {
                    wordQueries.add(query.getClass().getSimpleName() + " " + ts[0].field() + ":" + ts[0].text());
                }
            }
        });
        assertEquals(new java.util.TreeSet<>(List.of("TermQuery body_words:巾帼", "TermQuery body_words:建功",
                "TermQuery title_words:巾帼", "TermQuery title_words:建功")), wordQueries);
    }

    @Test
    void theRelaxedQueryNeedsEveryWordAndKeepsIssuersAsFilters() {
        UserQuery uq = UserQuery.parse("巾帼建功 issuer:全国妇联", Scope.ALL);
        QueryFactory.Built relaxed = queries.relaxed(uq);
        Set<String> t = termsOf(relaxed.query());
        assertTrue(t.contains("body_words:巾帼") && t.contains("title_words:建功"), t.toString());
        assertTrue(t.stream().anyMatch(s -> s.endsWith("全国妇女联合会")), t.toString());
        assertEquals(List.of("巾帼", "建功"), relaxed.needles());
        assertNull(queries.relaxed(UserQuery.parse("渝妇办", Scope.DOC_NUMBER)));
    }

    @Test
    void theQueryIsParsedOnceIntoOneValue() {
        UserQuery uq = UserQuery.parse(" 巾帼 title:脱贫 ", Scope.TITLE);
        assertEquals("巾帼 title:脱贫", uq.text());
        // scope=title binds every unbound term to the title.
        assertTrue(uq.terms().positiveTerms().stream().allMatch(term -> term.field() == QuerySyntax.Field.TITLE));
        Set<String> t = termsOf(queries.exact(uq, known).query());
        assertTrue(t.stream().noneMatch(s -> s.startsWith("body_")), t.toString());
    }
}
