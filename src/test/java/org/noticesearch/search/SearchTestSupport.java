package org.noticesearch.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.noticesearch.NoticeService;
import org.noticesearch.config.IndexConfig;
import org.noticesearch.ingest.Notice;
import org.noticesearch.ingest.NoticeParser;
import org.noticesearch.ingest.CorpusWalker;
import org.noticesearch.ingest.NoticeParseException;

/** Shared wiring for search and index tests: the repo's index-config, corpora in temp folders, and an independent matcher. */
public final class SearchTestSupport {
    /** Tests run with the repository root as the working directory. */
    public static final Path CORPUS = Path.of("corpus");
    public static final Path FIXTURES = Path.of("src/test/resources/fixtures");
    public static final Path SEARCH_FIXTURES = Path.of("src/test/resources/search");
    public static final Path CONFIG_DIR = Path.of("index-config");
    public static final IndexConfig CONFIG = IndexConfig.load(CONFIG_DIR);

    private SearchTestSupport() {}

    /** Starts a service (no watching) over a corpus folder, with its index in {@code index}. */
    public static NoticeService start(Path corpus, Path index) {
        return start(CONFIG, corpus, index);
    }

    public static NoticeService start(IndexConfig cfg, Path corpus, Path index) {
        try {
            return NoticeService.start(cfg, corpus, index, 2, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The bundled configuration copied into {@code dir} with one text of its settings file replaced (a lower limit, a
     * smaller threshold), loaded; fails when the text is not there, so a renamed setting cannot go unnoticed.
     */
    public static IndexConfig configWith(Path dir, String setting, String replacement) {
        try {
            Files.createDirectories(dir);
            try (Stream<Path> s = Files.list(CONFIG_DIR)) {
                for (Path p : (Iterable<Path>) s::iterator) {
                    Files.copy(p, dir.resolve(p.getFileName()));
                }
            }
            Path props = dir.resolve(IndexConfig.SETTINGS);
            String text = Files.readString(props, java.nio.charset.StandardCharsets.UTF_8);
            if (!text.contains(setting)) {
                throw new AssertionError(props + " has no '" + setting + "'");
            }
            Files.writeString(props, text.replace(setting, replacement), java.nio.charset.StandardCharsets.UTF_8);
            return IndexConfig.load(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every notice the top-level .txt files of a folder parse to (sub-folders such as broken/ are left out; none may fail). */
    public static List<Notice> parseAll(Path dir) {
        NoticeParser parser = new NoticeParser(CONFIG);
        List<Notice> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : (Iterable<Path>) s.sorted()::iterator) {
                if (Files.isRegularFile(p) && p.getFileName().toString().endsWith(".txt")) {
                    try {
                        out.add(parser.parse(CorpusWalker.read(dir, p)));
                    } catch (NoticeParseException e) {
                        throw new AssertionError("unexpected parse failure of " + p + ": " + e.getMessage(), e);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Copies the top-level .txt files of {@code from} (not sub-folders such as broken/) into {@code to}. */
    public static void copyTxt(Path from, Path to) {
        copyFiles(from, to, ".txt");
    }

    /** Copies the top-level files of {@code from} whose names end with one of {@code suffixes} into {@code to}. */
    public static void copyFiles(Path from, Path to, String... suffixes) {
        try (Stream<Path> s = Files.list(from)) {
            Files.createDirectories(to);
            for (Path p : (Iterable<Path>) s::iterator) {
                String name = p.getFileName().toString();
                if (Files.isRegularFile(p) && java.util.Arrays.stream(suffixes).anyMatch(name::endsWith)) {
                    Files.copy(p, to.resolve(p.getFileName()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The test's own matching rule, written apart from the product's: keep letters, digits and
     * ideographs (and 〇), fold full-width ASCII to ASCII and lower-case.
     */
    public static String clean(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(cp -> {
            if (cp >= 0xFF01 && cp <= 0xFF5E) {
                cp -= 0xFEE0;
            }
            if (Character.isLetterOrDigit(cp) || cp == '〇') {
                sb.appendCodePoint(Character.toLowerCase(cp));
            }
        });
        return sb.toString();
    }

    /**
     * Whether the notice's title or one of its paragraphs (every line of the notice: header, addressees, body, signature,
     * footer) contains the string, by {@link #clean}.
     */
    public static boolean contains(Notice n, String needle) {
        String want = clean(needle);
        if (want.isEmpty()) {
            return false;
        }
        List<String> parts = new ArrayList<>(n.searchableParagraphs());
        if (n.title() != null) {
            parts.add(n.title());
        }
        for (String p : parts) {
            if (clean(p).contains(want)) {
                return true;
            }
        }
        return false;
    }

    /** Ids of the notices containing any of the strings. */
    public static Set<String> containing(List<Notice> notices, List<String> needles) {
        Set<String> out = new LinkedHashSet<>();
        for (Notice n : notices) {
            for (String s : needles) {
                if (contains(n, s)) {
                    out.add(n.id());
                }
            }
        }
        return out;
    }

    /** Ids of every hit of a request (one large page). */
    public static List<String> ids(SearchPage p) {
        return p.hits().stream().map(SearchHit::id).toList();
    }

    public static SearchPage search(NoticeService s, String q) {
        return s.service().search(SearchRequest.of(q).withPage(1, 1000));
    }

    public static SearchPage search(NoticeService s, SearchRequest r) {
        return s.service().search(r);
    }

    /** A minimal notice file in GB/T 9704 layout. */
    public static String notice(String issuer, String docNumber, String title, String date, String... paragraphs) {
        StringBuilder sb = new StringBuilder();
        sb.append(issuer).append("文件\n\n");
        if (docNumber != null) {
            sb.append(docNumber).append("\n\n");
        }
        sb.append(title).append("\n\n各市妇联：\n\n");
        for (String p : paragraphs) {
            sb.append("    ").append(p).append("\n\n");
        }
        sb.append(issuer).append('\n').append(date).append('\n');
        return sb.toString();
    }
}
