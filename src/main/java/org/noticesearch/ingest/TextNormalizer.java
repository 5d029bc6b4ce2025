package org.noticesearch.ingest;

/**
 * Character-level folding shared by the parser, the index and the query side, so that both
 * sides of a match see the same characters. Folding is one char in, one char out, which lets the
 * highlighter map matches back to the original text by position.
 */
public final class TextNormalizer {
    private TextNormalizer() {}

    /** Full-width ASCII (！ to ～) and the ideographic space become their ASCII forms; letters are lower-cased. */
    public static char fold(char c) {
        if (c >= '\uFF01' && c <= '\uFF5E') {
            c = (char) (c - 0xFEE0);
        } else if (c == '\u3000' || c == '\u00A0') {
            return ' ';
        }
        if (c >= 'A' && c <= 'Z') {
            return (char) (c + 32);
        }
        return c;
    }

    public static String fold(CharSequence s) {
        char[] out = new char[s.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = fold(s.charAt(i));
        }
        return new String(out);
    }

    /** Full-width digits, letters and punctuation to ASCII, keeping case; used for metadata values. */
    public static String halfWidth(CharSequence s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '\uFF10' && c <= '\uFF19' || c >= '\uFF21' && c <= '\uFF3A' || c >= '\uFF41' && c <= '\uFF5A') {
                c = (char) (c - 0xFEE0);
            } else if (c == '\u3000' || c == '\u00A0') {
                c = ' ';
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** True for the characters that carry the text: CJK ideographs and 〇. */
    public static boolean isHan(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN || cp == '〇';
    }

    /**
     * Removes whitespace that sits between two CJK characters or CJK punctuation marks (left over from
     * line joining or PDF conversion), and collapses other runs of whitespace to one space.
     */
    public static String tidySpaces(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\u3000' || c == '\u00A0') {
                int j = i;
                while (j < n && (Character.isWhitespace(s.charAt(j)) || s.charAt(j) == '\u3000' || s.charAt(j) == '\u00A0')) {
                    j++;
                }
                if (sb.length() > 0 && j < n && !(isWide(sb.charAt(sb.length() - 1)) || isWide(s.charAt(j)))) {
                    sb.append(' ');
                }
                i = j;
            } else {
                sb.append(c);
                i++;
            }
        }
        return sb.toString();
    }

    /** CJK ideographs, CJK punctuation and full-width forms: no space is needed next to them. */
    static boolean isWide(char c) {
        return isHan(c) || (c >= '\u3000' && c <= '\u303F') || (c >= '\uFF00' && c <= '\uFFEF')
                || c == '“' || c == '”' || c == '‘' || c == '’' || c == '…' || c == '—' || c == '·';
    }
}
