package org.noticesearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
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
}
