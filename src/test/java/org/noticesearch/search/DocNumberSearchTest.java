package org.noticesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.noticesearch.search.SearchTestSupport.*;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.noticesearch.NoticeService;
import org.noticesearch.ingest.DocNumber;
import org.noticesearch.ingest.Notice;

/** Document numbers typed any way find their notice first, then the notices citing it; partial numbers list a prefix. */
public class DocNumberSearchTest {
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
        service = start(corpus, tmp.resolve("index"));
        notices = parseAll(corpus);
    }

    @AfterAll
    static void close() throws IOException {
        service.close();
    }

    static Stream<Notice> numbered() {
        List<Notice> out = parseAll(CORPUS);
        List<Notice> more = new ArrayList<>(out);
        more.addAll(parseAll(FIXTURES));
        more.addAll(parseAll(SEARCH_FIXTURES));
        return more.stream().filter(n -> n.docNumberParts() != null);
    }

    /** Every way of writing a number the issue lists (for a number that is not a 〔YYYY〕 serial, its own forms). */
    public static List<String> forms(DocNumber d) {
        if (d.form() != DocNumber.Form.SERIAL || d.year() == null || d.serial() == null) {
            return List.of(d.canonical(), d.written(), fullWidthDigits(d.written()), " " + d.canonical() + " ");
        }
        String a = d.agency();
        int y = d.year();
        int s = d.serial();
        return List.of(
                d.canonical(),
                a + "[" + y + "]" + s + "号",
                a + "（" + y + "）第" + s + "号",
                a + "〔" + y + "〕0" + s + "号",
                a + " " + y + " " + s + "号",
                a + "【" + y + "】" + s + "号",
                a + "(" + y + ")" + s + "号",
                a + "［" + y + "］" + s + "号",
                a + "〔" + fullWidth(y) + "〕" + fullWidth(s) + "号",
                "  " + a + "〔" + y + "〕 第 " + s + " 号 ");
    }

    static String fullWidthDigits(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            sb.append(c >= '0' && c <= '9' ? (char) (c - '0' + '０') : c);
        }
        return sb.toString();
    }

    static String fullWidth(int n) {
        StringBuilder sb = new StringBuilder();
        for (char c : String.valueOf(n).toCharArray()) {
            sb.append((char) (c - '0' + '０'));
        }
        return sb.toString();
    }

    @Test
    void everyNumberedNoticeIsCovered() {
        List<String> ids = numbered().map(Notice::id).toList();
        // 000, 001, 003 of the seeds; seven parser fixtures; four search fixtures
        assertTrue(ids.containsAll(List.of("000_15c9de7d74b4cd66", "001_b0a97531a24c94f3", "003_75a19b785f318a28",
                "crlf_bom", "gbk_notice", "letter_brackets", "zj_numbered", "zj_citing")), ids.toString());
        assertTrue(ids.size() >= 13, ids.toString());
    }

    @ParameterizedTest
    @MethodSource("numbered")
    void everyFormFindsTheNoticeFirst(Notice n) {
        for (String form : forms(n.docNumberParts())) {
            SearchPage p = search(service, form);
            assertFalse(p.hits().isEmpty(), form + ": no hit");
            assertEquals(n.id(), p.hits().get(0).id(), form + ": the numbered notice must come first, got " + ids(p));
            assertFalse(p.relaxed(), form);
        }
    }

    @Test
    void citingNoticeComesAfterTheNumberedOne() {
        for (String form : forms(new DocNumber("浙妇发", 2021, 3))) {
            assertEquals(List.of("zj_numbered", "zj_citing"), ids(search(service, form)), form);
        }
    }

    @Test
    void aCitedNumberWithoutItsNoticeFindsTheCitingNotice() {
        for (String form : forms(new DocNumber("国发明电", 2020, 8))) {
            assertEquals(List.of("000_15c9de7d74b4cd66"), ids(search(service, form)), form);
        }
    }

    @Test
    void partialNumbersListEveryNoticeWithThePrefix() {
        Set<String> y2020 = Set.of("003_75a19b785f318a28", "cq_2020_later");
        Set<String> all = Set.of("003_75a19b785f318a28", "cq_2020_later", "cq_2021");
        for (String q : List.of("渝妇发〔2020〕", "渝妇发 2020", "渝妇发[2020]", "渝妇发（２０２０）", "渝妇发2020")) {
            assertEquals(y2020, new TreeSet<>(ids(search(service, q))), q);
        }
        assertEquals(Set.of("cq_2021"), new TreeSet<>(ids(search(service, "渝妇发〔2021〕"))));
        // The agency code alone: every notice so numbered, and before any notice that merely mentions the code.
        List<String> agency = ids(search(service, "渝妇发"));
        assertEquals(all, new TreeSet<>(agency.subList(0, Math.min(3, agency.size()))), agency.toString());
    }

    @Test
    void aSeriesKnownOnlyFromCitationsFindsTheCitingNotices() {
        assertEquals(List.of("000_15c9de7d74b4cd66"), ids(search(service, "国发明电〔2020〕")));
    }

    @Test
    void aBracketedYearAfterAnUnknownCodeStaysText() {
        // 做好（2020） looks like agency + year, but no notice is numbered or cites that series: it is the text 做好2020.
        assertEquals(Set.of("001_b0a97531a24c94f3", "numeral_date"), new TreeSet<>(ids(search(service, "做好（2020）"))));
        assertEquals(new TreeSet<>(ids(search(service, "做好2020"))), new TreeSet<>(ids(search(service, "做好（2020）"))));
    }

    @Test
    void docNumberFilterDoesTheSame() {
        assertEquals(Set.of("003_75a19b785f318a28", "cq_2020_later"), filter("渝妇发〔2020〕"));
        assertEquals(Set.of("003_75a19b785f318a28", "cq_2020_later"), filter("渝妇发 2020"));
        assertEquals(Set.of("003_75a19b785f318a28", "cq_2020_later", "cq_2021"), filter("渝妇发"));
        assertEquals(Set.of("003_75a19b785f318a28"), filter("渝妇发（2020）第13号"));
        assertEquals(Set.of("zj_numbered"), filter("浙妇发[2021]3号"), "the filter is the number itself, not its citations");
        assertEquals(Set.of(), filter("渝妇发〔2019〕"));
        // with a query: both must hold
        SearchRequest r = SearchRequest.of("春节").withDocNumber("渝妇发").withPage(1, 100);
        assertEquals(List.of("cq_2021"), ids(service.service().search(r)));
    }

    @Test
    void badDocNumberFilterNamesTheParameter() {
        for (String bad : List.of("2020", "abc", "妇", "〔2020〕6号")) {
            SearchRequest r = SearchRequest.of("").withDocNumber(bad);
            BadRequestException e = assertThrows(BadRequestException.class, () -> service.service().search(r), bad);
            assertEquals("docNumber", e.parameter());
            assertTrue(e.getMessage().contains("docNumber"), e.getMessage());
        }
    }

    private static Set<String> filter(String docNumber) {
        return new TreeSet<>(ids(service.service().search(SearchRequest.of("").withDocNumber(docNumber).withPage(1, 100))));
    }
}
