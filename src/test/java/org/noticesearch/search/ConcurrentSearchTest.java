package org.noticesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.noticesearch.search.SearchTestSupport.CORPUS;
import static org.noticesearch.search.SearchTestSupport.copyTxt;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.noticesearch.NoticeService;
import org.noticesearch.config.IndexConfig;

/** Many searches at once give the same pages as one at a time (shared caches and facet state are read-only). */
class ConcurrentSearchTest {
    @TempDir
    Path tmp;

    @Test
    void concurrentSearchesAgreeWithSerialOnes() throws Exception {
        Path corpus = tmp.resolve("corpus");
        copyTxt(CORPUS, corpus);
        IndexConfig cfg = IndexConfig.load(Path.of("index-config"));
        List<SearchRequest> requests = List.of(SearchRequest.of(""), SearchRequest.of("妇联"), SearchRequest.of("疫情防控 巾帼"),
                SearchRequest.of("妇女").withIssuers(List.of("山东省妇联")), SearchRequest.of("").withIssuers(List.of("重庆市妇女联合会")),
                SearchRequest.of("工作").withSort(SortOrder.NEWEST), SearchRequest.of("鲁妇通字[2020]6号"));
        try (NoticeService s = NoticeService.start(cfg, corpus, tmp.resolve("index"), 1, false)) {
            // Concurrent first, on a cold snapshot, so that caches are filled by racing threads.
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<SearchPage>> futures = new ArrayList<>();
                for (int i = 0; i < 400; i++) {
                    SearchRequest r = requests.get(i % requests.size());
                    futures.add(pool.submit(() -> s.service().search(r)));
                }
                List<SearchPage> serial = new ArrayList<>();
                for (SearchRequest r : requests) {
                    serial.add(s.service().search(r));
                }
                for (int i = 0; i < futures.size(); i++) {
                    SearchPage want = serial.get(i % requests.size());
                    SearchPage got = futures.get(i).get();
                    assertEquals(want.total(), got.total());
                    assertEquals(want.hits(), got.hits());
                    assertEquals(want.facets(), got.facets());
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
