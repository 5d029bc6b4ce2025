package org.noticesearch.web;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import org.apache.commons.text.StringEscapeUtils;
import org.noticesearch.ingest.Notice;
import org.noticesearch.search.ExportRow;

/**
 * Search hits as CSV for spreadsheets: UTF-8 with a byte-order mark so that Excel reads the Chinese text, written
 * row by row to the response as the notices are read. Every cell but the id is neutralised as OWASP advises for
 * CSV injection: one that starts (after any spaces) with {@code = + - @}, a tab or a carriage return gets a leading
 * {@code '}, so that a spreadsheet shows it as text instead of evaluating it. The id is left as it is: it must stay
 * the id (it is what {@code /api/notices/{id}} takes), and ids never start with those characters.
 */
final class CsvExport {
    static final String BOM = "\uFEFF";
    static final List<String> HEADER = List.of("id", "title", "issuer", "docNumber", "date", "year", "type", "province",
            "addressees", "campaigns", "source");

    private final Writer out;

    /** Writes the byte-order mark and the header line. */
    CsvExport(Writer out) throws IOException {
        this.out = out;
        out.write(BOM);
        line(HEADER, false);
    }

    void row(ExportRow n) throws IOException {
        line(List.of(s(n.id()), s(n.title()), s(n.issuer()), s(n.docNumber()), s(n.date()),
                n.year() == null ? "" : n.year().toString(), s(n.type()), s(n.province()), s(n.addressees()),
                String.join("; ", n.campaigns()), s(n.source())), true);
    }

    /** A whole export in memory (tests and small callers). */
    static String toCsv(List<Notice> notices) {
        java.io.StringWriter w = new java.io.StringWriter();
        try {
            CsvExport csv = new CsvExport(w);
            for (Notice n : notices) {
                csv.row(ExportRow.of(n));
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return w.toString();
    }

    private static String s(String v) {
        return v == null ? "" : v;
    }

    /** {@code neutraliseAfterFirst}: the first cell is the id (or the header), which is never altered. */
    private void line(List<String> cells, boolean neutraliseAfterFirst) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            String c = cells.get(i);
            out.write(StringEscapeUtils.escapeCsv(neutraliseAfterFirst && i > 0 ? neutralise(c) : c));
        }
        out.write("\r\n");
    }

    /** The cell as text a spreadsheet will not evaluate: a leading ' where the first non-space is a formula trigger. */
    static String neutralise(String c) {
        int i = 0;
        while (i < c.length() && (c.charAt(i) == ' ' || c.charAt(i) == '\u3000')) {
            i++;
        }
        if (i < c.length() && "=+-@\t\r".indexOf(c.charAt(i)) >= 0) {
            return "'" + c;
        }
        return c;
    }
}
