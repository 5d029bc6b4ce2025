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
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.noticesearch.config.Settings;
import org.noticesearch.ingest.FailureKind;
import org.noticesearch.ingest.NoticeParseException;

/**
 * The readers for the formats other than plain text (.docx, .doc, .wps, .pdf, .html, .htm, .ofd): picks one by
 * what the file is (its first bytes), not only by its name, and runs it bounded (see {@link ReadLimits}) so that no
 * file can hang or crash a run or starve the server: each read runs on a reader thread under a per-file time limit;
 * zip packages are measured before a library unpacks them ({@link ZipGuard}); PDF pages and extracted text are capped;
 * and each read first takes its estimated memory from a budget shared by all reads, so that files read at once never
 * together need more heap than was set aside, and a file that alone would need more is refused before it is opened.
 * Every failure becomes a {@link NoticeParseException} with its {@link FailureKind}.
 */
public final class FormatReaders {
    /** File extensions these readers take. */
    public static final Set<String> EXTENSIONS = Set.of("docx", "doc", "wps", "pdf", "html", "htm", "ofd");
    /**
     * Heap POI's XWPF needs per byte of a .docx's XML: measured at -Xmx256m, a package whose document.xml inflates to
     * 8 MB was read, one of 16 MB ran out of memory (its DOM and the XMLBeans objects over it take some 15-20 times
     * the XML).
     */
    static final int DOCX_XML_FACTOR = 20;
    /** Rough heap per byte for the other formats: the bytes, the parsed objects and the text, a few times over. */
    static final int PAGED_FACTOR = 4;
    static final int HTML_FACTOR = 8;

    private final ReadLimits limits;
    private final DocxReader docx = new DocxReader();
    private final WordReader word = new WordReader();
    private final PdfReader pdf;
    private final HtmlReader html = new HtmlReader();
    private final OfdReader ofd = new OfdReader();
    private final ExecutorService executor;
    /** The memory budget in MB: each read holds its estimate until it ends (even after its time limit passed). */
    private final Semaphore memory;
    private final int budgetMb;
    private final AtomicLong reads = new AtomicLong();

    public FormatReaders(TesseractOcr ocr, Duration timeLimit) {
        this(ocr, ReadLimits.defaults().withTimeLimit(timeLimit));
    }

    public FormatReaders(TesseractOcr ocr, ReadLimits limits) {
        this.limits = limits;
        this.pdf = new PdfReader(ocr, limits.maxPages(), limits.maxTextChars());
        this.budgetMb = (int) Math.max(1, Math.min(Integer.MAX_VALUE, limits.memoryBudgetBytes() >> 20));
        this.memory = new Semaphore(budgetMb, true);
        AtomicInteger n = new AtomicInteger();
        // Daemon threads: a reader stuck in a library call that ignores interruption must not keep the JVM alive.
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "format-reader-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** The limits every read is held to (page, text, inflation, time, memory). */
    public ReadLimits limits() {
        return limits;
    }

    /** Tesseract from the PATH, and the default limits. */
    public static FormatReaders defaults() {
        return new FormatReaders(TesseractOcr.fromPath(), ReadLimits.defaults());
    }

    /** Tesseract from the PATH, and the limits in settings.properties. */
    public static FormatReaders from(Settings settings) {
        return new FormatReaders(TesseractOcr.fromPath(), ReadLimits.from(settings));
    }

    public boolean handles(String extension) {
        return EXTENSIONS.contains(extension.toLowerCase(Locale.ROOT));
    }

    /** How many files these readers have started to read: a sync that skips a remembered failure does not add one. */
    public long reads() {
        return reads.get();
    }

    /** The text of one file; {@code format} is its extension. */
    public Extraction read(String source, String format, byte[] bytes) throws NoticeParseException {
        if (bytes.length == 0) {
            throw new NoticeParseException(source, FailureKind.NOT_A_NOTICE, "the file is empty");
        }
        reads.incrementAndGet();
        FormatReader reader = choose(source, format.toLowerCase(Locale.ROOT), bytes);
        int needMb = (int) Math.min(Integer.MAX_VALUE, (estimate(source, reader, bytes) >> 20) + 1);
        if (needMb > budgetMb) {
            throw new NoticeParseException(source, FailureKind.TOO_LARGE, "reading it would take about " + needMb
                    + " MB of memory, more than the " + budgetMb + " MB set aside for reading files (half the heap: start"
                    + " the JVM with a larger -Xmx to read it)");
        }
        try {
            if (!memory.tryAcquire(needMb, limits.timeLimit().toMillis(), TimeUnit.MILLISECONDS)) {
                // Not this file's fault: not remembered as a failure (UNREADABLE is tried again next sync).
                throw new NoticeParseException(source, FailureKind.UNREADABLE, "not read this time: other files being read"
                        + " held the memory set aside for reading for " + limits.timeLimit().toSeconds() + " s; it is tried again"
                        + " on the next sync");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NoticeParseException(source, FailureKind.UNREADABLE, "interrupted while waiting to read the file");
        }
        Future<Extraction> task;
        // Whoever sets this first owns the permits' release: the read when it starts, or a cancel that came first.
        AtomicBoolean started = new AtomicBoolean();
        try {
            task = executor.submit(() -> {
                if (!started.compareAndSet(false, true)) {
                    return null;
                }
                try {
                    return reader.read(source, bytes);
                } finally {
                    memory.release(needMb);
                }
            });
        } catch (RuntimeException e) {
            memory.release(needMb);
            throw e;
        }
        try {
            return task.get(limits.timeLimit().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            cancel(task, started, needMb);
            throw new NoticeParseException(source, FailureKind.TIMEOUT, "reading the file took longer than the per-file time limit of "
                    + limits.timeLimit().toSeconds() + " s (ingest.readTimeLimitSeconds in settings.properties); it was skipped");
        } catch (InterruptedException e) {
            cancel(task, started, needMb);
            Thread.currentThread().interrupt();
            throw new NoticeParseException(source, FailureKind.UNREADABLE, "interrupted while reading the file");
        } catch (ExecutionException e) {
            throw failure(source, format, e.getCause());
        }
    }

    /**
     * Stops a read. One that has not started yet never will, and its memory is given back here; one that has started
     * gives it back itself when it stops (a library call may finish long after the interrupt).
     */
    private void cancel(Future<Extraction> task, AtomicBoolean started, int needMb) {
        if (task.cancel(true) && started.compareAndSet(false, true)) {
            memory.release(needMb);
        }
    }

    /** The heap a read will take, by format: zip packages by what they really inflate to (refused past the limits). */
    private long estimate(String source, FormatReader reader, byte[] bytes) throws NoticeParseException {
        if (reader == docx || reader == ofd) {
            ZipGuard.Inflated z = ZipGuard.scan(source, bytes, limits.maxInflatedBytes(), limits.maxZipEntries());
            return reader == docx
                    ? z.xmlBytes() * DOCX_XML_FACTOR + (z.totalBytes() - z.xmlBytes()) + bytes.length
                    : z.totalBytes() * PAGED_FACTOR + bytes.length;
        }
        return (long) bytes.length * (reader == html ? HTML_FACTOR : PAGED_FACTOR);
    }

    private FormatReader choose(String source, String format, byte[] bytes) throws NoticeParseException {
        Sniff kind = Sniff.of(bytes);
        switch (format) {
            case "pdf":
                if (kind != Sniff.PDF) {
                    throw new NoticeParseException(source, FailureKind.UNSUPPORTED_FORMAT, "not a PDF file: it does not start with %PDF- (corrupt, or another format named .pdf)");
                }
                return pdf;
            case "html", "htm":
                return html;
            case "ofd":
                if (kind != Sniff.ZIP) {
                    throw new NoticeParseException(source, FailureKind.UNSUPPORTED_FORMAT, "not an OFD file: an OFD is a zip package and this is not one (corrupt or truncated?)");
                }
                return ofd;
            case "docx", "doc", "wps":
                return switch (kind) {
                    case ZIP -> docx;
                    case OLE2 -> word;
                    // Word can save a web page under .doc; read it as the page it is.
                    case HTML -> html;
                    case RTF -> throw new NoticeParseException(source, FailureKind.UNSUPPORTED_FORMAT, "an RTF document named ." + format
                            + ", which is not read; save it as .docx");
                    default -> throw new NoticeParseException(source, FailureKind.UNSUPPORTED_FORMAT, "not a Word document: neither the .docx (zip) nor the"
                            + " Word 97-2003 (OLE2) format" + (format.equals("wps")
                            ? "; older WPS Office formats cannot be read, save it from WPS as .docx or .doc" : "")
                            + " (corrupt or truncated?)");
                };
            default:
                throw new NoticeParseException(source, FailureKind.UNSUPPORTED_FORMAT, "no reader for ." + format + " files");
        }
    }

    private static NoticeParseException failure(String source, String format, Throwable t) {
        if (t instanceof NoticeParseException e) {
            return e;
        }
        if (t instanceof OutOfMemoryError) {
            return new NoticeParseException(source, FailureKind.TOO_LARGE, "ran out of memory reading the file (too large or corrupt)");
        }
        if (t instanceof StackOverflowError) {
            return new NoticeParseException(source, FailureKind.TOO_COMPLEX, "the file is nested too deeply to read (corrupt?)");
        }
        if (t instanceof org.apache.poi.EncryptedDocumentException) {
            return new NoticeParseException(source, FailureKind.CORRUPT, "the document is encrypted (password-protected) and cannot be read");
        }
        if (t instanceof PdfReader.TextLimitException) {
            return new NoticeParseException(source, FailureKind.TOO_LARGE, t.getMessage());
        }
        if (t instanceof InterruptedException) {
            return new NoticeParseException(source, FailureKind.TIMEOUT, "reading the file was stopped at its time limit");
        }
        // POI's own limits (a record asking for a 1 GB array, a zip bomb it caught) are size problems, not corruption.
        String m = String.valueOf(t.getMessage());
        FailureKind kind = t instanceof org.apache.poi.util.RecordFormatException && m.contains("allocate")
                || m.contains("Zip bomb") ? FailureKind.TOO_LARGE : FailureKind.CORRUPT;
        String what = t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + oneLine(t.getMessage()));
        return new NoticeParseException(source, kind, "cannot read the ." + format + " file: it is corrupt, truncated or not in the"
                + " format its name says (" + what + ")");
    }

    static String oneLine(String s) {
        String t = s.replaceAll("\\s+", " ").strip();
        return t.length() > 200 ? t.substring(0, 200) + "…" : t;
    }
}
