package org.noticesearch.ingest;

import java.util.Locale;
import java.util.regex.Pattern;
import org.noticesearch.util.Hashes;

/** A notice's id and format from its path under the corpus, and content hashes. */
public final class NoticeIds {
    private static final Pattern ID_UNSAFE = Pattern.compile("[^A-Za-z0-9_.-]");
    private static final Pattern SAFE_START = Pattern.compile("[A-Za-z0-9]");

    private NoticeIds() {}

    /**
     * Stable id from the path under the corpus: readable when the path is plain ASCII, else suffixed with a hash. An id
     * always starts with a letter or digit (else {@code n} is put in front): one starting with {@code - = + @} would be
     * taken for a formula by a spreadsheet opening the CSV export, and {@code .}/{@code ..} for a path in a URL.
     */
    public static String idFor(String source) {
        String base = source.endsWith(".txt") ? source.substring(0, source.length() - 4) : source;
        String safe = ID_UNSAFE.matcher(base.replace('/', '~')).replaceAll("-");
        String id = safe.equals(base.replace('/', '~')) ? safe : safe + "-" + Hashes.sha256Hex(source).substring(0, 10);
        return SAFE_START.matcher(id).lookingAt() ? id : "n" + id;
    }

    /** The format a file is read as: its extension, lower-cased; txt without one. */
    public static String formatOf(String source) {
        int dot = source.lastIndexOf('.');
        return dot < 0 ? "txt" : source.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
