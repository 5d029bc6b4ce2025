package org.noticesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.noticesearch.search.SearchTestSupport.*;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.noticesearch.NoticeService;
import org.noticesearch.ingest.DocNumber;
import org.noticesearch.ingest.Notice;

/**
 * Numbers that are not 〔YYYY〕 serials (an announcement, a decree, a year-first number) are indexed in their own
 * form and found first when typed as written or in a bracket or width variant, then the notice citing them.
 */
class DocNumberFormsSearchTest {
    @TempDir
    static Path tmp;
    static NoticeService service;
    static Map<String, Notice> notices;

    @BeforeAll
    static void index() {
        Path corpus = tmp.resolve("corpus");
        write(corpus.resolve("tax_announcement.txt"), notice("国家税务总局", "国家税务总局公告2018年第13号",
                "国家税务总局关于增值税发票管理若干事项的公告", "2018年4月20日", "现将增值税发票管理若干事项公告如下。"));
        write(corpus.resolve("state_decree.txt"), notice("国务院", "国令第707号",
                "国务院关于修改个人所得税法实施条例的决定", "2018年12月18日", "国务院决定对个人所得税法实施条例作如下修改。"));
        write(corpus.resolve("year_first.txt"), notice("武汉市司法局", "〔1996〕武司字第82号",
                "武汉市司法局关于加强律师事务所管理的通知", "1996年5月6日", "为加强律师事务所管理，现就有关事项通知如下。"));
        write(corpus.resolve("citing.txt"), notice("武汉市税务局", "武税发〔2019〕3号", "武汉市税务局关于贯彻落实有关文件的通知",
                "2019年1月8日",
                "根据《国家税务总局关于增值税发票管理若干事项的公告》（国家税务总局公告2018年第13号）、"
                        + "《国务院关于修改个人所得税法实施条例的决定》（国令第707号）和"
                        + "《武汉市司法局关于加强律师事务所管理的通知》（〔1996〕武司字第82号），现通知如下。"));
        service = start(corpus, tmp.resolve("index"));
        notices = parseAll(corpus).stream().collect(Collectors.toMap(Notice::id, n -> n));
    }

    @AfterAll
    static void close() throws IOException {
        service.close();
    }

    @Test
    void eachNumberIsIndexedInItsOwnForm() {
        assertEquals("国家税务总局公告2018年第13号", notices.get("tax_announcement").docNumber());
        assertEquals(DocNumber.Form.ANNOUNCEMENT, notices.get("tax_announcement").docNumberParts().form());
        assertEquals("国令第707号", notices.get("state_decree").docNumber());
        assertEquals(DocNumber.Form.DECREE, notices.get("state_decree").docNumberParts().form());
        assertEquals("武司字〔1996〕82号", notices.get("year_first").docNumber());
        assertEquals(DocNumber.Form.YEAR_FIRST, notices.get("year_first").docNumberParts().form());
        assertEquals(Set.of("国家税务总局公告2018年第13号", "国令第707号", "武司字〔1996〕82号"), notices.get("citing").citedDocNumbers());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            国家税务总局公告2018年第13号       | tax_announcement
            国家税务总局公告２０１８年第１３号      | tax_announcement
            国家税务总局公告 2018年 第013号    | tax_announcement
            国家税务总局公告〔2018〕13号        | tax_announcement
            国家税务总局公告[2018]第13号       | tax_announcement
            国令第707号                  | state_decree
            国令第７０７号                  | state_decree
            国令（第707号）                | state_decree
            国令〔第707号〕                | state_decree
            〔1996〕武司字第82号            | year_first
            [1996]武司字第82号            | year_first
            （１９９６）武司字第０８２号          | year_first
            武司字〔1996〕82号             | year_first
            武司字（1996）第82号            | year_first
            """)
    void theNumberedNoticeComesFirstThenTheCitingOne(String typed, String numbered) {
        assertEquals(List.of(numbered, "citing"), ids(search(service, typed)), typed);
        assertEquals(Set.of(numbered), filter(typed), typed + " as the docNumber filter");
    }

    @Test
    void partialNumbersListTheirSeries() {
        assertEquals(List.of("tax_announcement", "citing"), ids(search(service, "国家税务总局公告2018年")));
        assertEquals(List.of("year_first", "citing"), ids(search(service, "〔1996〕武司字")));
        assertEquals(List.of("year_first", "citing"), ids(search(service, "武司字〔1996〕")));
        assertEquals(List.of("state_decree"), ids(search(service, "国令")).subList(0, 1));
        assertEquals(Set.of("state_decree"), filter("国令"));
        // As for 渝妇发〔2020〕, a series filter takes the notices citing a number of the series too.
        assertEquals(Set.of("citing", "tax_announcement"), filter("国家税务总局公告2018年"));
    }

    @Test
    void theNumberIsHighlightedWhereItIsCited() {
        SearchPage p = search(service, "（1996）武司字第82号");
        String snippets = String.join(" ", p.hits().get(1).snippets());
        // The highlighter marks from the first letter or digit, so the opening bracket stays outside.
        assertEquals(true, snippets.contains("〔<mark>1996〕武司字第82号</mark>"), snippets);
    }

    private static Set<String> filter(String docNumber) {
        return new TreeSet<>(ids(service.service().search(SearchRequest.of("").withDocNumber(docNumber).withPage(1, 100))));
    }
}
