package org.noticesearch.util;

/**
 * Escaping text for HTML and XML. {@link #escape} writes exactly what commons-text's {@code escapeXml10} wrote (the
 * snippets, feeds and pages were made with it and their tests pin those bytes), without that library and the
 * commons-lang3 it brought; un-escaping is jsoup's, which knows every HTML entity.
 */
public final class Html {
    private Html() {
    }

    /**
     * The text with {@code & < > " '} as entities, the C0 controls XML 1.0 forbids (all but tab, LF, CR), U+FFFE,
     * U+FFFF and unpaired surrogates dropped, and U+007F–U+0084, U+0086–U+009F as numeric references.
     */
    public static String escape(String text) {
        StringBuilder sb = null;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            String rep = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '"' -> "&quot;";
                case '\'' -> "&apos;";
                default -> replacement(text, i, c);
            };
            if (rep == null) {
                if (sb != null) {
                    sb.append(c);
                }
                continue;
            }
            if (sb == null) {
                sb = new StringBuilder(n + 16).append(text, 0, i);
            }
            sb.append(rep);
        }
        return sb == null ? text : sb.toString();
    }

    /** Null to keep the character, "" to drop it, or the numeric reference that stands for it. */
    private static String replacement(String text, int i, char c) {
        if (c < 0x20) {
            return c == '\t' || c == '\n' || c == '\r' ? null : "";
        }
        if ((c >= 0x7f && c <= 0x84) || (c >= 0x86 && c <= 0x9f)) {
            return "&#" + (int) c + ";";
        }
        if (c == '\uFFFE' || c == '\uFFFF') {
            return "";
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1)) ? null : "";
        }
        if (Character.isLowSurrogate(c)) {
            return i > 0 && Character.isHighSurrogate(text.charAt(i - 1)) ? null : "";
        }
        return null;
    }

    /** The text with every HTML entity (named or numeric) replaced by its character. */
    public static String unescape(String html) {
        return org.jsoup.parser.Parser.unescapeEntities(html, false);
    }
}
