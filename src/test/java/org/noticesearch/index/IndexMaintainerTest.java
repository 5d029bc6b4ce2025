package org.noticesearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The maintainer's periodic re-scan syncs only when the corpus differs from what the last sync saw. */
class IndexMaintainerTest {
    @TempDir
    Path dir;

    /** Counts syncs; a sync on an OpenSearch index would read every stamp from the cluster. */
    private static final class CountingIndex implements CorpusIndex {
        final AtomicInteger syncs = new AtomicInteger();

        @Override
        public IngestReport sync(Path corpus, NoticeIndexer.Progress progress) {
            syncs.incrementAndGet();
            return new IngestReport(0, 0, 0, 0, 0, List.of(), 0, 0, false);
        }

        @Override
        public void rebuildOnNextSync() {}
    }

    @Test
    void aRescanOfAnUnchangedCorpusDoesNotSyncAndAChangedOneDoes() throws Exception {
        Files.writeString(dir.resolve("a.txt"), "关于开展春蕾计划的通知");
        CountingIndex index = new CountingIndex();
        try (IndexMaintainer m = new IndexMaintainer(index, dir, () -> {}, 100)) {
            m.syncNow(NoticeIndexer.Progress.NONE);
            m.startWatching();
            Thread.sleep(3_000); // the watch loop wakes every second, so about three re-scans
            assertEquals(1, index.syncs.get(), "nothing changed, nothing synced");

            Files.writeString(dir.resolve("b.txt"), "关于开展春风行动的通知");
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (index.syncs.get() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertTrue(index.syncs.get() >= 2, "a new file is synced");
            Thread.sleep(1_500); // any late event of the same write is handled by now
            int after = index.syncs.get();
            Thread.sleep(3_000);
            assertEquals(after, index.syncs.get(), "once synced, the re-scans are quiet again");
        }
    }
}
