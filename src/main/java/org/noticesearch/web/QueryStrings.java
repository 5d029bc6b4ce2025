package org.noticesearch.web;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.noticesearch.search.BadRequestException;

/**
 * Checks a raw query string before it is decoded. The servlet decoder drops a malformed escape ({@code q=%ZZ}
 * becomes an empty query, which lists the whole corpus) and turns a cut UTF-8 sequence ({@code %E4%B8}) into
 * U+FFFD; a search for something the user did not type is worse than an error naming the parameter.
 */
final class QueryStrings {
    private QueryStrings() {}

    /** Throws {@link BadRequestException} naming the first parameter whose name or value is not well-formed. */
    static void check(String raw) {
        if (raw == null || raw.isEmpty()) {
            return;
        }
        for (String pair : raw.split("&", -1)) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String nameProblem = problem(name);
            if (nameProblem != null) {
                throw new BadRequestException("query string", "有一个参数名" + nameProblem + "；参数名也应按 UTF-8 编码");
            }
            if (eq >= 0) {
                String valueProblem = problem(pair.substring(eq + 1));
                if (valueProblem != null) {
                    throw new BadRequestException(decodedName(name), valueProblem
                            + "；请把值按 UTF-8 编码、每个字节写成 %XX 发送（encodeURIComponent 即是如此）");
                }
            }
        }
    }

    /** What is wrong with one percent-encoded component, or null when it decodes to valid UTF-8. */
    static String problem(String s) {
        if (s.indexOf('%') < 0) {
            return null; // no escapes: the characters themselves reached us, so they are whatever the client sent
        }
        byte[] bytes = new byte[s.length() * 3];
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length() || hex(s.charAt(i + 1)) < 0 || hex(s.charAt(i + 2)) < 0) {
                    String bad = s.substring(i, Math.min(s.length(), i + 3));
                    return "含有不完整的百分号编码“" + bad + "”（% 后应是两位十六进制数字）";
                }
                bytes[n++] = (byte) (hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
                i += 2;
            } else {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                System.arraycopy(b, 0, bytes, n, b.length);
                n += b.length;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, n));
            return null;
        } catch (CharacterCodingException e) {
            return "含有不是 UTF-8 的编码字节（字被截断了，或用了 GBK 编码？）";
        }
    }

    private static String decodedName(String name) {
        return java.net.URLDecoder.decode(name, StandardCharsets.UTF_8);
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
