package org.noticesearch.search;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * Matches typed pinyin against Chinese text: full syllables ({@code fulian} → 妇联), initials ({@code fl}, {@code jgtp}
 * → 巾帼脱贫), a mix of both, and an unfinished last syllable ({@code fuli}). Every reading of a polyphonic character
 * counts (行 is xing and hang, 长 chang and zhang, 重 zhong and chong), so no combination list is built or capped: the
 * matcher tries each reading of each character as it goes. Readings come from pinyin4j's dictionary, toneless, ü as v.
 */
public final class Pinyin {
    /** The CJK Unified Ideographs block and extension A, where pinyin4j has readings. */
    private static final int FIRST = 0x3400;
    private static final int LAST = 0x9FFF;
    /** Steps one candidate may take before it counts as no match: a bound for pathological inputs, never reached by real ones. */
    private static final int STEP_BUDGET = 4096;
    /** Longer typed text is not taken for pinyin (nobody types 40 letters of pinyin into a suggestion box). */
    public static final int MAX_TYPED = 40;

    private final String[][] readings = new String[LAST - FIRST + 1][];

    private Pinyin() {
        HanyuPinyinOutputFormat format = new HanyuPinyinOutputFormat();
        format.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        format.setVCharType(HanyuPinyinVCharType.WITH_V);
        format.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        for (int cp = FIRST; cp <= LAST; cp++) {
            try {
                String[] r = PinyinHelper.toHanyuPinyinStringArray((char) cp, format);
                if (r != null && r.length > 0) {
                    Set<String> distinct = new LinkedHashSet<>(Arrays.asList(r));
                    distinct.removeIf(String::isEmpty);
                    readings[cp - FIRST] = distinct.toArray(String[]::new);
                }
            } catch (BadHanyuPinyinOutputFormatCombination e) {
                throw new IllegalStateException("pinyin4j refused a fixed output format", e);
            }
        }
    }

    /** Holds the one table; built on first use (about 28,000 dictionary look-ups) and never changed after. */
    private static final class Table {
        static final Pinyin INSTANCE = new Pinyin();
    }

    /** The shared, immutable reading table. */
    public static Pinyin table() {
        return Table.INSTANCE;
    }

    /** The toneless readings of a character, or an empty array when it has none. */
    public String[] readings(int cp) {
        String[] r = cp >= FIRST && cp <= LAST ? readings[cp - FIRST] : null;
        return r == null ? new String[0] : r.clone();
    }

    /** Whether the typed text could be pinyin: two or more ASCII letters (one letter would match nearly every name), not too long. */
    public static boolean isPinyinLike(String typed) {
        return typed.length() >= 2 && typed.length() <= MAX_TYPED && typed.chars().allMatch(c -> c >= 'a' && c <= 'z');
    }

    /**
     * Where in {@code text} (a char index) the typed pinyin first matches a run of characters, or -1. {@code typed}
     * is lower-case ASCII letters; letters and digits in the text match themselves. Runs over the chars without
     * allocating: it is called for every candidate on every keystroke.
     */
    public int find(String text, String typed) {
        int[] budget = {STEP_BUDGET};
        char first = typed.charAt(0);
        for (int start = 0; start < text.length(); start++) {
            if (canStart(text.charAt(start), first) && matchFrom(text, start, typed, 0, budget)) {
                return start;
            }
            if (budget[0] <= 0) {
                return -1;
            }
        }
        return -1;
    }

    private boolean canStart(char c, char first) {
        String[] rs = c >= FIRST && c <= LAST ? readings[c - FIRST] : null;
        if (rs == null) {
            return Character.toLowerCase(c) == first;
        }
        for (String r : rs) {
            if (r.charAt(0) == first) {
                return true;
            }
        }
        return false;
    }

    private boolean matchFrom(String text, int i, String q, int j, int[] budget) {
        if (j == q.length()) {
            return true;
        }
        if (i == text.length() || --budget[0] <= 0) {
            return false;
        }
        char c = text.charAt(i);
        String[] rs = c >= FIRST && c <= LAST ? readings[c - FIRST] : null;
        if (rs == null) {
            return Character.toLowerCase(c) == q.charAt(j) && matchFrom(text, i + 1, q, j + 1, budget);
        }
        int rest = q.length() - j;
        for (String r : rs) {
            if (r.charAt(0) != q.charAt(j)) {
                continue;
            }
            if (rest < r.length() && r.regionMatches(0, q, j, rest)) {
                return true; // the last syllable, still being typed (or its initial)
            }
            if (q.startsWith(r, j) && matchFrom(text, i + 1, q, j + r.length(), budget)) {
                return true;
            }
            if (matchFrom(text, i + 1, q, j + 1, budget)) {
                return true; // the initial letter
            }
            if (r.length() > 2 && r.charAt(1) == 'h' && rest > 1 && q.charAt(j + 1) == 'h'
                    && matchFrom(text, i + 1, q, j + 2, budget)) {
                return true; // zh, ch, sh written as the initial
            }
        }
        return false;
    }
}
