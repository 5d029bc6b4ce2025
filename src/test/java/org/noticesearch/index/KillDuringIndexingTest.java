package org.noticesearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 during indexing, at random points: a child JVM runs {@code index} on a generated corpus that grows each
 * round and is killed after a random delay. After every kill the index opens, CheckIndex finds it clean, and it holds
 * exactly the notices of some completed sync (a sync commits all or nothing), never a part of one.
 */
class KillDuringIndexingTest {
    static final int ROUNDS = 10;
    static final int FILES_PER_ROUND = 40;

    @TempDir
    Path dir;

    @Test
    void theLastCommitSurvivesKillNine() throws Exception {
        long t0 = System.nanoTime();
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Path index = dir.resolve("index");
        List<Path> seeds;
        try (Stream<Path> s = Files.list(Path.of("corpus"))) {
            seeds = s.filter(p -> p.toString().endsWith(".txt") && !p.getFileName().toString().startsWith("README")).sorted().toList();
        }
        Random random = new Random(20240613);
        TreeSet<Integer> completed = new TreeSet<>(List.of(0));
        int files = 0;
        int killedMidway = 0;
        for (int round = 0; round < ROUNDS; round++) {
            for (int i = 0; i < FILES_PER_ROUND; i++, files++) {
                Files.copy(seeds.get(files % seeds.size()), corpus.resolve(String.format("r%02d-%03d.txt", round, i)));
            }
            Process p = index(corpus, index);
            boolean ended = p.waitFor(100 + random.nextInt(2400), TimeUnit.MILLISECONDS);
            if (!ended) {
                p.destroyForcibly(); // SIGKILL
                p.waitFor(30, TimeUnit.SECONDS);
            }
            int docs = check(index);
            if (docs == files) {
                completed.add(files);
            } else {
                killedMidway++;
            }
            assertTrue(completed.contains(docs), "round " + round + ": " + docs + " notices, not the count of any completed sync "
                    + completed);
        }
        // The index is still usable: a run to the end brings it up to date.
        Process p = index(corpus, index);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
        assertEquals(files, check(index));
        assertTrue(killedMidway > 0, "at least one kill landed during a sync");
        assertTrue(System.nanoTime() - t0 < 60_000_000_000L, "the kill rounds stay under a minute");
    }

    private static Process index(Path corpus, Path index) throws Exception {
        String java = ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "org.noticesearch.App", "index", "--corpus", corpus.toString(), "--index", index.toString(), "--config", "index-config"));
        return new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }

    /** The notices in the last commit, after checking the index opens and is clean; 0 where nothing was committed yet. */
    private static int check(Path index) throws Exception {
        if (!Files.exists(index)) {
            return 0;
        }
        try (Directory d = FSDirectory.open(index)) {
            if (!DirectoryReader.indexExists(d)) {
                return 0;
            }
            try (CheckIndex ci = new CheckIndex(d)) {
                ci.setInfoStream(null);
                assertTrue(ci.checkIndex().clean, "CheckIndex finds the index clean");
            }
            try (DirectoryReader r = DirectoryReader.open(d)) {
                return r.numDocs();
            }
        }
    }
}
