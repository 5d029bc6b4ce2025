package org.noticesearch.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/** A notice's id and format from its path under the corpus, and content hashes. */
public final class NoticeIds {
    private static final Pattern ID_UNSAFE = Pattern.compile("[^A-Za-z0-9_.-]");

    private NoticeIds() {}

    /** Stable id from the path under the corpus: readable when the path is plain ASCII, else suffixed with a hash. */
    public static String idFor(String source) {
        String base = source.endsWith(".txt") ? source.substring(0, source.length() - 4) : source;
        String safe = ID_UNSAFE.matcher(base.replace('/', '~')).replaceAll("-");
        if (safe.equals(base.replace('/', '~'))) {
            return safe;
        }
        return safe + "-" + sha256(source).substring(0, 10);
    }

    /** The format a file is read as: its extension, lower-cased; txt without one. */
    public static String formatOf(String source) {
        int dot = source.lastIndexOf('.');
        return dot < 0 ? "txt" : source.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    public static String sha256(String s) {
        return sha256(s.getBytes(StandardCharsets.UTF_8));
    }

    public static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
