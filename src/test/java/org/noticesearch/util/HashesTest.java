package org.noticesearch.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class HashesTest {
    @Test
    void knownDigests() {
        // FIPS 180-2 test vectors.
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Hashes.sha256Hex(""));
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Hashes.sha256Hex("abc"));
    }

    @Test
    void stringsAreHashedAsUtf8AndPiecesAsTheWhole() {
        assertEquals(Hashes.sha256Hex("通知".getBytes(StandardCharsets.UTF_8)), Hashes.sha256Hex("通知"));
        var md = Hashes.sha256();
        md.update("a".getBytes(StandardCharsets.UTF_8));
        md.update("bc".getBytes(StandardCharsets.UTF_8));
        assertEquals(Hashes.sha256Hex("abc"), HexFormat.of().formatHex(md.digest()));
    }
}
