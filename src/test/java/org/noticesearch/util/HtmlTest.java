package org.noticesearch.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class HtmlTest {
    @Test
    void escapesTheFiveMarkupCharacters() {
        assertEquals("&lt;script&gt;&amp;&quot;&apos;", Html.escape("<script>&\"'"));
    }

    @Test
    void textWithNothingToEscapeIsReturnedAsItIs() {
        String s = "关于印发《通知》的通知\t第1条\n";
        assertSame(s, Html.escape(s));
    }

    @Test
    void dropsWhatXmlForbidsAndReferencesC1Controls() {
        // As commons-text's escapeXml10 did: the bytes of snippets and feeds stay as they were.
        assertEquals("ab", Html.escape("a\u0000\u0008\u000b\u000c\u001f\uFFFE\uFFFFb"));
        assertEquals("&#127;&#132;\u0085&#134;&#159;\u00a0", Html.escape("\u007f\u0084\u0085\u0086\u009f\u00a0"));
        assertEquals("x\uD83D\uDE00y", Html.escape("x\uD83D\uDE00y"));
        assertEquals("xy", Html.escape("x\uD83Dy"));
        assertEquals("xy", Html.escape("x\uDE00y"));
        assertEquals("\uD83D\uDE00", Html.escape("\uD83D\uD83D\uDE00\uDE00"));
    }

    @Test
    void unescapeUndoesEscape() {
        String s = "<mark>&\"' 中文 &amp; \u007f";
        assertEquals(s, Html.unescape(Html.escape(s)));
        assertEquals("© ©", Html.unescape("&copy; &#169;"));
    }
}
