package org.noticesearch.search;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.noticesearch.ingest.Notice;

/** The columns of one CSV export row: the fields of a notice a spreadsheet lists, without its text. */
public record ExportRow(String id, String title, String issuer, String docNumber, String date, Integer year, String type,
                        String province, String addressees, List<String> campaigns, String source) {

    private static final JsonFactory JSON = new JsonFactory();

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
        String id = null, title = null, issuer = null, docNumber = null, date = null, type = null, province = null;
        String addressees = null, source = null;
        Integer year = null;
        List<String> campaigns = new ArrayList<>();
        try (JsonParser p = JSON.createParser(bytes, offset, length)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("a stored record is not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                switch (name) {
                    case "id" -> id = text(p, t);
                    case "title" -> title = text(p, t);
                    case "issuer" -> issuer = text(p, t);
                    case "docNumber" -> docNumber = text(p, t);
                    case "date" -> date = text(p, t);
                    case "type" -> type = text(p, t);
                    case "province" -> province = text(p, t);
                    case "addressees" -> addressees = text(p, t);
                    case "source" -> source = text(p, t);
                    case "year" -> year = t == JsonToken.VALUE_NUMBER_INT ? p.getIntValue() : null;
                    case "campaigns" -> {
                        if (t == JsonToken.START_ARRAY) {
                            while (p.nextToken() != JsonToken.END_ARRAY) {
                                campaigns.add(p.getText());
                            }
                        }
                    }
                    default -> p.skipChildren();
                }
            }
        }
        return new ExportRow(id, title, issuer, docNumber, date, year, type, province, addressees, campaigns, source);
    }

    private static String text(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
            p.skipChildren();
            return null;
        }
        return p.getText();
    }
}
