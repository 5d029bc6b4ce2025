package org.noticesearch.ingest;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each fixture notice (see fixtures/README.md) parses to exactly the record written here. */
class FixtureNoticesTest {

    /** The fields every fixture test pins, absent ones included, so a stray value is caught too. */
    private static void assertMetadata(Notice n, String title, String type, String issuer, String issuerAsWritten,
                                       String docNumber, String date, String dateAsWritten, Integer year, String addressees) {
        assertAll(
                () -> assertEquals(title, n.title(), "title"),
                () -> assertEquals(type, n.type(), "type"),
                () -> assertEquals(issuer, n.issuer(), "issuer"),
                () -> assertEquals(issuerAsWritten, n.issuerAsWritten(), "issuerAsWritten"),
                () -> assertEquals(docNumber, n.docNumber(), "docNumber"),
                () -> assertEquals(date, n.date(), "date"),
                () -> assertEquals(dateAsWritten, n.dateAsWritten(), "dateAsWritten"),
                () -> assertEquals(year, n.year(), "year"),
                () -> assertEquals(addressees, n.addressees(), "addressees"));
    }

    private static void assertHeader(Notice n, String copyNumber, String classification, String urgency, String signer) {
        assertAll(
                () -> assertEquals(copyNumber, n.copyNumber(), "copyNumber"),
                () -> assertEquals(classification, n.classification(), "classification"),
                () -> assertEquals(urgency, n.urgency(), "urgency"),
                () -> assertEquals(signer, n.signer(), "signer"));
    }

    private static void assertFooter(Notice n, List<String> attachments, String cc, String printedBy, String printedDate) {
        assertAll(
                () -> assertEquals(attachments, n.attachments(), "attachments"),
                () -> assertEquals(cc, n.cc(), "cc"),
                () -> assertEquals(printedBy, n.printedBy(), "printedBy"),
                () -> assertEquals(printedDate, n.printedDate(), "printedDate"));
    }

    @Test
    void gbkNoticeWithFullWidthNumber() {
        Notice n = TestNotices.fixture("gbk_notice.txt");
        assertEquals("GB18030", n.encoding());
        assertMetadata(n, "河北省妇女联合会关于开展“冀家书香”家庭阅读活动的通知", "通知", "河北省妇女联合会", "河北省妇女联合会",
                "冀妇字〔2021〕15号", "2021-03-30", "2021年3月30日", 2021, "各市（含定州、辛集市）妇联，雄安新区妇联");
        assertEquals("冀妇字(２０２１)１５号", n.docNumberAsWritten());
        assertEquals(new DocNumber("冀妇字", 2021, 15), n.docNumberParts());
        assertEquals("河北省", n.province());
        assertHeader(n, null, null, null, null);
        assertFooter(n, List.of(), null, null, null);
        assertEquals(List.of("春蕾计划"), n.campaigns());
        assertEquals(List.of(), n.citations());
        assertEquals(List.of(
                "为推进家庭文明建设，省妇联决定在全省开展“冀家书香”家庭阅读活动。现将有关事项通知如下：",
                "一、活动时间。2021年4月至12月。",
                "二、活动内容。以家庭为单位开展亲子共读，各地要结合“春蕾计划”做好组织工作。"), n.paragraphs());
        assertEquals(List.of(), n.warnings());
    }

    @Test
    void crlfWithBomAndConversionMarks() {
        Notice n = TestNotices.fixture("crlf_bom.txt");
        assertEquals("UTF-8 (BOM)", n.encoding());
        assertMetadata(n, "北京市妇女联合会关于表彰2019年度首都“巾帼建功”先进集体的决定", "决定", "北京市妇女联合会", "北京市妇女联合会",
                "京妇发〔2020〕8号", "2020-01-10", "2020年1月10日", 2020, "各区妇联，市直机关妇工委");
        assertEquals("京妇发〔2020〕第8号", n.docNumberAsWritten());
        assertHeader(n, null, null, null, null);
        assertFooter(n, List.of(), null, null, null);
        assertEquals("北京市妇女联合会", n.signature());
        // No \r survives, and the [bookmark] and ** marks are gone.
        assertEquals(List.of(
                "2019年，全市各级妇联组织团结带领广大妇女建功立业，涌现出一批先进集体。经研究，决定对50个集体予以表彰。",
                "希望受表彰的集体珍惜荣誉，再创佳绩。"), n.paragraphs());
        assertEquals(List.of(), n.campaigns());
        assertEquals(List.of(), n.warnings());
    }

    @Test
    void headerWithCopyNumberClassificationUrgencyAndSigner() {
        Notice n = TestNotices.fixture("header_full.txt");
        assertMetadata(n, "湖南省妇女联合会关于做好2021年“三八”国际妇女节系列纪念活动的通知", "通知", "湖南省妇女联合会", "湖南省妇女联合会",
                "湘妇发〔2021〕9号", "2021-02-25", "2021年2月25日", 2021, "各市州妇联，省直机关妇工委");
        assertHeader(n, "000123", "机密★1年", "特急", "王芳");
        assertEquals("湖南省妇女联合会文件", n.issuerMark());
        assertFooter(n, List.of(), null, null, null);
        assertEquals(List.of("巾帼建功行动"), n.campaigns());
        assertEquals(List.of(
                "为隆重纪念“三八”国际妇女节，现就有关事项通知如下。",
                "一、深入开展“巾帼建功行动”。各级妇联要在3月8日前完成部署，组织开展“最美家庭”评选。",
                "二、认真做好总结报送。请于3月20日前将活动情况报省妇联宣传部。",
                "（此件不公开）"), n.paragraphs());
        assertEquals(List.of(), n.warnings());
    }

    @Test
    void attachmentsCcAndPrintedFooter() {
        Notice n = TestNotices.fixture("footer_attachments.txt");
        assertMetadata(n, "江苏省妇女联合会关于印发《江苏省“巾帼家政”提质扩容行动方案》的通知", "通知", "江苏省妇女联合会", "江苏省妇女联合会",
                "苏妇发〔2021〕22号", "2021-05-06", "2021年5月6日", 2021, "各设区市妇联");
        assertHeader(n, null, null, null, null);
        assertFooter(n, List.of("1．江苏省“巾帼家政”提质扩容行动方案", "2．2021年度工作任务分解表"),
                "全国妇联发展部，省人力资源社会保障厅", "江苏省妇女联合会办公室", "2021-05-08");
        assertEquals(List.of(new Citation("江苏省“巾帼家政”提质扩容行动方案", null)), n.citations());
        // “巾帼家政” is a name in quotes but not a campaign: it ends with no campaign suffix.
        assertEquals(List.of(), n.campaigns());
        // The date inside the body (2020年12月31日) is not the 成文日期, nor is the 印发 date.
        assertEquals(List.of(
                "现将《江苏省“巾帼家政”提质扩容行动方案》印发给你们，请结合实际认真贯彻落实。",
                "上一轮工作已于2020年12月31日结束，请各地做好衔接。"), n.paragraphs());
        assertEquals(List.of(), n.warnings());
    }

    @Test
    void chineseNumeralDates() {
        Notice n = TestNotices.fixture("numeral_date.txt");
        assertMetadata(n, "河南省妇女联合会关于做好2020年元旦春节期间走访慰问工作的通知", "通知", "河南省妇女联合会", "河南省妇女联合会",
                "豫妇〔2019〕45号", "2019-12-05", "二〇一九年十二月五日", 2019, "各省辖市妇联，济源示范区妇联");
        assertHeader(n, null, null, null, null);
        assertFooter(n, List.of(), null, "河南省妇女联合会办公室", "2019-12-06");
        assertEquals(List.of("春蕾计划"), n.campaigns());
        assertEquals(3, n.paragraphs().size());
        assertEquals(List.of(), n.warnings());
    }

    @Test
    void letterWithLenticularBracketNumber() {
        Notice n = TestNotices.fixture("letter_brackets.txt");
        assertMetadata(n, "广东省妇女联合会关于商请支持“南粤家政”巾帼培训项目的函", "函", "广东省妇女联合会", "广东省妇女联合会",
                "粤妇函〔2022〕7号", "2022-03-15", "2022年3月15日", 2022, "省人力资源社会保障厅");
        assertEquals("粤妇函【2022】7号", n.docNumberAsWritten());
        assertEquals("广东省妇女联合会", n.issuerMark());
        assertHeader(n, null, null, null, null);
        assertFooter(n, List.of("项目实施方案"), null, null, null);
        assertEquals(List.of(), n.campaigns());
        assertEquals(List.of(
                "为深入实施“南粤家政”工程，我会拟于2022年开展巾帼家政培训项目。现商请贵厅在培训补贴等方面给予支持。",
                "特此函商，盼复。",
                "（联系人：李明，电话：020-12345678）"), n.paragraphs());
        assertEquals(List.of(), n.warnings());
    }

    @Test
    void hardWrappedPdfText() {
        Notice n = TestNotices.fixture("pdf_wrapped.txt");
        assertMetadata(n, "四川省妇女联合会关于在统筹推进疫情防控和经济社会发展中发挥妇联作用的通知", "通知", "四川省妇女联合会", "四川省妇女联合会",
                "川妇发〔2020〕5号", "2020-03-06", "2020 年 3 月 6 日", 2020, "各市（州）妇联，省直机关妇工委");
        assertFooter(n, List.of(), null, "四川省妇女联合会办公室", "2020-03-06");
        assertEquals(List.of("巾帼创业创新行动", "天府巾帼暖心行动"), n.campaigns());
        assertEquals(List.of(
                "为深入贯彻落实党中央关于统筹推进疫情防控和经济社会发展工作的决策部署，团结动员全省广大妇女在复工复产中建功立业，现将有关事项通知如下。",
                "一、积极引导妇女有序复工复产。各级妇联要深入了解女企业家和女职工的实际困难，帮助解决用工、融资等问题，推动“巾帼创业创新行动”落地见效。",
                "二、切实做好关心关爱工作。持续开展“天府巾帼暖心行动”，为一线女医务人员家庭提供帮助。"), n.paragraphs());
        assertEquals(List.of(), n.warnings());
    }

    @Test
    void issuerNotInTheListIsResolvedByPlaceAndOfficeAndNoDateIsInvented() {
        Notice n = TestNotices.fixture("unknown_issuer.txt");
        // The lone date closes a body sentence ("…于下列日期前报送："), and the other date is the 印发 date: no 成文日期.
        assertMetadata(n, "洛阳市老城区妇女联合会关于开展“巾帼志愿服务”活动的通知", "通知", "洛阳市老城区妇女联合会", "洛阳市老城区妇女联合会",
                null, null, null, null, "各街道妇联");
        // Not listed, but a district of 洛阳市 and a 妇联: the directory's rules give its province, level and kind.
        assertEquals("河南省", n.province());
        assertIssuers(n, List.of("洛阳市老城区妇女联合会"), "county", "people-org", true);
        assertFooter(n, List.of(), "区委组织部", "洛阳市老城区妇女联合会办公室", "2021-02-20");
        assertEquals(List.of(
                "为弘扬志愿精神，区妇联决定开展“巾帼志愿服务”活动，请各街道妇联认真组织，并将志愿者名单于下列日期前报送：",
                "2021年3月1日"), n.paragraphs());
        assertEquals(List.of(
                "no document number (发文字号) found",
                "no date (成文日期) found"), n.warnings());
    }
    /** The new fields of issue 12: every office of a joint issue, the lead's level, and whether the 文种 is statutory. */
    private static void assertIssuers(Notice n, List<String> issuers, String level, String kind, Boolean typeIsStandard) {
        assertAll(
                () -> assertEquals(issuers, n.issuers(), "issuers"),
                () -> assertEquals(level, n.issuerLevel(), "issuerLevel"),
                () -> assertEquals(kind, n.issuerKind(), "issuerKind"),
                () -> assertEquals(typeIsStandard, n.typeIsStandard(), "typeIsStandard"));
    }

    @Test
    void numberUnderTheTitleIsTheNumberAndNotPartOfTheAddressees() {
        Notice n = TestNotices.layout("number_under_title.txt");
        assertMetadata(n, "山西省妇女联合会关于开展2023年“母亲健康快车”项目评估工作的通知", "通知", "山西省妇女联合会", "山西省妇女联合会",
                "晋妇发〔2023〕11号", "2023-04-18", "2023年4月18日", 2023, "各市妇联");
        assertEquals("晋妇发〔2023〕11号", n.docNumberAsWritten());
        assertIssuers(n, List.of("山西省妇女联合会"), "province", "people-org", true);
        assertHeader(n, null, null, null, null);
        assertEquals(List.of("为总结项目经验，省妇联决定对“母亲健康快车”项目开展评估。请各市妇联于5月31日前报送自评报告。"), n.paragraphs());
        assertEquals(List.of(), n.warnings());
    }

    @Test
    void numberUnderATitleOfTwoLinesWithBlankLinesAround() {
        Notice n = TestNotices.layout("number_under_title_blank.txt");
        assertMetadata(n, "安徽省妇女联合会关于做好2022年度“皖美家庭”推荐工作的通知", "通知", "安徽省妇女联合会", "安徽省妇女联合会",
                "皖妇〔2022〕23号", "2022-09-06", "2022年9月6日", 2022, "各市妇联，省直机关妇工委");
        assertEquals("安徽省", n.province());
        assertEquals(List.of("请各地按照推荐条件，认真做好“皖美家庭”推荐工作，推荐材料于10月15日前报送。", "特此通知。"), n.paragraphs());
        assertEquals(List.of(), n.warnings());
    }

    @Test
    void letterWithTheNumberTopRightBesideTheCopyNumber() {
        Notice n = TestNotices.layout("letter_number_top_right.txt");
        assertMetadata(n, "福建省妇女联合会关于商请协助开展“闽姐妹”就业帮扶活动的函", "函", "福建省妇女联合会", "福建省妇女联合会",
                "闽妇函〔2023〕31号", "2023-06-20", "2023年6月20日", 2023, "省人力资源社会保障厅");
        assertEquals("福建省妇女联合会", n.issuerMark());
        assertHeader(n, "000045", null, null, null);
        assertIssuers(n, List.of("福建省妇女联合会"), "province", "people-org", true);
        assertEquals(List.of(
                "为帮助城乡妇女稳定就业，我会拟于今年下半年开展“闽姐妹”就业帮扶活动，现商请贵厅在岗位信息和培训资源方面给予协助。",
                "特此函商。"), n.paragraphs());
        assertEquals(List.of(), n.warnings());
    }

    @Test
    void markdownMarksAreNotPartOfTheTitleOrTheSignature() {
        Notice n = TestNotices.layout("markdown_converted.txt");
        assertMetadata(n, "江西省妇女联合会关于印发《2021年家庭教育工作要点》的通知", "通知", "江西省妇女联合会", "江西省妇女联合会",
                "赣妇字〔2021〕19号", "2021-03-02", "2021 年 3 月 2 日", 2021, "各设区市妇联");
        assertEquals("江西省妇女联合会", n.signature());
        assertEquals(List.of(
                "现将《2021年家庭教育工作要点》印发给你们，请结合实际认真抓好落实。",
                "工作中如有问题，请及时与省妇联家庭和儿童工作部联系。",
                "联系人：刘洋",
                "联系电话：0791-86000000"), n.paragraphs());
        assertEquals(List.of(), n.warnings());
    }

    @Test
    void twoOfficesSigningOnOneLine() {
        Notice n = TestNotices.layout("joint_one_line.txt");
        assertMetadata(n, "关于开展2022年“浙里家书”征集活动的通知", "通知", "浙江省妇女联合会", "浙江省妇女联合会",
                null, "2022-09-28", "2022年9月28日", 2022, "各市妇联、教育局");
        assertIssuers(n, List.of("浙江省妇女联合会", "浙江省教育厅"), "province", "people-org", true);
        assertEquals("浙江省", n.province());
        assertEquals("浙江省妇女联合会      浙江省教育厅", n.signature());
        assertEquals(List.of("为弘扬优良家风，省妇联、省教育厅决定联合开展“浙里家书”征集活动。请各地广泛发动，于11月30日前报送作品。"),
                n.paragraphs());
        assertEquals(List.of("no document number (发文字号) found"), n.warnings());
    }

    @Test
    void webPageWithoutATitleLineTakesThePageTitleLessTheSiteName() {
        Notice n = TestNotices.layout("html_no_title_line.html");
        assertMetadata(n, "云南省妇女联合会关于开展“彩云巾帼”志愿服务活动的通知", "通知", "云南省妇女联合会", "云南省妇女联合会",
                null, "2023-05-12", "2023年5月12日", 2023, "各州（市）妇联");
        // The title quoted in the last line (相关链接：《…》) is no title line of the article.
        assertEquals("相关链接：《云南省妇女联合会关于开展“彩云巾帼”志愿服务活动的通知》解读", n.paragraphs().get(n.paragraphs().size() - 1));
        assertEquals(List.of("no document number (发文字号) found"), n.warnings());
    }

    @Test
    void aStatutoryTypeAndAnotherAreToldApart() throws Exception {
        assertIssuers(TestNotices.fixture("gbk_notice.txt"), List.of("河北省妇女联合会"), "province", "people-org", true);
        Notice other = TestNotices.PARSER.parseText("t.txt", "txt", "关于2023年度先进集体名单的公示\n经研究，现予公示。\n", "UTF-8");
        assertEquals("公示", other.type());
        assertEquals(false, other.typeIsStandard());
    }
}
