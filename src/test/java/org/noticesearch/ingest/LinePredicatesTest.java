package org.noticesearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a single line is, each predicate alone. */
class LinePredicatesTest {
    private static final LinePredicates IS = new LinePredicates(TestNotices.CONFIG.issuers());

    @Test
    void officeNames() {
        assertTrue(IS.isOrgName("山东省妇联"));
        assertTrue(IS.isOrgName("北京市卫生健康委科教处"));
        assertTrue(IS.isOrgName("国家药监局综合司"));
        assertTrue(IS.isOrgName("公安部三局"));
        assertTrue(IS.isOrgName("洛阳市老城区妇女联合会"));
        assertFalse(IS.isOrgName("各区卫生健康委，各有关医疗卫生机构："));
        assertFalse(IS.isOrgName("请认真落实。"));
        assertFalse(IS.isOrgName("联系人：李明"));
        assertFalse(IS.isOrgName("一、总体要求"));
        assertFalse(IS.isOrgName(""));
    }

    @Test
    void officesSigningTogether() {
        assertEquals(List.of("北京市卫生健康委科教处", "北京市中医管理局科教处"), IS.orgNames("北京市卫生健康委科教处   北京市中医管理局科教处"));
        assertEquals(List.of("国务院办公厅", "中央军委办公厅"), IS.orgNames("国务院办公厅、中央军委办公厅"));
        assertEquals(List.of("中共北京市委", "北京市人民政府"), IS.orgNames("中共北京市委 北京市人民政府"));
        // A space inside one name (PDF text) does not make two offices.
        assertEquals(List.of("北京市妇女联合会"), IS.orgNames("北京市 妇女联合会"));
        assertEquals(List.of("国务院"), IS.orgNames("国务院　　　"));
        assertEquals(List.of(), IS.orgNames("浙江省妇女联合会      请各地认真落实。"));
    }

    @Test
    void documentNumberLines() {
        assertEquals(Optional.of("国发〔2016〕15号"), LinePredicates.docNumberText("                            国发〔2016〕15号"));
        assertEquals(Optional.of("国发〔2019〕5号"), LinePredicates.docNumberText("发文字号：国发〔2019〕5号"));
        assertEquals(Optional.empty(), LinePredicates.docNumberText("国发〔2016〕15号各省、自治区、直辖市人民政府"));
        assertTrue(LinePredicates.hasDocNumber("000045                                    闽妇函〔2023〕31号"));
        assertTrue(LinePredicates.hasDocNumber("公治〔2002〕131 号"));
        assertFalse(LinePredicates.hasDocNumber("关于转发国发〔2016〕15号文件的通知"));
    }

    @Test
    void datesAndFooterLines() {
        assertTrue(LinePredicates.isDate("2021年3月3日"));
        assertTrue(LinePredicates.isDate("（2019年10月20日）"));
        assertTrue(LinePredicates.isDate("二〇一九年十二月五日"));
        assertFalse(LinePredicates.isDate("请于2021年3月3日前报送。"));
        assertTrue(LinePredicates.isPrinted("江苏省妇女联合会办公室  2021年5月8日印发"));
        assertFalse(LinePredicates.isPrinted("现将方案印发"));
        assertTrue(LinePredicates.isCc("抄送：全国妇联发展部"));
        assertFalse(LinePredicates.isCc("抄送全国妇联"));
    }

    @Test
    void sentenceShape() {
        assertTrue(LinePredicates.hasSentencePunct("请认真落实；"));
        assertFalse(LinePredicates.hasSentencePunct("北京市妇女联合会"));
        assertTrue(LinePredicates.endsWithColon("各市妇联："));
        assertTrue(LinePredicates.endsClosedSentence("请认真落实。”"));
        assertFalse(LinePredicates.endsClosedSentence("于下列日期前报送："));
        assertFalse(LinePredicates.endsClosedSentence("一是加强宣传；"));
    }

    @Test
    void metadataDatesAndSignerNames() {
        assertEquals(Optional.of(LocalDate.of(2024, 3, 5)), LinePredicates.metadataDate("2024-03-05"));
        assertEquals(Optional.of(LocalDate.of(2024, 3, 5)), LinePredicates.metadataDate("2024/3/5"));
        assertEquals(Optional.of(LocalDate.of(2024, 3, 5)), LinePredicates.metadataDate("二〇二四年三月五日"));
        assertEquals(Optional.empty(), LinePredicates.metadataDate("2024-13-05"));
        assertEquals("王芳", LinePredicates.signerName("王  芳"));
        assertEquals("王芳 李明", LinePredicates.signerName("王芳  李明"));
    }
}
