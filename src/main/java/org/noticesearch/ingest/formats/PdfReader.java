package org.noticesearch.ingest.formats;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.noticesearch.ingest.FailureKind;
import org.noticesearch.ingest.NoticeParseException;

/**
 * Reads PDF with PDFBox: the text layer, page by page in reading position, page numbers and running headers taken
 * out (the parser's paragraph builder rejoins the hard-wrapped lines). A page with no text layer but an image is a
 * scan: it is read by OCR when Tesseract is installed, and the notice then says so in its warnings; without
 * Tesseract the file is reported as "scanned, no text layer".
 */
final class PdfReader implements FormatReader {
    /** A page with fewer non-space characters than this in its text layer is treated as having none. */
    static final int MIN_PAGE_CHARS = 10;
    /**
     * Resolution pages are rendered at for OCR. Tesseract's chi_sim model reads Chinese best with glyphs some 30
     * pixels high: 16 pt body text (公文 size 三号) at 150 dpi. At 300 dpi it misread several characters of our fixture
     * (关 as 天, 贯 as 员) that it reads correctly at 150.
     */
    static final float OCR_DPI = 150;
    /** Scanned pages beyond this many are not OCR'd (a notice is a few pages; a scanned book would blow the time limit). */
    static final int MAX_OCR_PAGES = 30;

    private final TesseractOcr ocr;
    private final int maxPages;
    private final long maxTextChars;

    PdfReader(TesseractOcr ocr, int maxPages, long maxTextChars) {
        this.ocr = ocr;
        this.maxPages = maxPages;
        this.maxTextChars = maxTextChars;
    }

    /** The text taken out of a file passed the limit; reported as too large. */
    static final class TextLimitException extends IOException {
        TextLimitException(String message) {
            super(message);
        }
    }

    /**
     * Collects each page's text in one pass over the document. Asking the stripper for one page at a time, as this
     * reader once did, walks the page tree from the start for every page: the time grew with the square of the page
     * count (5,000 pages 7 s, 30,000 pages over 600 s here). Stops at the text limit and when its thread is interrupted
     * (the per-file time limit).
     */
    private final class PageCollector extends PDFTextStripper {
        /**
         * Text by page number. PDFBox calls startPage/endPage only for pages that have a content stream, so a blank
         * page (no /Contents, legal and common) is never visited and keeps its empty text.
         */
        final String[] pages;
        final StringBuilder page = new StringBuilder();
        long total;

        PageCollector(int pageCount) throws IOException {
            pages = new String[pageCount];
            java.util.Arrays.fill(pages, "");
            setSortByPosition(true);
            setLineSeparator("\n");
            setPageEnd("");
        }

        @Override
        protected void startPage(PDPage p) throws IOException {
            if (Thread.currentThread().isInterrupted()) {
                throw new java.io.InterruptedIOException("stopped at the time limit");
            }
            page.setLength(0);
            super.startPage(p);
        }

        @Override
        protected void endPage(PDPage p) throws IOException {
            super.endPage(p);
            output.flush();
            pages[getCurrentPageNo() - 1] = page.toString();
        }

        java.io.Writer sink() {
            return new java.io.Writer() {
                @Override
                public void write(char[] buf, int off, int len) throws IOException {
                    total += len;
                    if (total > maxTextChars) {
                        throw new TextLimitException("the PDF holds more than " + maxTextChars
                                + " characters of text (ingest.maxTextChars in settings.properties)");
                    }
                    page.append(buf, off, len);
                }

                @Override
                public void flush() {}

                @Override
                public void close() {}
            };
        }
    }

    @Override
    public Extraction read(String source, byte[] bytes) throws Exception {
        PDDocument doc;
        try {
            doc = Loader.loadPDF(bytes);
        } catch (InvalidPasswordException e) {
            throw new NoticeParseException(source, FailureKind.CORRUPT, "the PDF is encrypted with a password and cannot be read");
        } catch (IOException e) {
            throw new NoticeParseException(source, FailureKind.CORRUPT, "cannot open the PDF: it is corrupt or truncated (" + FormatReaders.oneLine(String.valueOf(e.getMessage())) + ")");
        }
        try (doc) {
            int n = doc.getNumberOfPages();
            if (n == 0) {
                throw new NoticeParseException(source, FailureKind.CORRUPT, "the PDF has no pages (corrupt or truncated?)");
            }
            if (n > maxPages) {
                throw new NoticeParseException(source, FailureKind.TOO_LARGE, "the PDF has " + n + " pages, over the limit of "
                        + maxPages + " (ingest.maxPages in settings.properties)");
            }
            PageCollector collector = new PageCollector(n);
            try {
                collector.writeText(doc, collector.sink());
            } catch (java.io.InterruptedIOException e) {
                throw new InterruptedException("stopped at the time limit");
            }
            List<List<String>> pages = new ArrayList<>();
            List<Integer> scanned = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                String text = collector.pages[i - 1];
                if (text.codePoints().filter(c -> !Character.isWhitespace(c)).count() >= MIN_PAGE_CHARS) {
                    pages.add(text.lines().map(PdfReader::closeUp).toList());
                } else if (hasImages(doc.getPage(i - 1))) {
                    scanned.add(i);
                    pages.add(new ArrayList<>());
                } else {
                    pages.add(text.lines().toList());
                }
            }
            List<String> warnings = new ArrayList<>();
            if (!scanned.isEmpty()) {
                Optional<String> why = ocr.unavailableReason();
                if (why.isPresent()) {
                    if (scanned.size() == n || pages.stream().allMatch(List::isEmpty)) {
                        throw new NoticeParseException(source, FailureKind.NOT_A_NOTICE, "scanned, no text layer: " + why.get());
                    }
                    warnings.add("page(s) " + scanned + " are scanned images with no text layer and were not read: " + why.get());
                } else {
                    PDFRenderer renderer = new PDFRenderer(doc);
                    int done = 0;
                    for (int page : scanned) {
                        if (done++ >= MAX_OCR_PAGES) {
                            warnings.add("only the first " + MAX_OCR_PAGES + " scanned pages were read by OCR");
                            break;
                        }
                        checkInterrupted();
                        BufferedImage img = renderer.renderImageWithDPI(page - 1, OCR_DPI, ImageType.GRAY);
                        pages.set(page - 1, ocr.recognise(img).lines().toList());
                    }
                    warnings.add("text read by OCR (Tesseract " + TesseractOcr.LANGUAGE + ") from "
                            + (scanned.size() == n ? "all pages" : "scanned page(s) " + scanned) + "; it may contain recognition errors");
                }
            }
            PageLines.Result joined = PageLines.join(pages);
            if (joined.text().isBlank()) {
                throw new NoticeParseException(source, FailureKind.NOT_A_NOTICE, "the PDF has no text: no text layer and no scanned page images");
            }
            return new Extraction(joined.text(), null, null, warnings, joined.furniture());
        }
    }

    private static final java.util.regex.Pattern LONE_SPACE = java.util.regex.Pattern.compile(
            "(?<=[\\p{IsHan}，。：；、“”（）])\\u0020(?=[\\p{IsHan}0-9])|(?<=[\\p{IsHan}0-9])\\u0020(?=[\\p{IsHan}，。：；、“”（）])");

    /**
     * Drops a single space the text stripper put between a Chinese character and a digit or another Chinese
     * character (justified lines spread their glyphs); a wider gap, as between header elements, stays.
     */
    static String closeUp(String line) {
        return LONE_SPACE.matcher(line).replaceAll("");
    }

    private static boolean hasImages(PDPage page) throws IOException {
        PDResources r = page.getResources();
        if (r == null) {
            return false;
        }
        for (COSName name : r.getXObjectNames()) {
            if (r.isImageXObject(name)) {
                return true;
            }
            // Scanners sometimes wrap the page image in a form.
            if (r.getXObject(name) instanceof org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject form
                    && form.getResources() != null) {
                for (COSName inner : form.getResources().getXObjectNames()) {
                    if (form.getResources().isImageXObject(inner)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static void checkInterrupted() throws InterruptedException {
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
    }
}
