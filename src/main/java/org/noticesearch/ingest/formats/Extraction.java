package org.noticesearch.ingest.formats;

import java.util.List;
import org.noticesearch.ingest.SourceMetadata;

/**
 * The text a format reader took from one file, one paragraph or layout line per line, ready for the notice
 * parser; with the file's own metadata (which wins over the text), warnings for the record (e.g. text read by OCR),
 * and the page headers and footers that were kept out of the text.
 *
 * @param encoding the character encoding for formats that have one (HTML), else null
 */
public record Extraction(String text, String encoding, SourceMetadata metadata, List<String> warnings,
                         List<String> pageFurniture) {

    public Extraction {
        metadata = metadata == null ? SourceMetadata.NONE : metadata;
        warnings = List.copyOf(warnings);
        pageFurniture = List.copyOf(pageFurniture);
    }

    static Extraction of(String text) {
        return new Extraction(text, null, SourceMetadata.NONE, List.of(), List.of());
    }
}
