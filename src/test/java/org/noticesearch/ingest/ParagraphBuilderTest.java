package org.noticesearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Paragraphs rebuilt from lines broken by conversion. */
class ParagraphBuilderTest {

    private static List<String> build(List<String> lines) {
        return ParagraphBuilder.forLines(lines, line -> false).build(lines);
    }

    @Test
    void joinsALineBrokenInsideAWordWithoutASpace() {
        assertEquals(List.of("关于疫情防控形势下做好2020年纪念“三八”国际妇女节有关工作的通知如下。"),
                build(List.of("关于疫情防控形势下做好2020年纪念“三八”国际妇女节", "有关工作的通知如下。")));
    }

    @Test
    void breaksAfterSentenceEnds() {
        assertEquals(List.of("第一句。", "第二句！", "第三句？", "第四句；", "请报送：", "2021年3月1日"),
                build(List.of("第一句。", "第二句！", "第三句？", "第四句；", "请报送：", "2021年3月1日")));
    }

    @Test
    void breaksBeforeHeadings() {
        List<String> lines = List.of("各级妇联要认真组织，做好以下工作", "一、加强宣传", "（一）深入学习", "1.迅速传达", "第一条 总则", "附件1");
        assertEquals(lines, build(lines));
    }

    @Test
    void breaksBeforeADateLine() {
        assertEquals(List.of("重庆市妇女联合会", "2020年3月11日"), build(List.of("重庆市妇女联合会", "2020年3月11日")));
    }

    @Test
    void joinsLatinWordsWithOneSpace() {
        assertEquals(List.of("the Women's Federation of Sichuan Province"),
                build(List.of("the Women's Federation of", "Sichuan Province")));
    }

    @Test
    void learnsTheWrapWidthOfHardWrappedText() {
        List<String> lines = List.of(
                "为深入贯彻落实党中央关于统筹推进疫情防控和经济社",
                "会发展工作的决策部署，团结动员全省广大妇女在复工",
                "复产中建功立业，现将有关事项通知如下。",
                "一、积极引导妇女有序复工复产。各级妇联要深入了解",
                "女企业家和女职工的实际困难，帮助解决用工、融资等",
                "问题，推动“巾帼创业创新行动”落地见效",
                "二、切实做好关心关爱工作。持续开展“天府巾帼暖心",
                "行动”，为一线女医务人员家庭提供帮助。");
        ParagraphBuilder pb = ParagraphBuilder.forLines(lines, line -> false);
        assertTrue(ParagraphBuilder.wrapWidth(lines) > 0);
        assertEquals(List.of(
                "为深入贯彻落实党中央关于统筹推进疫情防控和经济社会发展工作的决策部署，团结动员全省广大妇女在复工复产中建功立业，现将有关事项通知如下。",
                "一、积极引导妇女有序复工复产。各级妇联要深入了解女企业家和女职工的实际困难，帮助解决用工、融资等问题，推动“巾帼创业创新行动”落地见效",
                "二、切实做好关心关爱工作。持续开展“天府巾帼暖心行动”，为一线女医务人员家庭提供帮助。"), pb.build(lines));
    }

    @Test
    void paragraphPerLineTextIsNotHardWrapped() {
        List<String> lines = List.of(
                "2011年是全省各级妇联组织团结奋进、妇女儿童事业实现新发展的一年，全省上下共同努力取得显著成绩。",
                "一、认真学习领会领导同志批示精神",
                "陈至立同志在省妇联上批示：重点突出、措施有力。",
                "联系人：孟丽",
                "联系电话：0375-2666938",
                "省妇联要再接再厉，做好各项工作，推动妇女儿童工作再上新台阶，为全省发展大局作出新贡献，努力开创新局面。");
        ParagraphBuilder pb = ParagraphBuilder.forLines(lines, line -> false);
        assertFalse(ParagraphBuilder.wrapWidth(lines) > 0);
        assertEquals(lines, pb.build(lines));
    }

    @Test
    void endsSentenceLooksPastClosingQuotesAndBrackets() {
        assertTrue(ParagraphBuilder.endsSentence("他说：“好。”"));
        assertTrue(ParagraphBuilder.endsSentence("（此件公开发布。）"));
        assertFalse(ParagraphBuilder.endsSentence("推动“巾帼创业创新行动”"));
    }

    @Test
    void emptyInputGivesNoParagraphs() {
        assertEquals(List.of(), build(List.of()));
    }
}
