package org.noticesearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The signature block: the tail of a wrapped last paragraph is not a second signing office. */
class SignatureTest {
    private static final String WRAPPED = """
            北京市妇女联合会文件

            京妇发〔2021〕4号

            关于做好春节期间走访慰问工作的通知

            各区妇联：

            为做好春节期间走访慰问工作，现将有关事项通知如下。各区妇联要加强组织领导，确保走访慰问工作落到实处，具体工作由区妇联走访慰问工作领

            导小组

            北京市妇女联合会

            2021年1月20日
            """;

    @Test
    void aWrappedParagraphTailIsNotASignature() throws NoticeParseException {
        Notice n = TestNotices.PARSER.parseText("wrapped.txt", "txt", WRAPPED, "UTF-8");
        assertEquals("北京市妇女联合会", n.signature());
        assertEquals("北京市妇女联合会", n.issuer());
        assertEquals("2021-01-20", n.date());
        assertTrue(n.body().contains("领导小组"), n.body());
    }

    @Test
    void aJointSignatureOfKnownIssuersIsKept() throws NoticeParseException {
        String joint = WRAPPED.replace("工作领\n\n导小组\n", "工作领导小组负责。\n\n天津市妇女联合会\n");
        Notice n = TestNotices.PARSER.parseText("joint.txt", "txt", joint, "UTF-8");
        assertEquals("天津市妇女联合会 北京市妇女联合会", n.signature());
    }
}
