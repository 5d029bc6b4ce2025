package org.noticesearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.noticesearch.search.SearchTestSupport.CONFIG;
import static org.noticesearch.search.SearchTestSupport.CORPUS;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.noticesearch.ingest.FailureKind;
import org.noticesearch.ingest.Notice;
import org.noticesearch.ingest.NoticeParser;

/** CorpusSync's decisions, seen through a sink that keeps its index in a map and can refuse a file. */
class CorpusSyncTest {
    @TempDir
    Path tmp;

    /** An index in memory: source → stamp; refuses to index the sources it is told to. */
    static final class MapSink implements IndexSink<String> {
        final Map<String, Indexed> held = new HashMap<>();
        final List<String> log = new ArrayList<>();
        final List<String> refuse = new ArrayList<>();
        int commits;

        @Override
        public State open() {
            return new State(held, false);
        }

        @Override
        public String prepare(Notice notice, NoticeDocuments.FileStamp stamp) {
            return notice.id();
        }

        @Override
        public synchronized void write(List<Change<String>> changes, Outcomes outcomes) {
            for (Change<String> c : changes) {
                if (refuse.contains(c.source())) {
                    outcomes.refused(c, "refused by the test");
                    continue;
                }
                log.add(c.op() + " " + c.source());
                if (c.op() == Op.DELETE) {
                    held.remove(c.source());
                } else {
                    held.put(c.source(), new Indexed(c.id(), c.stamp().hash(), c.stamp().mtime(), c.stamp().size()));
                }
                outcomes.done(c);
            }
        }

        @Override
        public int batchSize() {
            return 2; // several batches in flight even for a few files
        }

        @Override
        public int writesInFlight() {
            return 2;
        }

        @Override
        public void commit() {
            commits++;
        }
    }

    private List<Path> seeds() throws IOException {
        try (Stream<Path> s = Files.list(CORPUS)) {
            return s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
    }

    @Test
    void decidesIndexRestampDeleteAndCountsRefusalsByKind() throws IOException {
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        List<Path> seeds = seeds();
        for (Path p : seeds) {
            Files.copy(p, corpus.resolve(p.getFileName()));
        }
        CorpusSync sync = new CorpusSync(new NoticeParser(CONFIG), FailedFiles.inMemory(), 2);
        MapSink sink = new MapSink();
        IngestReport first = sync.run(corpus, sink, NoticeIndexer.Progress.NONE);
        assertEquals(seeds.size(), first.added());
        assertEquals(1, sink.commits);

        String a = seeds.get(0).getFileName().toString();
        String b = seeds.get(1).getFileName().toString();
        String c = seeds.get(2).getFileName().toString();
        Path touched = corpus.resolve(a);
        Files.setLastModifiedTime(touched, FileTime.fromMillis(Files.getLastModifiedTime(touched).toMillis() + 60_000));
        Files.writeString(corpus.resolve(b), "\n附件：无\n", java.nio.file.StandardOpenOption.APPEND);
        Files.delete(corpus.resolve(c));
        sink.refuse.add(b);
        sink.log.clear();

        IngestReport second = sync.run(corpus, sink, NoticeIndexer.Progress.NONE);
        assertEquals(List.of("RESTAMP " + a, "DELETE " + c), sink.log);
        assertEquals(0, second.added());
        assertEquals(0, second.updated());
        assertEquals(1, second.deleted());
        assertEquals(seeds.size() - 2, second.unchanged(), "the restamped file and the untouched ones");
        assertEquals(Map.of(FailureKind.REJECTED, 1), second.failuresByKind());
        assertEquals(b, second.failures().get(0).source());
        assertEquals("refused by the test; the previous version stays indexed", second.failures().get(0).reason());
        assertEquals(2, sink.commits);
    }

    @Test
    void ofTwoFilesWithOneIdTheFirstInCorpusOrderIsIndexed() throws IOException {
        // "-x.txt" gets the id "n-x" (an id starts with a letter or digit), which is also the id of "n-x.txt".
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        List<Path> seeds = seeds();
        for (int round = 0; round < 5; round++) {
            try (Stream<Path> s = Files.list(corpus)) {
                for (Path p : s.toList()) {
                    Files.delete(p);
                }
            }
            Files.copy(seeds.get(0), corpus.resolve("-x.txt"));
            Files.copy(seeds.get(1), corpus.resolve("n-x.txt"));
            for (int i = 0; i < 6; i++) {
                Files.copy(seeds.get(2 + i % 3), corpus.resolve("f" + i + ".txt"));
            }
            MapSink sink = new MapSink();
            IngestReport r = new CorpusSync(new NoticeParser(CONFIG), FailedFiles.inMemory(), 4).run(corpus, sink, NoticeIndexer.Progress.NONE);
            assertEquals(7, r.added());
            assertEquals(Map.of(FailureKind.DUPLICATE_ID, 1), r.failuresByKind());
            assertEquals("n-x.txt", r.failures().get(0).source());
            assertTrue(sink.held.containsKey("-x.txt"));
        }
    }
}
