package org.noticesearch.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.mozilla.universalchardet.UniversalDetector;

/**
 * Turns a file's bytes into text. A byte-order mark decides first; then strict UTF-8 (most files);
 * then Mozilla's universal detector; GB18030 (a superset of GBK and GB2312) is the fallback for
 * Chinese text that no rule claimed. Decoding is strict: a file that does not decode is reported,
 * never read with replacement characters. Where the bytes are valid both as UTF-8 and as GB18030 (GBK
 * bytes sometimes are), the reading that looks more like Chinese text wins (see {@link #chineseScore}),
 * and the choice is reported as a warning.
 */
public final class TextDecoder {

    /** Decoded text, the name of the encoding used, and warnings about the choice (for the notice's record). */
    public record Decoded(String text, String encoding, List<String> warnings) {
        public Decoded {
            warnings = List.copyOf(warnings);
        }

        Decoded(String text, String encoding) {
            this(text, encoding, List.of());
        }
    }

    /**
     * How much more Chinese-like (by {@link #chineseScore}) the GB18030 reading of bytes that are also valid UTF-8
     * must be to win. Real UTF-8 Chinese scores near 1 and its GB18030 reading far lower (its pairs fall in the rare
     * rows); GBK read as UTF-8 gives Latin, Greek, Cyrillic or rare Han, scoring below 0.
     */
    static final double GB_MARGIN = 0.3;
    /** Characters scored: enough to judge, bounded on a large file. */
    static final int SCORE_SAMPLE = 4000;

    private static final Charset GB18030 = Charset.forName("GB18030");
    private static final Charset GB2312 = Charset.forName("GB2312");

    public Decoded decode(String source, byte[] b) throws NoticeParseException {
        if (b.length == 0) {
            throw new NoticeParseException(source, FailureKind.NOT_A_NOTICE, "the file is empty");
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
            throw new NoticeParseException(source, FailureKind.ENCODING, "the file looks binary (it contains NUL or control bytes), not a text notice");
        }
        String utf8 = tryStrict(b, 0, StandardCharsets.UTF_8);
        if (utf8 != null) {
            // GBK bytes can also be valid UTF-8 (通知 is CD A8 D6 AA: two Greek/Hebrew marks; a level-2 hanzi
            // followed by a level-1 one can read as one rare Han character). Where both readings are valid, the one
            // that looks more like Chinese text wins.
            // A score is at most 1, so a UTF-8 reading scoring above 1 - GB_MARGIN (every real UTF-8 notice) cannot
            // lose: the second decoding is skipped.
            double u = chineseScore(utf8);
            if (utf8.chars().anyMatch(c -> c > 0x7F) && u < 1 - GB_MARGIN) {
                String gb = tryStrict(b, 0, GB18030);
                if (gb != null) {
                    double g = chineseScore(gb);
                    if (g >= u + GB_MARGIN) {
                        return new Decoded(gb, "GB18030", List.of(String.format(Locale.ROOT,
                                "the bytes are valid UTF-8 too, but read as UTF-8 they are not Chinese text (score %.2f"
                                        + " against %.2f as GB18030): read as GB18030", u, g)));
                    }
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
        throw new NoticeParseException(source, FailureKind.ENCODING, "cannot decode the text: it is not valid UTF-8, UTF-16 or GB18030/GBK"
                + (guess != null ? " (the detector guessed " + guess + ")" : ""));
    }

    /**
     * How much a text looks like Chinese, from -1 to 1, over its first {@value #SCORE_SAMPLE} non-ASCII characters:
     * +1 for a common character (a GB2312 level-1 hanzi, the 3,755 most used, or a mark from GB2312's punctuation
     * rows), 0 for another Han character or common symbol, -1 for a character a Chinese notice does not use (Latin
     * Extended, Greek, Cyrillic, Hebrew, Arabic ..., private use, unassigned, control), averaged. ASCII is left out:
     * both readings agree on it. GB2312 membership is taken from the JDK's own GB2312 table.
     */
    static double chineseScore(String s) {
        CharsetEncoder gb2312 = GB2312.newEncoder();
        ByteBuffer out = ByteBuffer.allocate(4);
        CharBuffer in = CharBuffer.allocate(2);
        long sum = 0;
        int n = 0;
        for (int i = 0; i < s.length() && n < SCORE_SAMPLE; ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 0x80) {
                continue;
            }
            n++;
            int row = gb2312Row(gb2312, in, out, cp);
            if (row >= 0xB0 && row <= 0xD7 || row == 0xA1 || row == 0xA3) {
                sum++;
            } else if (!TextNormalizer.isHan(cp) && row < 0 && !isCommonSymbol(cp)) {
                sum--;
            }
        }
        return n == 0 ? 1 : (double) sum / n;
    }

    /** The first byte of the character's GB2312 code (its row), or -1 if it has none. */
    private static int gb2312Row(CharsetEncoder enc, CharBuffer in, ByteBuffer out, int cp) {
        if (Character.isSupplementaryCodePoint(cp)) {
            return -1;
        }
        in.clear();
        in.put((char) cp).flip();
        out.clear();
        enc.reset();
        if (enc.encode(in, out, true).isError() || out.position() != 2) {
            return -1;
        }
        return out.get(0) & 0xFF;
    }

    /** Symbols a notice may hold that GB2312 lacks: general punctuation, CJK marks, full-width forms, enclosed numbers. */
    private static boolean isCommonSymbol(int cp) {
        return (cp >= 0x2000 && cp <= 0x2BFF) || (cp >= 0x3000 && cp <= 0x33FF) || (cp >= 0xFE30 && cp <= 0xFE4F)
                || (cp >= 0xFF00 && cp <= 0xFFEF) || cp == 0xA0 || cp == 0xB7 || cp == 0xD7 || cp == 0xF7 || cp == 0xB0;
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
            throw new NoticeParseException(source, FailureKind.ENCODING, "the byte-order mark says " + cs.name() + " but the bytes are not valid " + cs.name());
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
