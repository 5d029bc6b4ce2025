package org.noticesearch.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FuzzyQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.noticesearch.analysis.Analysis;
import org.noticesearch.config.IndexConfig;
import org.noticesearch.index.NoticeFields;
import org.noticesearch.search.DateBound;
import org.noticesearch.search.Scope;
import org.noticesearch.search.UserQuery;
import org.noticesearch.search.QueryFactory;

/** The Lucene queries of QueryFactory become equivalent OpenSearch DSL, positions and boosts included. */
class QueryTranslatorTest {
    static Analysis analysis;
    static QueryFactory queries;

    @BeforeAll
    static void setUp() {
        IndexConfig cfg = IndexConfig.load(Path.of("index-config"));
        analysis = new Analysis(cfg);
        queries = new QueryFactory(analysis, cfg.settings(), null);
    }

    @AfterAll
    static void tearDown() {
        analysis.close();
    }

    @Test
    void gramPhraseKeepsItsPositionsWithGapMarkers() {
        // 巾帼脱贫行动: bigrams at 0, 2 and the last (4); positions 1 and 3 are skipped.
        JsonNode q = QueryTranslator.translate(QueryFactory.gramQuery(NoticeFields.BODY_GRAMS, "巾帼脱贫行动"));
        JsonNode phrase = q.path("match_phrase").path(NoticeFields.BODY_GRAMS);
        assertEquals("巾帼 _ 脱贫 _ 行动", phrase.path("query").asText());
        assertEquals(OpenSearchIndexDefinition.PRETOKENIZED, phrase.path("analyzer").asText());
        assertEquals(0, phrase.path("slop").asInt());
        // Odd length: the last bigram overlaps the previous one.
        assertEquals("妇联 联合", QueryTranslator.translate(QueryFactory.gramQuery(NoticeFields.BODY_GRAMS, "妇联合"))
                .path("match_phrase").path(NoticeFields.BODY_GRAMS).path("query").asText());
    }

    @Test
    void aTermSetIsATermsQueryWithEveryValue() {
        JsonNode q = QueryTranslator.translate(new org.apache.lucene.search.TermInSetQuery(NoticeFields.CITED_DOCNUM,
                java.util.List.of(new org.apache.lucene.util.BytesRef("鲁妇通字〔2020〕6号"), new org.apache.lucene.util.BytesRef("国发〔2021〕16号"))));
        assertEquals("{\"terms\":{\"cited_docnum\":[\"国发〔2021〕16号\",\"鲁妇通字〔2020〕6号\"]}}", q.toString());
    }

    @Test
    void oneCharacterIsAPrefixQuery() {
        JsonNode q = QueryTranslator.translate(QueryFactory.gramQuery(NoticeFields.TITLE_GRAMS, "妇"));
        assertEquals("妇", q.path("prefix").path(NoticeFields.TITLE_GRAMS).path("value").asText());
    }

    @Test
    void textQueryHasTitleBoostWordBoostsAndShouldSemantics() throws Exception {
        JsonNode q = QueryTranslator.translate(queries.exact(UserQuery.parse("巾帼脱贫行动", Scope.ALL), null).query());
        String json = q.toString();
        assertTrue(json.contains("\"title_grams\""), json);
        assertTrue(json.contains("\"boost\":4.0"), json);
        assertTrue(json.contains("\"body_words\""), json);
        // A SHOULD-only bool needs one clause, as in Lucene.
        assertTrue(json.contains("\"minimum_should_match\":1"), json);
    }

    @Test
    void exclusionAndEmptyQuery() throws Exception {
        JsonNode q = QueryTranslator.translate(queries.exact(UserQuery.parse("疫情防控 -平顶山", Scope.ALL), null).query());
        assertEquals(1, q.path("bool").path("must_not").size(), q.toString());
        assertTrue(QueryTranslator.translate(queries.exact(UserQuery.parse("", Scope.ALL), null).query()).has("match_all"));
    }

    @Test
    void documentNumberIsConstantScoreTermsWithBoosts() throws Exception {
        JsonNode q = QueryTranslator.translate(queries.exact(UserQuery.parse("鲁妇通字[2020]6号", Scope.ALL), null).query());
        JsonNode should = q.path("bool").path("should");
        assertEquals("鲁妇通字〔2020〕6号", should.path(0).path("constant_score").path("filter").path("term")
                .path(NoticeFields.DOCNUM).path("value").asText(), q.toString());
        assertEquals(1000.0, should.path(0).path("constant_score").path("boost").asDouble());
        assertEquals(NoticeFields.CITED_DOCNUM, should.path(1).path("constant_score").path("filter").path("term").fieldNames().next());
    }

    @Test
    void dateFilterBecomesIntegerRanges() {
        JsonNode q = QueryTranslator.translate(QueryFactory.dateFilter(DateBound.parse("from", "2020", false), DateBound.parse("to", "2020", true)));
        JsonNode should = q.path("bool").path("should");
        assertEquals(20200101, should.path(0).path("range").path(NoticeFields.DATE).path("gte").asInt());
        assertEquals(20201231, should.path(0).path("range").path(NoticeFields.DATE).path("lte").asInt());
        assertEquals(2020, should.path(1).path("range").path(NoticeFields.UNDATED_YEAR).path("gte").asInt());
    }

    @Test
    void partialNumbersAskTheKnownSeries() throws Exception {
        Map<String, List<String>> terms = Map.of(NoticeFields.DOCNUM_AGENCY, List.of("渝妇发"),
                NoticeFields.DOCNUM_PREFIX, List.of("渝妇发〔2020〕"), NoticeFields.CITED_PREFIX, List.of());
        org.noticesearch.search.TermLookup known = (field, term) -> terms.getOrDefault(field, List.of()).contains(term);
        String json = QueryTranslator.translate(queries.exact(UserQuery.parse("渝妇发 2020", Scope.ALL), known).query()).toString();
        assertTrue(json.contains("渝妇发〔2020〕"), json);
        String text = QueryTranslator.translate(queries.exact(UserQuery.parse("脱贫2020", Scope.ALL), known).query()).toString();
        assertTrue(text.contains("body_grams"), text);
    }

    @Test
    void titleScopeAndFieldSyntaxStayInTheTitleFields() throws Exception {
        for (JsonNode q : List.of(QueryTranslator.translate(queries.exact(UserQuery.parse("巾帼脱贫", Scope.TITLE), null).query()),
                QueryTranslator.translate(queries.exact(UserQuery.parse("title:巾帼脱贫", Scope.ALL), null).query()))) {
            String json = q.toString();
            assertTrue(json.contains("\"title_grams\"") && json.contains("\"title_words\""), json);
            assertTrue(!json.contains("body_grams") && !json.contains("body_words"), json);
        }
    }

    @Test
    void issuerFieldSyntaxIsATermOnTheIssuerKeyword() throws Exception {
        IndexConfig cfg = IndexConfig.load(Path.of("index-config"));
        QueryFactory withIssuers = new QueryFactory(analysis, cfg.settings(), cfg.issuers());
        JsonNode q = QueryTranslator.translate(withIssuers.exact(UserQuery.parse("issuer:全国妇联", Scope.ALL), null).query());
        assertEquals("全国妇女联合会", q.path("bool").path("must").path(0).path("constant_score").path("filter").path("term").path(NoticeFields.ISSUER)
                .path("value").asText(), q.toString());
        JsonNode excluded = QueryTranslator.translate(withIssuers.exact(UserQuery.parse("巾帼 -发文机关：全国妇联", Scope.ALL), null).query());
        assertEquals("全国妇女联合会", excluded.path("bool").path("must_not").path(0).path("constant_score").path("filter")
                .path("term").path(NoticeFields.ISSUER).path("value").asText(), excluded.toString());
    }

    @Test
    void docNumberScopeIsTheNumberAloneWithoutCitations() throws Exception {
        String json = QueryTranslator.translate(queries.exact(UserQuery.parse("鲁妇通字[2020]6号", Scope.DOC_NUMBER), null)
                .query()).toString();
        assertTrue(json.contains("\"docnum\":{\"value\":\"鲁妇通字〔2020〕6号\"}"), json);
        assertTrue(!json.contains(NoticeFields.CITED_DOCNUM), json);
    }

    @Test
    void unknownQueryTypesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> QueryTranslator.translate(new FuzzyQuery(new Term("f", "x"))));
    }

    @Test
    void aSeriesSearchScoresMembersTwoAndTheRestOne() {
        // The series order sorts on this score first, so members come before the rest on both engines.
        org.apache.lucene.search.Query members = new org.apache.lucene.search.TermQuery(new Term(NoticeFields.DOCNUM_AGENCY, "渝妇办"));
        JsonNode q = QueryTranslator.translate(QueryFactory.membersFirst(QueryFactory.gramQuery(NoticeFields.BODY_GRAMS, "渝妇办"), members));
        JsonNode bool = q.path("bool");
        assertEquals("渝妇 妇办", bool.path("must").get(0).path("constant_score").path("filter").path("match_phrase")
                .path(NoticeFields.BODY_GRAMS).path("query").asText());
        assertEquals("渝妇办", bool.path("should").get(0).path("constant_score").path("filter").path("term")
                .path(NoticeFields.DOCNUM_AGENCY).path("value").asText());
        assertTrue(bool.path("minimum_should_match").isMissingNode(), bool.toString());
    }
}
