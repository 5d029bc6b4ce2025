package org.noticesearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad files give a clear per-file error, and a folder parse never stops at one. */
class BrokenInputTest {
    private static final Path BROKEN = TestNotices.FIXTURES.resolve("broken");

    private static NoticeParseException failure(String name) {
        Path file = BROKEN.resolve(name);
        return assertThrows(NoticeParseException.class, () -> TestNotices.PARSER.parse(CorpusWalker.read(BROKEN, file)));
    }

    @Test
    void emptyFile() {
        NoticeParseException e = failure("empty.txt");
        assertEquals("empty.txt", e.source());
        assertEquals("empty.txt: the file is empty", e.getMessage());
    }

    @Test
    void binaryFile() {
        NoticeParseException e = failure("binary.txt");
        assertEquals("binary.txt: the file looks binary (it contains NUL or control bytes), not a text notice", e.getMessage());
    }

    @Test
    void textWithNoChinese() {
        NoticeParseException e = failure("no_chinese.txt");
        assertEquals("no_chinese.txt: no Chinese text found: this does not look like a notice", e.getMessage());
    }

    @Test
    void onlyWhitespaceAndConversionMarks() {
        NoticeParseException e = assertThrows(NoticeParseException.class,
                () -> TestNotices.PARSER.parseText("marks.txt", "txt", " \n[bookmark: _GoBack]\n**  **\r\n\u3000\n", "UTF-8"));
        assertEquals("marks.txt: the file has no text (only whitespace or conversion marks)", e.getMessage());
    }

    @Test
    void fileOverTheSizeLimit() {
        NoticeParser small = new NoticeParser(TestNotices.CONFIG, 10, org.noticesearch.ingest.formats.FormatReaders.defaults());
        NoticeParseException e = assertThrows(NoticeParseException.class, () -> small.parse(
                new RawNotice("big.txt", Path.of("big.txt"), "关于做好工作的通知".getBytes(StandardCharsets.UTF_8))));
        assertEquals("big.txt", e.source());
    }

    @Test
    void fixtureFolderParsesTheGoodFilesAndReportsTheBadOnes() throws Exception {
        ParseReport report = TestNotices.PARSER.parseAll(TestNotices.FIXTURES);
        assertEquals(List.of("crlf_bom.txt", "footer_attachments.txt", "gbk_notice.txt", "header_full.txt", "letter_brackets.txt",
                "numeral_date.txt", "pdf_wrapped.txt", "unknown_issuer.txt"), report.notices().stream().map(Notice::source).toList());
        assertEquals(List.of("broken/binary.txt", "broken/empty.txt", "broken/no_chinese.txt"),
                report.failures().stream().map(ParseReport.Failure::source).toList());
    }

    @Test
    void aBrokenFileAmongGoodOnesCostsNothing(@TempDir Path dir) throws Exception {
        for (Path seed : CorpusWalker.files(TestNotices.CORPUS)) {
            Files.copy(seed, dir.resolve(seed.getFileName()));
        }
        Files.write(dir.resolve("001a_broken.txt"), new byte[]{0, 1, 2, 3, (byte) 0xFF});
        Files.write(dir.resolve("002a_empty.txt"), new byte[0]);
        Files.writeString(dir.resolve("README.md"), "not a notice");
        ParseReport report = TestNotices.PARSER.parseAll(dir);
        assertEquals(5, report.notices().size());
        assertEquals(List.of("001a_broken.txt", "002a_empty.txt"), report.failures().stream().map(ParseReport.Failure::source).toList());
    }

    @Test
    void aFolderOfOnlyBrokenFilesGivesNoNotices() throws Exception {
        ParseReport report = TestNotices.PARSER.parseAll(BROKEN);
        assertEquals(List.of(), report.notices());
        assertEquals(3, report.failures().size());
    }
}
