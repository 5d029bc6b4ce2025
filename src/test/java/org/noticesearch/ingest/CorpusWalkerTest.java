package org.noticesearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The walk never leaves the corpus: links are followed only to targets inside it; a link to a folder or a file
 * outside, a loop, and a broken link are each reported against their path, and the walk goes on.
 */
class CorpusWalkerTest {
    @TempDir
    Path dir;

    private static List<String> sources(Path root, List<Path> files) {
        return files.stream().map(f -> CorpusWalker.sourceOf(root, f)).toList();
    }

    private static List<String> problems(CorpusWalker.Walk w) {
        return w.problems().stream().map(p -> p.source() + " " + p.kind()).toList();
    }

    @Test
    void linksAreFollowedOnlyInsideTheCorpus() throws Exception {
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Path secret = Files.createDirectories(dir.resolve("secret"));
        Files.writeString(secret.resolve("plan.txt"), "机密文件");
        Files.writeString(dir.resolve("passwd.txt"), "root:x:0:0");
        Files.createDirectories(corpus.resolve("2024"));
        Files.writeString(corpus.resolve("2024/a.txt"), "通知");
        Files.createSymbolicLink(corpus.resolve("secret"), secret);                   // a folder outside
        Files.createSymbolicLink(corpus.resolve("b.txt"), dir.resolve("passwd.txt")); // a file outside
        Files.createSymbolicLink(corpus.resolve("env.txt"), Path.of("/proc/self/environ"));
        Files.createSymbolicLink(corpus.resolve("latest"), Path.of("2024"));          // a folder inside (relative)
        Files.createSymbolicLink(corpus.resolve("c.txt"), corpus.resolve("2024/a.txt")); // a file inside

        CorpusWalker.Walk w = CorpusWalker.walk(corpus);
        assertEquals(List.of("2024/a.txt", "c.txt", "latest/a.txt"), sources(corpus, w.files()));
        assertEquals(List.of("b.txt OUTSIDE_CORPUS", "env.txt OUTSIDE_CORPUS", "secret OUTSIDE_CORPUS"), problems(w));
        assertEquals(List.of("2024/a.txt", "c.txt", "latest/a.txt"), sources(corpus, CorpusWalker.files(corpus)));
    }

    @Test
    void aLoopIsReportedAndTheWalkGoesOn() throws Exception {
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Files.createDirectories(corpus.resolve("x/y"));
        Files.writeString(corpus.resolve("a.txt"), "通知");
        Files.writeString(corpus.resolve("x/y/b.txt"), "通知");
        Files.createSymbolicLink(corpus.resolve("loop"), Path.of("."));
        Files.createSymbolicLink(corpus.resolve("x/y/up"), Path.of("../.."));
        Files.createSymbolicLink(corpus.resolve("gone.txt"), corpus.resolve("missing.txt"));

        CorpusWalker.Walk w = CorpusWalker.walk(corpus);
        assertEquals(List.of("a.txt", "x/y/b.txt"), sources(corpus, w.files()));
        assertEquals(List.of("gone.txt UNREADABLE", "loop LOOP", "x/y/up LOOP"), problems(w));
    }

    @Test
    void aFileSwappedForALinkOutsideAfterTheWalkIsNotRead() throws Exception {
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Files.writeString(dir.resolve("passwd.txt"), "root:x:0:0");
        Path a = corpus.resolve("a.txt");
        Files.writeString(a, "通知");
        List<Path> files = CorpusWalker.files(corpus);
        Files.delete(a);
        Files.createSymbolicLink(a, dir.resolve("passwd.txt"));
        java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> CorpusWalker.read(corpus, files.get(0), 1000));
        assertEquals("the file now leads outside the corpus folder; it was not read", e.getMessage());
    }
}
