package org.noticesearch.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.noticesearch.ingest.TextNormalizer;

/**
 * The recall tokenizer: one token per letter, digit or ideograph, holding that character and the next
 * one (a bigram), or the character alone at the end of a paragraph. Punctuation and spaces are skipped,
 * width and case are folded. Because every character starts exactly one token, a phrase of the query's
 * bigrams matches exactly where the query occurs as a substring, and a one-character query is a prefix
 * query; smartcn's word boundaries play no part in whether a notice is found.
 *
 * <p>A newline ends a paragraph: no token spans it, and the first token after it skips one position. The
 * gap is what lets a query check only every other bigram: a window of positions that straddles a
 * paragraph break always contains the one-character token or the empty position at one of the
 * positions the query checks, so no phrase matches across paragraphs.
 */
public final class GramTokenizer extends Tokenizer {
    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offsetAtt = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute posIncAtt = addAttribute(PositionIncrementAttribute.class);

    private final StringBuilder text = new StringBuilder();
    private final char[] buf = new char[4096];
    private int pos;
    private boolean started;

    @Override
    public void reset() throws IOException {
        super.reset();
        text.setLength(0);
        int n;
        while ((n = input.read(buf)) != -1) {
            text.append(buf, 0, n);
        }
        pos = 0;
        started = false;
    }

    /**
     * The matching form of a text: its kept characters in order, folded as the tokens are. Two texts with the same
     * form match each other exactly, whatever their punctuation, spaces, width or letter case.
     */
    public static String normalize(CharSequence s) {
        // A plain loop: titles and cited titles are normalised by the thousand per forwarding tree and per export, and
        // a stream of code points with a lambda cost several times the work. Most characters are CJK ideographs, which
        // are kept and fold to themselves.
        int len = s.length();
        StringBuilder sb = new StringBuilder(len);
        for (int i = 0; i < len; ) {
            char c = s.charAt(i);
            if (c >= '\u4E00' && c <= '\u9FA5') { // the unified ideographs of Unicode 1.1, letters in every JDK
                sb.append(c);
                i++;
                continue;
            }
            int cp = Character.codePointAt(s, i);
            i += Character.charCount(cp);
            if (!isKept(cp)) {
                continue;
            }
            if (cp < Character.MIN_SUPPLEMENTARY_CODE_POINT) {
                sb.append(TextNormalizer.fold((char) cp));
            } else {
                sb.appendCodePoint(cp);
            }
        }
        return sb.toString();
    }

    /** Whether a character takes part in matching. */
    public static boolean isKept(int cp) {
        return Character.isLetterOrDigit(cp) || cp == '〇';
    }

    @Override
    public boolean incrementToken() {
        clearAttributes();
        int len = text.length();
        boolean paragraphBreak = false;
        while (pos < len && !isKept(text.codePointAt(pos))) {
            paragraphBreak |= text.charAt(pos) == '\n';
            pos += Character.charCount(text.codePointAt(pos));
        }
        if (pos >= len) {
            return false;
        }
        int start = pos;
        int cp = text.codePointAt(start);
        int end = start + Character.charCount(cp);
        appendFolded(cp);
        // Find the next kept character in the same paragraph.
        int j = end;
        while (j < len) {
            int c = text.codePointAt(j);
            if (c == '\n' || isKept(c)) {
                break;
            }
            j += Character.charCount(c);
        }
        int tokenEnd = end;
        if (j < len && text.charAt(j) != '\n') {
            int next = text.codePointAt(j);
            appendFolded(next);
            tokenEnd = j + Character.charCount(next);
        }
        offsetAtt.setOffset(correctOffset(start), correctOffset(tokenEnd));
        posIncAtt.setPositionIncrement(started && paragraphBreak ? 2 : 1);
        started = true;
        pos = end;
        return true;
    }

    private void appendFolded(int cp) {
        if (cp < Character.MIN_SUPPLEMENTARY_CODE_POINT) {
            termAtt.append(TextNormalizer.fold((char) cp));
        } else {
            termAtt.append(new String(Character.toChars(cp)));
        }
    }

    @Override
    public void end() throws IOException {
        super.end();
        int finalOffset = correctOffset(text.length());
        offsetAtt.setOffset(finalOffset, finalOffset);
    }

    @Override
    public void close() throws IOException {
        super.close();
        text.setLength(0);
        if (text.capacity() > 1 << 20) {
            text.trimToSize();
        }
    }
}
