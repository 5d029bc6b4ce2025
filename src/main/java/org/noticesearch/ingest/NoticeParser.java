package org.noticesearch.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.noticesearch.config.IndexConfig;
import org.noticesearch.ingest.formats.Extraction;
import org.noticesearch.ingest.formats.FormatReaders;

/**
 * Reads notice files into {@link Notice}s: enforces the size limit, sends Word, PDF, HTML and OFD files to their
 * format reader and decodes plain text, then hands the text to the {@link NoticeTextParser} (the GB/T 9704 state
 * machine). Walks a folder for the {@code parse} command, reporting a bad file and going on.
 */
public final class NoticeParser {
    private final TextDecoder decoder = new TextDecoder();
    private final NoticeTextParser text;
    private final long maxFileBytes;
    private final FormatReaders formats;

    public NoticeParser(IndexConfig config) {
        this(config, config.settings().maxFileBytes(), FormatReaders.from(config.settings()));
    }

    /** With the readers for Word, PDF, HTML and OFD files given (tests use this to set the OCR command or time limit). */
    public NoticeParser(IndexConfig config, long maxFileBytes, FormatReaders formats) {
        this.text = new NoticeTextParser(config.issuers(), config.docTypes(), config.campaignSuffixes());
        this.maxFileBytes = maxFileBytes;
        this.formats = formats;
    }

    /**
     * What decides whether a file can be read besides its own bytes: the size, page, text, inflation, time and memory
     * limits, and the program's version. A failure remembered under other limits or another version is tried again.
     */
    public String readingContext() {
        String version = NoticeParser.class.getPackage().getImplementationVersion();
        return "maxFileBytes=" + maxFileBytes + " " + formats.limits() + " version=" + (version == null ? "dev" : version);
    }

    /** The largest file this parser reads; the indexer stops reading a file there. */
    public long maxFileBytes() {
        return maxFileBytes;
    }

    /** Decodes (or, for Word, PDF, HTML and OFD files, extracts the text of) and parses one file. */
    public Notice parse(RawNotice raw) throws NoticeParseException {
        if (raw.bytes().length > maxFileBytes) {
            throw new NoticeParseException(raw.source(), FailureKind.TOO_LARGE, "the file is " + sizeOf(raw) + " bytes, over the limit of "
                    + maxFileBytes + " (ingest.maxFileBytes in settings.properties)");
        }
        String format = NoticeIds.formatOf(raw.source());
        if (formats.handles(format)) {
            Extraction x = formats.read(raw.source(), format, raw.bytes());
            return parseText(raw.source(), format, x.text(), x.encoding(), x.metadata(), x.warnings());
        }
        TextDecoder.Decoded decoded = decoder.decode(raw.source(), raw.bytes());
        return parseText(raw.source(), format, decoded.text(), decoded.encoding(), SourceMetadata.NONE, decoded.warnings());
    }

    private static long sizeOf(RawNotice raw) {
        try {
            return raw.path() != null ? Files.size(raw.path()) : raw.bytes().length;
        } catch (IOException e) {
            return raw.bytes().length;
        }
    }

    /** Parses every notice file under a folder (or one file), collecting the notices; see {@link #parseEach}. */
    public ParseReport parseAll(Path root) throws IOException {
        List<Notice> notices = new ArrayList<>();
        List<ParseReport.Failure> failures = parseEach(root, notices::add);
        return new ParseReport(notices, failures);
    }

    /**
     * Parses every notice file under a folder (or one file), handing each notice to the sink as it is
     * parsed, so a large folder is never held in memory. One bad file is reported and skipped.
     */
    public List<ParseReport.Failure> parseEach(Path root, Consumer<Notice> sink) throws IOException {
        CorpusWalker.Walk walk = CorpusWalker.walk(root);
        // Links out of the corpus, loops and unreadable folders are reported like files that failed.
        List<ParseReport.Failure> failures = new ArrayList<>(walk.problems());
        for (Path file : walk.files()) {
            String source = CorpusWalker.sourceOf(root, file);
            try {
                sink.accept(parse(CorpusWalker.read(root, file, maxFileBytes)));
            } catch (NoticeParseException e) {
                failures.add(new ParseReport.Failure(e));
            } catch (IOException e) {
                failures.add(new ParseReport.Failure(source, "cannot read the file (" + e.getMessage() + ")",
                        FailureKind.UNREADABLE));
            } catch (RuntimeException e) {
                // A parser bug on one file is reported with that file, not allowed to stop the run.
                failures.add(new ParseReport.Failure(source, "internal parser error: " + e, FailureKind.INTERNAL));
            }
        }
        return failures;
    }

    /** Parses text already decoded (by this class or by a format reader). */
    public Notice parseText(String source, String format, String text, String encoding) throws NoticeParseException {
        return parseText(source, format, text, encoding, SourceMetadata.NONE, List.of());
    }

    /** Parses extracted text with what the file says about itself; see {@link NoticeTextParser#parse}. */
    public Notice parseText(String source, String format, String text, String encoding, SourceMetadata metadata,
                            List<String> extractionWarnings) throws NoticeParseException {
        return this.text.parse(source, format, text, encoding, metadata, extractionWarnings);
    }

    /** See {@link NoticeIds#idFor}. */
    public static String idFor(String source) {
        return NoticeIds.idFor(source);
    }
}
