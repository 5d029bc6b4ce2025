package org.noticesearch.search.diffusion;

import java.text.Normalizer;
import java.util.regex.Pattern;

/** Titles compared as a citation writes them: width, spaces, book-title marks and dash variants do not count. */
final class Titles {
    private static final Pattern IGNORED = Pattern.compile("[\\s\\u3000《》〈〉<>]+");
    // 2016—2030, 2016-2030, 2016－2030 and 2016 - 2030 are the same title as written by different hands.
    private static final Pattern DASHES = Pattern.compile("[\\-\\u2010-\\u2015\\u2212\\uFF0D]+");

    private Titles() {}

    /** The title in the form two writings of it agree on; empty for null. */
    static String normalize(String title) {
        if (title == null) {
            return "";
        }
        String s = Normalizer.normalize(title, Normalizer.Form.NFKC);
        s = IGNORED.matcher(s).replaceAll("");
        return DASHES.matcher(s).replaceAll("-");
    }
}
