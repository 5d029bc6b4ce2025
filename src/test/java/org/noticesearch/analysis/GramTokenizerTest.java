package org.noticesearch.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.noticesearch.config.IndexConfig;

/** The recall tokenizer token by token, with offsets and position increments (in the manner of Lucene's assertAnalyzesTo). */
class GramTokenizerTest {
    static final Analysis ANALYSIS = new Analysis(IndexConfig.load(java.nio.file.Path.of("index-config")));
    static final Analyzer GRAMS = ANALYSIS.grams();

    @AfterAll
    static void close() {
        ANALYSIS.close();
    }

    record Tok(String term, int start, int end, int posInc) {}

    static List<Tok> analyze(Analyzer a, String text, int[] finalOffset) throws IOException {
        List<Tok> out = new ArrayList<>();
        try (TokenStream ts = a.tokenStream("f", text)) {
            CharTermAttribute t = ts.addAttribute(CharTermAttribute.class);
            OffsetAttribute o = ts.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute p = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(new Tok(t.toString(), o.startOffset(), o.endOffset(), p.getPositionIncrement()));
            }
            ts.end();
            finalOffset[0] = o.endOffset();
        }
        return out;
    }

    /** Asserts terms, start and end offsets (every position increment 1) and the final offset. */
    static void assertAnalyzesTo(String text, String[] terms, int[] starts, int[] ends) throws IOException {
        int[] ones = new int[terms.length];
        java.util.Arrays.fill(ones, 1);
        assertAnalyzesTo(text, terms, starts, ends, ones);
    }

    static void assertAnalyzesTo(String text, String[] terms, int[] starts, int[] ends, int[] posIncs) throws IOException {
        int[] fin = new int[1];
        List<Tok> got = analyze(GRAMS, text, fin);
        List<Tok> want = new ArrayList<>();
        for (int i = 0; i < terms.length; i++) {
            want.add(new Tok(terms[i], starts[i], ends[i], posIncs[i]));
        }
        assertEquals(want, got, text);
        assertEquals(text.length(), fin[0], "final offset of " + text);
        for (Tok t : got) {
            assertTrue(t.start() < t.end() && t.end() <= text.length(), t.toString());
        }
    }

    @Test
    void bigramPerCharacterAndUnigramAtTheEnd() throws IOException {
        assertAnalyzesTo("妇联", new String[]{"妇联", "联"}, new int[]{0, 1}, new int[]{2, 2});
        assertAnalyzesTo("全国妇联。", new String[]{"全国", "国妇", "妇联", "联"}, new int[]{0, 1, 2, 3}, new int[]{2, 3, 4, 4});
        assertAnalyzesTo("癌", new String[]{"癌"}, new int[]{0}, new int[]{1});
    }

    @Test
    void punctuationAndSpacesAreSkippedInsideAParagraph() throws IOException {
        assertAnalyzesTo("巾帼 脱贫", new String[]{"巾帼", "帼脱", "脱贫", "贫"}, new int[]{0, 1, 3, 4}, new int[]{2, 4, 5, 5});
        assertAnalyzesTo("“春蕾·计划”", new String[]{"春蕾", "蕾计", "计划", "划"}, new int[]{1, 2, 4, 5}, new int[]{3, 5, 6, 6});
        assertAnalyzesTo("妇联\u3000，\t组织", new String[]{"妇联", "联组", "组织", "织"}, new int[]{0, 1, 5, 6}, new int[]{2, 6, 7, 7});
        assertAnalyzesTo("，。！？、  ", new String[]{}, new int[]{}, new int[]{});
        assertAnalyzesTo("", new String[]{}, new int[]{}, new int[]{});
    }

    @Test
    void newlineEndsAParagraph() throws IOException {
        // The first token of a paragraph skips a position: the gap that keeps phrases inside one paragraph.
        int[] gap = {1, 1, 2, 1};
        assertAnalyzesTo("巾帼\n脱贫", new String[]{"巾帼", "帼", "脱贫", "贫"}, new int[]{0, 1, 3, 4}, new int[]{2, 2, 5, 5}, gap);
        assertAnalyzesTo("月光。\n宝盒", new String[]{"月光", "光", "宝盒", "盒"}, new int[]{0, 1, 4, 5}, new int[]{2, 2, 6, 6}, gap);
        assertAnalyzesTo("妇联\r\n\n组织", new String[]{"妇联", "联", "组织", "织"}, new int[]{0, 1, 5, 6}, new int[]{2, 2, 7, 7}, gap);
        assertAnalyzesTo("\n\n妇\n", new String[]{"妇"}, new int[]{2}, new int[]{3});
    }

    @Test
    void widthAndCaseAreFolded() throws IOException {
        assertAnalyzesTo("ＡＢc１", new String[]{"ab", "bc", "c1", "1"}, new int[]{0, 1, 2, 3}, new int[]{2, 3, 4, 4});
        assertAnalyzesTo("2020年", new String[]{"20", "02", "20", "0年", "年"}, new int[]{0, 1, 2, 3, 4}, new int[]{2, 3, 4, 5, 5});
        assertAnalyzesTo("LED屏", new String[]{"le", "ed", "d屏", "屏"}, new int[]{0, 1, 2, 3}, new int[]{2, 3, 4, 4});
        assertAnalyzesTo("２０２０年", new String[]{"20", "02", "20", "0年", "年"}, new int[]{0, 1, 2, 3, 4}, new int[]{2, 3, 4, 5, 5});
    }

    @Test
    void ideographicZeroAndSupplementaryCharacters() throws IOException {
        assertAnalyzesTo("二〇二〇", new String[]{"二〇", "〇二", "二〇", "〇"}, new int[]{0, 1, 2, 3}, new int[]{2, 3, 4, 4});
        String ext = new String(Character.toChars(0x20000)); // CJK Extension B, two chars in UTF-16
        assertAnalyzesTo(ext + "中" + ext, new String[]{ext + "中", "中" + ext, ext}, new int[]{0, 2, 3}, new int[]{3, 5, 5});
    }

    @Test
    void reusedAcrossTextsAndLongerThanTheReadBuffer() throws IOException {
        assertAnalyzesTo("妇联", new String[]{"妇联", "联"}, new int[]{0, 1}, new int[]{2, 2});
        assertAnalyzesTo("家庭", new String[]{"家庭", "庭"}, new int[]{0, 1}, new int[]{2, 2});
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            sb.append("妇女，");
        }
        int[] fin = new int[1];
        List<Tok> toks = analyze(GRAMS, sb.toString(), fin);
        assertEquals(6000, toks.size());
        assertEquals(new Tok("女妇", 4, 7, 1), toks.get(3), "a bigram skips the comma");
        assertEquals(new Tok("女妇", 8995, 8998, 1), toks.get(5997));
        assertEquals(new Tok("妇女", 8997, 8999, 1), toks.get(5998));
        assertEquals(new Tok("女", 8998, 8999, 1), toks.get(5999));
        assertEquals(9000, fin[0]);
    }

    @Test
    void synonymsAndWords() {
        assertEquals(List.of("妇联", "妇女联合会"), ANALYSIS.synonymsOf("妇联"));
        assertTrue(ANALYSIS.synonymsOf("新冠肺炎").contains("新型冠状病毒肺炎"));
        assertEquals(List.of("春风行动"), ANALYSIS.synonymsOf("春风行动"));
        assertEquals(List.of("全国妇联X"), ANALYSIS.synonymsOf("全国妇联X"), "only a whole term expands");
        List<String> words = ANALYSIS.wordsOf("妇女的权益和家庭");
        assertTrue(words.contains("妇女") && words.contains("家庭"), words.toString());
        assertTrue(!words.contains("的") && !words.contains("和"), "stopwords are left out: " + words);
    }

    /**
     * normalize's loop (with its fast path for ideographs) keeps and folds exactly what the definition says: every
     * kept code point, folded, in order. Checked over every BMP character one at a time and in a run of them, and over
     * supplementary characters (an Extension B ideograph, an emoji) and unpaired surrogates.
     */
    @Test
    void normalizeKeepsAndFoldsEveryCharacterAsDefined() {
        StringBuilder all = new StringBuilder();
        for (int c = 0; c <= 0xFFFF; c++) {
            String one = String.valueOf((char) c);
            assertEquals(reference(one), GramTokenizer.normalize(one), "U+" + Integer.toHexString(c));
            all.append((char) c);
        }
        assertEquals(reference(all), GramTokenizer.normalize(all));
        String mixed = "关于《２０２０年\uD840\uDC00工作》的\uD83D\uDE00通知\uD800 ＡＢｃ 鲁妇通字〔2020〕6号\u3000";
        assertEquals(reference(mixed), GramTokenizer.normalize(mixed));
        assertEquals("关于2020年\uD840\uDC00工作的通知abc鲁妇通字20206号", GramTokenizer.normalize(mixed));
    }

    /** The definition: the kept code points of {@code s}, each folded. */
    private static String reference(CharSequence s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().filter(GramTokenizer::isKept).forEach(cp -> {
            if (cp < Character.MIN_SUPPLEMENTARY_CODE_POINT) {
                sb.append(org.noticesearch.ingest.TextNormalizer.fold((char) cp));
            } else {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }
}
