package org.noticesearch.web;

import java.nio.charset.StandardCharsets;

/**
 * {@code Content-Disposition} with a file name (RFC 6266): the name in UTF-8 as {@code filename*} (RFC 5987), which
 * browsers prefer, and a plain ASCII {@code filename} for old clients.
 */
final class ContentDisposition {
    private ContentDisposition() {}

    /** {@code kind} is {@code attachment} or {@code inline}; {@code asciiFallback} must hold printable ASCII only. */
    static String of(String kind, String name, String asciiFallback) {
        return kind + "; filename=\"" + asciiFallback + "\"; filename*=UTF-8''" + encode(name);
    }

    /** RFC 5987 {@code value-chars}: attr-chars as they are, every other byte of the UTF-8 form as %XX. */
    static String encode(String name) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(String.format("%02X", c));
            }
        }
        return encoded.toString();
    }
}
