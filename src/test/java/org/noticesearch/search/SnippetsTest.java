package org.noticesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Highlighting and passage choice on plain strings: escaping, one {@code <mark>} per match, cuts at boundaries. */
class SnippetsTest {
    @Test
    void hostileTextIsEscapedAndOnlyMarkIsAdded() {
        assertEquals("&lt;script&gt;&amp;&quot;&apos;<mark>通知</mark>&lt;/script&gt;",
                Snippets.highlight("<script>&\"'通知</script>", List.of("通知")));
        // The escaped characters inside a match are escaped too; '<' is punctuation, so "a<b" matches "ab".
        assertEquals("<mark>a&lt;b</mark>&gt;c", Snippets.highlight("a<b>c", List.of("ab")));
        // A needle's punctuation is not matched: only the letters it shares with the text are marked.
        assertEquals("&lt;<mark>b</mark>&gt;", Snippets.highlight("<b>", List.of("<b>")));
    }

    @Test
    void onePhraseIsOneMarkAcrossPunctuationWidthAndCase() {
        assertEquals("关于<mark>印发《通知</mark>》", Snippets.highlight("关于印发《通知》", List.of("印发通知")));
        assertEquals("<mark>ＡＢＣ</mark>d", Snippets.highlight("ＡＢＣd", List.of("abc")));
        // Overlapping or touching matches of several needles merge into one mark.
        assertEquals("<mark>ABC</mark>D", Snippets.highlight("ABCD", List.of("ab", "bc")));
        assertEquals("<mark>安全生产</mark>与<mark>安全</mark>", Snippets.highlight("安全生产与安全", List.of("安全", "生产")));
    }

    @Test
    void aMatchDoesNotCrossAParagraphBreak() {
        assertEquals("通\n知", Snippets.highlight("通\n知", List.of("通知")));
        assertEquals(null, Snippets.highlight(null, List.of("通知")));
    }

    @Test
    void passagesAreCutAtSentenceAndClauseBoundaries() {
        String p = "第一句没有关键词在这里。第二句提到安全生产的要求，并且继续说明。第三句也没有关键词在这里呢。第四句话。";
        // Starts where the sentence with the match starts; ends at the first clause or sentence end near the length.
        assertEquals(List.of("…第二句提到<mark>安全生产</mark>的要求，…"),
                new Snippets(1, 12).passages(List.of(p), List.of("安全生产"), List.of(p), Snippets.Markup.HTML));
        assertEquals(List.of("…第二句提到<mark>安全生产</mark>的要求，并且继续说明。…"),
                new Snippets(1, 20).passages(List.of(p), List.of("安全生产"), List.of(p), Snippets.Markup.HTML));
        // A match more than half the length into its sentence starts a third of the length before it instead.
        assertEquals(List.of("第一句没有<mark>关键词</mark>在这里。…", "…也没有<mark>关键词</mark>在这里呢。…"),
                new Snippets(2, 10).passages(List.of(p), List.of("关键词"), List.of(p), Snippets.Markup.HTML));
    }

    @Test
    void passagesPreferMoreDifferentNeedlesAndKeepTheTextOrder() {
        List<String> paras = List.of("甲方案。", "乙方案与甲方案。", "只有乙。");
        assertEquals(List.of("<mark>乙</mark>方案与<mark>甲</mark>方案。"),
                new Snippets(1, 20).passages(paras, List.of("甲", "乙"), paras, Snippets.Markup.HTML));
        assertEquals(List.of("<mark>甲</mark>方案。", "<mark>乙</mark>方案与<mark>甲</mark>方案。"),
                new Snippets(2, 20).passages(paras, List.of("甲", "乙"), paras, Snippets.Markup.HTML));
    }

    @Test
    void withoutAMatchTheOpeningIsShownCut() {
        String body = "各省、自治区、直辖市人民政府，国务院各部委、各直属机构：现将有关事项通知如下。";
        assertEquals(List.of("各省、自治区、…"),
                new Snippets(2, 10).passages(List.of("标题行"), List.of("不存在"), List.of(body), Snippets.Markup.HTML));
        assertEquals(List.of(), new Snippets(0, 10).passages(List.of("标题行"), List.of("不存在"), List.of(body), Snippets.Markup.HTML));
    }
    /** The quick "no needle's first character from U+3000 up here" check never hides a match the folded comparison finds. */
    @Test
    void skippedParagraphsAreOnlyThoseThatCannotMatch() {
        // Width and case fold: a needle beginning below U+3000 is never skipped.
        assertEquals(List.of(new Snippets.Span(0, 5)), Snippets.matches("ＡＢＣ公告", List.of("abc公告")));
        assertEquals(List.of(new Snippets.Span(0, 3)), Snippets.matches("ABC", List.of("ａｂｃ")));
        // Punctuation before the first kept character is passed over, as the matching form drops it.
        assertEquals(List.of(new Snippets.Span(2, 6)), Snippets.matches("开展春蕾计划活动", List.of("《春蕾计划》")));
        // A character beyond the BMP is looked for as a code point.
        assertEquals(List.of(new Snippets.Span(1, 4)), Snippets.matches("在\uD840\uDC0B村", List.of("\uD840\uDC0B村")));
        // None of the needles' first characters occurs: nothing, and any needle that may match keeps the paragraph.
        assertEquals(List.of(), Snippets.matches("各市妇联：请做好工作。", List.of("春蕾", "巾帼")));
        assertEquals(List.of(new Snippets.Span(6, 8)), Snippets.matches("各市妇联：请做好工作。", List.of("春蕾", "2024", "做好")));
        // The check looks for a needle's first character from U+3000 up, wherever it stands: a number written year
        // first begins with digits, and full-width digits in the text still fold to them.
        assertEquals(List.of(new Snippets.Span(3, 14)), Snippets.matches("根据〔２０２０〕鲁妇通字６号文件", List.of("〔2020〕鲁妇通字6号")));
        assertEquals(List.of(new Snippets.Span(2, 14)), Snippets.matches("根据鲁妇通字〔2020〕6号", List.of("2020鲁妇通字6号", "鲁妇通字〔2020〕6号")));
        assertEquals(List.of(), Snippets.matches("2020年第6号", List.of("〔2020〕鲁妇通字6号")));
        // Full-width letters fold to ASCII, so they are never the character looked for: 公 is.
        assertEquals(List.of(new Snippets.Span(0, 5)), Snippets.matches("abc公告", List.of("ＡＢＣ公告")));
    }
}
