package org.noticesearch.search;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.util.List;
import org.noticesearch.Json;
import org.noticesearch.ingest.Notice;

/** The columns of one CSV export row: the fields of a notice a spreadsheet lists, without its text. */
public record ExportRow(String id, String title, String issuer, String docNumber, String date, Integer year, String type,
                        String province, String addressees, List<String> campaigns, String source) {

    /** Fields of the record that are not columns (the paragraphs above all) are skipped unread, not built. */
    private static final ObjectReader READER = Json.mapper().readerFor(ExportRow.class)
            .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public ExportRow {
        campaigns = campaigns == null ? List.of() : List.copyOf(campaigns);
    }

    public static ExportRow of(Notice n) {
        return new ExportRow(n.id(), n.title(), n.issuer(), n.docNumber(), n.date(), n.year(), n.type(), n.province(),
                n.addressees(), n.campaigns(), n.source());
    }

    /**
     * The row from a stored notice record (the JSON of a {@link Notice}) read as a stream: the paragraphs, which are
     * most of the record, are skipped instead of built, which makes a large export several times cheaper.
     */
    public static ExportRow fromRecord(byte[] bytes, int offset, int length) throws IOException {
        return READER.readValue(bytes, offset, length);
    }
}
