package org.noticesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.noticesearch.search.SearchTestSupport.*;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.noticesearch.NoticeService;
import org.noticesearch.config.IndexConfig;

/**
 * Facets beyond search.totalHitsThreshold matches are counted on a sample and marked approximate, each dimension
 * over its own matches when a facet is chosen (drill-sideways); below it and in a trend they stay exact. A threshold of 10 stands in for 10,000: 40 notices of two issuers
 * (30 and 10) mention 春蕾助学, 5 (3 and 2) mention 孤本字帖, 8 (all one issuer) mention 中段词组.
 */
class SampledFacetsTest {
    /** The issuers as the notices sign (the facet lists their canonical names, A and B). */
    private static final String SIGNED_A = "全国妇联";
    private static final String SIGNED_B = "河北省妇联";
    private static final String A = "全国妇女联合会";
    private static final String B = "河北省妇女联合会";

    @TempDir
    static Path tmp;

    private static NoticeService service;

    @BeforeAll
    static void open() throws IOException {
        IndexConfig cfg = SearchTestSupport.configWith(tmp.resolve("config"), "search.totalHitsThreshold=10000", "search.totalHitsThreshold=10");
        assertEquals(10, cfg.settings().totalHitsThreshold());
        Path corpus = tmp.resolve("corpus");
        for (int i = 0; i < 40; i++) {
            // Every fourth notice is B's: whatever the sample, the counts are scaled to multiples of 4.
            write(corpus.resolve(String.format("many%02d.txt", i)), notice(i % 4 == 3 ? SIGNED_B : SIGNED_A, null,
                    "关于春蕾助学第" + (i + 1) + "期的通知", "2020年3月" + (i % 28 + 1) + "日", "继续做好春蕾助学工作。"));
        }
        for (int i = 0; i < 5; i++) {
            write(corpus.resolve("few" + i + ".txt"), notice(i < 3 ? SIGNED_A : SIGNED_B, null, "关于孤本字帖第" + (i + 1) + "册的通知",
                    "2019年5月" + (i + 1) + "日", "整理孤本字帖。"));
        }
        for (int i = 0; i < 8; i++) {
            write(corpus.resolve("mid" + i + ".txt"), notice(SIGNED_B, null, "关于中段词组第" + (i + 1) + "号的通知",
                    "2018年6月" + (i + 1) + "日", "中段词组的说明。"));
        }
        service = SearchTestSupport.start(cfg, corpus, tmp.resolve("index"));
    }

    @AfterAll
    static void stop() throws IOException {
        service.close();
    }

    private static Map<String, Long> counts(SearchPage p, String dim) {
        Map<String, Long> out = new LinkedHashMap<>();
        p.facets().get(dim).forEach(v -> out.put(v.value(), v.count()));
        return out;
    }

    @Test
    void beyondTheThresholdCountsAreSampledScaledAndMarked() {
        SearchPage p = service.service().search(SearchRequest.of("春蕾助学"));
        assertEquals(40, p.total());
        assertTrue(p.totalIsExact(), "the total stays exact");
        assertTrue(p.facetsApproximate());
        assertEquals(Map.of("issuer", true, "province", true, "year", true, "type", true, "campaign", true), p.facetApproximate());
        Map<String, Long> issuers = counts(p, "issuer");
        // One match in 4 is counted (10 of 40), each count multiplied by 40 / 10.
        assertEquals(40, issuers.values().stream().mapToLong(Long::longValue).sum());
        issuers.values().forEach(c -> assertEquals(0, c % 4, "scaled from a sample of one in 4: " + issuers));
        assertEquals(Map.of("2020", 40L), counts(p, "year"), "a value every match has is counted as the total");
        // Deterministic: the same search on the same index shows the same counts.
        assertEquals(issuers, counts(service.service().search(SearchRequest.of("春蕾助学")), "issuer"));
    }

    @Test
    void belowTheThresholdCountsAreExact() {
        SearchPage few = service.service().search(SearchRequest.of("孤本字帖"));
        assertEquals(5, few.total());
        assertFalse(few.facetsApproximate());
        assertEquals(Map.of(A, 3L, B, 2L), counts(few, "issuer"));
        // More matches than the page holds, fewer than the threshold: the counting pass, exact.
        SearchPage mid = service.service().search(SearchRequest.of("中段词组").withPage(1, 3));
        assertEquals(8, mid.total());
        assertEquals(3, mid.hits().size());
        assertFalse(mid.facetsApproximate());
        assertEquals(Map.of(B, 8L), counts(mid, "issuer"));
        assertEquals(Map.of("2018", 8L), counts(mid, "year"));
    }

    @Test
    void withAFacetChosenEachDimensionIsCountedOverItsOwnMatchesAndSampledBeyondTheThreshold() {
        SearchPage chosen = service.service().search(SearchRequest.of("春蕾助学").withIssuers(List.of(A)));
        assertEquals(30, chosen.total());
        assertTrue(chosen.totalIsExact(), "the total stays exact");
        assertTrue(chosen.facetsApproximate());
        // The issuer facet (the chosen dimension) is counted over the 40 matches of the word without the issuer
        // filter, sampled one in 4 and scaled, as the search without a facet chosen shows it; the chosen value's own
        // count is that of its hits.
        Map<String, Long> issuers = counts(chosen, "issuer");
        assertEquals(30L, issuers.get(A), issuers.toString());
        Map<String, Long> unfiltered = counts(service.service().search(SearchRequest.of("春蕾助学")), "issuer");
        issuers.forEach((issuer, n) -> {
            if (!issuer.equals(A)) {
                assertEquals(unfiltered.get(issuer), n, issuer);
            }
        });
        // The other dimensions over the 30 filtered matches, sampled one in 3.
        assertEquals(Map.of("2020", 30L), counts(chosen, "year"));
        assertEquals(Map.of("issuer", true, "province", true, "year", true, "type", true, "campaign", true), chosen.facetApproximate());
        // B has 10 of the 40, no more than the threshold: the other dimensions are counted exactly over them, while the
        // issuer facet is still counted over the 40 without its filter, on the sample. Each facet says which it is.
        SearchPage b = service.service().search(SearchRequest.of("春蕾助学").withIssuers(List.of(B)));
        assertEquals(10, b.total());
        assertTrue(b.facetsApproximate());
        assertEquals(Map.of("issuer", true, "province", false, "year", false, "type", false, "campaign", false), b.facetApproximate());
        // B's count is its 10 hits, whatever the sample holds of them: a count scaled from the sample of one in 4 is a
        // multiple of 4 (0 when the sample misses B), and 10 is not. A's is the sample's, as the unfiltered search shows it.
        Map<String, Long> bIssuers = counts(b, "issuer");
        assertEquals(10L, bIssuers.get(B), bIssuers.toString());
        assertEquals(unfiltered.get(A), bIssuers.get(A), bIssuers.toString());
        assertEquals(Map.of("2020", 10L), counts(b, "year"));
    }

    @Test
    void withAFacetChosenBelowTheThresholdCountsAreExact() {
        SearchPage chosen = service.service().search(SearchRequest.of("孤本字帖").withIssuers(List.of(A)));
        assertEquals(3, chosen.total());
        assertFalse(chosen.facetsApproximate());
        assertEquals(Map.of(A, 3L, B, 2L), counts(chosen, "issuer"), "drill-sideways: the other issuer's 2 are shown");
        assertEquals(Map.of("2019", 3L), counts(chosen, "year"), "the other dimensions: the 3 filtered matches");
        assertFalse(chosen.facetApproximate().containsValue(true), chosen.facetApproximate().toString());
        // Two dimensions chosen: each is counted with the other's filter applied, not its own.
        SearchPage both = service.service().search(SearchRequest.of("孤本字帖").withIssuers(List.of(B))
                .withFilters(null, "通知", null, null, null));
        assertEquals(2, both.total());
        assertFalse(both.facetsApproximate());
        assertEquals(Map.of(A, 3L, B, 2L), counts(both, "issuer"), "over the matches of type 通知");
        assertEquals(Map.of("通知", 2L), counts(both, "type"), "over the matches of issuer B");
        assertEquals(Map.of("2019", 2L), counts(both, "year"));
    }

    @Test
    void aTrendStaysExact() {
        Trend trend = service.service().trend(SearchRequest.of("春蕾助学"));
        Map<String, Long> byIssuer = new LinkedHashMap<>();
        trend.issuers().forEach(v -> byIssuer.put(v.value(), v.count()));
        assertEquals(Map.of(A, 30L, B, 10L), byIssuer);
    }
}
