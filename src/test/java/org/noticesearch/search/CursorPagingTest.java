package org.noticesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.noticesearch.search.SearchTestSupport.*;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.noticesearch.search.lucene.LuceneCursor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.noticesearch.NoticeService;

/** cursor=/nextCursor (searchAfter) gives every hit exactly once, in order, for each sort; exportAll goes past the depth limit. */
class CursorPagingTest {
    static final int NOTICES = 61;
    @TempDir
    static Path tmp;
    static NoticeService service;
    static SearchService searcher;

    @BeforeAll
    static void index() {
        Path corpus = tmp.resolve("corpus");
        for (int i = 0; i < NOTICES; i++) {
            // Five dates only, and the same words in many notices: ties in date and in score, which the doc id breaks.
            String date = (2015 + i % 5) + "年3月" + (1 + i % 3) + "日";
            String body = "巾帼建功活动" + "。请认真组织巾帼建功。".repeat(1 + i % 4);
            write(corpus.resolve(String.format("n%02d.txt", i)), notice("全国妇联", "妇字〔" + (2015 + i % 5) + "〕" + (i + 1) + "号",
                    "关于第" + i + "期巾帼建功活动的通知", date, body));
        }
        service = start(corpus, tmp.resolve("index"));
        searcher = service.service();
    }

    @AfterAll
    static void close() throws IOException {
        service.close();
    }

    private static List<String> byCursor(SearchRequest first) {
        List<String> out = new ArrayList<>();
        SearchPage p = searcher.search(first);
        int pages = 1;
        out.addAll(ids(p));
        while (p.nextCursor() != null) {
            p = searcher.search(first.withCursor(p.nextCursor()));
            out.addAll(ids(p));
            assertTrue(++pages <= NOTICES + 1, "cursor paging must end");
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(SortOrder.class)
    void everyHitExactlyOnceInOrder(SortOrder sort) {
        SearchRequest all = SearchRequest.of("巾帼建功").withSort(sort).withPage(1, 100);
        List<String> expected = ids(searcher.search(all));
        assertEquals(NOTICES, expected.size());
        for (int size : new int[] {1, 7, 10, 61}) {
            List<String> paged = byCursor(SearchRequest.of("巾帼建功").withSort(sort).withPage(1, size));
            assertEquals(expected, paged, sort + " size " + size);
            assertEquals(NOTICES, new HashSet<>(paged).size());
        }
    }

    /**
     * Orders the request does not name: the landing page (no query: newest first) and a series search (an agency code:
     * the series by year and serial), sorted by several values each, which the cursor carries whole.
     */
    @Test
    void theLandingPageAndASeriesSearchPageByCursorToo() {
        for (String q : List.of("", "妇字")) {
            SearchRequest all = SearchRequest.of(q).withPage(1, 100);
            List<String> expected = ids(searcher.search(all));
            assertEquals(NOTICES, expected.size(), q);
            for (int size : new int[] {1, 7, 10}) {
                assertEquals(expected, byCursor(SearchRequest.of(q).withPage(1, size)), "'" + q + "' size " + size);
            }
        }
    }

    @Test
    void aCursorMayStartFromANumberedPageAndTheLastPageHasNone() {
        SearchRequest r = SearchRequest.of("巾帼建功").withSort(SortOrder.NEWEST).withPage(3, 10);
        SearchPage third = searcher.search(r);
        List<String> expected = ids(searcher.search(r.withPage(1, 100))).subList(20, 30);
        assertEquals(expected, ids(third));
        SearchPage fourth = searcher.search(r.withPage(1, 10).withCursor(third.nextCursor()));
        assertEquals(ids(searcher.search(r.withPage(1, 100))).subList(30, 40), ids(fourth));
        assertNull(searcher.search(r.withPage(7, 10)).nextCursor(), "a page that is not full has no next one");
        assertEquals(NOTICES, searcher.search(r.withPage(7, 10)).total());
    }

    /** A cursor forged with the right version and fingerprint but the wrong shape of sort values is a 400, not a 500. */
    @Test
    void aCursorWhoseValuesDoNotFitTheSortIsA400() {
        SearchRequest r = SearchRequest.of("巾帼建功").withSort(SortOrder.NEWEST).withPage(1, 5);
        LuceneCursor real = LuceneCursor.decode(searcher.search(r).nextCursor());
        for (List<Object> values : List.of(List.<Object>of(), List.<Object>of(1.5f, 2L), List.<Object>of(20200101L))) {
            String forged = new LuceneCursor(real.version(), real.sort(), real.search(), real.doc(), real.score(), values).encode();
            assertEquals("cursor", assertThrows(BadRequestException.class,
                    () -> searcher.search(r.withCursor(forged))).parameter(), values.toString());
        }
        SearchRequest relevance = SearchRequest.of("巾帼建功").withPage(1, 5);
        LuceneCursor rel = LuceneCursor.decode(searcher.search(relevance).nextCursor());
        String forged = new LuceneCursor(rel.version(), rel.sort(), rel.search(), rel.doc(), rel.score(), List.of(1L)).encode();
        assertEquals("cursor", assertThrows(BadRequestException.class,
                () -> searcher.search(relevance.withCursor(forged))).parameter());
    }

    @Test
    void foreignStaleAndMalformedCursorsAre400s() {
        SearchRequest r = SearchRequest.of("巾帼建功").withSort(SortOrder.NEWEST).withPage(1, 5);
        String cursor = searcher.search(r).nextCursor();
        assertNotNull(cursor);
        BadRequestException other = assertThrows(BadRequestException.class,
                () -> searcher.search(SearchRequest.of("通知").withSort(SortOrder.NEWEST).withPage(1, 5).withCursor(cursor)));
        assertEquals("cursor", other.parameter());
        assertThrows(BadRequestException.class, () -> searcher.search(r.withSort(SortOrder.OLDEST).withCursor(cursor)));
        for (String bad : List.of("AAAA", "not-base64!", cursor.substring(1))) {
            BadRequestException e = assertThrows(BadRequestException.class, () -> searcher.search(r.withCursor(bad)));
            assertEquals("cursor", e.parameter(), bad);
        }
        var settings = CONFIG.settings();
        assertEquals("cursor", assertThrows(BadRequestException.class, () -> org.noticesearch.web.SearchRequests.parse(
                Map.of("cursor", List.of(cursor), "page", List.of("2")), settings)).parameter());
        assertEquals(cursor, org.noticesearch.web.SearchRequests.parse(Map.of("cursor", List.of(cursor)), settings).cursor());
    }

    @Test
    void exportAllStreamsEveryHitInBatchesInSearchOrder() throws IOException {
        for (SortOrder sort : SortOrder.values()) {
            SearchRequest r = SearchRequest.of("巾帼建功").withSort(sort).withPage(1, 10);
            List<String> expected = ids(searcher.search(r.withPage(1, 100)));
            List<String> got = new ArrayList<>();
            searcher.exportAll(r, new SearchBackend.ExportSink() {
                @Override
                public void begin(boolean partial) {
                    assertTrue(!partial);
                }

                @Override
                public void row(ExportRow row) {
                    got.add(row.id());
                }
            }, 8);
            assertEquals(expected, got, sort.toString());
        }
    }

    @Test
    void aCursorFromAnOlderSnapshotIsRefused() throws IOException {
        SearchRequest r = SearchRequest.of("巾帼建功").withPage(1, 5);
        String cursor = searcher.search(r).nextCursor();
        Path added = tmp.resolve("corpus").resolve("zz_new.txt");
        write(added, notice("全国妇联", "妇字〔2024〕99号", "关于巾帼建功的补充通知", "2024年1月1日", "巾帼建功。"));
        try {
            service.maintainer().syncNow(org.noticesearch.index.NoticeIndexer.Progress.NONE);
            BadRequestException e = assertThrows(BadRequestException.class, () -> searcher.search(r.withCursor(cursor)));
            assertTrue(e.getMessage().contains("start again"), e.getMessage());
        } finally {
            java.nio.file.Files.delete(added);
            service.maintainer().syncNow(org.noticesearch.index.NoticeIndexer.Progress.NONE);
        }
    }

    @Test
    void theFingerprintIsTheSameInEveryProcess() {
        // Only strings and dates go in: a fixed value, whichever JVM computes it (enum hash codes would differ per run).
        SearchRequest r = SearchRequest.of("巾帼建功").withScope(Scope.TITLE).withSort(SortOrder.NEWEST);
        assertEquals(java.util.Objects.hash("巾帼建功", "TITLE", null, List.of(), null, null, null, null, null, "NEWEST"),
                r.fingerprint());
        assertEquals(r.fingerprint(), r.withPage(4, 20).fingerprint());
    }
}
