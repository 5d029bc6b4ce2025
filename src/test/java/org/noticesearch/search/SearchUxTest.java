package org.noticesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.noticesearch.search.SearchTestSupport.*;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.noticesearch.NoticeService;
import org.noticesearch.config.Settings;
import org.noticesearch.index.NoticeFields;
import org.noticesearch.ingest.Notice;

/** Issue 14: facets beyond their top values, Chinese error messages, the common date forms, and result order. */
class SearchUxTest {
    @TempDir
    static Path tmp;
    static NoticeService service;
    static List<Notice> notices;
    static final Settings SETTINGS = CONFIG.settings();

    @BeforeAll
    static void index() {
        Path corpus = tmp.resolve("corpus");
        copyTxt(CORPUS, corpus);
        copyTxt(FIXTURES, corpus);
        copyTxt(SEARCH_FIXTURES, corpus);
        // A series whose file order, and whose dates, differ from its numbers' order; and a notice citing it.
        series(corpus, "qs1", "琼妇办〔2019〕3号", "关于开展三八节慰问活动的通知", "2019年11月1日");
        series(corpus, "qs2", "琼妇发〔2022〕1号", "关于转发春节走访工作通知的通知", "2022年1月6日",
                "根据《海南省妇女联合会办公室关于做好春节走访工作的通知》（琼妇办〔2021〕2号）要求，");
        series(corpus, "qs3", "琼妇办〔2019〕10号", "关于开展家庭教育讲座的通知", "2019年3月1日");
        series(corpus, "qs4", "琼妇办〔2021〕2号", "关于做好春节走访工作的通知", "2021年1月5日");
        series(corpus, "qs5", "琼妇办〔2021〕12号", "关于开展巾帼建功活动的通知", "2021年2月1日");
        service = start(corpus, tmp.resolve("index"));
        notices = parseAll(corpus);
    }

    private static void series(Path corpus, String file, String number, String title, String date) {
        series(corpus, file, number, title, date, "");
    }

    private static void series(Path corpus, String file, String number, String title, String date, String cites) {
        write(corpus.resolve(file + ".txt"), """
                海南省妇女联合会办公室文件

                %s

                海南省妇女联合会办公室%s

                各市县妇联：

                    %s现将有关事项通知如下，请按照琼妇办有关文件要求认真落实。

                海南省妇女联合会办公室
                %s
                """.formatted(number, title, cites, date));
    }

    @AfterAll
    static void close() throws IOException {
        service.close();
    }

    static SearchPage search(SearchRequest r) {
        return service.service().search(r);
    }

    static List<String> docNumbers(SearchPage p) {
        return p.hits().stream().map(h -> h.docNumber() == null ? "-" : h.docNumber()).toList();
    }

    // ---- facets ----

    @Test
    void facetLimitListsTheTopValuesAndSaysWhetherThereAreMore() {
        Map<String, Long> byIssuer = notices.stream().filter(n -> n.issuer() != null)
                .collect(Collectors.groupingBy(Notice::issuer, Collectors.counting()));
        List<Long> topCounts = byIssuer.values().stream().sorted(Comparator.reverseOrder()).limit(2).toList();
        SearchPage two = search(SearchRequest.of("").withFacetLimit(2));
        List<SearchPage.FacetValue> listed = two.facets().get(NoticeFields.ISSUER);
        assertEquals(topCounts, listed.stream().map(SearchPage.FacetValue::count).toList());
        assertTrue(listed.stream().noneMatch(SearchPage.FacetValue::chosen));
        assertEquals(true, two.facetMore().get(NoticeFields.ISSUER));

        SearchPage every = search(SearchRequest.of("").withFacetLimit(org.noticesearch.search.SearchLimits.MAX_FACET_LIMIT));
        assertEquals(byIssuer, every.facets().get(NoticeFields.ISSUER).stream()
                .collect(Collectors.toMap(SearchPage.FacetValue::value, SearchPage.FacetValue::count)));
        assertEquals(false, every.facetMore().get(NoticeFields.ISSUER));
        // the default still lists 20 at most
        assertEquals(Math.min(20, byIssuer.size()), search(SearchRequest.of("")).facets().get(NoticeFields.ISSUER).size());
    }

    @Test
    void aChosenValueOutsideTheTopValuesIsListedAndMarkedChosen() {
        Map<String, Long> byIssuer = notices.stream().filter(n -> n.issuer() != null)
                .collect(Collectors.groupingBy(Notice::issuer, Collectors.counting()));
        List<String> top = search(SearchRequest.of("").withFacetLimit(2)).facets().get(NoticeFields.ISSUER).stream()
                .map(SearchPage.FacetValue::value).toList();
        String rare = byIssuer.keySet().stream().filter(i -> !top.contains(i)).sorted().findFirst().orElseThrow();
        SearchPage p = search(SearchRequest.of("").withFacetLimit(2).withIssuers(List.of(rare)));
        List<SearchPage.FacetValue> listed = p.facets().get(NoticeFields.ISSUER);
        assertEquals(3, listed.size(), listed.toString());
        assertEquals(new SearchPage.FacetValue(rare, byIssuer.get(rare), true), listed.get(2));
        assertEquals(top, listed.subList(0, 2).stream().map(SearchPage.FacetValue::value).toList());
        assertTrue(listed.subList(0, 2).stream().noneMatch(SearchPage.FacetValue::chosen));
        // chosen within the top values: marked where it stands, not listed twice
        SearchPage q = search(SearchRequest.of("").withFacetLimit(2).withIssuers(List.of(top.get(1))));
        assertEquals(List.of(false, true), q.facets().get(NoticeFields.ISSUER).stream().map(SearchPage.FacetValue::chosen).toList());
    }

    @Test
    void facetLimitIsCheckedWithAChineseMessage() {
        BadRequestException e = assertThrows(BadRequestException.class,
                () -> org.noticesearch.web.SearchRequests.parse(Map.of("facetLimit", List.of("0")), SETTINGS));
        assertEquals("facetLimit", e.parameter());
        assertEquals("分面条数（facetLimit）：应在 1 到 2000 之间，这里是 0", e.getMessage());
        assertEquals(2000, org.noticesearch.web.SearchRequests.parse(Map.of("facetLimit", List.of("2000")), SETTINGS).facetLimit());
        assertEquals(20, org.noticesearch.web.SearchRequests.parse(Map.of(), SETTINGS).facetLimit());
    }

    // ---- Chinese error messages ----

    @Test
    void everyBadParameterGetsAPlainChineseMessage() {
        int max = SETTINGS.maxSize();
        int depth = SETTINGS.maxDepth();
        int longest = SETTINGS.maxQueryLength();
        Object[][] cases = {
                {Map.of("from", List.of("2020-13-45")), "起始日期（from）：“2020-13-45”不是有效日期：月份应为 1 到 12，这里是 13"},
                {Map.of("to", List.of("2020-02-30")), "截止日期（to）：“2020-02-30”不是有效日期：2020年2月只有 29 天"},
                {Map.of("to", List.of("2021年4月31日")), "截止日期（to）：“2021年4月31日”不是有效日期：2021年4月只有 30 天"},
                {Map.of("from", List.of("yesterday")),
                        "起始日期（from）：“yesterday”不是日期，请写成年、年月或年月日，如 2020、2020-03、2020-03-01 或 2020年3月1日"},
                {Map.of("from", List.of("2021"), "to", List.of("2020")), "起始日期（from）：“2021”晚于截止日期“2020”"},
                {Map.of("page", List.of("0")), "页码（page）：应为 1 或更大的整数，这里是 0"},
                {Map.of("page", List.of("abc")), "页码（page）：“abc”不是整数"},
                {Map.of("size", List.of(String.valueOf(max + 1))), "每页条数（size）：应在 1 到 " + max + " 之间，这里是 " + (max + 1)},
                {Map.of("page", List.of(String.valueOf(depth / max + 1)), "size", List.of(String.valueOf(max))),
                        "页码（page）：最多只能翻看前 " + depth + " 条结果（第 " + (depth / max + 1) + " 页、每页 " + max
                                + " 条已超出），请用筛选条件缩小范围"},
                {Map.of("sort", List.of("best")), "排序（sort）：“best”不是可用的排序：可选 relevance（相关度）、newest（最新）、oldest（最早）"},
                {Map.of("q", List.of("a", "b")), "搜索词（q）：只能给一次，这里给了 2 次"},
                {Map.of("q", List.of("妇".repeat(longest + 1))), "搜索词（q）：太长了：最多 " + longest + " 个字，这里有 " + (longest + 1) + " 个"},
        };
        for (Object[] c : cases) {
            @SuppressWarnings("unchecked")
            Map<String, List<String>> params = (Map<String, List<String>>) c[0];
            BadRequestException e = assertThrows(BadRequestException.class, () -> org.noticesearch.web.SearchRequests.parse(params, SETTINGS),
                    params.toString());
            assertEquals(c[1], e.getMessage(), params.toString());
        }
        BadRequestException dn = assertThrows(BadRequestException.class,
                () -> search(SearchRequest.of("").withDocNumber("hello")));
        assertEquals("发文字号（docNumber）：“hello”不是发文字号，也不是本库公文用过的机关代字：请写完整文号（如 鲁妇通字〔2020〕6号、"
                + "国家税务总局公告2018年第13号、国令第707号）、机关代字加年份（渝妇发〔2020〕）或机关代字（渝妇发）", dn.getMessage());
        // Han text that no notice here is numbered with is no agency code either (issue 14: docNumber=巾帼 was a 200).
        BadRequestException word = assertThrows(BadRequestException.class,
                () -> search(SearchRequest.of("").withDocNumber("巾帼")));
        assertEquals("docNumber", word.parameter());
    }

    // ---- date forms ----

    @Test
    void everyCommonDateFormIsAccepted() {
        LocalDate mar1 = LocalDate.of(2020, 3, 1);
        Object[][] cases = {
                // written, as from, as to
                {"2020", LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31)},
                {"2020-03", mar1, LocalDate.of(2020, 3, 31)},
                {"2020-03-01", mar1, mar1},
                {"2020年", LocalDate.of(2020, 1, 1), LocalDate.of(2020, 12, 31)},
                {"2020年3月", mar1, LocalDate.of(2020, 3, 31)},
                {"2020年3月1日", mar1, mar1},
                {"2020年3月1", mar1, mar1},
                {"2020 年 3 月 1 日", mar1, mar1},
                {"2020/03/01", mar1, mar1},
                {"2020/2", LocalDate.of(2020, 2, 1), LocalDate.of(2020, 2, 29)},
                {"2020.3.1", mar1, mar1},
                {"２０２０年３月", mar1, LocalDate.of(2020, 3, 31)},
                {"２０２０－０３－０１", mar1, mar1},
                {"２０２０／３／１", mar1, mar1},
                {" 2020-3-1 ", mar1, mar1},
        };
        for (Object[] c : cases) {
            String written = (String) c[0];
            assertEquals(c[1], DateBound.parse("from", written, false).day(), written);
            assertEquals(c[2], DateBound.parse("to", written, true).day(), written);
        }
        assertEquals("２０２０年３月", DateBound.parse("from", "２０２０年３月", false).asWritten());
    }

    @Test
    void aBadDateNamesItsParameterInChinese() {
        assertEquals("起始日期（from）：“2020/03-01”不是日期，请写成年、年月或年月日，如 2020、2020-03、2020-03-01 或 2020年3月1日",
                assertThrows(BadRequestException.class, () -> DateBound.parse("from", "2020/03-01", false)).getMessage());
        assertEquals("截止日期（to）：“2020年13月”不是有效日期：月份应为 1 到 12，这里是 13",
                assertThrows(BadRequestException.class, () -> DateBound.parse("to", "2020年13月", true)).getMessage());
        assertEquals("起始日期（from）：“2020.2.0”不是有效日期：2020年2月只有 29 天",
                assertThrows(BadRequestException.class, () -> DateBound.parse("from", "2020.2.0", false)).getMessage());
        assertEquals("起始日期（from）：“二〇二〇年”不是日期，请写成年、年月或年月日，如 2020、2020-03、2020-03-01 或 2020年3月1日",
                assertThrows(BadRequestException.class, () -> DateBound.parse("from", "二〇二〇年", false)).getMessage());
    }

    @Test
    void aChineseDateFiltersLikeItsIsoForm() {
        SearchRequest iso = org.noticesearch.web.SearchRequests.parse(Map.of("from", List.of("2021-01"), "to", List.of("2021-02")), SETTINGS);
        SearchRequest zh = org.noticesearch.web.SearchRequests.parse(Map.of("from", List.of("2021年1月"), "to", List.of("２０２１/２")), SETTINGS);
        List<String> expected = search(iso.withPage(1, 100)).hits().stream().map(SearchHit::id).sorted().toList();
        assertFalse(expected.isEmpty());
        assertEquals(expected, search(zh.withPage(1, 100)).hits().stream().map(SearchHit::id).sorted().toList());
    }

    // ---- order ----

    /** The sort key the README states: 成文日期, a notice with only a year as the start of that year, the rest last. */
    static long sortKey(Notice n) {
        if (n.date() != null) {
            return Long.parseLong(n.date().replace("-", ""));
        }
        return n.year() == null ? Long.MIN_VALUE : n.year() * 10000L;
    }

    @Test
    void theLandingPageListsTheNewestFirst() {
        Map<String, Notice> byId = notices.stream().collect(Collectors.toMap(Notice::id, Function.identity()));
        int size = Math.min(SETTINGS.maxSize(), notices.size());
        List<Long> expected = notices.stream().map(SearchUxTest::sortKey).sorted(Comparator.reverseOrder()).limit(size).toList();
        SearchPage p = search(SearchRequest.of("").withPage(1, size));
        assertEquals(expected, p.hits().stream().map(h -> sortKey(byId.get(h.id()))).toList());
        // an explicit oldest still wins
        SearchPage oldest = search(SearchRequest.of("").withSort(SortOrder.OLDEST).withPage(1, 1));
        assertEquals(notices.stream().map(SearchUxTest::sortKey).filter(k -> k != Long.MIN_VALUE).min(Long::compare).orElseThrow(),
                sortKey(byId.get(oldest.hits().get(0).id())));
    }

    @Test
    void anAgencyCodeListsItsSeriesByYearAndSerialThenTheRest() {
        assertEquals(List.of("琼妇办〔2021〕12号", "琼妇办〔2021〕2号", "琼妇办〔2019〕10号", "琼妇办〔2019〕3号", "琼妇发〔2022〕1号"),
                docNumbers(search(SearchRequest.of("琼妇办"))));
    }

    @Test
    void aSeriesWithAYearListsItsNumbersInOrderThenTheCitingNotices() {
        assertEquals(List.of("琼妇办〔2021〕12号", "琼妇办〔2021〕2号", "琼妇发〔2022〕1号"),
                docNumbers(search(SearchRequest.of("琼妇办〔2021〕"))));
        assertEquals(List.of("琼妇办〔2019〕10号", "琼妇办〔2019〕3号"), docNumbers(search(SearchRequest.of("琼妇办 2019"))));
    }

    @Test
    void theDocNumberSeriesFilterListsTheSeriesInOrder() {
        assertEquals(List.of("琼妇办〔2021〕12号", "琼妇办〔2021〕2号", "琼妇办〔2019〕10号", "琼妇办〔2019〕3号"),
                docNumbers(search(SearchRequest.of("").withDocNumber("琼妇办"))));
        // an explicit date order is kept
        assertEquals(List.of("琼妇办〔2021〕12号", "琼妇办〔2021〕2号", "琼妇办〔2019〕3号", "琼妇办〔2019〕10号"),
                docNumbers(search(SearchRequest.of("").withDocNumber("琼妇办").withSort(SortOrder.NEWEST))));
    }
}
