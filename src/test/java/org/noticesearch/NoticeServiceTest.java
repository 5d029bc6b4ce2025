package org.noticesearch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.noticesearch.config.IndexConfig;
import org.noticesearch.search.SearchRequest;

/** The served index follows the corpus folder while running: added, changed and removed files within about 5 s. */
class NoticeServiceTest {
    @TempDir
    Path tmp;

    @Test
    void watchedCorpusChangesAreSearchableWithinSeconds() throws Exception {
        Path corpus = tmp.resolve("corpus");
        Files.createDirectories(corpus);
        Files.copy(Path.of("corpus/001_b0a97531a24c94f3.txt"), corpus.resolve("a.txt"));
        IndexConfig cfg = IndexConfig.load(Path.of("index-config"));
        try (NoticeService service = NoticeService.start(cfg, corpus, tmp.resolve("index"), 1, true)) {
            IntSupplier hits = () -> (int) service.service().search(SearchRequest.of("春蕾计划")).total();
            assertEquals(0, hits.getAsInt());

            Files.createDirectories(corpus.resolve("2012"));
            Files.copy(Path.of("corpus/004_14145a449d0a6655.txt"), corpus.resolve("2012/b.txt"));
            awaitEquals(1, hits);

            Files.writeString(corpus.resolve("a.txt"), Files.readString(corpus.resolve("a.txt")) + "\n另请关注“春蕾计划”。\n");
            awaitEquals(2, hits);

            Files.delete(corpus.resolve("2012/b.txt"));
            awaitEquals(1, hits);
        }
    }

    private static void awaitEquals(int expected, IntSupplier actual) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (System.nanoTime() < deadline && actual.getAsInt() != expected) {
            Thread.sleep(100);
        }
        assertEquals(expected, actual.getAsInt(), "within 5 seconds");
    }
}
