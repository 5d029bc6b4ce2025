package org.noticesearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 2's "nothing lost": every non-whitespace character of a notice, once conversion artifacts are removed, is
 * found in its record. Checked as multiset inclusion over characters, so a character dropped anywhere is caught
 * even when the same character survives elsewhere. Only fields that carry the text as written count; derived values
 * (canonical issuer and number, ISO dates, campaigns, citations) would hide a loss.
 */
class NothingLostTest {

    /** Conversion artifacts, matched here independently of TextCleaner. */
    private static final Pattern ARTIFACTS = Pattern.compile("\\[bookmark:[^\\]\\n]*\\]|\\*\\*|\uFEFF"
            // Markdown: heading marks, rules, quote marks and bullets at the start of a line.
            + "|(?m)^[ \\t]*(?:#+|[-*_]{3,}[ \\t]*$|>|[-*+][ \\t])");
    /** Structural labels the record turns into field names; their text is deliberately not kept. */
    private static final Pattern LABELS = Pattern.compile("(?:签\\s*发\\s*人|抄\\s*送|附\\s*件|份\\s*号|密\\s*级|紧急程度)\\s*[：:]");
    /** The full stop closing a 抄送 list. */
    private static final Pattern CC_STOP = Pattern.compile("(?m)^(\\s*抄\\s*送[：:].*?)。\\s*$");

    static Stream<Path> notices() throws IOException {
        List<Path> all = new ArrayList<>();
        for (Path root : List.of(TestNotices.CORPUS, TestNotices.FIXTURES, TestNotices.LAYOUTS)) {
            try (Stream<Path> s = Files.list(root)) {
                s.filter(p -> p.toString().endsWith(".txt")).sorted().forEach(all::add);
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("notices")
    void everyCharacterOfTheFileIsInTheRecord(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        String text = new TextDecoder().decode(file.toString(), bytes).text();
        Notice n = TestNotices.PARSER.parse(new RawNotice(file.getFileName().toString(), file, bytes));
        assertEquals(Map.of(), missing(text, n), () -> file + ": characters of the file missing from the record");
    }

    @Test
    void aDroppedCharacterIsCaught() throws Exception {
        Notice n = TestNotices.PARSER.parseText("t.txt", "txt", "关于做好工作的通知\n各市妇联：\n请认真落实。\n", "UTF-8");
        Notice lossy = new Notice(n.id(), n.source(), n.format(), n.encoding(), n.title(), n.type(), n.typeIsStandard(),
                n.issuer(), n.issuerAsWritten(), n.issuers(), n.issuerLevel(), n.issuerKind(), n.province(), n.docNumber(), n.docNumberAsWritten(), n.docNumberParts(), n.date(),
                n.dateAsWritten(), n.year(), n.addressees(), n.copyNumber(), n.signer(), n.urgency(), n.classification(),
                n.issuerMark(), n.signature(), n.attachments(), n.cc(), n.printedBy(), n.printedDate(),
                n.printedAsWritten(), n.citations(), n.campaigns(), List.of("请认真落实"), n.warnings());
        assertEquals(Map.of(), missing("关于做好工作的通知\n各市妇联：\n请认真落实。\n", n));
        assertEquals(Map.of('。', 1), missing("关于做好工作的通知\n各市妇联：\n请认真落实。\n", lossy));
    }

    @Test
    void headerTextBesideTheNumberIsKept() throws Exception {
        String text = "湖南省妇女联合会文件\n湘妇发〔2021〕9号    （存档）    签发人：王  芳\n关于做好工作的通知\n各市妇联：\n请认真落实。\n";
        Notice n = TestNotices.PARSER.parseText("t.txt", "txt", text, "UTF-8");
        assertEquals(Map.of(), missing(text, n));
        assertEquals("湘妇发〔2021〕9号", n.docNumber());
        assertEquals("王芳", n.signer());
        assertEquals("（存档）", n.paragraphs().get(0));
        assertEquals("text in the header was not recognised and is kept in the body: （存档）", n.warnings().get(0));
    }

    /** Characters of {@code text} (artifacts, labels and whitespace aside) that the record has fewer of. */
    static Map<Character, Integer> missing(String text, Notice n) {
        String input = ARTIFACTS.matcher(text).replaceAll("");
        input = CC_STOP.matcher(input).replaceAll("$1");
        input = LABELS.matcher(input).replaceAll("");
        if (n.dateAsWritten() != null) {
            // The brackets around a date under the title are layout, like a label.
            input = input.replace("（" + n.dateAsWritten() + "）", n.dateAsWritten()).replace("(" + n.dateAsWritten() + ")", n.dateAsWritten());
        }
        StringBuilder record = new StringBuilder();
        for (String s : new String[]{n.title(), n.issuerMark(), n.docNumberAsWritten(), n.dateAsWritten(), n.addressees(),
                n.copyNumber(), n.signer(), n.urgency(), n.classification(), n.signature(), n.cc(), n.printedAsWritten()}) {
            if (s != null) {
                record.append(s).append('\n');
            }
        }
        if (n.addressees() != null) {
            // 主送机关 is stored without the colon that closes it.
            record.append('：');
        }
        n.attachments().forEach(a -> record.append(a).append('\n'));
        n.paragraphs().forEach(p -> record.append(p).append('\n'));
        Map<Character, Integer> have = counts(record.toString());
        Map<Character, Integer> missing = new TreeMap<>();
        counts(input).forEach((c, k) -> {
            int short_ = k - have.getOrDefault(c, 0);
            if (short_ > 0) {
                missing.put(c, short_);
            }
        });
        return missing;
    }

    /** Non-whitespace characters with counts; width-folded, since metadata values are normalised to half width. */
    private static Map<Character, Integer> counts(String s) {
        Map<Character, Integer> m = new TreeMap<>();
        for (char c : TextNormalizer.halfWidth(s).toCharArray()) {
            if (!TextCleaner.isSpace(c)) {
                m.merge(c, 1, Integer::sum);
            }
        }
        return m;
    }
}
