package org.noticesearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.noticesearch.search.SearchTestSupport.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.noticesearch.NoticeService;
import org.noticesearch.analysis.Analysis;
import org.noticesearch.config.IndexConfig;
import org.noticesearch.ingest.NoticeParser;
import org.noticesearch.search.SearchPage;

/** The index follows a corpus folder: adds, updates, deletes; a no-change run writes nothing; config changes rebuild. */
class IncrementalIndexingTest {
    static final String S001 = "001_b0a97531a24c94f3";
    static final String S002 = "002_fb3faa2e2b81f872";
    static final String S003 = "003_75a19b785f318a28";

    @TempDir
    Path tmp;

    /** One indexing run as the {@code index} command does it: open, sync, close. */
    static IngestReport run(IndexConfig cfg, Path corpus, Path index) throws IOException {
        try (Analysis a = new Analysis(cfg); IndexStore store = IndexStore.open(index, cfg, a)) {
            return new NoticeIndexer(store, new NoticeParser(cfg), 2).sync(corpus, NoticeIndexer.Progress.NONE);
        }
    }

    static String rebuildReason(IndexConfig cfg, Path index) throws IOException {
        try (Analysis a = new Analysis(cfg); IndexStore store = IndexStore.open(index, cfg, a)) {
            return store.rebuildReason();
        }
    }

    static long generation(Path index) throws IOException {
        try (var dir = FSDirectory.open(index)) {
            return SegmentInfos.readLatestCommit(dir).getGeneration();
        }
    }

    /** Every file of the index folder with its size and modification time. */
    static Map<String, String> files(Path index) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.list(index)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                out.put(p.getFileName().toString(), Files.size(p) + "@" + Files.getLastModifiedTime(p).toMillis());
            }
        }
        return out;
    }

    static int docCount(Path index) throws IOException {
        try (var dir = FSDirectory.open(index); DirectoryReader r = DirectoryReader.open(dir)) {
            return r.numDocs();
        }
    }

    static Path seedFile(String prefix) throws IOException {
        try (Stream<Path> s = Files.list(CORPUS)) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
        }
    }

    static List<String> hits(Path corpus, Path index, String q) throws IOException {
        try (NoticeService s = start(corpus, index)) {
            SearchPage p = s.service().search(org.noticesearch.search.SearchRequest.of(q).withPage(1, 100));
            return ids(p);
        }
    }

    static int segments(Path index) throws IOException {
        try (var dir = FSDirectory.open(index)) {
            return SegmentInfos.readLatestCommit(dir).size();
        }
    }

    static void writeNotices(Path corpus, int from, int to) {
        for (int i = from; i < to; i++) {
            write(corpus.resolve(String.format("m%03d.txt", i)), notice("测试市妇女联合会", "测妇字〔2024〕" + (i + 1) + "号",
                    "关于第" + (i + 1) + "批工作的通知", "2024年5月1日", "第" + (i + 1) + "项工作要抓好落实。"));
        }
    }

    /**
     * A sync that writes a large share of the index (here half of it) leaves one segment; a small one (1 of 41) leaves
     * merging to the merge policy, so it adds a segment of its own.
     */
    @Test
    void aLargeSyncMergesTheIndexIntoOneSegmentAndASmallOneDoesNot() throws IOException {
        Path corpus = tmp.resolve("corpus");
        Path index = tmp.resolve("index");
        writeNotices(corpus, 0, 20);
        assertEquals(20, run(CONFIG, corpus, index).added());
        writeNotices(corpus, 20, 40);
        assertEquals(20, run(CONFIG, corpus, index).added());
        assertEquals(1, segments(index), "after adding half the index");
        assertEquals(40, docCount(index));
        writeNotices(corpus, 40, 41);
        assertEquals(1, run(CONFIG, corpus, index).added());
        assertEquals(2, segments(index), "after adding 1 of 41");
        assertEquals(41, docCount(index));
    }

    @Test
    void addChangeDeleteAndNoChange() throws IOException {
        Path corpus = tmp.resolve("corpus");
        Path index = tmp.resolve("index");
        copyTxt(CORPUS, corpus);

        IngestReport first = run(CONFIG, corpus, index);
        assertEquals(5, first.seen());
        assertEquals(5, first.added());
        assertTrue(first.failures().isEmpty());
        assertEquals(5, docCount(index));

        // a second run with no change reports nothing and writes nothing
        long gen = generation(index);
        Map<String, String> before = files(index);
        IngestReport same = run(CONFIG, corpus, index);
        assertFalse(same.changedAnything());
        assertEquals(5, same.unchanged());
        assertEquals(0, same.added() + same.updated() + same.deleted());
        assertEquals(0, same.bytesRead(), "unchanged files are recognised by size and time, not read");
        assertTrue(same.summary().contains("nothing changed"), same.summary());
        assertEquals(gen, generation(index));
        assertEquals(before, files(index), "no index file written or touched");

        // add one, change one, delete one
        Files.copy(FIXTURES.resolve("gbk_notice.txt"), corpus.resolve("gbk_notice.txt"));
        Path f001 = corpus.resolve(seedFile("001").getFileName());
        Files.writeString(f001, Files.readString(f001) + "\n    请各地同步开展蓝天白云读书会活动。\n", StandardCharsets.UTF_8);
        Files.delete(corpus.resolve(seedFile("002").getFileName()));
        IngestReport changed = run(CONFIG, corpus, index);
        assertEquals(5, changed.seen());
        assertEquals(1, changed.added());
        assertEquals(1, changed.updated());
        assertEquals(1, changed.deleted());
        assertEquals(3, changed.unchanged());
        assertTrue(changed.changedAnything());
        assertTrue(generation(index) > gen);
        assertEquals(5, docCount(index));
        assertEquals(List.of(S001), hits(corpus, index, "蓝天白云读书会"));
        assertEquals(List.of("gbk_notice"), hits(corpus, index, "冀家书香"));
        assertFalse(hits(corpus, index, "妇女").contains(S002));
        assertEquals(List.of(), hits(corpus, index, "\"" + "防控工作时的重要讲话精神" + "\""));

        // touched but not changed: re-stamped once, then skipped without reading
        Path f003 = corpus.resolve(seedFile("003").getFileName());
        Files.setLastModifiedTime(f003, FileTime.fromMillis(Files.getLastModifiedTime(f003).toMillis() + 60_000));
        IngestReport touched = run(CONFIG, corpus, index);
        assertFalse(touched.changedAnything());
        assertEquals(0, touched.updated());
        long gen2 = generation(index);
        Map<String, String> before2 = files(index);
        IngestReport again = run(CONFIG, corpus, index);
        assertFalse(again.changedAnything());
        assertEquals(0, again.bytesRead());
        assertEquals(gen2, generation(index));
        assertEquals(before2, files(index));
    }

    @Test
    void aTouchedFileIsRestampedInPlaceWithoutANewDocument() throws IOException {
        Path corpus = tmp.resolve("corpus");
        Path index = tmp.resolve("index");
        copyTxt(CORPUS, corpus);
        assertEquals(5, run(CONFIG, corpus, index).added());
        Path f003 = corpus.resolve(seedFile(S003).getFileName());
        long touchedAt = Files.getLastModifiedTime(f003).toMillis() + 60_000;
        Files.setLastModifiedTime(f003, FileTime.fromMillis(touchedAt));

        IngestReport touched = run(CONFIG, corpus, index);
        assertEquals(5, touched.unchanged());
        assertEquals(0, touched.updated());
        try (var dir = FSDirectory.open(index); DirectoryReader r = DirectoryReader.open(dir)) {
            // The doc value was updated in place: no document was deleted and added again (which re-analyses the text).
            assertEquals(5, r.maxDoc());
            assertEquals(0, r.numDeletedDocs());
            String stamp = null;
            for (var leaf : r.leaves()) {
                var dv = leaf.reader().getBinaryDocValues(NoticeFields.FILE_STAMP);
                for (int d = dv.nextDoc(); d != org.apache.lucene.search.DocIdSetIterator.NO_MORE_DOCS; d = dv.nextDoc()) {
                    String v = dv.binaryValue().utf8ToString();
                    if (v.startsWith(S003 + NoticeDocuments.STAMP_SEPARATOR)) {
                        stamp = v;
                    }
                }
            }
            assertNotNull(stamp);
            assertEquals(Long.toString(touchedAt), stamp.split(NoticeDocuments.STAMP_SEPARATOR)[3]);
        }
        assertEquals(0, run(CONFIG, corpus, index).bytesRead(), "the new stamp was committed: nothing is read again");
        assertEquals(List.of(S003), hits(corpus, index, "渝妇发〔2020〕13号"));
    }

    @Test
    void serviceStartOnAnUpToDateIndexWritesNothing() throws IOException {
        Path corpus = tmp.resolve("corpus");
        Path index = tmp.resolve("index");
        copyTxt(CORPUS, corpus);
        try (NoticeService s = start(corpus, index)) {
            assertEquals(5, s.maintainer().lastReport().added());
        }
        Map<String, String> before = files(index);
        long gen = generation(index);
        try (NoticeService s = start(corpus, index)) {
            // An existing index is served at once and checked in the background.
            assertEquals(5, s.service().stats().documents());
            awaitIdle(s);
            assertFalse(s.maintainer().lastReport().changedAnything());
            assertEquals(gen, s.service().stats().generation());
        }
        assertEquals(before, files(index));
    }

    @Test
    void serviceStartPicksUpChangesMadeWhileItWasStopped() throws IOException {
        Path corpus = tmp.resolve("corpus");
        Path index = tmp.resolve("index");
        copyTxt(CORPUS, corpus);
        try (NoticeService s = start(corpus, index)) {
            assertEquals(5, s.service().stats().documents());
        }
        Files.delete(corpus.resolve("000_15c9de7d74b4cd66.txt"));
        try (NoticeService s = start(corpus, index)) {
            awaitIdle(s);
            assertEquals(1, s.maintainer().lastReport().deleted());
            assertEquals(4, s.service().stats().documents());
        }
    }

    private static void awaitIdle(NoticeService s) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (s.maintainer().isBusy() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertFalse(s.maintainer().isBusy(), "the start-up sync finished within 10 s");
    }

    @Test
    void changedAnalysisSettingsRebuildAndSaySo() throws IOException {
        Path corpus = tmp.resolve("corpus");
        Path index = tmp.resolve("index");
        copyTxt(CORPUS, corpus);
        run(CONFIG, corpus, index);

        Path cfgDir = tmp.resolve("config");
        Files.createDirectories(cfgDir);
        try (Stream<Path> s = Files.list(CONFIG_DIR)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Files.copy(p, cfgDir.resolve(p.getFileName()));
            }
        }
        IndexConfig same = IndexConfig.load(cfgDir);
        assertEquals(CONFIG.fingerprint(), same.fingerprint(), "a copy is the same configuration");
        assertNull(rebuildReason(same, index));

        Files.writeString(cfgDir.resolve(IndexConfig.STOPWORDS), "\n通知\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        IndexConfig edited = IndexConfig.load(cfgDir);
        assertNotEquals(CONFIG.fingerprint(), edited.fingerprint());
        String reason = rebuildReason(edited, index);
        assertNotNull(reason);
        assertTrue(reason.contains("rebuild"), reason);

        IngestReport rebuilt = run(edited, corpus, index);
        assertTrue(rebuilt.rebuilt());
        assertTrue(rebuilt.changedAnything());
        assertEquals(5, rebuilt.added(), "every file is indexed again");
        assertEquals(5, docCount(index));
        // the new fingerprint is committed: the next run with the same settings does nothing
        assertNull(rebuildReason(edited, index));
        IngestReport after = run(edited, corpus, index);
        assertFalse(after.changedAnything());
        assertFalse(after.rebuilt());

        // synonyms are query-time only: editing them does not rebuild
        Files.writeString(cfgDir.resolve(IndexConfig.SYNONYMS), "\n春风行动, 春风\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        assertNull(rebuildReason(IndexConfig.load(cfgDir), index));

        // and going back to the original settings rebuilds again
        assertNotNull(rebuildReason(CONFIG, index));
    }

    @Test
    void brokenFilesAreReportedAndTheRestIndexed() throws IOException {
        Path corpus = tmp.resolve("corpus");
        Path index = tmp.resolve("index");
        copyTxt(CORPUS, corpus);
        Files.copy(FIXTURES.resolve("broken/binary.txt"), corpus.resolve("zz_binary.txt"));
        Files.copy(FIXTURES.resolve("broken/no_chinese.txt"), corpus.resolve("zz_english.txt"));
        IngestReport r = run(CONFIG, corpus, index);
        assertEquals(7, r.seen());
        assertEquals(5, r.added());
        assertEquals(List.of("zz_binary.txt", "zz_english.txt"), r.failures().stream().map(f -> f.source()).toList());
        assertTrue(r.summary().contains("zz_binary.txt"), r.summary());
        assertEquals(5, docCount(index));
    }

    @Test
    void aFileThatBecomesBrokenKeepsItsOldVersion() throws IOException {
        Path corpus = tmp.resolve("corpus");
        Path index = tmp.resolve("index");
        copyTxt(CORPUS, corpus);
        run(CONFIG, corpus, index);
        long gen = generation(index);

        Path f003 = corpus.resolve(seedFile("003").getFileName());
        Files.write(f003, new byte[0]);
        IngestReport r = run(CONFIG, corpus, index);
        assertEquals(1, r.failures().size());
        assertEquals(f003.getFileName().toString(), r.failures().get(0).source());
        assertTrue(r.failures().get(0).reason().contains("previous version stays indexed"), r.failures().get(0).reason());
        assertEquals(0, r.deleted());
        assertFalse(r.changedAnything());
        assertEquals(gen, generation(index));
        assertEquals(5, docCount(index));
        assertTrue(hits(corpus, index, "巾帼脱贫行动").contains(S003), "the old version is still searchable");

        // once fixed, it is updated
        Files.copy(seedFile("003"), f003, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(f003, Files.readString(f003) + "\n    修复后新增一段紫藤花开文字。\n", StandardCharsets.UTF_8);
        IngestReport fixed = run(CONFIG, corpus, index);
        assertTrue(fixed.failures().isEmpty());
        assertEquals(1, fixed.updated());
        assertEquals(List.of(S003), hits(corpus, index, "紫藤花开"));
    }
}
