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
        // NFKC folds full-width letters and digits; most titles are already normal, and the check is cheap.
        String s = Normalizer.isNormalized(title, Normalizer.Form.NFKC) ? title : Normalizer.normalize(title, Normalizer.Form.NFKC);
        StringBuilder out = new StringBuilder(s.length());
        boolean dash = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
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
}
