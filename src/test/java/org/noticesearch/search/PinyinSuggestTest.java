package org.noticesearch.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Suggestions from pinyin and initials (pinyin4j readings), polyphonic characters included; the same ranker serves both engines. */
class PinyinSuggestTest {
    static final List<SuggestionRanker.Candidate> CANDIDATES = List.of(
            SuggestionRanker.Candidate.of("巾帼脱贫行动", "campaign", 5),
            SuggestionRanker.Candidate.of("春蕾计划", "campaign", 3),
            SuggestionRanker.Candidate.of("全国妇女联合会", "issuer", 4),
            SuggestionRanker.Candidate.of("全国妇联", "issuer", 4),
            SuggestionRanker.Candidate.of("重庆市妇女联合会", "issuer", 2),
            SuggestionRanker.Candidate.of("关于银行业支持妇女创业的通知", "title", 0),
            SuggestionRanker.Candidate.of("县长办公会议纪要", "title", 0),
            SuggestionRanker.Candidate.of("关于成长计划的通知", "title", 0),
            SuggestionRanker.Candidate.of("重要通知", "title", 0));

    private static List<String> suggest(String typed) {
        return SuggestionRanker.top(CANDIDATES, typed, 8).stream().map(Suggestion::text).toList();
    }

    @Test
    void fullPinyinInitialsAndAnUnfinishedSyllable() {
        assertEquals(List.of("全国妇联"), suggest("fulian"));
        assertEquals(List.of("全国妇联"), suggest("fl"));
        assertEquals(List.of("全国妇联"), suggest("FuLi"));
        assertEquals(List.of("全国妇联", "全国妇女联合会"), suggest("quanguofu"));
        assertEquals(List.of("巾帼脱贫行动"), suggest("jgtp"));
        assertEquals(List.of("巾帼脱贫行动"), suggest("jinguotuopinxingdong"));
        assertEquals(List.of("巾帼脱贫行动"), suggest("jgtpxd"));
        assertEquals(List.of("春蕾计划", "关于成长计划的通知"), suggest("jihua"));
    }

    @Test
    void everyReadingOfAPolyphonicCharacterCounts() {
        assertEquals(List.of("巾帼脱贫行动"), suggest("xingdong")); // 行 xíng
        assertEquals(List.of("关于银行业支持妇女创业的通知"), suggest("yinhang")); // 行 háng
        assertEquals(List.of("县长办公会议纪要"), suggest("xianzhang")); // 长 zhǎng
        assertEquals(List.of("关于成长计划的通知"), suggest("chengchang")); // 长 cháng
        assertEquals(List.of("重庆市妇女联合会"), suggest("chongqing")); // 重 chóng
        assertEquals(List.of("重庆市妇女联合会"), suggest("cq"));
        assertEquals(List.of("重要通知"), suggest("zhongyao")); // 重 zhòng
        assertEquals(List.of("重要通知"), suggest("zhyt")); // zh as the initial
    }

    @Test
    void textMatchesAreUnchangedAndNothingElseMatches() {
        assertEquals(List.of("全国妇联", "全国妇女联合会"), suggest("全国"));
        assertEquals(List.of("关于银行业支持妇女创业的通知"), suggest("xyz")); // 行业支: x(ing) y(e) z(hi)
        assertEquals(List.of(), suggest("vvv"));
        assertEquals(List.of(), suggest("fulianx"));
    }

    @Test
    void readingsComeFromTheDictionaryToneless() {
        assertArrayEquals(new String[] {"xing", "hang", "heng"}, Pinyin.table().readings('行'));
        assertEquals("lv", Pinyin.table().readings('绿')[0]); // ü written v
        assertArrayEquals(new String[0], Pinyin.table().readings('a'));
        assertEquals(-1, Pinyin.table().find("妇联", "fulianhui"));
        assertEquals(2, Pinyin.table().find("全国妇联", "fl"));
    }
}
