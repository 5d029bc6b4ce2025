package org.noticesearch.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Turns a file's bytes into text. A byte-order mark decides first; then strict UTF-8 (most files);
 * then Mozilla's universal detector; GB18030 (a superset of GBK and GB2312) is the fallback for
 * Chinese text that no rule claimed. Decoding is strict: a file that does not decode is reported,
 * never read with replacement characters.
 */
public final class TextDecoder {

    /** Decoded text and the name of the encoding used. */
    public record Decoded(String text, String encoding) {}

    private static final Charset GB18030 = Charset.forName("GB18030");

    public Decoded decode(String source, byte[] b) throws NoticeParseException {
        if (b.length == 0) {
            throw new NoticeParseException(source, "the file is empty");
        }
        if (startsWith(b, 0xEF, 0xBB, 0xBF)) {
            return new Decoded(strict(source, b, 3, StandardCharsets.UTF_8), "UTF-8 (BOM)");
        }
        if (startsWith(b, 0xFF, 0xFE)) {
            return new Decoded(strict(source, b, 2, StandardCharsets.UTF_16LE), "UTF-16LE (BOM)");
        }
        if (startsWith(b, 0xFE, 0xFF)) {
            return new Decoded(strict(source, b, 2, StandardCharsets.UTF_16BE), "UTF-16BE (BOM)");
        }
        if (looksBinary(b)) {
            throw new NoticeParseException(source, "the file looks binary (it contains NUL or control bytes), not a text notice");
        }
        String utf8 = tryStrict(b, 0, StandardCharsets.UTF_8);
        if (utf8 != null) {
            // A few GBK characters can also be valid UTF-8 (通知 is CD A8 D6 AA: two Greek/Hebrew marks). Non-ASCII
            // text without a single Han character is not a Chinese notice in UTF-8; prefer GB18030 if that reads as Chinese.
            if (!hasHan(utf8) && utf8.chars().anyMatch(c -> c > 0x7F)) {
                String gb = tryStrict(b, 0, GB18030);
                if (gb != null && hasHan(gb)) {
                    return new Decoded(gb, "GB18030");
                }
            }
            return new Decoded(utf8, "UTF-8");
        }
        UniversalDetector detector = new UniversalDetector();
        detector.handleData(b, 0, b.length);
        detector.dataEnd();
        String guess = detector.getDetectedCharset();
        if (guess != null && Charset.isSupported(guess) && !guess.toUpperCase().startsWith("GB")) {
            String s = tryStrict(b, 0, Charset.forName(guess));
            if (s != null && hasHan(s)) {
                return new Decoded(s, Charset.forName(guess).name());
            }
        }
        String gb = tryStrict(b, 0, GB18030);
        if (gb != null) {
            return new Decoded(gb, "GB18030");
        }
        throw new NoticeParseException(source, "cannot decode the text: it is not valid UTF-8, UTF-16 or GB18030/GBK"
                + (guess != null ? " (the detector guessed " + guess + ")" : ""));
    }

    private static boolean hasHan(String s) {
        return s.codePoints().limit(4000).anyMatch(TextNormalizer::isHan);
    }

    private static boolean looksBinary(byte[] b) {
        int n = Math.min(b.length, 8192);
        int control = 0;
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xFF;
            if (c == 0) {
                return true;
            }
            if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1A) {
                control++;
            }
        }
        return control > n / 100 + 2;
    }

    /** Whether the bytes start with these byte values (a BOM, a file signature). */
    public static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String strict(String source, byte[] b, int offset, Charset cs) throws NoticeParseException {
        String s = tryStrict(b, offset, cs);
        if (s == null) {
            throw new NoticeParseException(source, "the byte-order mark says " + cs.name() + " but the bytes are not valid " + cs.name());
        }
        return s;
    }

    private static String tryStrict(byte[] b, int offset, Charset cs) {
        CharsetDecoder d = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return d.decode(ByteBuffer.wrap(b, offset, b.length - offset)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
