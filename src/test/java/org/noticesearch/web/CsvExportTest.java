package org.noticesearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.noticesearch.search.ExportRow;

/** CSV quoting (RFC 4180) and formula neutralisation, cell by cell and for one whole row. */
class CsvExportTest {
    @Test
    void quotesOnlyTheCellsThatNeedIt() {
        assertEquals("", CsvExport.quote(""));
        assertEquals("关于印发《办法》的通知", CsvExport.quote("关于印发《办法》的通知"));
        assertEquals("it's; <b>&amp;</b>", CsvExport.quote("it's; <b>&amp;</b>"));
        assertEquals("\"a,b\"", CsvExport.quote("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", CsvExport.quote("say \"hi\""));
        assertEquals("\"\"\"\"", CsvExport.quote("\""));
        assertEquals("\"a\r\nb\"", CsvExport.quote("a\r\nb"));
        assertEquals("\"a\nb\"", CsvExport.quote("a\nb"));
        assertEquals("\"\r\"", CsvExport.quote("\r"));
        // A full-width comma is text, not a separator.
        assertEquals("甲，乙", CsvExport.quote("甲，乙"));
    }

    @Test
    void neutralisesCellsThatASpreadsheetWouldEvaluate() {
        assertEquals("'=SUM(A1:A9)", CsvExport.neutralise("=SUM(A1:A9)"));
        assertEquals("'+1", CsvExport.neutralise("+1"));
        assertEquals("'-2", CsvExport.neutralise("-2"));
        assertEquals("'@cmd", CsvExport.neutralise("@cmd"));
        assertEquals("'\tx", CsvExport.neutralise("\tx"));
        assertEquals("'\rx", CsvExport.neutralise("\rx"));
        assertEquals("'  =1", CsvExport.neutralise("  =1"));
        assertEquals("'\u3000=1", CsvExport.neutralise("\u3000=1"));
        assertEquals("a=b", CsvExport.neutralise("a=b"));
        assertEquals("国发〔2024〕1号", CsvExport.neutralise("国发〔2024〕1号"));
        assertEquals("   ", CsvExport.neutralise("   "));
        assertEquals("", CsvExport.neutralise(""));
    }

    @Test
    void writesTheHeaderAndARowWithTheIdLeftAsItIs() throws IOException {
        StringWriter w = new StringWriter();
        CsvExport csv = new CsvExport(w, true, "http://h:7070");
        csv.row(new ExportRow("-n1", "=HYPERLINK(\"http://x\")", "机关,一", "国发〔2024〕1号", "2024-01-02", 2024, "通知", null,
                "各省\r\n各部", List.of("清朗", "护苗"), "dir/a b.txt"));
        assertEquals("\uFEFFid,title,issuer,docNumber,date,year,type,province,addressees,campaigns,source,link\r\n"
                + "-n1,\"'=HYPERLINK(\"\"http://x\"\")\",\"机关,一\",国发〔2024〕1号,2024-01-02,2024,通知,,\"各省\r\n各部\","
                + "清朗; 护苗,dir/a b.txt,http://h:7070/notice.html?id=-n1\r\n", w.toString());
    }

    @Test
    void chineseHeadersByDefault() throws IOException {
        StringWriter w = new StringWriter();
        new CsvExport(w, CsvExport.english(null), "");
        assertEquals("\uFEFF编号,标题,发文机关,发文字号,成文日期,年份,文种,省份,主送机关,专项行动,来源文件,链接\r\n", w.toString());
    }
}
