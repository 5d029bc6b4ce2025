package org.noticesearch.web;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.noticesearch.search.diffusion.Adoption;

/**
 * The adopter table as CSV, one row per issuer: the input of an event-history model in R, Stata or pandas. Column
 * names are in English by default (what programs read), in Chinese with {@code headers=zh}; cells are quoted and
 * neutralised against formula injection as in {@link CsvExport}, with its byte-order mark for Excel.
 */
final class DiffusionCsv {
    static final List<String> HEADER_EN = List.of("issuer", "province", "level", "kind", "first_id", "first_title",
            "first_docNumber", "first_date", "first_year", "first_date_precision", "lag_days", "count", "last_id",
            "last_title", "last_docNumber", "last_date", "last_year", "followed");
    static final List<String> HEADER_ZH = List.of("发文机关", "省份", "层级", "机关类别", "首份编号", "首份标题", "首份文号",
            "首份成文日期", "首份年份", "日期精度", "距首发天数", "文件数", "末份编号", "末份标题", "末份文号", "末份成文日期",
            "末份年份", "跟随");

    private DiffusionCsv() {}

    /** Whether {@code headers} asks for Chinese column names ({@code zh}); English ({@code en}) is the default. */
    static boolean chinese(String headersParam) {
        if (headersParam == null || headersParam.equals("en")) {
            return false;
        }
        if (headersParam.equals("zh")) {
            return true;
        }
        throw new org.noticesearch.search.BadRequestException(CsvExport.HEADERS_PARAM,
                "“" + headersParam + "”不是 en（英文表头）或 zh（中文表头）");
    }

    static void write(Adoption.Report report, Writer out, boolean chinese) throws IOException {
        out.write(CsvExport.BOM);
        line(out, chinese ? HEADER_ZH : HEADER_EN);
        for (Adoption.Adopter a : report.adopters()) {
            List<String> cells = new ArrayList<>();
            cells.add(s(a.issuer()));
            cells.add(s(a.province()));
            cells.add(s(a.level()));
            cells.add(s(a.kind()));
            ref(cells, a.first(), true);
            cells.add(a.lagDays() == null ? "" : a.lagDays().toString());
            cells.add(Integer.toString(a.count()));
            ref(cells, a.last(), false);
            cells.add(String.join("; ", a.followed()));
            line(out, cells.stream().map(CsvExport::neutralise).toList());
        }
    }

    private static void ref(List<String> cells, Adoption.Ref r, boolean withPrecision) {
        cells.add(s(r.id()));
        cells.add(s(r.title()));
        cells.add(s(r.docNumber()));
        cells.add(s(r.date()));
        cells.add(r.year() == null ? "" : r.year().toString());
        if (withPrecision) {
            cells.add(r.precision());
        }
    }

    private static String s(String v) {
        return v == null ? "" : v;
    }

    private static void line(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(CsvExport.quote(cells.get(i)));
        }
        out.write("\r\n");
    }
}
