package org.noticesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.noticesearch.NoticeService;

/**
 * A walk over every match in batches (diffusion's adopters, the whole export) continues each batch after the
 * previous one's last hit. When the exact query finds nothing and the relaxed one answers, every batch must run the
 * same relaxed query, scored or unscored alike: otherwise the cursor's score belongs to another ranking, and notices
 * of the cursor's date are repeated or skipped.
 */
class RelaxedWalkTest {
    private static final int NOTICES = 23;

    /** Notices of one date, each with 振兴 and 乡村 but never the phrase 振兴乡村, each word a different number of times. */
    private static void writeCorpus(Path corpus) {
        for (int i = 0; i < NOTICES; i++) {
            List<String> paragraphs = new ArrayList<>();
            paragraphs.add("各地要推进乡村工作。");
            for (int k = 0; k <= i % 7; k++) {
                paragraphs.add("第" + (k + 1) + "项：振兴产业，做好服务。");
            }
            for (int k = 0; k <= i % 5; k++) {
                paragraphs.add("乡村妇女参加培训" + (k + 1) + "次。");
            }
            SearchTestSupport.write(corpus.resolve(String.format("n%02d.txt", i)), SearchTestSupport.notice("测试市妇女联合会",
                    "测妇字〔2024〕" + (i + 1) + "号", "关于第" + (i + 1) + "批培训工作的通知", "2024年5月1日",
                    paragraphs.toArray(String[]::new)));
        }
    }

    @Test
    void aRelaxedWalkInSeveralBatchesGivesEachMatchOnce(@TempDir Path tmp) throws Exception {
        writeCorpus(tmp.resolve("corpus"));
        try (NoticeService s = SearchTestSupport.start(tmp.resolve("corpus"), tmp.resolve("index"))) {
            SearchPage page = SearchTestSupport.search(s, "振兴乡村");
            assertTrue(page.relaxed(), "the exact query finds nothing, the relaxed one answers");
            assertEquals(NOTICES, page.total());
            Set<String> expected = new TreeSet<>(SearchTestSupport.ids(page));

            for (int batch : new int[] {1, 4, 7, NOTICES, 100}) {
                List<String> walked = new ArrayList<>();
                boolean cut = s.service().eachMatch(SearchRequest.of("振兴乡村"), 1000, batch, n -> walked.add(n.id()));
                assertFalse(cut, "batch " + batch);
                assertEquals(NOTICES, walked.size(), "batch " + batch + ": each match once, none skipped: " + walked);
                assertEquals(expected, new TreeSet<>(walked), "batch " + batch);
            }
        }
    }
}
