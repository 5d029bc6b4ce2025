package org.noticesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.noticesearch.search.SearchTestSupport.*;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.noticesearch.NoticeService;
import org.noticesearch.analysis.Analysis;

/** Ranking on small made-up notices: title above body-only, a whole smartcn word above a match inside a longer word. */
class RankingTest {
    @TempDir
    static Path tmp;
    static NoticeService service;

    @BeforeAll
    static void index() {
        Path c = tmp.resolve("corpus");
        write(c.resolve("a_title.txt"), notice("浙江省妇女联合会", "浙妇发〔2021〕31号", "浙江省妇女联合会关于巩固脱贫成果的通知", "2021年3月1日",
                "各地要做好春季农业生产，帮助妇女增收。"));
        write(c.resolve("b_body_word.txt"), notice("浙江省妇女联合会", "浙妇发〔2021〕32号", "浙江省妇女联合会关于做好春季生产工作的通知", "2021年3月2日",
                "各地要把脱贫工作放在重要位置，巩固脱贫成果，防止返贫。各级妇联要持续推进脱贫工作。"));
        write(c.resolve("c_inside_word.txt"), notice("浙江省妇女联合会", "浙妇发〔2021〕33号", "浙江省妇女联合会关于做好春季生产工作的通知", "2021年3月3日",
                "各地要帮助群众摆脱贫困，巩固摆脱贫困成果，防止返贫。各级妇联要持续帮助摆脱贫困。"));
        write(c.resolve("d_campaign_word.txt"), notice("浙江省妇女联合会", "浙妇发〔2021〕34号", "浙江省妇女联合会关于做好春季生产工作的通知", "2021年3月4日",
                "各地要深入开展巾帼脱贫行动，防止返贫。各级妇联要持续推进巾帼脱贫行动，巾帼脱贫行动要落到实处。"));
        write(c.resolve("e_unrelated.txt"), notice("浙江省妇女联合会", "浙妇发〔2021〕35号", "浙江省妇女联合会关于做好春季生产工作的通知", "2021年3月5日",
                "各地要做好春耕备耕工作。"));
        service = start(c, tmp.resolve("index"));
    }

    @AfterAll
    static void close() throws IOException {
        service.close();
    }

    @Test
    void smartcnSegmentsAsTheTestAssumes() {
        try (Analysis a = new Analysis(CONFIG)) {
            assertTrue(a.wordsOf("巩固脱贫成果").contains("脱贫"), a.wordsOf("巩固脱贫成果").toString());
            assertTrue(a.wordsOf("开展巾帼脱贫行动").contains("脱贫"), a.wordsOf("开展巾帼脱贫行动").toString());
            assertFalse(a.wordsOf("帮助群众摆脱贫困").contains("脱贫"), a.wordsOf("帮助群众摆脱贫困").toString());
        }
    }

    @Test
    void titleFirstThenWholeWordThenInsideAWord() {
        List<String> got = ids(search(service, "脱贫"));
        assertEquals(4, got.size(), got.toString());
        assertEquals("a_title", got.get(0), "a title match ranks above body-only matches, even with fewer occurrences: " + got);
        assertTrue(got.indexOf("b_body_word") < got.indexOf("c_inside_word"), got.toString());
        assertTrue(got.indexOf("d_campaign_word") < got.indexOf("c_inside_word"), "脱贫 in 巾帼脱贫行动 above 脱贫 in 摆脱贫困: " + got);
        assertEquals("c_inside_word", got.get(3));
    }

    @Test
    void quotedPhraseRanksTheSameWay() {
        List<String> got = ids(search(service, "\"脱贫\""));
        assertEquals("a_title", got.get(0), got.toString());
        assertEquals("c_inside_word", got.get(got.size() - 1), got.toString());
    }

    @Test
    void titleAboveBodyForAPhraseInBoth() {
        List<String> got = ids(search(service, "巩固"));
        assertEquals("a_title", got.get(0), got.toString());
        assertEquals(3, got.size());
    }
}
