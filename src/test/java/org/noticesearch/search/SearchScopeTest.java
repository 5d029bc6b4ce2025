package org.noticesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.noticesearch.search.SearchTestSupport.*;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.noticesearch.NoticeService;
import org.noticesearch.ingest.Notice;

/** scope=all|title|docNumber and the title:/issuer: field syntax give exact hit sets on a corpus written here. */
class SearchScopeTest {
    @TempDir
    static Path tmp;
    static NoticeService service;
    static Map<String, Notice> notices;

    @BeforeAll
    static void index() {
        Path corpus = tmp.resolve("corpus");
        write(corpus.resolve("national.txt"), notice("全国妇联", "妇字〔2020〕1号", "全国妇联关于开展巾帼脱贫行动的通知",
                "2020年3月2日", "现就开展巾帼脱贫行动有关事项通知如下。"));
        write(corpus.resolve("city.txt"), notice("重庆市妇联", "渝妇发〔2019〕3号", "重庆市妇联关于表彰三八红旗手的决定",
                "2019年3月1日", "在巾帼脱贫行动中涌现出一批先进典型。"));
        write(corpus.resolve("citing.txt"), notice("山东省妇联", "鲁妇通字〔2021〕6号", "山东省妇联关于转发有关文件的通知",
                "2021年1月8日", "现将《全国妇联关于开展巾帼脱贫行动的通知》（妇字〔2020〕1号）转发给你们。"));
        service = start(corpus, tmp.resolve("index"));
        notices = parseAll(corpus).stream().collect(Collectors.toMap(Notice::id, n -> n));
    }

    @AfterAll
    static void close() throws IOException {
        service.close();
    }

    private static Set<String> hits(String q, Scope scope) {
        return Set.copyOf(ids(service.service().search(SearchRequest.of(q).withScope(scope).withPage(1, 100))));
    }

    @Test
    void titleScopeLooksInTheTitleAlone() {
        assertEquals(Set.of("national", "city", "citing"), hits("巾帼脱贫", Scope.ALL));
        assertEquals(Set.of("national"), hits("巾帼脱贫", Scope.TITLE));
        assertEquals(Set.of("national", "citing"), hits("巾帼脱贫 OR 转发", Scope.TITLE));
        assertEquals(Set.of("citing"), hits("通知 -巾帼", Scope.TITLE));
    }

    @Test
    void titleFieldSyntaxInTheBox() {
        assertEquals(Set.of("national"), hits("title:巾帼脱贫", Scope.ALL));
        assertEquals(Set.of("national"), hits("标题：巾帼脱贫", Scope.ALL));
        assertEquals(Set.of("city"), hits("巾帼脱贫 -title:巾帼 -title:转发", Scope.ALL));
    }

    @Test
    void issuerFieldSyntaxTakesAliasesAndKeepsTheIssuersNotices() {
        assertEquals("全国妇女联合会", notices.get("national").issuer());
        assertEquals(Set.of("national"), hits("issuer:全国妇联", Scope.ALL));
        assertEquals(Set.of("national"), hits("发文机关：中华全国妇女联合会 巾帼", Scope.ALL));
        assertEquals(Set.of("city"), hits("巾帼脱贫 issuer:" + notices.get("city").issuer(), Scope.ALL));
        assertEquals(Set.of("city", "citing"), hits("巾帼脱贫 -issuer:全国妇联", Scope.ALL));
        assertEquals(Set.of(), hits("issuer:没有这个机关", Scope.ALL));
    }

    @Test
    void docNumberScopeMatchesTheNumberedNoticeNotTheCitingOne() {
        assertEquals(Set.of("national", "citing"), hits("妇字〔2020〕1号", Scope.ALL));
        assertEquals(Set.of("national"), hits("妇字〔2020〕1号", Scope.DOC_NUMBER));
        assertEquals(Set.of("city"), hits("渝妇发", Scope.DOC_NUMBER));
        assertEquals(Set.of("citing"), hits("鲁妇通字〔2021〕", Scope.DOC_NUMBER));
        // Read as an agency code, 巾帼 is one no notice here is numbered with: a 400 naming q, as docNumber=巾帼 is.
        assertEquals("q", assertThrows(BadRequestException.class, () -> hits("巾帼", Scope.DOC_NUMBER)).parameter());
        BadRequestException e = assertThrows(BadRequestException.class, () -> hits("no. 6", Scope.DOC_NUMBER));
        assertEquals("q", e.parameter());
    }

    @Test
    void scopeParameterIsParsedAndValidated() {
        var settings = CONFIG.settings();
        assertEquals(Scope.TITLE, org.noticesearch.web.SearchRequests.parse(Map.of("q", List.of("巾帼"), "scope", List.of("title")), settings).scope());
        assertEquals(Scope.DOC_NUMBER, org.noticesearch.web.SearchRequests.parse(Map.of("scope", List.of("docNumber")), settings).scope());
        assertEquals(Scope.ALL, org.noticesearch.web.SearchRequests.parse(Map.of("q", List.of("巾帼")), settings).scope());
        assertEquals(Scope.TITLE, SearchRequest.of("巾帼").withScope(Scope.TITLE).withPage(2, 5).withSort(SortOrder.NEWEST).scope());
        BadRequestException e = assertThrows(BadRequestException.class,
                () -> org.noticesearch.web.SearchRequests.parse(Map.of("scope", List.of("body")), settings));
        assertEquals("scope", e.parameter());
    }

    @Test
    void pinyinInitialsSuggestTheIndexsIssuersAliasesAndTitles() {
        assertEquals(List.of("全国妇联", "全国妇联关于开展巾帼脱贫行动的通知", "中华全国妇联"),
                service.service().suggest("qgfl", 8).stream().map(Suggestion::text).toList());
    }
}
