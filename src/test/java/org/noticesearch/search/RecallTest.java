package org.noticesearch.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.noticesearch.search.SearchTestSupport.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.noticesearch.NoticeService;
import org.noticesearch.ingest.Notice;

/**
 * Exact-substring recall: for every query string the hit set is exactly the set of notices whose
 * cleaned title or one cleaned paragraph contains it, computed here without the product's code.
 */
public class RecallTest {
    /** Seed words, campaign names, words split by a hard line break in the raw files, words inside longer words, single characters, digit mixes, and strings found nowhere. */
    public static final List<String> QUERIES = List.of(
            // seed words smartcn alone segments badly
            "疫情防控", "两癌", "国发明电", "妇联", "家庭", "脱贫攻坚", "妇女", "巾帼", "习近平", "总书记",
            "新型冠状病毒", "新冠肺炎", "新型冠状病毒肺炎", "妇女联合会", "全国妇联", "大家庭", "脱贫攻坚战",
            "精准扶贫", "关心关爱", "志愿服务", "医务人员", "社区", "抗疫", "防控", "三八", "国际妇女节",
            "三八妇女节", "发挥妇联作用", "齐鲁巾帼", "最美家庭", "贫困母亲", "留守流动儿童", "妇女工作委员会",
            // campaign names
            "巾帼脱贫行动", "春蕾计划", "春风行动", "巾帼建功", "巾帼家政", "南粤家政", "冀家书香",
            "巾帼创业行动", "脱贫攻坚巴渝巾帼行动", "天府巾帼暖心行动",
            // split by a hard line break in the raw file (joined by the parser)
            "广大女党员", "贯彻落实", "中国特色社会主义", "微信公众号", "讲话精神", "党中央", "留守儿童",
            "矛盾纠纷", "巧手脱贫", "返贫致贫", "复工复产", "殷殷嘱托", "舍小家为大家", "最美巾帼", "复工妇女",
            "女企业家", "突出贡献", "疫情防控一线", "医务人员家庭", "习近平总书记重要指示精神", "经济社会发展",
            // single characters
            "妇", "癌", "蕾", "贫", "的", "〇", "渝",
            // digits, Latin letters, mixes
            "2020年", "2020", "2012年", "12338", "led", "LED", "ＬＥＤ", "２０２０年", "3月", "90周年", "2011",
            // punctuation and spaces inside a quoted phrase are ignored
            "\"巾帼·脱贫行动\"", "\"疫情 防控\"",
            // nowhere
            "月光宝盒", "读书月光宝盒计划", "光宝", "月光宝", "光宝盒计",
            "量子计算机", "火星探测器", "区块链", "恐龙化石", "zzqx", "巾帼脱贫行动计划", "疫情防控防控");

    @TempDir
    static Path tmp;
    static NoticeService seeds;
    static NoticeService all;
    static List<Notice> seedNotices;
    static List<Notice> allNotices;

    @BeforeAll
    static void index() throws IOException {
        seeds = start(CORPUS, tmp.resolve("seed-index"));
        seedNotices = parseAll(CORPUS);
        Path mixed = tmp.resolve("corpus");
        copyTxt(CORPUS, mixed);
        copyTxt(FIXTURES, mixed);
        copyTxt(SEARCH_FIXTURES, mixed);
        all = start(mixed, tmp.resolve("all-index"));
        allNotices = parseAll(mixed);
    }

    @AfterAll
    static void close() throws IOException {
        seeds.close();
        all.close();
    }

    static Stream<String> queries() {
        return QUERIES.stream();
    }

    @Test
    void enoughQueries() {
        assertTrue(QUERIES.size() >= 60, "at least 60 recall queries");
        assertEquals(5, seedNotices.size());
        assertTrue(allNotices.size() >= 13, "seeds, parser fixtures and search fixtures");
    }

    @ParameterizedTest
    @MethodSource("queries")
    void seedCorpus(String q) {
        check(seeds, seedNotices, q);
    }

    @ParameterizedTest
    @MethodSource("queries")
    void seedsWithFixtures(String q) {
        check(all, allNotices, q);
    }

    @ParameterizedTest
    @MethodSource("queries")
    void quotedIsExactWithoutSynonyms(String q) {
        if (q.startsWith("\"")) {
            return;
        }
        String quoted = "\"" + q + "\"";
        Set<String> expected = new TreeSet<>(containing(allNotices, List.of(q)));
        SearchPage p = search(all, quoted);
        assertExact(expected, p, quoted);
    }

    private static void check(NoticeService s, List<Notice> notices, String q) {
        boolean quoted = q.startsWith("\"");
        String text = quoted ? q.substring(1, q.length() - 1) : q;
        List<String> variants = quoted ? List.of(text) : SynonymsFile.variants(text);
        Set<String> expected = new TreeSet<>(containing(notices, variants));
        assertExact(expected, search(s, q), q + " (variants " + variants + ")");
    }

    private static void assertExact(Set<String> expected, SearchPage p, String q) {
        if (expected.isEmpty()) {
            // Nothing matches exactly: either no hit, or a relaxed (smartcn words) answer marked as such.
            assertTrue(p.hits().isEmpty() || p.relaxed(), q + ": expected no exact hit, got " + ids(p));
            return;
        }
        assertFalse(p.relaxed(), q + ": an exact match exists, the answer must not be relaxed");
        assertEquals(expected, new TreeSet<>(ids(p)), q);
        assertEquals(expected.size(), p.total(), q + ": total");
    }

    /** The line-broken words really are in the parsed text, so the recall check above is not vacuous. */
    @Test
    void lineBrokenWordsAreJoinedAndFound() throws IOException {
        String raw003 = rawOf("003_");
        assertTrue(raw003.matches("(?s).*巾帼脱\\s*\\n\\s*贫行动.*") || raw003.matches("(?s).*巾帼脱贫\\s*\\n\\s*行动.*"),
                "003 has 巾帼脱贫行动 broken by a newline in the raw file");
        assertFalse(raw003.contains("巾帼脱贫行动"), "and never unbroken");
        assertTrue(ids(search(seeds, "巾帼脱贫行动")).contains("003_75a19b785f318a28"));
        assertTrue(ids(search(seeds, "殷殷嘱托")).contains("003_75a19b785f318a28"));
        assertTrue(ids(search(seeds, "广大女党员")).contains("000_15c9de7d74b4cd66"));
        assertTrue(ids(search(seeds, "复工妇女")).contains("002_fb3faa2e2b81f872"));
        assertTrue(ids(search(all, "复工复产")).contains("pdf_wrapped"));
        assertTrue(ids(search(all, "天府巾帼暖心行动")).contains("pdf_wrapped"));
    }

    /** A word inside a longer word is found: 妇联 in 全国妇联, 家庭 in 大家庭, 脱贫攻坚 in 脱贫攻坚战. */
    @Test
    void wordsInsideLongerWords() {
        assertTrue(ids(search(seeds, "\"妇联\"")).containsAll(new TreeSet<>(containing(seedNotices, List.of("全国妇联")))));
        assertTrue(ids(search(seeds, "\"家庭\"")).containsAll(containing(seedNotices, List.of("大家庭"))));
        assertTrue(ids(search(seeds, "\"脱贫攻坚\"")).containsAll(containing(seedNotices, List.of("脱贫攻坚战"))));
        assertFalse(containing(seedNotices, List.of("大家庭")).isEmpty());
        assertFalse(containing(seedNotices, List.of("脱贫攻坚战")).isEmpty());
    }

    private static String rawOf(String prefix) throws IOException {
        try (Stream<Path> s = Files.list(CORPUS)) {
            Path f = s.filter(p -> p.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
            return Files.readString(f).replace("\r", "");
        }
    }

    /** index-config/synonyms.txt read by the test itself: comma lines are groups of equal terms. */
    static final class SynonymsFile {
        static List<String> variants(String term) {
            List<String> out = new ArrayList<>();
            out.add(term);
            try {
                for (String line : Files.readAllLines(CONFIG_DIR.resolve("synonyms.txt"))) {
                    String l = line.strip();
                    if (l.isEmpty() || l.startsWith("#")) {
                        continue;
                    }
                    if (l.contains("=>")) {
                        throw new AssertionError("this test reads only equivalence groups; teach it '=>': " + l);
                    }
                    List<String> group = Stream.of(l.split(",")).map(String::strip).toList();
                    if (group.contains(term)) {
                        group.stream().filter(g -> !out.contains(g)).forEach(out::add);
                    }
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return out;
        }
    }
}
