package org.noticesearch.ingest.formats;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.noticesearch.ingest.NoticeParseException;

/**
 * The readers for the formats other than plain text (.docx, .doc, .wps, .pdf, .html, .htm, .ofd): picks one by
 * what the file is (its first bytes), not only by its name, and runs it under a per-file time limit so that no
 * file can hang or crash a run; every failure becomes a {@link NoticeParseException} naming the reason.
 */
public final class FormatReaders {
    /** File extensions these readers take. */
    public static final Set<String> EXTENSIONS = Set.of("docx", "doc", "wps", "pdf", "html", "htm", "ofd");
    /** Per-file time limit: generous for OCR of a few pages, short enough that a stuck file does not stall a run. */
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(180);

    private final Duration timeLimit;
    private final DocxReader docx = new DocxReader();
    private final WordReader word = new WordReader();
    private final PdfReader pdf;
    private final HtmlReader html = new HtmlReader();
    private final OfdReader ofd = new OfdReader();
    private final ExecutorService executor;

    public FormatReaders(TesseractOcr ocr, Duration timeLimit) {
        this.timeLimit = timeLimit;
        this.pdf = new PdfReader(ocr);
        AtomicInteger n = new AtomicInteger();
        // Daemon threads: a reader stuck in a library call that ignores interruption must not keep the JVM alive.
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "format-reader-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** Tesseract from the PATH, and the default time limit. */
    public static FormatReaders defaults() {
        return new FormatReaders(TesseractOcr.fromPath(), DEFAULT_TIME_LIMIT);
    }

    public boolean handles(String extension) {
        return EXTENSIONS.contains(extension.toLowerCase(Locale.ROOT));
    }

    /** The text of one file; {@code format} is its extension. */
    public Extraction read(String source, String format, byte[] bytes) throws NoticeParseException {
        if (bytes.length == 0) {
            throw new NoticeParseException(source, "the file is empty");
        }
        FormatReader reader = choose(source, format.toLowerCase(Locale.ROOT), bytes);
        Future<Extraction> task = executor.submit(() -> reader.read(source, bytes));
        try {
            return task.get(timeLimit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            throw new NoticeParseException(source, "reading the file took longer than the per-file time limit of "
                    + timeLimit.toSeconds() + " s; it was skipped");
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw new NoticeParseException(source, "interrupted while reading the file");
        } catch (ExecutionException e) {
            throw failure(source, format, e.getCause());
        }
    }

    private FormatReader choose(String source, String format, byte[] bytes) throws NoticeParseException {
        Sniff kind = Sniff.of(bytes);
        switch (format) {
            case "pdf":
                if (kind != Sniff.PDF) {
                    throw new NoticeParseException(source, "not a PDF file: it does not start with %PDF- (corrupt, or another format named .pdf)");
                }
                return pdf;
            case "html", "htm":
                return html;
            case "ofd":
                if (kind != Sniff.ZIP) {
                    throw new NoticeParseException(source, "not an OFD file: an OFD is a zip package and this is not one (corrupt or truncated?)");
                }
                return ofd;
            case "docx", "doc", "wps":
                return switch (kind) {
                    case ZIP -> docx;
                    case OLE2 -> word;
                    // Word can save a web page under .doc; read it as the page it is.
                    case HTML -> html;
                    case RTF -> throw new NoticeParseException(source, "an RTF document named ." + format
                            + ", which is not read; save it as .docx");
                    default -> throw new NoticeParseException(source, "not a Word document: neither the .docx (zip) nor the"
                            + " Word 97-2003 (OLE2) format" + (format.equals("wps")
                            ? "; older WPS Office formats cannot be read, save it from WPS as .docx or .doc" : "")
                            + " (corrupt or truncated?)");
                };
            default:
                throw new NoticeParseException(source, "no reader for ." + format + " files");
        }
    }

    private static NoticeParseException failure(String source, String format, Throwable t) {
        if (t instanceof NoticeParseException e) {
            return e;
        }
        if (t instanceof OutOfMemoryError) {
            return new NoticeParseException(source, "ran out of memory reading the file (too large or corrupt)");
        }
        if (t instanceof StackOverflowError) {
            return new NoticeParseException(source, "the file is nested too deeply to read (corrupt?)");
        }
        if (t instanceof org.apache.poi.EncryptedDocumentException) {
            return new NoticeParseException(source, "the document is encrypted (password-protected) and cannot be read");
        }
        String what = t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + oneLine(t.getMessage()));
        return new NoticeParseException(source, "cannot read the ." + format + " file: it is corrupt, truncated or not in the"
                + " format its name says (" + what + ")");
    }

    static String oneLine(String s) {
        String t = s.replaceAll("\\s+", " ").strip();
        return t.length() > 200 ? t.substring(0, 200) + "…" : t;
    }
}
