package org.noticesearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.noticesearch.search.SearchTestSupport.CONFIG;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.noticesearch.analysis.Analysis;
import org.noticesearch.ingest.NoticeParser;

/** A sync that adds many files writes with a bigger buffer (fewer flushes and merges); an everyday sync does not. */
class BulkModeTest {
    @TempDir
    Path tmp;

    @Test
    void manyNewFilesSwitchTheWriterToBulkModeForTheSyncOnly() throws Exception {
        try (Analysis analysis = new Analysis(CONFIG); IndexStore store = IndexStore.open(tmp.resolve("index"), CONFIG, analysis)) {
            NoticeIndexer indexer = new NoticeIndexer(store, new NoticeParser(CONFIG), 1);
            double everyday = store.writer().getConfig().getRAMBufferSizeMB();
            assertEquals(IndexStore.RAM_BUFFER_MB, everyday);
            double expectedBulk = Math.max(IndexStore.RAM_BUFFER_MB,
                    Math.min(IndexStore.BULK_RAM_BUFFER_MB, Runtime.getRuntime().maxMemory() / 4.0 / (1 << 20)));

            indexer.beforeChanges(NoticeIndexer.BULK_FILES, new IndexSink.State(Map.of(), true));
            assertEquals(expectedBulk, store.writer().getConfig().getRAMBufferSizeMB());
            assertTrue(expectedBulk > everyday || Runtime.getRuntime().maxMemory() < (512L << 20), "test JVM heap too small to see bulk mode");
            indexer.afterChanges();
            assertEquals(everyday, store.writer().getConfig().getRAMBufferSizeMB());

            // Fewer new files than the threshold (the index holds all but a few): the everyday buffer.
            Map<String, IndexSink.Indexed> held = new HashMap<>();
            for (int i = 0; i < 10; i++) {
                held.put("f" + i, new IndexSink.Indexed("id" + i, "h", 1, 1));
            }
            indexer.beforeChanges(NoticeIndexer.BULK_FILES + 9, new IndexSink.State(held, false));
            assertEquals(everyday, store.writer().getConfig().getRAMBufferSizeMB());
            indexer.afterChanges();
        }
    }
}
