package org.noticesearch.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Undoes conversion damage before parsing: line-end styles, {@code [bookmark: ...]} and {@code **bold**}
 * marks, indentation and blank lines. What it removes is only conversion artifacts; every other
 * character reaches the parser.
 */
public final class TextCleaner {
    private static final Pattern BOOKMARK = Pattern.compile("\\[bookmark:[^\\]\\n]*\\]");
    private static final Pattern BOLD = Pattern.compile("\\*\\*");
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F\\uFEFF\\u200B-\\u200D\\u2060]");

    private TextCleaner() {}

    /** The text with artifacts removed and line ends normalised to {@code \n}; lines keep their content. */
    public static String removeArtifacts(String text) {
        String s = text.indexOf('\r') >= 0 ? text.replace("\r\n", "\n").replace('\r', '\n') : text;
        if (s.contains("[bookmark:")) {
            s = BOOKMARK.matcher(s).replaceAll("");
        }
        if (s.contains("**")) {
            s = BOLD.matcher(s).replaceAll("");
        }
        return CONTROL.matcher(s).find() ? CONTROL.matcher(s).replaceAll("") : s;
    }

    /** Non-blank lines, trimmed of ASCII and full-width spaces. */
    public static List<String> lines(String cleaned) {
        List<String> out = new ArrayList<>();
        for (String line : cleaned.split("\n")) {
            String t = strip(line);
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    static String strip(String s) {
        int a = 0;
        int b = s.length();
        while (a < b && isSpace(s.charAt(a))) {
            a++;
        }
        while (b > a && isSpace(s.charAt(b - 1))) {
            b--;
        }
        return s.substring(a, b);
    }

    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || c == '\u3000' || c == '\u00A0';
    }
}
