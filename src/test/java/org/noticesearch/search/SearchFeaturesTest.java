package org.noticesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.noticesearch.search.SearchTestSupport.*;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.noticesearch.NoticeService;
import org.noticesearch.index.NoticeFields;
import org.noticesearch.ingest.Notice;

/** Filters, drill-sideways facets, sorting, paging, the relaxed fallback, synonyms, the query language and snippets, on known data. */
class SearchFeaturesTest {
    static final String SD = "山东省妇女联合会";
    static final String CQ = "重庆市妇女联合会";
    static final String N000 = "000_15c9de7d74b4cd66";

    @TempDir
    static Path tmp;
    static NoticeService service;
    static List<Notice> notices;

    @BeforeAll
    static void index() {
        Path corpus = tmp.resolve("corpus");
        copyTxt(CORPUS, corpus);
        copyTxt(FIXTURES, corpus);
        copyTxt(SEARCH_FIXTURES, corpus);
        // A notice that names the federation in full only, never 妇联, for the synonym test.
        write(corpus.resolve("synonym_only.txt"), """
                海南省妇女联合会文件

                琼妇发〔2021〕4号

                海南省妇女联合会关于开展家庭教育宣传周活动的通知

                各市县妇女联合会：

                    为推动家庭教育促进法落实，省妇女联合会决定开展家庭教育宣传周活动。

                海南省妇女联合会
                2021年10月8日
                """);
        service = start(corpus, tmp.resolve("index"));
        notices = parseAll(corpus);
    }

    @AfterAll
    static void close() throws IOException {
        service.close();
    }

    static SearchRequest all() {
        return SearchRequest.of("").withPage(1, 100);
    }

    static Set<String> hitSet(SearchRequest r) {
        return new TreeSet<>(ids(service.service().search(r)));
    }

    static Set<String> where(Predicate<Notice> p) {
        return notices.stream().filter(p).map(Notice::id).collect(Collectors.toCollection(TreeSet::new));
    }

    // ---- filters ----

    @Test
    void issuerByCanonicalNameAndByAlias() {
        Set<String> sd = where(n -> SD.equals(n.issuer()));
        assertEquals(Set.of(N000, "004_14145a449d0a6655"), sd);
        assertEquals(sd, hitSet(all().withIssuers(List.of(SD))));
        assertEquals(sd, hitSet(all().withIssuers(List.of("山东省妇联"))));
        assertEquals(sd, hitSet(all().withIssuers(List.of("山东妇联"))));
    }

    @Test
    void severalIssuersMeanAnyOfThem() {
        Set<String> want = where(n -> SD.equals(n.issuer()) || CQ.equals(n.issuer()));
        assertEquals(5, want.size());
        assertEquals(want, hitSet(all().withIssuers(List.of(SD, "重庆市妇联"))));
        assertEquals(want, hitSet(all().withIssuers(List.of("重庆妇联", SD))));
    }

    @Test
    void provinceTypeAndCampaign() {
        assertEquals(where(n -> "重庆市".equals(n.province())), hitSet(all().withFilters("重庆市", null, null, null, null)));
        assertEquals(3, hitSet(all().withFilters("重庆市", null, null, null, null)).size());
        assertEquals(Set.of("crlf_bom"), hitSet(all().withFilters(null, "决定", null, null, null)));
        assertEquals(Set.of("letter_brackets"), hitSet(all().withFilters(null, "函", null, null, null)));
        assertEquals(Set.of("004_14145a449d0a6655"), hitSet(all().withFilters(null, "意见", null, null, null)));
        Set<String> spring = where(n -> n.campaigns().contains("春蕾计划"));
        assertTrue(spring.size() >= 4, spring.toString());
        assertEquals(spring, hitSet(all().withFilters(null, null, "春蕾计划", null, null)));
        // combined with a query and another filter
        SearchRequest r = SearchRequest.of("妇女").withPage(1, 100).withIssuers(List.of(SD))
                .withFilters("山东省", "通知", "春蕾计划", null, null);
        assertEquals(Set.of(N000), hitSet(r));
        assertEquals(Set.of(), hitSet(all().withFilters("火星", null, null, null, null)));
    }

    @Test
    void dateRangesAtEveryPrecision() {
        String[][] ranges = {
                {"2020", "2020"}, {"2020-01-01", "2020-06-30"}, {"2020-01", "2020-06"}, {"2020", null}, {null, "2019"},
                {"2020-02", "2020-02"}, {"2020-02-14", "2020-02-27"}, {"2020-03-11", "2020-03-11"}, {"2019-06", "2021"},
                {"2020-01-01", "2020-12-31"}, {"2020-01-02", "2020-12-31"}, {"2012", "2012-02"}, {null, "2020-12-31"},
                {"2021-05", null}, {"1990", "1999"}};
        for (String[] range : ranges) {
            DateBound from = DateBound.parse("from", range[0], false);
            DateBound to = DateBound.parse("to", range[1], true);
            Set<String> want = where(n -> inRange(n, range[0], range[1]));
            assertEquals(want, hitSet(all().withFilters(null, null, null, from, to)), range[0] + " .. " + range[1]);
        }
    }

    @Test
    void undatedNoticeCountsByItsYearOnlyForWholeYears() {
        Notice n000 = notices.stream().filter(n -> n.id().equals(N000)).findFirst().orElseThrow();
        assertNull(n000.date());
        assertEquals(2020, n000.year());
        assertTrue(hitSet(range("2020", "2020")).contains(N000));
        assertTrue(hitSet(range("2019", "2021")).contains(N000));
        assertTrue(hitSet(range("2020-01-01", "2020-12-31")).contains(N000), "a range that covers the whole year, written by day");
        assertFalse(hitSet(range("2020-01-01", "2020-06-30")).contains(N000));
        assertFalse(hitSet(range("2020-01", "2020-06")).contains(N000));
        assertFalse(hitSet(range("2020-01-02", "2020-12-31")).contains(N000));
        assertFalse(hitSet(range("2021", null)).contains(N000));
        // a notice with no year at all is in no range
        assertFalse(hitSet(range("1900", "2100")).contains("unknown_issuer"));
    }

    @Test
    void badDatesNameTheirParameter() {
        assertEquals("from", assertThrows(BadRequestException.class, () -> DateBound.parse("from", "2020/01-02", false)).parameter());
        assertEquals("to", assertThrows(BadRequestException.class, () -> DateBound.parse("to", "2020-13", true)).parameter());
        assertEquals("to", assertThrows(BadRequestException.class, () -> DateBound.parse("to", "2020-02-30", true)).parameter());
    }

    static SearchRequest range(String from, String to) {
        return all().withFilters(null, null, null, DateBound.parse("from", from, false), DateBound.parse("to", to, true));
    }

    /** The issue's rule, written independently: dated notices by day; year-only notices when the range covers their whole year. */
    static boolean inRange(Notice n, String from, String to) {
        LocalDate lo = from == null ? LocalDate.MIN : startOf(from);
        LocalDate hi = to == null ? LocalDate.MAX : endOf(to);
        if (n.date() != null) {
            LocalDate d = LocalDate.parse(n.date());
            return !d.isBefore(lo) && !d.isAfter(hi);
        }
        if (n.year() != null) {
            return !LocalDate.of(n.year(), 1, 1).isBefore(lo) && !LocalDate.of(n.year(), 12, 31).isAfter(hi);
        }
        return false;
    }

    static LocalDate startOf(String s) {
        String[] p = s.split("-");
        return LocalDate.of(Integer.parseInt(p[0]), p.length > 1 ? Integer.parseInt(p[1]) : 1, p.length > 2 ? Integer.parseInt(p[2]) : 1);
    }

    static LocalDate endOf(String s) {
        String[] p = s.split("-");
        if (p.length == 3) {
            return LocalDate.parse(s);
        }
        if (p.length == 2) {
            return java.time.YearMonth.of(Integer.parseInt(p[0]), Integer.parseInt(p[1])).atEndOfMonth();
        }
        return LocalDate.of(Integer.parseInt(p[0]), 12, 31);
    }

    // ---- facets ----

    static Map<String, Long> facet(SearchPage p, String dim) {
        Map<String, Long> out = new TreeMap<>();
        for (SearchPage.FacetValue v : p.facets().get(dim)) {
            out.put(v.value(), v.count());
        }
        return out;
    }

    static Map<String, Long> count(Set<String> ids, Function<Notice, List<String>> values) {
        Map<String, Long> out = new TreeMap<>();
        for (Notice n : notices) {
            if (ids.contains(n.id())) {
                for (String v : values.apply(n)) {
                    if (v != null) {
                        out.merge(v, 1L, Long::sum);
                    }
                }
            }
        }
        return out;
    }

    static List<String> one(String v) {
        List<String> l = new ArrayList<>();
        l.add(v);
        return l;
    }

    @Test
    void facetCountsWithoutFilters() {
        SearchPage p = service.service().search(SearchRequest.of("妇女").withPage(1, 100));
        Set<String> hits = new TreeSet<>(ids(p));
        assertEquals(count(hits, n -> one(n.issuer())), facet(p, NoticeFields.ISSUER));
        assertEquals(count(hits, n -> one(n.province())), facet(p, NoticeFields.PROVINCE));
        assertEquals(count(hits, n -> one(n.type())), facet(p, NoticeFields.TYPE));
        assertEquals(count(hits, n -> one(n.year() == null ? null : n.year().toString())), facet(p, NoticeFields.YEAR));
        assertEquals(count(hits, Notice::campaigns), facet(p, NoticeFields.CAMPAIGN));
        List<String> years = p.facets().get(NoticeFields.YEAR).stream().map(SearchPage.FacetValue::value).toList();
        assertEquals(years.stream().sorted(java.util.Comparator.reverseOrder()).toList(), years, "years newest first");
    }

    @Test
    void facetsAreDrillSideways() {
        SearchPage none = service.service().search(SearchRequest.of("妇女").withPage(1, 100));
        SearchPage sd = service.service().search(SearchRequest.of("妇女").withPage(1, 100).withIssuers(List.of(SD)));
        Set<String> sdHits = new TreeSet<>(ids(sd));
        assertEquals(where(n -> SD.equals(n.issuer()) && contains(n, "妇女")), sdHits);
        // choosing one issuer still shows the other issuers' counts ...
        assertEquals(facet(none, NoticeFields.ISSUER), facet(sd, NoticeFields.ISSUER));
        assertTrue(facet(sd, NoticeFields.ISSUER).getOrDefault(CQ, 0L) >= 3);
        // ... while the other dimensions count only the chosen issuer's notices
        assertEquals(count(sdHits, n -> one(n.province())), facet(sd, NoticeFields.PROVINCE));
        assertEquals(count(sdHits, Notice::campaigns), facet(sd, NoticeFields.CAMPAIGN));
        // and the issuer counts respect the other filters
        SearchPage sd2020 = service.service().search(SearchRequest.of("妇女").withPage(1, 100).withIssuers(List.of(SD))
                .withFilters(null, null, null, DateBound.parse("from", "2020", false), DateBound.parse("to", "2020", true)));
        Set<String> in2020 = where(n -> contains(n, "妇女") && inRange(n, "2020", "2020"));
        assertEquals(count(in2020, n -> one(n.issuer())), facet(sd2020, NoticeFields.ISSUER));
        // campaign chosen: the campaign dimension still lists the others
        SearchPage spring = service.service().search(SearchRequest.of("").withPage(1, 100).withFilters(null, null, "春蕾计划", null, null));
        assertEquals(count(new TreeSet<>(where(n -> true)), Notice::campaigns), facet(spring, NoticeFields.CAMPAIGN));
    }

    // ---- sorting and paging ----

    @Test
    void sortNewestAndOldest() {
        for (SortOrder order : List.of(SortOrder.NEWEST, SortOrder.OLDEST)) {
            SearchPage p = service.service().search(all().withSort(order));
            assertEquals(notices.size(), p.hits().size());
            List<Integer> keys = p.hits().stream().filter(h -> h.year() != null)
                    .map(h -> h.date() != null ? Integer.parseInt(h.date().replace("-", "")) : h.year() * 10000).toList();
            List<Integer> sorted = new ArrayList<>(keys);
            sorted.sort(order == SortOrder.NEWEST ? java.util.Comparator.reverseOrder() : java.util.Comparator.naturalOrder());
            assertEquals(sorted, keys, order.toString());
            // a notice with no date or year comes last either way
            assertEquals("unknown_issuer", p.hits().get(p.hits().size() - 1).id(), order.toString());
        }
        assertEquals("letter_brackets", service.service().search(all().withSort(SortOrder.NEWEST)).hits().get(0).id(), "2022-03-15");
        assertEquals("004_14145a449d0a6655", service.service().search(all().withSort(SortOrder.OLDEST)).hits().get(0).id());
        // sorting a text query keeps its hit set
        assertEquals(hitSet(SearchRequest.of("春蕾计划").withPage(1, 100)),
                hitSet(SearchRequest.of("春蕾计划").withPage(1, 100).withSort(SortOrder.OLDEST)));
    }

    @Test
    void pagingAndTotals() {
        for (SortOrder order : SortOrder.values()) {
            SearchRequest base = SearchRequest.of("妇女").withSort(order);
            List<String> whole = ids(service.service().search(base.withPage(1, 100)));
            long total = service.service().search(base.withPage(1, 100)).total();
            assertEquals(whole.size(), total);
            assertTrue(total > 7);
            List<String> paged = new ArrayList<>();
            for (int page = 1; page <= (total + 2) / 3 + 1; page++) {
                SearchPage p = service.service().search(base.withPage(page, 3));
                assertEquals(total, p.total(), "total on page " + page);
                assertTrue(p.totalIsExact());
                assertEquals(page, p.page());
                assertEquals(3, p.size());
                assertTrue(p.hits().size() <= 3);
                paged.addAll(ids(p));
            }
            assertEquals(whole, paged, order + ": pages of 3 put together give the same list, no repeat");
        }
        SearchPage beyond = service.service().search(SearchRequest.of("妇女").withPage(50, 10));
        assertTrue(beyond.hits().isEmpty());
        assertTrue(beyond.total() > 0);
    }

    @Test
    void requestParametersAreValidated() {
        var s = CONFIG.settings();
        assertEquals("size", assertThrows(BadRequestException.class,
                () -> org.noticesearch.web.SearchRequests.parse(Map.of("size", List.of("0")), s)).parameter());
        assertEquals("page", assertThrows(BadRequestException.class,
                () -> org.noticesearch.web.SearchRequests.parse(Map.of("page", List.of("x")), s)).parameter());
        assertEquals("page", assertThrows(BadRequestException.class,
                () -> org.noticesearch.web.SearchRequests.parse(Map.of("page", List.of("100000"), "size", List.of("100")), s)).parameter());
        assertEquals("sort", assertThrows(BadRequestException.class,
                () -> org.noticesearch.web.SearchRequests.parse(Map.of("sort", List.of("random")), s)).parameter());
        assertEquals("from", assertThrows(BadRequestException.class,
                () -> org.noticesearch.web.SearchRequests.parse(Map.of("from", List.of("2021"), "to", List.of("2020")), s)).parameter());
        SearchRequest ok = org.noticesearch.web.SearchRequests.parse(Map.of("q", List.of(" 妇联 "), "issuer", List.of(SD, "重庆妇联"),
                "from", List.of("2020-02"), "to", List.of("2020"), "sort", List.of("newest")), s);
        assertEquals("妇联", ok.query());
        assertEquals(List.of(SD, "重庆妇联"), ok.issuers());
        assertEquals(LocalDate.of(2020, 2, 1), ok.from().day());
        assertEquals(LocalDate.of(2020, 12, 31), ok.to().day());
        assertEquals(SortOrder.NEWEST, ok.sort());
    }

    // ---- relaxed fallback ----

    @Test
    void relaxedWhenNoExactMatchButAllWordsOccur() {
        assertTrue(where(n -> contains(n, "妇联春节慰问")).isEmpty());
        SearchPage p = service.service().search(SearchRequest.of("妇联春节慰问").withPage(1, 100));
        assertTrue(p.relaxed());
        assertTrue(ids(p).contains("cq_2021"), ids(p).toString());
        for (SearchHit h : p.hits()) {
            Notice n = notices.stream().filter(x -> x.id().equals(h.id())).findFirst().orElseThrow();
            String text = n.title() + "\n" + n.body();
            assertTrue(text.contains("春节") && text.contains("慰问"), h.id());
        }
        // an exact match is never relaxed; nothing at all is not relaxed either
        assertFalse(service.service().search(SearchRequest.of("春节").withPage(1, 100)).relaxed());
        SearchPage nothing = service.service().search(SearchRequest.of("量子计算机").withPage(1, 100));
        assertEquals(0, nothing.total());
        assertFalse(nothing.relaxed());
    }

    // ---- synonyms ----

    @Test
    void synonymsExpandUnquotedTerms() {
        Set<String> full = where(n -> contains(n, "新型冠状病毒肺炎"));
        assertFalse(full.isEmpty());
        assertTrue(hitSet(SearchRequest.of("新冠肺炎").withPage(1, 100)).containsAll(full));
        assertEquals(where(n -> contains(n, "新冠肺炎")), hitSet(SearchRequest.of("\"新冠肺炎\"").withPage(1, 100)),
                "quoted: no expansion");

        assertTrue(where(n -> contains(n, "妇女联合会") && !contains(n, "妇联")).contains("synonym_only"));
        Set<String> fl = hitSet(SearchRequest.of("妇联").withPage(1, 100));
        assertTrue(fl.contains("synonym_only"), "妇联 also finds 妇女联合会");
        assertEquals(where(n -> contains(n, "妇联") || contains(n, "妇女联合会")), fl);
        Set<String> quoted = hitSet(SearchRequest.of("\"妇联\"").withPage(1, 100));
        assertFalse(quoted.contains("synonym_only"), "quoted \"妇联\" does not expand");
        assertEquals(where(n -> contains(n, "妇联")), quoted);
        assertEquals(quoted, hitSet(SearchRequest.of("“妇联”").withPage(1, 100)), "Chinese quotes too");
    }

    // ---- query language ----

    @Test
    void andOrAndExclusion() {
        Set<String> spring = where(n -> contains(n, "春蕾计划"));
        Set<String> poverty = where(n -> contains(n, "巾帼脱贫行动"));
        Set<String> breeze = where(n -> contains(n, "春风行动"));
        Set<String> books = where(n -> contains(n, "冀家书香"));
        assertFalse(poverty.isEmpty());

        Set<String> minus = new TreeSet<>(spring);
        minus.removeAll(poverty);
        assertFalse(minus.isEmpty());
        assertTrue(minus.size() < spring.size());
        assertEquals(minus, hitSet(SearchRequest.of("春蕾计划 -巾帼脱贫行动").withPage(1, 100)));
        assertEquals(minus, hitSet(SearchRequest.of("春蕾计划 -\"巾帼脱贫行动\"").withPage(1, 100)));

        Set<String> or = new TreeSet<>(breeze);
        or.addAll(books);
        assertEquals(2, or.size());
        assertEquals(or, hitSet(SearchRequest.of("春风行动 OR 冀家书香").withPage(1, 100)));

        Set<String> and = new TreeSet<>(spring);
        and.retainAll(where(n -> contains(n, "巾帼")));
        assertEquals(and, hitSet(SearchRequest.of("春蕾计划 巾帼").withPage(1, 100)));
        assertEquals(and, hitSet(SearchRequest.of("春蕾计划　巾帼").withPage(1, 100)), "ideographic space");

        // (A OR B) AND C
        Set<String> orAnd = new TreeSet<>(or);
        orAnd.retainAll(where(n -> contains(n, "家庭")));
        assertEquals(orAnd, hitSet(SearchRequest.of("春风行动 OR 冀家书香 家庭").withPage(1, 100)));

        // only exclusions: everything but
        Set<String> notSpring = where(n -> !contains(n, "春蕾计划"));
        assertEquals(notSpring, hitSet(SearchRequest.of("-春蕾计划").withPage(1, 100)));
        assertEquals(notSpring, hitSet(SearchRequest.of("， -春蕾计划").withPage(1, 100)), "a punctuation term is ignored");

        // terms that are all punctuation: nothing to look for, so nothing matches (not everything, as for q="")
        for (String q : List.of("，", "《》", "“”", "- 、", "。。 ？", "\"，\"", "-，", "OR ，")) {
            SearchPage p = service.service().search(SearchRequest.of(q).withPage(1, 100));
            assertEquals(0, p.total(), q);
            assertFalse(p.relaxed(), q);
        }
        assertEquals(spring, hitSet(SearchRequest.of("春蕾计划 ，").withPage(1, 100)), "beside a real term it is ignored");
    }

    // ---- snippets ----

    static final Pattern MARK = Pattern.compile("<mark>(.*?)</mark>");

    static List<String> marks(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = MARK.matcher(html);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    static String unmark(String html) {
        return html.replace("<mark>", "").replace("</mark>", "");
    }

    static int occurrences(String text, String needle) {
        int n = 0;
        String t = clean(text);
        String w = clean(needle);
        for (int i = t.indexOf(w); i >= 0; i = t.indexOf(w, i + w.length())) {
            n++;
        }
        return n;
    }

    @Test
    void oneMarkPerMatchedPhrase() {
        for (String q : List.of("春蕾计划", "巾帼脱贫行动", "疫情防控", "妇女节", "2020年", "家庭")) {
            SearchPage p = service.service().search(SearchRequest.of("\"" + q + "\"").withPage(1, 100));
            assertFalse(p.hits().isEmpty(), q);
            int marked = 0;
            for (SearchHit h : p.hits()) {
                List<String> all = new ArrayList<>(marks(h.titleHtml()));
                assertEquals(occurrences(unmark(h.titleHtml()), q), marks(h.titleHtml()).size(), q + " title of " + h.id());
                for (String s : h.snippets()) {
                    assertEquals(occurrences(unmark(s), q), marks(s).size(), q + " in " + h.id() + ": " + s);
                    all.addAll(marks(s));
                }
                for (String m : all) {
                    assertEquals(clean(q), clean(m), q + ": a mark holds the whole phrase, not a character: " + m);
                }
                marked += all.size();
                assertTrue(h.snippets().size() <= CONFIG.settings().snippetCount());
            }
            assertTrue(marked >= p.hits().size(), q + ": every hit shows its match");
        }
    }

    @Test
    void titleMarkedAsOnePhrase() {
        SearchHit h = service.service().search(SearchRequest.of("疫情防控形势").withPage(1, 10)).hits().get(0);
        assertEquals("001_b0a97531a24c94f3", h.id());
        assertTrue(h.titleHtml().contains("<mark>疫情防控形势</mark>"), h.titleHtml());
        assertEquals(1, marks(h.titleHtml()).size());
    }

    @Test
    void snippetsAreEscaped() {
        SearchPage p = service.service().search(SearchRequest.of("网页代码").withPage(1, 10));
        assertEquals(List.of("cq_2020_later"), ids(p));
        String s = String.join("", p.hits().get(0).snippets());
        assertTrue(s.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), s);
        assertTrue(s.contains("A&amp;B"), s);
        assertTrue(s.contains("&lt;b&gt;加粗&lt;/b&gt;"), s);
        assertFalse(s.contains("<script"), s);
        assertFalse(s.contains("<b>"), s);
        assertEquals(List.of("网页代码"), marks(s));
        // searching the markup itself marks the text, and still escapes it
        SearchPage p2 = service.service().search(SearchRequest.of("\"<script>\"").withPage(1, 10));
        assertEquals(List.of("cq_2020_later"), ids(p2));
        String s2 = String.join("", p2.hits().get(0).snippets());
        assertFalse(s2.contains("<script"), s2);
        assertEquals(List.of("script", "script"), marks(s2), s2);
    }

    @Test
    void aNoticeWithoutBodyMatchStillGetsAnOpeningSnippet() {
        SearchPage p = service.service().search(SearchRequest.of("\"家庭教育宣传周活动的通知\"").withPage(1, 10));
        assertEquals(List.of("synonym_only"), ids(p));
        SearchHit h = p.hits().get(0);
        assertEquals(1, marks(h.titleHtml()).size());
        assertFalse(h.snippets().isEmpty());
    }

    @Test
    void noticeViewHighlightsParagraphs() {
        NoticeView v = service.service().notice("003_75a19b785f318a28", "巾帼脱贫行动");
        assertNotNull(v.paragraphsHtml());
        long marked = v.paragraphsHtml().stream().mapToLong(p -> marks(p).size()).sum();
        long expected = v.notice().paragraphs().stream().mapToLong(p -> occurrences(p, "巾帼脱贫行动")).sum();
        assertTrue(expected > 0);
        assertEquals(expected, marked);
        assertEquals(new HashSet<>(List.of("巾帼脱贫行动")), new HashSet<>(v.paragraphsHtml().stream().flatMap(p -> marks(p).stream()).toList()));
    }

    @Test
    void citationsResolveAndCitedByIsListed() {
        NoticeView numbered = service.service().notice("zj_numbered", null);
        assertEquals(List.of("zj_citing"), numbered.citedBy().stream().map(NoticeView.NoticeRef::id).toList());
        NoticeView citing = service.service().notice("zj_citing", null);
        assertEquals("zj_numbered", citing.cites().get(0).id());
        assertThrows(NotFoundException.class, () -> service.service().notice("nope", null));
    }

    @Test
    void facetsListEveryDimension() {
        SearchPage p = service.service().search(all());
        assertEquals(new LinkedHashMap<>(p.facets()).keySet().stream().toList(), List.of(NoticeFields.FACET_DIMS));
    }
}
