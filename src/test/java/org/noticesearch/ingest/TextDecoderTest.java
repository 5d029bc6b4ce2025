package org.noticesearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bytes in, text and the encoding used out; bytes that are not a text notice are refused with the file named. */
class TextDecoderTest {
    private static final String TEXT = "河北省妇女联合会文件\n冀妇字〔2021〕15号\n关于开展“冀家书香”家庭阅读活动的通知\n";
    private final TextDecoder decoder = new TextDecoder();

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static byte[] bytes(int... b) {
        byte[] out = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = (byte) b[i];
        }
        return out;
    }

    @Test
    void utf8WithoutBom() throws Exception {
        TextDecoder.Decoded d = decoder.decode("a.txt", TEXT.getBytes(StandardCharsets.UTF_8));
        assertEquals(TEXT, d.text());
        assertEquals("UTF-8", d.encoding());
    }

    @Test
    void utf8WithBomDropsTheBom() throws Exception {
        TextDecoder.Decoded d = decoder.decode("a.txt", concat(bytes(0xEF, 0xBB, 0xBF), TEXT.getBytes(StandardCharsets.UTF_8)));
        assertEquals(TEXT, d.text());
        assertEquals("UTF-8 (BOM)", d.encoding());
    }

    @Test
    void utf16LittleEndianWithBom() throws Exception {
        TextDecoder.Decoded d = decoder.decode("a.txt", concat(bytes(0xFF, 0xFE), TEXT.getBytes(StandardCharsets.UTF_16LE)));
        assertEquals(TEXT, d.text());
        assertEquals("UTF-16LE (BOM)", d.encoding());
    }

    @Test
    void utf16BigEndianWithBom() throws Exception {
        TextDecoder.Decoded d = decoder.decode("a.txt", concat(bytes(0xFE, 0xFF), TEXT.getBytes(StandardCharsets.UTF_16BE)));
        assertEquals(TEXT, d.text());
        assertEquals("UTF-16BE (BOM)", d.encoding());
    }

    @Test
    void gbkBytesReadAsGb18030() throws Exception {
        for (String cs : new String[]{"GBK", "GB2312", "GB18030"}) {
            TextDecoder.Decoded d = decoder.decode("a.txt", TEXT.getBytes(Charset.forName(cs)));
            assertEquals(TEXT, d.text(), cs);
            assertEquals("GB18030", d.encoding(), cs);
        }
    }

    @Test
    void shortGbkTextIsNotMistakenForAnotherCharset() throws Exception {
        String s = "通知";
        assertEquals(s, decoder.decode("a.txt", s.getBytes(Charset.forName("GBK"))).text());
    }

    @Test
    void emptyFileIsRefusedNamingTheFile() {
        NoticeParseException e = assertThrows(NoticeParseException.class, () -> decoder.decode("dir/empty.txt", new byte[0]));
        assertEquals("dir/empty.txt", e.source());
        assertEquals("dir/empty.txt: the file is empty", e.getMessage());
    }

    @Test
    void binaryFileIsRefusedNamingTheFile() {
        byte[] png = bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R');
        NoticeParseException e = assertThrows(NoticeParseException.class, () -> decoder.decode("x/logo.txt", png));
        assertEquals("x/logo.txt", e.source());
        assertTrue(e.getMessage().startsWith("x/logo.txt: "), e.getMessage());
        assertTrue(e.reason().contains("binary"), e.reason());
    }

    @Test
    void bomThatLiesIsRefused() {
        byte[] bad = concat(bytes(0xEF, 0xBB, 0xBF), bytes(0xC3, 0x28, 0xA0, 0xA1));
        NoticeParseException e = assertThrows(NoticeParseException.class, () -> decoder.decode("bad.txt", bad));
        assertTrue(e.getMessage().startsWith("bad.txt: "), e.getMessage());
        assertTrue(e.reason().contains("UTF-8"), e.reason());
    }

    @Test
    void undecodableBytesAreRefusedNotReplaced() {
        // 0x80 and 0xFF are never valid lead bytes in UTF-8 or GB18030.
        byte[] bad = bytes('a', 0xFF, 0xFF, 0x80, 'b', 0xFF, 0x80, 0xFF);
        NoticeParseException e = assertThrows(NoticeParseException.class, () -> decoder.decode("odd.txt", bad));
        assertTrue(e.getMessage().startsWith("odd.txt: "), e.getMessage());
    }

    /**
     * GB2312 text whose GBK bytes are also valid UTF-8 and read, as UTF-8, to text that holds Han characters (so a
     * "no Han at all" check does not catch it): generated from the JDK's GB2312 table by a seeded walk that only
     * takes a character whose bytes keep the stream valid UTF-8 and prefers those that complete a 3-byte sequence.
     */
    static byte[] gbkThatIsValidUtf8(long seed, int chars) {
        java.util.List<byte[]> pool = new java.util.ArrayList<>();
        Charset gbk = Charset.forName("GBK");
        for (int hi = 0xB0; hi <= 0xF7; hi++) {
            for (int lo = 0xA1; lo <= 0xFE; lo++) {
                byte[] b = {(byte) hi, (byte) lo};
                String c = new String(b, Charset.forName("GB2312"));
                if (c.length() == 1 && TextNormalizer.isHan(c.charAt(0)) && java.util.Arrays.equals(c.getBytes(gbk), b)) {
                    pool.add(b);
                }
            }
        }
        java.util.Random random = new java.util.Random(seed);
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        int need = 0; // continuation bytes the UTF-8 reading still expects
        int taken = 0;
        int complete = 0;
        for (int tries = 0; taken < chars && tries < 1_000_000; tries++) {
            byte[] b = pool.get(random.nextInt(pool.size()));
            int n = need;
            boolean ok = true;
            for (byte x : b) {
                int v = x & 0xFF;
                if (n > 0) {
                    ok &= v >= 0x80 && v <= 0xBF;
                    n--;
                } else if (v >= 0xC2 && v <= 0xDF) {
                    n = 1;
                } else if (v >= 0xE1 && v <= 0xEC) { // three-byte leads with no surrogate or overlong special case
                    n = 2;
                } else {
                    ok = false;
                }
            }
            if (ok) {
                out.writeBytes(b);
                need = n;
                taken++;
                if (need == 0) {
                    complete = out.size();
                }
            }
        }
        byte[] all = out.toByteArray();
        return java.util.Arrays.copyOf(all, complete); // end where the UTF-8 reading ends a character
    }

    @Test
    void gbkBytesThatAreAlsoValidUtf8AreReadAsGbkWithAWarning() throws Exception {
        for (long seed = 1; seed <= 5; seed++) {
            byte[] b = gbkThatIsValidUtf8(seed, 40);
            String utf8 = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(b)).toString(); // throws if not valid
            assertTrue(utf8.codePoints().anyMatch(TextNormalizer::isHan), "the UTF-8 reading holds Han characters: " + utf8);
            String gbk = new String(b, Charset.forName("GBK"));
            TextDecoder.Decoded d = decoder.decode("gbk.txt", b);
            assertEquals(gbk, d.text(), "seed " + seed);
            assertEquals("GB18030", d.encoding());
            assertEquals(1, d.warnings().size());
            assertTrue(d.warnings().get(0).startsWith("the bytes are valid UTF-8 too"), d.warnings().get(0));
        }
    }

    @Test
    void realUtf8ChineseStaysUtf8WithoutAWarning() throws Exception {
        TextDecoder.Decoded d = decoder.decode("a.txt", (TEXT + "附件：Résumé α β\n").getBytes(StandardCharsets.UTF_8));
        assertEquals("UTF-8", d.encoding());
        assertEquals(List.of(), d.warnings());
        assertTrue(TextDecoder.chineseScore(TEXT) > 0.8, String.valueOf(TextDecoder.chineseScore(TEXT)));
    }

    @Test
    void failuresCarryTheirKind() {
        assertEquals(FailureKind.ENCODING, assertThrows(NoticeParseException.class,
                () -> decoder.decode("b.txt", bytes('a', 0, 'b'))).kind());
        assertEquals(FailureKind.NOT_A_NOTICE, assertThrows(NoticeParseException.class,
                () -> decoder.decode("e.txt", new byte[0])).kind());
    }
}
