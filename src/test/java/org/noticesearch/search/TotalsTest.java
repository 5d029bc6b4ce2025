package org.noticesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.noticesearch.search.SearchTestSupport.*;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.noticesearch.NoticeService;
import org.noticesearch.config.IndexConfig;

/** Totals are exact up to search.totalHitsThreshold and "at least" beyond it (a threshold of 3 stands in for 10,000). */
class TotalsTest {
    @TempDir
    Path tmp;

    @Test
    void atLeastBeyondTheThreshold() throws IOException {
        IndexConfig cfg = SearchTestSupport.configWith(tmp.resolve("config"), "search.totalHitsThreshold=10000", "search.totalHitsThreshold=3");
        assertEquals(3, cfg.settings().totalHitsThreshold());
        Path corpus = tmp.resolve("corpus");
        copyTxt(CORPUS, corpus);
        copyTxt(FIXTURES, corpus);
        int women = (int) parseAll(corpus).stream().filter(n -> contains(n, "妇女")).count();
        assertTrue(women > 3);
        try (NoticeService s = start(cfg, corpus, tmp.resolve("index"))) {
            for (SortOrder order : SortOrder.values()) {
                SearchPage p = s.service().search(SearchRequest.of("妇女").withSort(order).withPage(1, 1));
                assertTrue(p.total() >= 3, order + ": " + p.total());
                assertTrue(p.total() <= women);
                if (p.total() < women) {
                    assertTrue(!p.totalIsExact(), order + ": a partial count must say so");
                }
                SearchPage few = s.service().search(SearchRequest.of("冀家书香").withSort(order).withPage(1, 1));
                assertEquals(1, few.total());
                assertTrue(few.totalIsExact());
            }
        }
    }
}
