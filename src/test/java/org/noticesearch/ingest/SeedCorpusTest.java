package org.noticesearch.ingest;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The five bundled notices parse to exactly the records in issue 2's table. */
class SeedCorpusTest {

    @Test
    void seed000ShandongNoticeWithNumberButNoDate() {
        Notice n = TestNotices.seed("000");
        assertAll(
                () -> assertEquals("山东省妇女联合会", n.issuer()),
                () -> assertEquals("山东省妇女联合会", n.issuerAsWritten()),
                () -> assertEquals("山东省", n.province()),
                () -> assertEquals("山东省妇女联合会文件", n.issuerMark()),
                () -> assertEquals("鲁妇通字〔2020〕6号", n.docNumber()),
                () -> assertEquals(new DocNumber("鲁妇通字", 2020, 6), n.docNumberParts()),
                () -> assertNull(n.date()),
                () -> assertNull(n.dateAsWritten()),
                () -> assertEquals(2020, n.year()),
                () -> assertEquals("通知", n.type()),
                () -> assertEquals("山东省妇女联合会关于坚决贯彻落实习近平总书记重要指示精神在统筹抓好疫情防控和经济社会发展工作中发挥妇联作用贡献齐鲁巾帼力量的通知",
                        n.title()),
                () -> assertEquals("各市妇联，省委省直机关妇工委、省高校妇工委，各有关企业女职工委员会", n.addressees()),
                () -> assertEquals(List.of("巾帼脱贫行动", "春蕾计划"), n.campaigns()),
                () -> assertTrue(n.citations().contains(new Citation(
                        "中央应对新型冠状病毒感染肺炎疫情工作领导小组关于全面落实疫情防控一线城乡社区工作者关心关爱措施的通知",
                        "国发明电〔2020〕8号")), n.citations()::toString),
                () -> assertEquals(3, n.citations().size()),
                () -> assertNull(n.printedBy()),
                () -> assertNull(n.printedDate()),
                () -> assertEquals(List.of("no date (成文日期) found; the year is taken from the document number"), n.warnings()),
                () -> assertEquals(19, n.paragraphs().size()),
                () -> assertTrue(n.paragraphs().get(n.paragraphs().size() - 1).endsWith("贡献齐鲁巾帼力量。")));
    }

    @Test
    void seed001PingdingshanNoticeWithBracketNumberAndSignatureDate() {
        Notice n = TestNotices.seed("001");
        assertAll(
                () -> assertEquals("平顶山市妇女联合会", n.issuer()),
                () -> assertEquals("河南省", n.province()),
                () -> assertEquals("平妇字〔2020〕3号", n.docNumber()),
                () -> assertEquals("平妇字[2020]3号", n.docNumberAsWritten()),
                () -> assertEquals("2020-02-27", n.date()),
                () -> assertEquals("2020年2月27日", n.dateAsWritten()),
                () -> assertEquals(2020, n.year()),
                () -> assertEquals("通知", n.type()),
                () -> assertEquals("关于疫情防控形势下做好2020年纪念“三八”国际妇女节有关工作的通知", n.title()),
                () -> assertEquals("各县（市、区）妇联、市直单位妇委会", n.addressees()),
                () -> assertEquals("平顶山市妇女联合会", n.signature()),
                () -> assertEquals(List.of(), n.campaigns()),
                () -> assertEquals(List.of(), n.citations()),
                () -> assertEquals(List.of(), n.warnings()),
                () -> assertEquals("电子邮箱：sflwlxc@163.com", n.paragraphs().get(n.paragraphs().size() - 1)));
    }

    @Test
    void seed002HeilongjiangNoticeCarryingAnInnerPlan() {
        Notice n = TestNotices.seed("002");
        assertAll(
                () -> assertEquals("黑龙江省妇女联合会", n.issuer()),
                () -> assertNull(n.docNumber()),
                () -> assertNull(n.docNumberParts()),
                () -> assertEquals("2020-02-14", n.date()),
                () -> assertEquals(2020, n.year()),
                () -> assertEquals("通知", n.type()),
                () -> assertEquals("关于印发《省妇联关于贯彻落实习近平总书记在北京市调研指导新型冠状病毒肺炎疫情防控工作时的重要讲话精神的实施方案》的通知",
                        n.title()),
                () -> assertEquals("省妇联直属各单位、各市（地）妇联、县（市、区）妇联", n.addressees()),
                () -> assertEquals("黑龙江省妇女联合会", n.signature()),
                // The inner plan is body text: its title is a paragraph, not the notice's title.
                () -> assertEquals("省妇联关于贯彻落实习近平总书记在北京市调研指导新型冠状病毒肺炎疫情防控工作时的重要讲话精神的实施方案",
                        n.paragraphs().get(1)),
                () -> assertEquals(List.of("no document number (发文字号) found"), n.warnings()));
    }

    @Test
    void seed003ChongqingPdfTextWithPrintedFooter() {
        Notice n = TestNotices.seed("003");
        assertAll(
                () -> assertEquals("重庆市妇女联合会", n.issuer()),
                () -> assertEquals("渝妇发〔2020〕13号", n.docNumber()),
                () -> assertEquals("2020-03-11", n.date()),
                () -> assertEquals("2020 年 3 月 11 日", n.dateAsWritten()),
                () -> assertEquals("通知", n.type()),
                () -> assertEquals("重庆市妇女联合会关于坚决贯彻落实习近平总书记重要指示精神在统筹抓好疫情防控和经济社会发展工作中发挥妇联作用贡献巾帼力量的通知",
                        n.title()),
                () -> assertEquals("各区县（自治县）妇联，两江新区、万盛经开区妇联", n.addressees()),
                () -> assertEquals("重庆市妇女联合会办公室", n.printedBy()),
                () -> assertEquals("2020-03-11", n.printedDate()),
                () -> assertEquals(List.of("脱贫攻坚巴渝巾帼行动", "春风行动"), n.campaigns()),
                () -> assertEquals(List.of(), n.warnings()),
                () -> assertEquals(19, n.paragraphs().size()),
                // Hard line breaks inside words are rejoined without spaces.
                () -> assertTrue(n.paragraphs().get(0).startsWith("在“三八”国际劳动妇女节到来之际，习近平总书记代表党中央，向奋战在")));
    }

    @Test
    void seed004ShandongOpinionWithDateUnderTitle() {
        Notice n = TestNotices.seed("004");
        assertAll(
                () -> assertEquals("山东省妇女联合会", n.issuer()),
                () -> assertEquals("山东省妇联", n.issuerAsWritten()),
                () -> assertNull(n.docNumber()),
                () -> assertEquals("2012-02-06", n.date()),
                () -> assertEquals("2012年2月6日", n.dateAsWritten()),
                () -> assertEquals(2012, n.year()),
                () -> assertEquals("意见", n.type()),
                () -> assertEquals("山东省妇联关于贯彻落实全国妇联和省委、省政府领导同志重要批示精神的意见", n.title()),
                () -> assertEquals("各市妇联，省直机关妇工委、省高校妇工委，各有关企业女职工委员会", n.addressees()),
                () -> assertEquals(List.of("四大行动", "巾帼和谐创建行动", "巾帼创业行动", "巾帼增收倍增行动", "巾帼权益维护行动",
                        "贫困母亲救助行动", "关爱留守流动儿童行动", "春蕾计划"), n.campaigns()),
                () -> assertEquals(List.of("no document number (发文字号) found"), n.warnings()));
    }

    @Test
    void wholeCorpusParsesWithoutFailures() throws Exception {
        ParseReport report = TestNotices.PARSER.parseAll(TestNotices.CORPUS);
        assertEquals(List.of(), report.failures());
        assertEquals(List.of("000_15c9de7d74b4cd66", "001_b0a97531a24c94f3", "002_fb3faa2e2b81f872", "003_75a19b785f318a28",
                "004_14145a449d0a6655"), report.notices().stream().map(Notice::id).toList());
    }
}
