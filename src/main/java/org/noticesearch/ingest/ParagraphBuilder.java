package org.noticesearch.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Rebuilds paragraphs from lines broken by conversion. A line is joined to the next unless it ends a
 * sentence, the next line starts a heading, or the line is visibly short of the text width: in a
 * hard-wrapped file (text taken from a PDF) that width is the common line length; in a file with one
 * paragraph per line, short unpunctuated lines (headings, contact lines, inner titles) stand alone. A line that ends
 * like a title (an inner document's title, by the 文种 list the parser passes in) stands alone too.
 */
public final class ParagraphBuilder {
    /** Headings and numbered items: 一、 （一） (1) 1. 1、 第一条 第二章 附件1. */
    static final Pattern HEADING = Pattern.compile(
            "^(?:[一二三四五六七八九十百]+[、.．]|[（(][一二三四五六七八九十百]+[）)]|[（(]\\d{1,3}[）)]|\\d{1,3}[.．、](?!\\d)"
                    + "|第[一二三四五六七八九十百零〇\\d]+[条章节部分款]|[①②③④⑤⑥⑦⑧⑨⑩]|附件\\s*\\d*[：:]?$)");
    private static final String SENTENCE_END = "。！？；：!?;:";
    private static final String CLOSERS = "”’）)」』】〕>》";
    /** In a file with one paragraph per line, an unpunctuated line shorter than this is its own paragraph. */
    static final int SHORT_LINE = 20;

    private final int wrapWidth;
    private final Predicate<String> endsLikeTitle;

    private ParagraphBuilder(int wrapWidth, Predicate<String> endsLikeTitle) {
        this.wrapWidth = wrapWidth;
        this.endsLikeTitle = endsLikeTitle;
    }

    /** Learns the wrap width (if any) from the body lines of one file; a line {@code endsLikeTitle} accepts ends a paragraph. */
    public static ParagraphBuilder forLines(List<String> lines, Predicate<String> endsLikeTitle) {
        return new ParagraphBuilder(wrapWidth(lines), endsLikeTitle);
    }

    /** The width a hard-wrapped file was wrapped at, in characters; 0 when lines are whole paragraphs. */
    static int wrapWidth(List<String> lines) {
        if (lines.size() < 6) {
            return 0;
        }
        int[] counts = new int[81];
        int considered = 0;
        for (String l : lines) {
            int len = l.codePointCount(0, l.length());
            if (len >= 10) {
                considered++;
                if (len <= 80) {
                    counts[len]++;
                }
            }
        }
        if (considered < 5) {
            return 0;
        }
        int best = 0;
        int bestSum = 0;
        for (int w = 12; w <= 78; w++) {
            int sum = counts[w - 2] + counts[w - 1] + counts[w] + counts[w + 1] + counts[w + 2];
            if (sum > bestSum) {
                bestSum = sum;
                best = w;
            }
        }
        // Wrapped text piles up at one width; paragraph-per-line text spreads over many.
        if (bestSum * 10 < considered * 4) {
            return 0;
        }
        int max = best;
        for (int w = best; w <= Math.min(80, best + 2); w++) {
            if (counts[w] > 0) {
                max = w;
            }
        }
        // No line of a wrapped file runs past the wrap width; paragraphs that do mean the peak is a coincidence
        // (a short notice whose heading and phone line happen to be of a length).
        int longer = 0;
        for (String l : lines) {
            if (l.codePointCount(0, l.length()) > max + 2) {
                longer++;
            }
        }
        if (longer * 10 > considered) {
            return 0;
        }
        return max;
    }

    public List<String> build(List<String> lines) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (cur == null) {
                cur = new StringBuilder(line);
            } else {
                appendJoined(cur, line);
            }
            String next = i + 1 < lines.size() ? lines.get(i + 1) : null;
            if (next == null || breaksAfter(line, next)) {
                out.add(tidy(cur.toString()));
                cur = null;
            }
        }
        return out;
    }

    private static final Pattern ARTICLE = Pattern.compile("^(第[一二三四五六七八九十百零〇\\d]+[条章节])\\s+");

    /**
     * Spaces between Chinese characters are conversion damage (PDF text) and go; the one space after an
     * article number (第一条 总则) is typesetting and stays.
     */
    static String tidy(String paragraph) {
        java.util.regex.Matcher m = ARTICLE.matcher(paragraph);
        if (m.find()) {
            return m.group(1) + " " + TextNormalizer.tidySpaces(paragraph.substring(m.end()));
        }
        return TextNormalizer.tidySpaces(paragraph);
    }

    /** Joins without a space between Chinese characters, with one space between Latin words. */
    static void appendJoined(StringBuilder cur, String line) {
        char last = cur.charAt(cur.length() - 1);
        char first = line.charAt(0);
        if (!TextNormalizer.isWide(last) && !TextNormalizer.isWide(first)
                && Character.isLetterOrDigit(last) && Character.isLetterOrDigit(first) && isLatin(last) && isLatin(first)) {
            cur.append(' ');
        }
        cur.append(line);
    }

    private static boolean isLatin(char c) {
        return c < 0x250;
    }

    boolean breaksAfter(String line, String next) {
        if (endsSentence(line) || HEADING.matcher(next).find() || isDateOrSignature(next)) {
            return true;
        }
        if (endsLikeTitle.test(line)) {
            return true;
        }
        int len = line.codePointCount(0, line.length());
        if (wrapWidth > 0) {
            // Paragraph-first lines lose their two-character indent to stripping, so allow a fifth of the width.
            return len * 5 < wrapWidth * 4;
        }
        return (HEADING.matcher(line).find() && !LinePredicates.hasSentencePunct(line)) || len < SHORT_LINE;
    }

    static boolean endsSentence(String line) {
        int i = line.length() - 1;
        while (i > 0 && CLOSERS.indexOf(line.charAt(i)) >= 0) {
            i--;
        }
        return SENTENCE_END.indexOf(line.charAt(i)) >= 0;
    }

    private static boolean isDateOrSignature(String next) {
        return LinePredicates.isDate(next);
    }
}
