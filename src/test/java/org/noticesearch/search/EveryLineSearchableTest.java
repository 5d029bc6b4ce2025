package org.noticesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.noticesearch.search.SearchTestSupport.clean;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.noticesearch.NoticeService;
import org.noticesearch.SharedData;
import org.noticesearch.ingest.CorpusWalker;
import org.noticesearch.ingest.DocNumbers;
import org.noticesearch.ingest.Notice;
import org.noticesearch.ingest.NoticeIds;
import org.noticesearch.ingest.NoticeParseException;
import org.noticesearch.ingest.NoticeParser;
import org.noticesearch.ingest.RawNotice;
import org.noticesearch.ingest.TextCleaner;
import org.noticesearch.ingest.TextDecoder;
import org.noticesearch.ingest.formats.FormatReaders;

/**
 * The README's promise as a property: a run of characters taken from any line of a notice (as its file reads once
 * conversion marks are removed), and a run spanning two lines of one paragraph, finds that notice by exact search. Over
 * the seeds, the fixtures, the layout fixtures and the bundled search fixtures; {@link #realNotices} does the same over ../shared/real-notices.
 */
class EveryLineSearchableTest {
    /** Longest run taken from one line; a longer line gives its head and its tail. */
    private static final int RUN = 12;
    /** A line ending in one of these ends its paragraph: no run spans the break. */
    private static final String ENDS_PARAGRAPH = "。！？；：!?;:";
    /** A line starting like a heading or item starts a paragraph of its own. */
    private static final Pattern STARTS_PARAGRAPH = Pattern.compile("^(?:[一二三四五六七八九十]+、|[（(]|\\d+[.．、]|第.{1,4}[条章])");
    private static final Pattern GAP = Pattern.compile("[\\s\u3000\u00A0]{2,}");
    /** A table row (cells set apart by runs of spaces) or a labelled line (附件：, 联系人：) is a paragraph of its own. */
    private static final Pattern OWN_LINE = Pattern.compile("[\\s\u3000]{2,}\\S|^[^，。]{1,6}[：:]");
    /** Lines at least this long on both sides of a break are taken as one paragraph wrapped (shorter ones are names, dates, headings). */
    private static final int WRAPPED = 20;

    @TempDir
    static Path tmp;
    static NoticeService local;
    static NoticeParser parser = new NoticeParser(SearchTestSupport.CONFIG);

    @BeforeAll
    static void start() {
        Path corpus = tmp.resolve("corpus");
        SearchTestSupport.copyTxt(SearchTestSupport.CORPUS, corpus.resolve("seeds"));
        SearchTestSupport.copyTxt(SearchTestSupport.FIXTURES, corpus.resolve("fixtures"));
        SearchTestSupport.copyTxt(SearchTestSupport.SEARCH_FIXTURES, corpus.resolve("search"));
        SearchTestSupport.copyTxt(Path.of("src/test/resources/layouts"), corpus.resolve("layouts"));
        copy(Path.of("src/test/resources/layouts/html_no_title_line.html"), corpus.resolve("layouts/html_no_title_line.html"));
        local = SearchTestSupport.start(corpus, tmp.resolve("index"));
    }

    private static void copy(Path from, Path to) {
        try {
            Files.copy(from, to);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (local != null) {
            local.close();
        }
    }

    @Test
    void everyLineOfEverySeedAndFixtureIsFound() throws Exception {
        assertEquals(List.of(), unfound(local, tmp.resolve("corpus")));
    }

    @Test
    void everyLineOfEveryRealNoticeIsFound(@TempDir Path dir) throws Exception {
        Path real = SharedData.require("real-notices");
        Path corpus = dir.resolve("corpus");
        Files.createDirectories(corpus);
        try (Stream<Path> s = Files.list(real)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String name = p.getFileName().toString();
                if (name.endsWith(".html") || name.endsWith(".txt")) {
                    Files.copy(p, corpus.resolve(name));
                }
            }
        }
        try (NoticeService service = SearchTestSupport.start(corpus, dir.resolve("index"))) {
            assertEquals(List.of(), unfound(service, corpus));
        }
    }

    @Test
    void theAddresseesAndTheNumberUnderTheTitleAreFound() {
        // Both were left out of the exact-substring field before (a query for the addressees found nothing).
        assertTrue(SearchTestSupport.ids(SearchTestSupport.search(local, "省直机关妇工委")).contains(NoticeIds.idFor("fixtures/header_full.txt")));
        assertTrue(SearchTestSupport.ids(SearchTestSupport.search(local, "签发人王芳")).contains(NoticeIds.idFor("fixtures/header_full.txt")));
        assertTrue(SearchTestSupport.ids(SearchTestSupport.search(local, "抄送全国妇联发展部")).contains(NoticeIds.idFor("fixtures/footer_attachments.txt")));
    }

    @Test
    void aMatchOutsideTheBodyIsShownInTheSnippet() {
        String id = NoticeIds.idFor("fixtures/header_full.txt");
        SearchHit hit = SearchTestSupport.search(local, "省直机关妇工委").hits().stream().filter(h -> h.id().equals(id)).findFirst().orElseThrow();
        assertEquals(List.of("各市州妇联，<mark>省直机关妇工委</mark>："), hit.snippets());
        SearchHit plain = SearchTestSupport.search(local, "王芳").hits().stream().filter(h -> h.id().equals(id)).findFirst().orElseThrow();
        assertEquals(List.of("签发人：<mark>王芳</mark>"), plain.snippets());
        SearchHit mark = SearchTestSupport.search(local, "湖南省妇女联合会").hits().stream().filter(h -> h.id().equals(id)).findFirst().orElseThrow();
        assertTrue(mark.snippets().get(0).contains("<mark>湖南省妇女联合会</mark>"), mark.snippets().toString());
    }

    /** Every run that does not find its notice, as "id: run (from line)". */
    private static List<String> unfound(NoticeService service, Path corpus) throws IOException {
        Map<String, List<String>> runsById = new LinkedHashMap<>();
        for (Path file : CorpusWalker.files(corpus)) {
            if (file.getFileName().toString().equals("README.md")) {
                continue;
            }
            RawNotice raw = CorpusWalker.read(corpus, file);
            Notice n;
            try {
                n = parser.parse(raw);
            } catch (NoticeParseException e) {
                continue; // broken inputs are not notices
            }
            runsById.put(n.id(), runs(rawLines(raw)));
        }
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : runsById.entrySet()) {
            for (String run : e.getValue()) {
                if (DocNumbers.parse(run).isPresent()) {
                    continue; // a run shaped like a document number is a number lookup (DocNumberSearchTest), not a substring search
                }
                SearchPage page = SearchTestSupport.search(service, run);
                if (page.relaxed() || !SearchTestSupport.ids(page).contains(e.getKey())) {
                    missing.add(e.getKey() + ": " + run);
                }
            }
        }
        return missing;
    }

    /** The file's lines as the parser sees them: text (extracted from a page), conversion marks removed, blank lines out. */
    private static List<String> rawLines(RawNotice raw) {
        try {
            String format = NoticeIds.formatOf(raw.source());
            FormatReaders formats = FormatReaders.defaults();
            String text = formats.handles(format) ? formats.read(raw.source(), format, raw.bytes()).text()
                    : new TextDecoder().decode(raw.source(), raw.bytes()).text();
            return TextCleaner.lines(TextCleaner.removeArtifacts(text));
        } catch (NoticeParseException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }

    /**
     * The runs to search for: each line's head and tail, and a run across each break inside a wrapped paragraph. Parts
     * of a line set apart by a wide gap (table cells, 发文字号 and 签发人 side by side) are units of their own.
     */
    static List<String> runs(List<String> rawLines) {
        List<String> lines = new ArrayList<>();
        for (String l : rawLines) {
            for (String part : GAP.split(l.strip())) {
                lines.add(part);
            }
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String c = clean(lines.get(i));
            if (c.isEmpty()) {
                continue;
            }
            out.add(c.substring(0, Math.min(RUN, c.length())));
            if (c.length() > RUN) {
                out.add(c.substring(c.length() - RUN));
            }
            if (i + 1 < lines.size() && wrappedBreak(lines.get(i), lines.get(i + 1))) {
                String next = clean(lines.get(i + 1));
                out.add(c.substring(Math.max(0, c.length() - RUN / 2)) + next.substring(0, Math.min(RUN / 2, next.length())));
            }
        }
        return out;
    }

    /**
     * Whether a line break falls inside a paragraph, judged from the two lines alone: both long, the first unfinished,
     * no heading and no title (by the 文种 list), the second no heading, no addressee line, no table row.
     */
    private static boolean wrappedBreak(String line, String next) {
        String a = line.strip();
        String b = next.strip();
        return a.length() >= WRAPPED && !SearchTestSupport.CONFIG.docTypes().endsLikeTitle(a) && b.length() >= WRAPPED && ENDS_PARAGRAPH.indexOf(a.charAt(a.length() - 1)) < 0
                && !b.endsWith("：") && !b.endsWith(":")
                && !STARTS_PARAGRAPH.matcher(a).find() && !STARTS_PARAGRAPH.matcher(b).find()
                && !OWN_LINE.matcher(a).find() && !OWN_LINE.matcher(b).find() && !clean(a).isEmpty() && !clean(b).isEmpty();
    }
}
