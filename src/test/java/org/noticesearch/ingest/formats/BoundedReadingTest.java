package org.noticesearch.ingest.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;
import org.noticesearch.index.HostileCorpusTest;
import org.noticesearch.ingest.FailureKind;
import org.noticesearch.ingest.NoticeParseException;

/** The format readers run bounded: a page cap, a text cap, a zip guard and a memory budget, each a typed failure. */
class BoundedReadingTest {
    static ReadLimits limits(int maxPages, long maxChars, long budgetBytes) {
        return new ReadLimits(Duration.ofSeconds(30), maxPages, maxChars, 256L << 20, 10_000, budgetBytes);
    }

    static byte[] textPdf(int pages) throws Exception {
        try (PDDocument d = new PDDocument()) {
            PDType1Font f = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            for (int i = 0; i < pages; i++) {
                PDPage p = new PDPage();
                d.addPage(p);
                try (PDPageContentStream cs = new PDPageContentStream(d, p)) {
                    cs.beginText();
                    cs.setFont(f, 12);
                    cs.newLineAtOffset(72, 700);
                    cs.showText("Body line " + word(i) + " with enough characters");
                    cs.endText();
                }
            }
            ByteArrayOutputStream o = new ByteArrayOutputStream();
            d.save(o);
            return o.toByteArray();
        }
    }

    /** A different word on each page (letters, not only digits: a line alike on most pages is a running header). */
    static String word(int i) {
        StringBuilder b = new StringBuilder();
        for (int n = i + 1; n > 0; n /= 26) {
            b.append((char) ('a' + n % 26));
        }
        return b.toString();
    }

    @Test
    void aPdfIsReadInOnePassWithEveryPage() throws Exception {
        FormatReaders r = new FormatReaders(TesseractOcr.fromPath(), limits(1000, 1_000_000, 1L << 30));
        Extraction x = r.read("p.pdf", "pdf", textPdf(400));
        for (int i : new int[]{0, 1, 199, 399}) {
            assertTrue(x.text().contains("Body line " + word(i) + " with"), "page " + (i + 1));
        }
    }

    @Test
    void pagesAndTextAreCapped() throws Exception {
        FormatReaders r = new FormatReaders(TesseractOcr.fromPath(), limits(100, 2_000, 1L << 30));
        NoticeParseException pages = assertThrows(NoticeParseException.class, () -> r.read("p.pdf", "pdf", textPdf(101)));
        assertEquals(FailureKind.TOO_LARGE, pages.kind());
        assertEquals("the PDF has 101 pages, over the limit of 100 (ingest.maxPages in settings.properties)", pages.reason());
        NoticeParseException text = assertThrows(NoticeParseException.class, () -> r.read("t.pdf", "pdf", textPdf(100)));
        assertEquals(FailureKind.TOO_LARGE, text.kind());
        assertEquals("the PDF holds more than 2000 characters of text (ingest.maxTextChars in settings.properties)", text.reason());
    }

    @Test
    void aDocxThatWouldNotFitTheMemoryBudgetIsRefusedBeforeItIsOpened() throws Exception {
        // 8 MB of XML: POI needs some 20 times that; with 64 MB set aside it is refused at once, not read into an OOM.
        byte[] bomb = HostileCorpusTest.inflatingDocx(8);
        FormatReaders r = new FormatReaders(TesseractOcr.fromPath(), limits(1000, 1_000_000, 64L << 20));
        long t = System.nanoTime();
        NoticeParseException e = assertThrows(NoticeParseException.class, () -> r.read("b.docx", "docx", bomb));
        assertEquals(FailureKind.TOO_LARGE, e.kind());
        assertTrue(e.reason().startsWith("reading it would take about 16"), e.reason());
        assertTrue(e.reason().endsWith("more than the 64 MB set aside for reading files (half the heap: start the JVM with a larger -Xmx to read it)"),
                e.reason());
        assertTrue(System.nanoTime() - t < 5_000_000_000L, "refused without reading");
    }

    @Test
    void aZipBombIsStoppedAtTheInflateLimit() throws Exception {
        byte[] bomb = HostileCorpusTest.inflatingDocx(40);
        FormatReaders r = new FormatReaders(TesseractOcr.fromPath(),
                new ReadLimits(Duration.ofSeconds(30), 1000, 1_000_000, 32L << 20, 10_000, 1L << 30));
        NoticeParseException e = assertThrows(NoticeParseException.class, () -> r.read("b.docx", "docx", bomb));
        assertEquals(FailureKind.TOO_LARGE, e.kind());
        assertTrue(e.reason().startsWith("the package inflates to more than 32 MB (ingest.maxInflatedBytes"), e.reason());
    }
}
