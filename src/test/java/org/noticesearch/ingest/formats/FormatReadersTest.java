package org.noticesearch.ingest.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.noticesearch.config.IndexConfig;
import org.noticesearch.ingest.CorpusWalker;
import org.noticesearch.ingest.Notice;
import org.noticesearch.ingest.NoticeParseException;
import org.noticesearch.ingest.NoticeParser;
import org.noticesearch.ingest.ParseReport;
import org.noticesearch.ingest.RawNotice;

/** The same notice in every format parses like the .txt; broken files of each format give a clear per-file error. */
class FormatReadersTest {
    static final IndexConfig CONFIG = IndexConfig.load(Path.of("index-config"));
    static final NoticeParser PARSER = new NoticeParser(CONFIG);

    static Notice parse(String name, byte[] bytes) throws NoticeParseException {
        return PARSER.parse(new RawNotice(name, null, bytes));
    }

    static byte[] fixture(String name) {
        try {
            return Files.readAllBytes(FormatFixtures.DIR.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Notice txt() throws NoticeParseException {
        return parse("notice.txt", fixture("notice.txt"));
    }

    static String squeezed(Notice n) {
        return n.body().replaceAll("[\\s\u3000\u00A0]", "");
    }

    static Stream<Arguments> sameNotice() {
        byte[] docx = FormatFixtures.docx(false);
        return Stream.of(
                Arguments.of("notice.docx", docx),
                Arguments.of("notice.doc", fixture("notice.doc")),
                // WPS Office's .wps is the Word 97 format under another name.
                Arguments.of("notice.wps", fixture("notice.doc")),
                // A .docx renamed to .doc is read by what it is.
                Arguments.of("renamed.doc", docx),
                Arguments.of("notice.pdf", fixture("notice.pdf")),
                Arguments.of("utf8.html", FormatFixtures.html("utf-8", true).getBytes(StandardCharsets.UTF_8)),
                Arguments.of("gbk-declared.htm", FormatFixtures.html("gb2312", true).getBytes(FormatFixtures.GBK)),
                Arguments.of("gbk-undeclared.html", FormatFixtures.html(null, true).getBytes(FormatFixtures.GBK)),
                Arguments.of("notice.ofd", FormatFixtures.ofd()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sameNotice")
    void everyFormatParsesLikeTheTextVersion(String name, byte[] bytes) throws Exception {
        Notice expected = txt();
        Notice n = parse(name, bytes);
        assertEquals(name.substring(name.lastIndexOf('.') + 1), n.format());
        assertEquals(expected.title(), n.title());
        assertEquals(expected.issuer(), n.issuer());
        assertEquals(expected.docNumber(), n.docNumber());
        assertEquals(expected.date(), n.date());
        assertEquals(squeezed(expected), squeezed(n));
        assertEquals(List.of(), n.warnings());
        assertFalse(n.body().contains("— 1"), "the page-number footer is not body text");
    }

    @Test
    void htmlEncodingIsReported() throws Exception {
        assertEquals("UTF-8", parse("a.html", FormatFixtures.html("utf-8", true).getBytes(StandardCharsets.UTF_8)).encoding());
        assertEquals("GB18030 (declared gb2312)", parse("a.html", FormatFixtures.html("gb2312", true).getBytes(FormatFixtures.GBK)).encoding());
        assertEquals("GB18030", parse("a.html", FormatFixtures.html(null, true).getBytes(FormatFixtures.GBK)).encoding());
    }

    @Test
    void scannedPdfIsReadByOcr() throws Exception {
        TesseractOcr ocr = TesseractOcr.fromPath();
        Optional<String> missing = ocr.unavailableReason();
        // Not a skip: CI installs Tesseract, so its absence is a broken build machine.
        assertTrue(missing.isEmpty(), () -> "the OCR test needs Tesseract: " + missing.get());
        Notice expected = txt();
        Notice n = parse("notice-scan.pdf", fixture("notice-scan.pdf"));
        assertEquals(expected.title(), n.title());
        assertEquals(expected.issuer(), n.issuer());
        assertEquals(expected.docNumber(), n.docNumber());
        assertEquals(expected.date(), n.date());
        assertTrue(n.warnings().stream().anyMatch(w -> w.contains("OCR")), n.warnings()::toString);
        // Recognition is not perfect: a few characters in a hundred may differ.
        double similarity = similarity(squeezed(expected), squeezed(n));
        assertTrue(similarity >= 0.95, "OCR body similarity " + similarity + ":\n" + n.body());
    }

    @Test
    void scannedPdfWithoutTesseractIsReportedNotFatal(@TempDir Path dir) throws Exception {
        NoticeParser parser = new NoticeParser(CONFIG, CONFIG.settings().maxFileBytes(),
                new FormatReaders(new TesseractOcr(dir.resolve("no-tesseract").toString()), Duration.ofSeconds(60)));
        NoticeParseException e = assertThrows(NoticeParseException.class,
                () -> parser.parse(new RawNotice("scan.pdf", null, fixture("notice-scan.pdf"))));
        assertTrue(e.reason().startsWith("scanned, no text layer"), e.reason());
        assertTrue(e.reason().contains("tesseract-ocr-chi-sim"), e.reason());
    }

    @Test
    void ocrThatHangsIsStoppedByTheTimeLimit(@TempDir Path dir) throws Exception {
        Path fake = dir.resolve("tesseract");
        Files.writeString(fake, "#!/bin/sh\nif [ \"$1\" = --list-langs ]; then echo chi_sim; exit 0; fi\nexec sleep 60\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
        NoticeParser parser = new NoticeParser(CONFIG, CONFIG.settings().maxFileBytes(),
                new FormatReaders(new TesseractOcr(fake.toString()), Duration.ofSeconds(3)));
        long t0 = System.nanoTime();
        NoticeParseException e = assertThrows(NoticeParseException.class,
                () -> parser.parse(new RawNotice("scan.pdf", null, fixture("notice-scan.pdf"))));
        assertTrue(e.reason().contains("time limit"), e.reason());
        assertTrue(System.nanoTime() - t0 < 20_000_000_000L, "the time limit held");
    }

    @Test
    void docxTablesAreFlattenedAndHeadersKeptApart() throws Exception {
        byte[] docx = FormatFixtures.docx(true);
        Extraction x = FormatReaders.defaults().read("t.docx", "docx", docx);
        assertTrue(x.text().contains("单位  联系人  电话\n市妇联宣传部  张敏  010-12345678\n"), x.text());
        assertFalse(x.text().contains("内部资料"), "the page header is not body text");
        assertTrue(x.pageFurniture().contains("内部资料 注意保存"), x.pageFurniture()::toString);
        Notice n = parse("t.docx", docx);
        assertTrue(n.body().contains("市妇联宣传部"), n.body());
        assertFalse(n.body().contains("内部资料"));
        assertEquals(txt().title(), n.title());
    }

    @Test
    void docKeepsItsFooterOutOfTheBody() throws Exception {
        Extraction x = FormatReaders.defaults().read("notice.doc", "doc", fixture("notice.doc"));
        assertFalse(x.text().contains("—"), x.text());
        assertTrue(x.pageFurniture().stream().anyMatch(f -> f.contains("—")), x.pageFurniture()::toString);
    }

    /** PDFBox visits only pages with a content stream: a blank page (no /Contents) must not fail the file. */
    @Test
    void aBlankPageWithoutContentsIsReadAsEmpty() throws Exception {
        Extraction plain = FormatReaders.defaults().read("notice.pdf", "pdf", fixture("notice.pdf"));
        byte[] withBlanks;
        try (org.apache.pdfbox.pdmodel.PDDocument d = org.apache.pdfbox.Loader.loadPDF(fixture("notice.pdf"));
             java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            d.getPages().insertBefore(new org.apache.pdfbox.pdmodel.PDPage(), d.getPage(0));
            d.addPage(new org.apache.pdfbox.pdmodel.PDPage());
            d.save(out);
            withBlanks = out.toByteArray();
        }
        Extraction x = FormatReaders.defaults().read("blank-pages.pdf", "pdf", withBlanks);
        assertEquals(plain.text().strip(), x.text().strip());
    }

    @Test
    void pdfPageNumbersAreFurniture() throws Exception {
        Extraction x = FormatReaders.defaults().read("notice.pdf", "pdf", fixture("notice.pdf"));
        assertTrue(x.pageFurniture().stream().anyMatch(f -> f.contains("1")), x.pageFurniture()::toString);
        assertFalse(x.text().contains("— 1"), x.text());
    }

    @Test
    void htmlKeepsTheArticleNotTheNavigation() throws Exception {
        Notice n = parse("p.html", FormatFixtures.html("utf-8", true).getBytes(StandardCharsets.UTF_8));
        for (String nav : List.of("机构概况", "当前位置", "分享到", "网站地图", "京ICP备", "索引号", "主题分类")) {
            assertFalse(n.body().contains(nav), nav + " is navigation, not the article: " + n.body());
        }
    }

    @Test
    void htmlWithoutMetadataTakesTheTitleFromTheHeading() throws Exception {
        Notice n = parse("p.html", FormatFixtures.html(null, false).getBytes(FormatFixtures.GBK));
        assertEquals(txt().title(), n.title());
        assertEquals("2024-03-05", n.date());
        assertNull(n.docNumber());
    }

    @Test
    void htmlMetadataTableWinsOverTheText() throws Exception {
        String page = "<html><head><meta charset=utf-8></head><body><table>"
                + "<tr><td>索引号：</td><td>11000000/2024-00099</td><td>发文机关：</td><td>全国妇联</td></tr>"
                + "<tr><td>标题：</td><td>关于做好春季工作的通知</td></tr>"
                + "<tr><td>发文字号：</td><td>妇字〔2024〕9号</td><td>成文日期：</td><td>2024-04-01</td></tr></table>"
                + "<div id=\"zoom\"><pre>" + FormatFixtures.noticeText() + "</pre></div></body></html>";
        Notice n = parse("meta.html", page.getBytes(StandardCharsets.UTF_8));
        assertEquals("关于做好春季工作的通知", n.title());
        assertEquals("全国妇女联合会", n.issuer());
        assertEquals("妇字〔2024〕9号", n.docNumber());
        assertEquals("2024-04-01", n.date());
        assertTrue(n.warnings().stream().anyMatch(w -> w.contains("metadata")), n.warnings()::toString);
    }

    @Test
    void ofdReadsInReadingOrderWithoutTemplates() throws Exception {
        Extraction x = FormatReaders.defaults().read("n.ofd", "ofd", FormatFixtures.ofd());
        List<String> lines = x.text().lines().toList();
        assertEquals("北京市妇女联合会文件", lines.get(0));
        assertEquals("京妇发〔2024〕8号", lines.get(1));
        assertFalse(x.text().contains("— 1 —"), "the template page's number is not text of the page");
    }

    static Stream<Arguments> brokenFiles() throws Exception {
        byte[] docx = FormatFixtures.docx(false);
        byte[] doc = fixture("notice.doc");
        byte[] pdf = fixture("notice.pdf");
        byte[] ofd = FormatFixtures.ofd();
        byte[] garbage = new byte[4000];
        new java.util.Random(7).nextBytes(garbage);
        return Stream.of(
                Arguments.of("truncated.docx", Arrays.copyOf(docx, docx.length / 2), "corrupt"),
                Arguments.of("garbage.docx", garbage, "not a Word document"),
                Arguments.of("sheet.docx", FormatFixtures.zip(List.of("xl/workbook.xml"), List.of("<workbook/>")), "no word/document.xml"),
                Arguments.of("encrypted.docx", encryptedDocx(docx), "encrypted"),
                Arguments.of("truncated.doc", Arrays.copyOf(doc, doc.length / 2), "corrupt"),
                Arguments.of("garbage.doc", garbage, "not a Word document"),
                Arguments.of("works.wps", worksFile(), "Microsoft Works or older WPS"),
                Arguments.of("old.wps", garbage, "older WPS Office formats"),
                Arguments.of("truncated.pdf", Arrays.copyOf(pdf, 600), "PDF"),
                Arguments.of("garbage.pdf", garbage, "not a PDF"),
                Arguments.of("encrypted.pdf", encryptedPdf(pdf), "encrypted with a password"),
                Arguments.of("garbage.html", garbage, "binary"),
                Arguments.of("empty-page.html", "<html><body><p>Hello</p></body></html>".getBytes(StandardCharsets.UTF_8), "no Chinese"),
                Arguments.of("truncated.ofd", Arrays.copyOf(ofd, ofd.length * 2 / 3), "truncated"),
                Arguments.of("garbage.ofd", garbage, "not an OFD"),
                Arguments.of("notofd.ofd", FormatFixtures.zip(List.of("a.txt"), List.of("x")), "no OFD.xml"),
                Arguments.of("badxml.ofd", FormatFixtures.zip(List.of("OFD.xml"), List.of("<ofd:OFD")), "not well-formed"),
                Arguments.of("empty.pdf", new byte[0], "empty"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFiles")
    void brokenFilesGiveAClearError(String name, byte[] bytes, String expected) {
        NoticeParseException e = assertThrows(NoticeParseException.class, () -> parse(name, bytes));
        assertEquals(name, e.source());
        assertTrue(e.reason().contains(expected), "expected '" + expected + "' in: " + e.reason());
    }

    @Test
    void hugeFilesAreRefusedBeforeReading() {
        NoticeParser small = new NoticeParser(CONFIG, 1000, FormatReaders.defaults());
        NoticeParseException e = assertThrows(NoticeParseException.class,
                () -> small.parse(new RawNotice("big.pdf", null, fixture("notice.pdf"))));
        assertTrue(e.reason().contains("over the limit"), e.reason());
    }

    @Test
    void aMixedFolderIsParsedWithFailuresReportedPerFile(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("a.txt"), fixture("notice.txt"));
        Files.write(dir.resolve("b.docx"), FormatFixtures.docx(false));
        Files.write(dir.resolve("c.doc"), fixture("notice.doc"));
        Files.write(dir.resolve("d.pdf"), fixture("notice.pdf"));
        Files.writeString(dir.resolve("e.html"), FormatFixtures.html("utf-8", true));
        Files.write(dir.resolve("f.ofd"), FormatFixtures.ofd());
        Files.write(dir.resolve("g.wps"), fixture("notice.doc"));
        Files.write(dir.resolve("h.htm"), FormatFixtures.html("gbk", true).getBytes(FormatFixtures.GBK));
        Files.write(dir.resolve("broken.pdf"), "%PDF-1.4 nothing".getBytes(StandardCharsets.US_ASCII));
        Files.writeString(dir.resolve("notes.md"), "not a notice");
        assertEquals(9, CorpusWalker.files(dir).size());
        ParseReport report = PARSER.parseAll(dir);
        assertEquals(8, report.notices().size());
        assertEquals(1, report.failures().size());
        assertEquals("broken.pdf", report.failures().get(0).source());
        assertEquals(1, report.notices().stream().map(Notice::title).distinct().count());
    }

    private static byte[] encryptedDocx(byte[] docx) throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            EncryptionInfo info = new EncryptionInfo(EncryptionMode.agile);
            Encryptor enc = info.getEncryptor();
            enc.confirmPassword("secret");
            try (var pkg = org.apache.poi.openxml4j.opc.OPCPackage.open(new ByteArrayInputStream(docx));
                 OutputStream os = enc.getDataStream(fs)) {
                pkg.save(os);
            }
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            fs.writeFilesystem(b);
            return b.toByteArray();
        }
    }

    private static byte[] worksFile() throws IOException {
        try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream b = new ByteArrayOutputStream()) {
            fs.createDocument(new ByteArrayInputStream(new byte[600]), "CONTENTS");
            fs.createDocument(new ByteArrayInputStream(new byte[600]), "MatOST");
            fs.writeFilesystem(b);
            return b.toByteArray();
        }
    }

    private static byte[] encryptedPdf(byte[] pdf) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf); ByteArrayOutputStream b = new ByteArrayOutputStream()) {
            StandardProtectionPolicy p = new StandardProtectionPolicy("owner", "user", new AccessPermission());
            p.setEncryptionKeyLength(128);
            d.protect(p);
            d.save(b);
            return b.toByteArray();
        }
    }

    /** 1 - edit distance / length: how close OCR text is to the original. */
    static double similarity(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1], prev[j]) + 1, prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return 1.0 - (double) prev[b.length()] / Math.max(a.length(), b.length());
    }

}
