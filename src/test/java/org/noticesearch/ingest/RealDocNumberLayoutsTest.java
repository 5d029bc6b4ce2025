package org.noticesearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.noticesearch.SharedData;

/**
 * Issue 12's target: every one of the 305 labelled real numbers of {@code ../shared/real-docnumbers/} is the notice's
 * 发文字号, in its canonical form, wherever practice prints it: above the title (版头), under the title, under the title
 * with blank lines around, and in a site's metadata table. The numbers are read in place, never copied; the notices
 * around them are made here.
 */
class RealDocNumberLayoutsTest {
    private static final String TITLE = "平顶山市人民政府关于做好2021年春季农业生产工作的通知";
    private static final String REST = """
            各县（市、区）人民政府，市人民政府各部门：
                为切实做好春季农业生产工作，确保粮食生产稳定，现将有关事项通知如下。
                一、加强组织领导。各地要高度重视春季农业生产工作，层层压实责任。
            平顶山市人民政府
            2021年3月1日
            """;

    record Sample(String raw, String want) {}

    private static List<Sample> samples() throws IOException {
        List<Sample> out = new ArrayList<>();
        for (String line : Files.readAllLines(SharedData.require("real-docnumbers").resolve("docnumber-sample.tsv"),
                StandardCharsets.UTF_8)) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            // An empty label: no 〔YYYY〕 form, kept as written (without spaces and zero-width characters).
            out.add(new Sample(f[0], f[2].isEmpty() ? RealDocNumbersTest.asWritten(f[0]) : f[2]));
        }
        return out;
    }

    private static List<String> wrongIn(String layout, Function<String, Notice> parse) throws IOException {
        List<String> wrong = new ArrayList<>();
        List<Sample> samples = samples();
        assertEquals(305, samples.size());
        for (Sample s : samples) {
            Notice n = parse.apply(s.raw());
            if (!s.want().equals(n.docNumber()) || !TITLE.equals(n.title())) {
                wrong.add(layout + ": " + s.raw() + " -> docNumber " + n.docNumber() + ", title " + n.title()
                        + ", addressees " + n.addressees());
            }
        }
        return wrong;
    }

    private static Notice text(String body) {
        try {
            return TestNotices.PARSER.parseText("layout.txt", "txt", body, "UTF-8");
        } catch (NoticeParseException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aboveTheTitle() throws IOException {
        assertEquals(List.of(), wrongIn("above", raw -> text("平顶山市人民政府文件\n\n" + raw + "\n\n" + TITLE + "\n" + REST)));
    }

    @Test
    void underTheTitle() throws IOException {
        assertEquals(List.of(), wrongIn("under", raw -> text(TITLE + "\n" + raw + "\n" + REST)));
    }

    @Test
    void underTheTitleWithBlankLines() throws IOException {
        assertEquals(List.of(), wrongIn("under, blank lines", raw -> text(TITLE + "\n\n\n" + raw + "\n\n" + REST)));
    }

    @Test
    void inASiteMetadataTable() throws IOException {
        assertEquals(List.of(), wrongIn("metadata table", raw -> {
            String html = """
                    <!DOCTYPE html><html><head><meta charset="utf-8"><title>%1$s_平顶山市人民政府</title></head><body>
                    <table class="info"><tbody>
                    <tr><td>索引号：</td><td>11410400005747562K/2021-00012</td><td>主题分类：</td><td>农业、林业、水利</td></tr>
                    <tr><td>发文机关：</td><td>平顶山市人民政府</td><td>成文日期：</td><td>2021年03月01日</td></tr>
                    <tr><td>标题：</td><td colspan="3">%1$s</td></tr>
                    <tr><td>发文字号：</td><td>%2$s</td><td>发布日期：</td><td>2021年03月05日</td></tr>
                    </tbody></table>
                    <div class="article"><p>%1$s</p>%3$s</div></body></html>
                    """.formatted(TITLE, raw, REST.lines().map(l -> "<p>" + l.strip() + "</p>").reduce("", String::concat));
            try {
                return TestNotices.PARSER.parse(new RawNotice("layout.html", null, html.getBytes(StandardCharsets.UTF_8)));
            } catch (NoticeParseException e) {
                throw new AssertionError(e);
            }
        }));
    }
}
