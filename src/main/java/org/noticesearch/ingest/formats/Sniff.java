package org.noticesearch.ingest.formats;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** What a file's first bytes say it is, whatever its name says: offices rename .docx to .doc and save web pages as .doc. */
enum Sniff {
    ZIP, OLE2, PDF, RTF, HTML, UNKNOWN;

    static Sniff of(byte[] b) {
        if (startsWith(b, 0x50, 0x4B, 0x03, 0x04)) {
            return ZIP;
        }
        if (startsWith(b, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            return OLE2;
        }
        String head = new String(b, 0, Math.min(b.length, 1024), StandardCharsets.ISO_8859_1);
        if (head.contains("%PDF-")) {
            return PDF;
        }
        String t = head.replaceFirst("^(?:\u00EF\u00BB\u00BF)?\\s*", "").toLowerCase(Locale.ROOT);
        if (t.startsWith("{\\rtf")) {
            return RTF;
        }
        if (t.startsWith("<!doctype html") || t.startsWith("<html") || t.startsWith("<?xml") && t.contains("<html")
                || t.startsWith("<!--") && t.contains("<html") || t.startsWith("<head") || t.startsWith("<meta")) {
            return HTML;
        }
        return UNKNOWN;
    }

    static boolean startsWith(byte[] b, int... prefix) {
        return org.noticesearch.ingest.TextDecoder.startsWith(b, prefix);
    }
}
