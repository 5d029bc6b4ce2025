package org.noticesearch.search.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

/** Two writings of one title compare equal; the fast path for plain titles gives what NFKC gives. */
class TitlesTest {
    @Test
    void widthSpacesBookMarksAndDashesDoNotCount() {
        String a = Titles.normalize("《全国妇联关于印发〈“巾帼脱贫行动”实施方案（2016—2020年）〉的通知》");
        assertEquals(a, Titles.normalize("全国妇联关于印发“巾帼脱贫行动”实施方案(2016-2020年)的通知"));
        assertEquals(a, Titles.normalize("全国妇联关于印发 “巾帼脱贫行动” 实施方案（２０１６－２０２０年）的通知"));
        assertEquals("", Titles.normalize(null));
    }

    @Test
    void everySingleCharacterNormalisesAsNfkcThenTheRulesWouldHaveIt() {
        // The fast path must never skip a character NFKC changes: compare with NFKC applied first, for every BMP char.
        for (char c = 1; c < 0xD800; c++) {
            String s = "关于" + c + "的通知";
            String nfkc = Normalizer.normalize(s, Normalizer.Form.NFKC);
            assertEquals(Titles.normalize(nfkc), Titles.normalize(s), String.format("U+%04X", (int) c));
        }
    }
}
