package org.noticesearch.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Undoes conversion damage before parsing: line-end styles, {@code [bookmark: ...]} marks, the marks of text converted
 * to Markdown ({@code #} headings, {@code ---} and {@code ***} rules, {@code **bold**}, {@code >} quotes, list bullets,
 * {@code [text](link)}), indentation and blank lines. What it removes is only conversion artifacts; every other
 * character reaches the parser.
 */
public final class TextCleaner {
    private static final Pattern BOOKMARK = Pattern.compile("\\[bookmark:[^\\]\\n]*\\]");
    private static final Pattern BOLD = Pattern.compile("\\*\\*");
    /** A Markdown heading mark at the start of a line: {@code # 标题}, {@code ### 一、}. */
    private static final Pattern HEADING_MARK = Pattern.compile("(?m)^[ \\t]*#{1,6}(?:[ \\t]+|(?=\\S))");
    /** A line that is only a Markdown rule: {@code ---}, {@code ***}, {@code ___}, {@code * * *}. */
    private static final Pattern RULE = Pattern.compile("(?m)^[ \\t]*(?:(?:-[ \\t]*){3,}|(?:\\*[ \\t]*){3,}|(?:_[ \\t]*){3,})$");
    /** Block-quote marks at the start of a line, nested ones too: {@code > 原文}, {@code > > 原文}. */
    private static final Pattern QUOTE_MARK = Pattern.compile("(?m)^[ \\t]*(?:>[ \\t]?)+");
    /** A list bullet at the start of a line: {@code - 项}, {@code * 项}, {@code + 项} (the space after it is required). */
    private static final Pattern BULLET = Pattern.compile("(?m)^([ \\t]*)[-*+][ \\t]+(?=\\S)");
    /** A Markdown link or image: the text stays, the address goes. */
    private static final Pattern LINK = Pattern.compile("!?\\[([^\\[\\]\\n]*)\\]\\((?:[^()\\s]|\\([^()\\s]*\\))*(?:\\s+\"[^\"\\n]*\")?\\)");
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F\\uFEFF\\u200B-\\u200D\\u2060]");

    private TextCleaner() {}

    /** The text with artifacts removed and line ends normalised to {@code \n}; lines keep their content. */
    public static String removeArtifacts(String text) {
        String s = text.indexOf('\r') >= 0 ? text.replace("\r\n", "\n").replace('\r', '\n') : text;
        if (s.contains("[bookmark:")) {
            s = BOOKMARK.matcher(s).replaceAll("");
        }
        // The multi-line patterns try every position of the text: they run only where a cheap look finds their mark
        // (a parse of 10,000 notices spent a fifth of its time here before).
        if (s.contains("--") || s.contains("- -") || s.contains("**") || s.contains("* *") || s.contains("__") || s.contains("_ _")) {
            s = RULE.matcher(s).replaceAll("");
        }
        if (s.contains("**")) {
            s = BOLD.matcher(s).replaceAll("");
        }
        if (s.indexOf('#') >= 0) {
            s = HEADING_MARK.matcher(s).replaceAll("");
        }
        if (s.indexOf('>') >= 0) {
            s = QUOTE_MARK.matcher(s).replaceAll("");
        }
        if (hasBullet(s)) {
            s = BULLET.matcher(s).replaceAll("$1");
        }
        if (s.indexOf("](") >= 0) {
            s = LINK.matcher(s).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(m.group(1)));
        }
        return CONTROL.matcher(s).find() ? CONTROL.matcher(s).replaceAll("") : s;
    }

    /** Whether some line starts (after spaces or tabs) with -, * or + and a space or tab: what {@link #BULLET} removes. */
    private static boolean hasBullet(String s) {
        for (int i = 0; i < s.length(); i = s.indexOf('\n', i) + 1) {
            int j = i;
            while (j < s.length() && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) {
                j++;
            }
            if (j + 1 < s.length() && "-*+".indexOf(s.charAt(j)) >= 0 && (s.charAt(j + 1) == ' ' || s.charAt(j + 1) == '\t')) {
                return true;
            }
            if (s.indexOf('\n', i) < 0) {
                break;
            }
        }
        return false;
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
