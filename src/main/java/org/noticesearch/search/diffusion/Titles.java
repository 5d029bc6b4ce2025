package org.noticesearch.search.diffusion;

import java.text.Normalizer;

/** Titles compared as a citation writes them: width, spaces, book-title marks and dash variants do not count. */
final class Titles {
    private Titles() {}

    /** The title in the form two writings of it agree on; empty for null. */
    static String normalize(String title) {
        if (title == null) {
            return "";
        }
        // NFKC folds full-width letters and digits. Most titles are ideographs, ASCII and the common CJK marks, which NFKC
        // leaves as they are: those skip its check, which is the slow part for thousands of titles.
        String s = plain(title) || Normalizer.isNormalized(title, Normalizer.Form.NFKC) ? title
                : Normalizer.normalize(title, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(s.length());
        boolean dash = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (ideograph(c)) { // most of a title, and kept as it is
                dash = false;
                out.append(c);
                continue;
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || "《》〈〉<>".indexOf(c) >= 0) {
                continue;
            }
            // 2016—2030, 2016-2030, 2016－2030 and 2016 - 2030 are the same title as written by different hands.
            if (c == '-' || (c >= '\u2010' && c <= '\u2015') || c == '\u2212' || c == '\uFF0D') {
                if (!dash) {
                    out.append('-');
                }
                dash = true;
                continue;
            }
            dash = false;
            out.append(c);
        }
        return out.toString();
    }

    /**
     * Whether every character is one NFKC keeps: printable ASCII, a CJK unified ideograph, 、。 and the CJK brackets
     * 〈〉《》「」『』【】, or the dashes and curly quotes. (The ideographic space, full-width forms and compatibility
     * ideographs are not in these ranges.)
     */
    private static boolean plain(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean keeps = ideograph(c) || (c >= 0x20 && c < 0x7F) || (c >= 0x3001 && c <= 0x3002)
                    || (c >= 0x3008 && c <= 0x3011) || (c >= 0x2013 && c <= 0x2014) || (c >= 0x2018 && c <= 0x2019)
                    || (c >= 0x201C && c <= 0x201D);
            if (!keeps) {
                return false;
            }
        }
        return true;
    }

    private static boolean ideograph(char c) {
        return c >= 0x4E00 && c <= 0x9FFF;
    }
}
