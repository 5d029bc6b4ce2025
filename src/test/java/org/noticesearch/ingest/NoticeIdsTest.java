package org.noticesearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class NoticeIdsTest {
    @Test
    void plainAsciiPathsKeepTheirNames() {
        assertEquals("001_b0a97531a24c94f3", NoticeIds.idFor("001_b0a97531a24c94f3.txt"));
        assertEquals("notice.docx", NoticeIds.idFor("notice.docx"));
    }

    @Test
    void otherPathsGetAHashSuffix() {
        String id = NoticeIds.idFor("2020/通知 (1).docx");
        assertTrue(id.matches("2020-----1-\\.docx-[0-9a-f]{10}"), id);
        assertEquals(NoticeIds.idFor("2020/通知 (1).docx"), id, "stable");
        assertTrue(!id.equals(NoticeIds.idFor("2020/通告 (1).docx")), "another name, another id");
    }

    /** CSV cells starting with - = + @ are formulas to a spreadsheet, and . or .. is a path step in a URL. */
    @Test
    void anIdAlwaysStartsWithALetterOrDigit() {
        for (String source : List.of("通知.txt", "-1.txt", "=cmd.txt", "+x.docx", "@a.pdf", " =1+1.txt", "...txt", "..txt",
                "\t=HYPERLINK(x).txt", "_a.txt", ".hidden.txt")) {
            String id = NoticeIds.idFor(source);
            assertTrue(Character.isLetterOrDigit(id.charAt(0)) && id.charAt(0) < 128, source + " -> " + id);
        }
        assertEquals("n-1", NoticeIds.idFor("-1.txt"));
        assertEquals("n..", NoticeIds.idFor("...txt"));
    }
}
