package org.noticesearch.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.noticesearch.config.IndexConfig;
import org.noticesearch.opensearch.OpenSearchTestCluster;

/** Runs the corpus generator and the whole benchmark harness on a few notices, so that neither can rot. */
class BenchmarkSmokeTest {
    private static final Path CONFIG = Path.of("index-config");
    private static final Path SEEDS = Path.of("corpus");

    @Test
    void generatorIsDeterministic(@TempDir Path dir) throws Exception {
        CorpusGenerator gen = CorpusGenerator.fromSeeds(SEEDS, IndexConfig.load(CONFIG));
        gen.generate(42, 40, dir.resolve("a"));
        CorpusGenerator.fromSeeds(SEEDS, IndexConfig.load(CONFIG)).generate(42, 40, dir.resolve("b"));
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir.resolve("a"))) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        assertEquals(40, files.size());
        for (Path f : files) {
            assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(dir.resolve("b").resolve(dir.resolve("a").relativize(f))), f.toString());
        }
    }

    @Test
    void generatedTextIsNotTheSeedText() throws Exception {
        CorpusGenerator gen = CorpusGenerator.fromSeeds(SEEDS, IndexConfig.load(CONFIG));
        StringBuilder seeds = new StringBuilder();
        try (Stream<Path> s = Files.list(SEEDS)) {
            for (Path f : s.filter(f -> f.toString().endsWith(".txt")).toList()) {
                seeds.append(Files.readString(f).replaceAll("\\s", ""));
            }
        }
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        for (int i = 0; i < 20; i++) {
            String p = gen.model().paragraph(r, 200);
            if (p.length() >= 60) {
                assertTrue(seeds.indexOf(p) < 0, "a generated paragraph must not be a seed paragraph: " + p);
            }
        }
    }

    @Test
    void benchmarkRunsEndToEnd(@TempDir Path work) throws Exception {
        Path out = work.resolve("BENCHMARKS.md");
        Files.writeString(out, "# Benchmarks\n\nintro kept\n\n## Results\n\n## Analysis\n\nkept too\n");
        String section = Benchmark.run(new Benchmark.Options(200, 7, work, CONFIG, SEEDS, null, List.of(1, 2),
                Benchmark.Budget.QUICK, out, "512m", null, true, false));
        assertTrue(section.contains("#### Indexing"), section);
        assertTrue(section.contains("#### Over HTTP"), section);
        // Every exact-substring query finds the same notices in our index and in the FTS5 peer.
        assertTrue(section.matches("(?s).*Hit counts.*: (\\d+) of \\1 agree.*"), section);
        assertTrue(!section.contains("| **no** |"), section);
        assertTrue(section.contains("no errors under concurrency-4 load, -Xmx512m | 0 errors | met"), section);
        // The new categories: title scope beside FTS5 with the same counts; diffusion and trees without a peer.
        assertTrue(section.matches("(?s).*\\| title scope \\| [0-9.]+ \\| [0-9.]+ \\| [0-9.]+ \\| \\d+ \\| [0-9.]+ \\|.*"), section);
        assertTrue(section.matches("(?s).*\\| title scope \\| [^|]+ \\(title\\) \\| (\\d+) \\| \\1 \\| yes \\|.*"), section);
        for (Category c : List.of(Category.DIFFUSION, Category.TREE)) {
            String row = java.util.regex.Pattern.quote(c.title);
            assertTrue(section.matches("(?s).*\\| " + row + " \\| [0-9.]+ \\| [0-9.]+ \\| [0-9.]+ \\| \\d+ \\| — \\|.*"), section);
            // Its hit-count rows find notices (a tree of a cited notice holds it and its citers), with no FTS5 count.
            assertTrue(section.matches("(?s).*\\| " + row + " \\| [^|]+ \\| [1-9]\\d* \\| — \\| — \\|.*"), section);
            // And it was loaded over HTTP (its row in the HTTP table; the errors are counted above).
            assertTrue(section.matches("(?s).*#### Over HTTP.*\\| " + row + " \\| [0-9.]+ \\|.*"), section);
        }
        assertTrue(section.contains("| index ≤ 1.7 × input |"), section);
        assertTrue(section.contains("| forwarding tree < 20 ms in-process, p99 (issue 15) |"), section);
        String md = Files.readString(out);
        assertTrue(md.contains("intro kept") && md.contains("kept too") && md.contains("<!-- results 200 begin -->"), md);
        // A second run replaces its section instead of adding one.
        BenchReport.writeSection(out, 200, "again");
        md = Files.readString(out);
        assertEquals(1, md.split("results 200 begin", -1).length - 1, md);
        assertTrue(md.contains("again") && md.indexOf("again") < md.indexOf("## Analysis"), md);
    }

    /** {@code --peers none}, as at 1,000,000: no FTS5 peer built, its columns "—", no target that needs it. */
    @Test
    void benchmarkRunsWithoutPeers(@TempDir Path work) throws Exception {
        String section = Benchmark.run(new Benchmark.Options(100, 7, work, CONFIG, SEEDS, null, List.of(2),
                Benchmark.Budget.QUICK, null, "512m", null, false, false));
        assertTrue(section.contains("No SQLite FTS5 peer in this run (`--peers none`)."), section);
        assertTrue(section.contains("#### Hit counts (exact totals; no FTS5 peer in this run)"), section);
        assertTrue(!section.contains("same hits as FTS5") && !section.contains("faster than FTS5"), section);
        assertTrue(!Files.exists(work.resolve("fts5-100.db")), "no peer database");
        for (Category c : Category.values()) {
            assertTrue(section.matches("(?s).*\\| " + java.util.regex.Pattern.quote(c.title)
                    + " \\| [0-9.]+ \\| [0-9.]+ \\| [0-9.]+ \\| \\d+ \\| — \\| — \\|.*"), c.title + "\n" + section);
        }
        assertTrue(section.contains("no errors under concurrency-4 load, -Xmx512m | 0 errors | met"), section);
    }

    @Test
    void threadCountsAreAListOfPositiveNumbers() {
        assertEquals(List.of(1, 2), Benchmark.threads("1,2"));
        assertEquals(List.of(2), Benchmark.threads("2"));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Benchmark.threads("1,x"));
        assertTrue(e.getMessage().contains("--threads"), e.getMessage());
    }

    /**
     * The OpenSearch part of the harness on a real one-node cluster: every notice indexed, the same exact hit
     * counts as the embedded index for every benchmark query, latency tables and no errors over HTTP.
     */
    @Test
    @Tag("opensearch")
    void benchmarkRunsOpenSearchBesideTheEmbeddedIndex(@TempDir Path work) throws Exception {
        Assumptions.assumeTrue(OpenSearchTestCluster.distribution() != null,
                "no OpenSearch distribution in target/opensearch (built with -Dopensearch.skip?)");
        String section = Benchmark.run(new Benchmark.Options(200, 11, work, CONFIG, SEEDS, null, List.of(2),
                Benchmark.Budget.QUICK, null, "512m", new OpenSearchBench.Layout(1, "512m", 1, 0), true, false));
        assertTrue(section.contains("#### OpenSearch backend, same corpus, same queries"), section);
        assertTrue(section.matches("(?s).*OpenSearch and ours: (\\d+) of \\1 agree.*"), section);
        assertTrue(section.contains("| OpenSearch: same hits as the embedded index | "), section);
        assertTrue(section.matches("(?s).*\\| OpenSearch: same hits as the embedded index \\| (\\d+) of \\1 queries \\| met \\|.*"), section);
        assertTrue(section.contains("| OpenSearch: every notice indexed, none rejected | 200 of 200 | met |"), section);
        assertTrue(section.contains("| OpenSearch: no errors under concurrency-4 load | 0 errors | met |"), section);
        // One in-process latency row per category in the OpenSearch part, with numbers on both sides.
        String part = section.substring(section.indexOf("#### OpenSearch backend"));
        for (Category c : Category.values()) {
            assertTrue(part.matches("(?s).*\\| " + java.util.regex.Pattern.quote(c.title) + " \\| [0-9.]+ \\| [0-9.]+ \\| [0-9.]+ \\|.*"),
                    c.title + "\n" + part);
        }
    }
}
