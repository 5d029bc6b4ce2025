package org.noticesearch.ingest.formats;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFHeader;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;

/**
 * Builds the same notice (src/test/resources/formats/notice.txt) in the other formats: .docx with POI, web pages
 * like a government site's, and OFD as a zip of its XML parts. The .doc and .pdf fixtures are made from the .docx
 * by {@link MakeFormatFixtures}.
 */
final class FormatFixtures {
    static final Path DIR = Path.of("src/test/resources/formats");
    static final Charset GBK = Charset.forName("GBK");

    /** The parts of the notice, as laid out in notice.txt. */
    record Parts(String mark, String docNumber, String title, String addressees, List<String> body, String signature, String date) {}

    private FormatFixtures() {}

    static String noticeText() {
        try {
            return Files.readString(DIR.resolve("notice.txt"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Parts parts() {
        List<String> l = noticeText().lines().filter(s -> !s.isBlank()).toList();
        int n = l.size();
        return new Parts(l.get(0), l.get(1), l.get(2), l.get(3), l.subList(4, n - 2), l.get(n - 2), l.get(n - 1));
    }

    /** The notice as a Word document set like a 公文: footer page numbers, body in 仿宋 16 pt; optionally a header and a table. */
    static byte[] docx(boolean withHeaderAndTable) {
        Parts p = parts();
        try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            para(doc, p.mark(), ParagraphAlignment.CENTER, 26, false, "宋体");
            para(doc, p.docNumber(), ParagraphAlignment.CENTER, 16, false, "仿宋");
            para(doc, p.title(), ParagraphAlignment.CENTER, 22, false, "宋体");
            para(doc, p.addressees(), ParagraphAlignment.LEFT, 16, false, "仿宋");
            for (String b : p.body()) {
                XWPFParagraph para = para(doc, b, ParagraphAlignment.BOTH, 16, false, "仿宋");
                para.setIndentationFirstLine(640);
            }
            if (withHeaderAndTable) {
                XWPFTable t = doc.createTable(2, 3);
                String[][] cells = {{"单位", "联系人", "电话"}, {"市妇联宣传部", "张敏", "010-12345678"}};
                for (int r = 0; r < 2; r++) {
                    for (int c = 0; c < 3; c++) {
                        t.getRow(r).getCell(c).setText(cells[r][c]);
                    }
                }
                XWPFHeader h = doc.createHeader(HeaderFooterType.DEFAULT);
                h.createParagraph().createRun().setText("内部资料 注意保存");
            }
            para(doc, p.signature(), ParagraphAlignment.RIGHT, 16, false, "仿宋");
            para(doc, p.date(), ParagraphAlignment.RIGHT, 16, false, "仿宋");
            XWPFFooter f = doc.createFooter(HeaderFooterType.DEFAULT);
            XWPFParagraph fp = f.createParagraph();
            fp.setAlignment(ParagraphAlignment.CENTER);
            fp.createRun().setText("— ");
            var fld = fp.getCTP().addNewFldSimple();
            fld.setInstr("PAGE");
            fld.addNewR().addNewT().setStringValue("1");
            fp.getCTP().addNewR().addNewT().setStringValue(" —");
            doc.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static XWPFParagraph para(XWPFDocument doc, String text, ParagraphAlignment align, int size, boolean bold, String font) {
        XWPFParagraph para = doc.createParagraph();
        para.setAlignment(align);
        XWPFRun r = para.createRun();
        r.setText(text);
        r.setFontSize(size);
        r.setBold(bold);
        r.setFontFamily(font);
        return para;
    }

    /** A page like a government site's: navigation, a metadata table, the title, the article, a footer. */
    static String html(String charsetDeclared, boolean withMetadata) {
        Parts p = parts();
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html>\n<head>\n");
        if (charsetDeclared != null) {
            h.append(charsetDeclared.equals("utf-8") ? "<meta charset=\"utf-8\">\n"
                    : "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=" + charsetDeclared + "\">\n");
        }
        h.append("<title>").append(p.title()).append("_通知公告_北京市妇女联合会</title>\n");
        h.append("<script>var nav = '首页 机构概况 通知公告';</script>\n<style>.nav{color:red}</style>\n</head>\n<body>\n");
        h.append("<div class=\"top\"><div class=\"nav\"><ul><li><a href=\"/\">首页</a></li><li><a href=\"/jg\">机构概况</a></li>")
                .append("<li><a href=\"/tz\">通知公告</a></li><li><a href=\"/zc\">政策文件</a></li><li><a href=\"/fw\">办事服务</a></li></ul></div>\n")
                .append("<div class=\"crumb\">当前位置：<a href=\"/\">首页</a> &gt; <a href=\"/tz\">通知公告</a></div></div>\n");
        h.append("<div class=\"main\">\n");
        if (withMetadata) {
            h.append("<table class=\"xxgk\">\n")
                    .append("<tr><td><b>索 引 号：</b></td><td>11000000/2024-00015</td><td><b>主题分类：</b></td><td>妇女儿童</td></tr>\n")
                    .append("<tr><td><b>发文机关：</b></td><td>北京市妇女联合会</td><td><b>成文日期：</b></td><td>2024年03月05日</td></tr>\n")
                    .append("<tr><td><b>标　　题：</b></td><td colspan=\"3\">").append(p.title()).append("</td></tr>\n")
                    .append("<tr><td><b>发文字号：</b></td><td>").append(p.docNumber()).append("</td><td><b>发布日期：</b></td><td>2024年03月08日</td></tr>\n")
                    .append("</table>\n");
        }
        h.append("<h1 class=\"article-title\">").append(p.title()).append("</h1>\n");
        h.append("<div class=\"share\">分享到：<a href=\"#\">微信</a> <a href=\"#\">微博</a> 【字体：<a href=\"#\">大</a> <a href=\"#\">中</a> <a href=\"#\">小</a>】</div>\n");
        h.append("<div class=\"pages_content\" id=\"UCAP-CONTENT\">\n");
        h.append("<p>").append(p.addressees()).append("</p>\n");
        for (String b : p.body()) {
            h.append("<p style=\"text-indent:2em\">&nbsp;&nbsp;").append(b.replace("“", "&ldquo;")).append("</p>\n");
        }
        h.append("<p style=\"text-align:right\">").append(p.signature()).append("</p>\n");
        h.append("<p style=\"text-align:right\">").append(p.date()).append("</p>\n");
        h.append("</div>\n</div>\n");
        h.append("<div class=\"footer\"><p>主办：北京市妇女联合会 <a href=\"#\">网站地图</a> 联系我们</p><p>京ICP备00000000号</p></div>\n");
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    /** The notice as OFD: one page, text objects per line in a scrambled order, a template page with the page number. */
    static byte[] ofd() {
        Parts p = parts();
        double left = 28;
        double size = 5.6; // 16 pt in mm
        double lineGap = 10;
        int perLine = 28;
        List<String[]> objects = new ArrayList<>(); // x, y, size, text
        double y = 40;
        objects.add(obj(105 - p.mark().length() * 9.2 / 2, y, 9.2, p.mark()));
        y += 20;
        objects.add(obj(105 - p.docNumber().length() * size / 2, y, size, p.docNumber()));
        y += 16;
        objects.add(obj(left, y, 7.8, p.title()));
        y += 16;
        objects.add(obj(left, y, size, p.addressees()));
        for (String b : p.body()) {
            String rest = "\u3000\u3000" + b;
            while (!rest.isEmpty()) {
                y += lineGap;
                int cut = Math.min(perLine, rest.length());
                String line = rest.substring(0, cut);
                rest = rest.substring(cut);
                String shown = line.replace("\u3000", "");
                double x = left + (line.length() - shown.length()) * size;
                if (shown.length() > 8) {
                    // One line split across two text objects, the second written first.
                    objects.add(obj(x + 5 * size, y, size, shown.substring(5)));
                    objects.add(obj(x, y, size, shown.substring(0, 5)));
                } else {
                    objects.add(obj(x, y, size, shown));
                }
            }
        }
        y += 2 * lineGap;
        objects.add(obj(182 - p.signature().length() * size, y, size, p.signature()));
        y += lineGap;
        objects.add(obj(182 - 9 * size, y, size, p.date()));
        // Reading order must come from positions, not from the order of the XML.
        java.util.Collections.reverse(objects.subList(4, objects.size() - 2));
        StringBuilder content = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<ofd:Page xmlns:ofd=\"http://www.ofdspec.org/2016\"><ofd:Template TemplateID=\"2\"/><ofd:Content><ofd:Layer ID=\"3\">\n");
        int id = 10;
        for (String[] o : objects) {
            content.append(textObject(id++, Double.parseDouble(o[0]), Double.parseDouble(o[1]), Double.parseDouble(o[2]), o[3]));
        }
        content.append("</ofd:Layer></ofd:Content></ofd:Page>\n");
        String template = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ofd:Page xmlns:ofd=\"http://www.ofdspec.org/2016\"><ofd:Content><ofd:Layer ID=\"4\">"
                + textObject(5, 100, 280, size, "— 1 —") + "</ofd:Layer></ofd:Content></ofd:Page>\n";
        String ofdXml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\" Version=\"1.0\" DocType=\"OFD\">"
                + "<ofd:DocBody><ofd:DocInfo><ofd:DocID>0C7D5C6A</ofd:DocID><ofd:Title>" + p.title() + "</ofd:Title></ofd:DocInfo>"
                + "<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>\n";
        String document = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ofd:Document xmlns:ofd=\"http://www.ofdspec.org/2016\">"
                + "<ofd:CommonData><ofd:MaxUnitID>200</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea>"
                + "<ofd:PublicRes>PublicRes.xml</ofd:PublicRes><ofd:TemplatePage ID=\"2\" BaseLoc=\"Tpls/Tpl_0/Content.xml\"/></ofd:CommonData>"
                + "<ofd:Pages><ofd:Page ID=\"1\" BaseLoc=\"Pages/Page_0/Content.xml\"/></ofd:Pages></ofd:Document>\n";
        String res = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<ofd:Res xmlns:ofd=\"http://www.ofdspec.org/2016\" BaseLoc=\"Res\"><ofd:Fonts>"
                + "<ofd:Font ID=\"1\" FontName=\"仿宋\" FamilyName=\"仿宋\"/></ofd:Fonts></ofd:Res>\n";
        return zip(List.of("OFD.xml", "Doc_0/Document.xml", "Doc_0/PublicRes.xml", "Doc_0/Tpls/Tpl_0/Content.xml", "Doc_0/Pages/Page_0/Content.xml"),
                List.of(ofdXml, document, res, template, content.toString()));
    }

    private static String[] obj(double x, double y, double size, String text) {
        return new String[]{Double.toString(x), Double.toString(y), Double.toString(size), text};
    }

    private static String textObject(int id, double x, double baseline, double size, String text) {
        int n = text.codePointCount(0, text.length());
        String dx = n > 1 ? " DeltaX=\"g " + (n - 1) + " " + size + "\"" : "";
        return String.format(Locale.ROOT, "<ofd:TextObject ID=\"%d\" Boundary=\"%.2f %.2f %.2f %.2f\" Font=\"1\" Size=\"%.2f\">"
                        + "<ofd:FillColor Value=\"0 0 0\"/><ofd:TextCode X=\"0\" Y=\"%.2f\"%s>%s</ofd:TextCode></ofd:TextObject>\n",
                id, x, baseline - size, n * size, size * 1.2, size, size, dx, text);
    }

    static byte[] zip(List<String> names, List<String> contents) {
        try (ByteArrayOutputStream b = new ByteArrayOutputStream(); ZipOutputStream z = new ZipOutputStream(b)) {
            for (int i = 0; i < names.size(); i++) {
                z.putNextEntry(new ZipEntry(names.get(i)));
                z.write(contents.get(i).getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
            z.finish();
            return b.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
