package org.noticesearch.ingest.formats;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.CCITTFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Regenerates the committed fixtures notice.doc, notice.pdf and notice-scan.pdf from the .docx that
 * {@link FormatFixtures#docx} builds: LibreOffice converts the .docx to Word 97 and to PDF (a real layout, hard-wrapped
 * lines and page-number footers), and the PDF's pages rendered at 300 dpi, black and white, become an image-only PDF.
 * Needs LibreOffice (libreoffice-writer-nogui) and a font with Chinese glyphs (fonts-droid-fallback). Run from the
 * repository root with the test classpath: {@code java -cp target/test-classes:target/classes:<deps> ...MakeFormatFixtures}.
 */
public final class MakeFormatFixtures {
    public static void main(String[] args) throws Exception {
        Path work = Files.createTempDirectory("fixtures");
        Path docx = work.resolve("notice.docx");
        Files.write(docx, FormatFixtures.docx(false));
        soffice(work, docx, "doc");
        soffice(work, docx, "pdf");
        Files.copy(work.resolve("notice.doc"), FormatFixtures.DIR.resolve("notice.doc"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(work.resolve("notice.pdf"), FormatFixtures.DIR.resolve("notice.pdf"), StandardCopyOption.REPLACE_EXISTING);
        Files.write(FormatFixtures.DIR.resolve("notice-scan.pdf"), scan(Files.readAllBytes(work.resolve("notice.pdf"))));
        System.out.println("wrote notice.doc, notice.pdf, notice-scan.pdf to " + FormatFixtures.DIR);
    }

    private static void soffice(Path dir, Path in, String to) throws Exception {
        Process p = new ProcessBuilder("soffice", "--headless", "--convert-to", to, "--outdir", dir.toString(), in.toString())
                .inheritIO().start();
        if (!p.waitFor(180, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("soffice --convert-to " + to + " failed");
        }
    }

    /** Each page as a 300 dpi bilevel image (CCITT G4, as scanners write), and no text layer. */
    static byte[] scan(byte[] pdf) throws Exception {
        try (PDDocument src = Loader.loadPDF(pdf); PDDocument out = new PDDocument()) {
            PDFRenderer r = new PDFRenderer(src);
            for (int i = 0; i < src.getNumberOfPages(); i++) {
                BufferedImage img = r.renderImageWithDPI(i, 300, ImageType.BINARY);
                PDPage page = new PDPage(PDRectangle.A4);
                out.addPage(page);
                PDImageXObject x = CCITTFactory.createFromImage(out, img);
                try (PDPageContentStream cs = new PDPageContentStream(out, page)) {
                    cs.drawImage(x, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
                }
            }
            java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
            out.save(b);
            return b.toByteArray();
        }
    }
}
