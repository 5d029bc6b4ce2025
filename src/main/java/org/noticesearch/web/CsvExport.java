package org.noticesearch.web;

import java.util.List;
import org.apache.commons.text.StringEscapeUtils;
import org.noticesearch.ingest.Notice;

/** Search hits as CSV for spreadsheets: UTF-8 with a byte-order mark so that Excel reads the Chinese text. */
final class CsvExport {
    static final String BOM = "\uFEFF";
    static final List<String> HEADER = List.of("id", "title", "issuer", "docNumber", "date", "year", "type", "province",
            "addressees", "campaigns", "source");

    private CsvExport() {}

    static String toCsv(List<Notice> notices) {
        StringBuilder sb = new StringBuilder(BOM);
        line(sb, HEADER);
        for (Notice n : notices) {
            line(sb, List.of(s(n.id()), s(n.title()), s(n.issuer()), s(n.docNumber()), s(n.date()),
                    n.year() == null ? "" : n.year().toString(), s(n.type()), s(n.province()), s(n.addressees()),
                    String.join("; ", n.campaigns()), s(n.source())));
        }
        return sb.toString();
    }

    private static String s(String v) {
        return v == null ? "" : v;
    }

    private static void line(StringBuilder sb, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            String c = cells.get(i);
            // A leading = + - @ would make a spreadsheet evaluate the cell as a formula.
            if (!c.isEmpty() && "=+-@".indexOf(c.charAt(0)) >= 0) {
                c = "'" + c;
            }
            sb.append(StringEscapeUtils.escapeCsv(c));
        }
        sb.append("\r\n");
    }
}
