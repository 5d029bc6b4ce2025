package org.noticesearch.web;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
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
    /** The query parameter choosing the header language: {@code headers=en} for English, Chinese otherwise. */
    static final String HEADERS_PARAM = "headers";
    /** The column names for people (the default): what the notices themselves call these parts. */
    static final List<String> HEADER_ZH = List.of("编号", "标题", "发文机关", "发文字号", "成文日期", "年份", "文种", "省份",
            "主送机关", "专项行动", "来源文件", "链接");
    /** The column names for programs ({@code headers=en}): the JSON API's field names. */
    static final List<String> HEADER_EN = List.of("id", "title", "issuer", "docNumber", "date", "year", "type", "province",
            "addressees", "campaigns", "source", "link");

    private final Writer out;
    private final String linkBase;

    /**
     * Writes the byte-order mark and the header line. {@code linkBase} (scheme, host and port, or empty) goes in
     * front of each notice's page link, so that a spreadsheet can open it.
     */
    CsvExport(Writer out, boolean english, String linkBase) throws IOException {
        this.out = out;
        this.linkBase = linkBase;
        out.write(BOM);
        line(english ? HEADER_EN : HEADER_ZH, false);
    }

    /** Whether {@code headers} asks for English column names ({@code en}); Chinese ({@code zh}) is the default. */
    static boolean english(String headersParam) {
        if (headersParam == null || headersParam.equals("zh")) {
            return false;
        }
        if (headersParam.equals("en")) {
            return true;
        }
        throw new org.noticesearch.search.BadRequestException(HEADERS_PARAM, "“" + headersParam + "”不是 zh（中文表头）或 en（英文表头）");
    }

    void row(ExportRow n) throws IOException {
        line(List.of(s(n.id()), s(n.title()), s(n.issuer()), s(n.docNumber()), s(n.date()),
                n.year() == null ? "" : n.year().toString(), s(n.type()), s(n.province()), s(n.addressees()),
                String.join("; ", n.campaigns()), s(n.source()),
                linkBase + "/notice.html?id=" + java.net.URLEncoder.encode(n.id(), java.nio.charset.StandardCharsets.UTF_8)), true);
    }

    /** The file name people see: 公文, then the query (or the number filter), then the day of the export. */
    static String fileName(String query, java.time.LocalDate day, String extension) {
        String words = query == null ? "" : query.strip()
                // Characters no file system takes (Windows' list, which covers the others), and controls.
                .replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "")
                .replaceAll("[\\s\u3000]+", "-");
        if (words.codePointCount(0, words.length()) > MAX_NAME_CHARS) {
            words = words.substring(0, words.offsetByCodePoints(0, MAX_NAME_CHARS));
        }
        return "公文-" + (words.isEmpty() ? "" : words + "-") + day + "." + extension;
    }

    /** Longest query part of a file name, in characters: a 200-character query would make an unwieldy name. */
    static final int MAX_NAME_CHARS = 40;

    /**
     * {@code Content-Disposition} for the name (RFC 6266): an ASCII {@code filename} for old clients (公文 as
     * notices, other characters outside printable ASCII left out) and the UTF-8 name in {@code filename*}
     * (RFC 5987), which browsers prefer.
     */
    static String contentDisposition(String name) {
        String ascii = name.replaceFirst("^公文", "notices").replaceAll("[^\\x20-\\x7e]|[\"\\\\%]", "")
                .replaceAll("-{2,}", "-");
        return ContentDisposition.of("attachment", name, ascii);
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
            out.write(quote(neutraliseAfterFirst && i > 0 ? neutralise(c) : c));
        }
        out.write("\r\n");
    }

    /** RFC 4180: a cell holding a comma, a quote, CR or LF is put in quotes, its quotes doubled; any other as it is. */
    static String quote(String c) {
        if (c.indexOf(',') < 0 && c.indexOf('"') < 0 && c.indexOf('\r') < 0 && c.indexOf('\n') < 0) {
            return c;
        }
        return '"' + c.replace("\"", "\"\"") + '"';
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
