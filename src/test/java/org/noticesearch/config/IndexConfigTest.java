package org.noticesearch.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled index-config loads, lists the issuers issue 2 asks for, and bad config names the file and line. */
class IndexConfigTest {
    private static final IndexConfig CONFIG = IndexConfig.load(Path.of("index-config"));

    @Test
    void listsAllFederationsOfProvinceLevelRegionsAndTheNationalOne() {
        // Province-level women's federations only: the directory now lists governments and Party committees too.
        long provinces = CONFIG.issuers().all().stream()
                .filter(i -> i.level().equals("province") && i.canonical().endsWith("妇女联合会")).count();
        assertEquals(31, provinces);
        assertEquals("全国妇女联合会", CONFIG.issuers().lookup("全国妇联").orElseThrow().canonical());
        for (String name : List.of("山东省妇女联合会", "平顶山市妇女联合会", "黑龙江省妇女联合会", "重庆市妇女联合会")) {
            assertTrue(CONFIG.issuers().lookup(name).isPresent(), name);
        }
        assertEquals("山东省妇女联合会", CONFIG.issuers().lookup("山东省妇联").orElseThrow().canonical());
    }

    @Test
    void agencyCodesAndPrefixes() {
        IssuerDirectory d = CONFIG.issuers();
        assertEquals("山东省妇女联合会", d.byAgency("鲁妇通字").orElseThrow().canonical());
        assertEquals("重庆市妇女联合会", d.byAgency("渝妇发").orElseThrow().canonical());
        assertEquals("平顶山市妇女联合会", d.byAgency("平妇字").orElseThrow().canonical());
        assertEquals("全国妇女联合会", d.byAgency("妇字").orElseThrow().canonical());
        // 国发明电 is the State Council's code for its telegrams; it was unknown while only 妇联 were listed.
        assertEquals("国务院", d.byAgency("国发明电").orElseThrow().canonical());
        assertFalse(d.byAgency("粤教").isPresent());
        assertEquals("山东省妇联", d.longestPrefix("山东省妇联关于贯彻落实").orElseThrow());
    }

    @Test
    void campaignSuffixesSkipComments() {
        assertTrue(CONFIG.campaignSuffixes().containsAll(List.of("行动", "计划", "工程", "活动", "项目")));
        assertTrue(CONFIG.campaignSuffixes().stream().noneMatch(s -> s.startsWith("#")));
    }

    @Test
    void duplicateAliasNamesTheFileAndBothLines(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("issuers.tsv");
        Files.writeString(f, "# header\nA妇联\t甲\t甲省\tprovince\nB妇联\t甲\t乙省\tprovince\n");
        ConfigException e = assertThrows(ConfigException.class, () -> IssuerDirectory.load(f));
        assertTrue(e.getMessage().startsWith(f + " line 3: "), e.getMessage());
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void badLevelIsRejected(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("issuers.tsv");
        Files.writeString(f, "A妇联\t\t甲省\ttownship\n");
        ConfigException e = assertThrows(ConfigException.class, () -> IssuerDirectory.load(f));
        assertTrue(e.getMessage().contains("township"), e.getMessage());
    }

    @Test
    void badKindNamesTheFileLineAndTheKinds(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("issuers.tsv");
        Files.writeString(f, "# header\nA局\t\t甲省\tprovince\t\tministry\n");
        ConfigException e = assertThrows(ConfigException.class, () -> IssuerDirectory.load(f));
        assertTrue(e.getMessage().startsWith(f + " line 2: kind 'ministry' must be one of government, party"), e.getMessage());
    }

    @Test
    void emptyKindIsTakenFromTheKindRules() {
        IssuerDirectory d = IndexConfig.load(Path.of("index-config")).issuers();
        IssuerRules rules = IssuerRules.load(Path.of("index-config", IndexConfig.ISSUER_SHORT_FORMS),
                Path.of("index-config", IndexConfig.ISSUER_KINDS));
        assertEquals("government", rules.kindOf("平顶山市人民政府"));
        assertEquals("general-office", rules.kindOf("平顶山市人民政府办公室"));
        assertEquals("party", rules.kindOf("中共平顶山市委员会"));
        assertEquals("people-org", rules.kindOf("平顶山市妇女联合会"));
        assertEquals("judicial", rules.kindOf("平顶山市中级人民法院"));
        assertEquals("department", rules.kindOf("平顶山市教育局"));
        assertEquals("人民检察院", rules.expand("人民检察院"));
        assertEquals("卫生健康委员会科教处", rules.expand("卫健委科教处"));
        assertEquals("people-org", d.lookup("平顶山市妇联").orElseThrow().kind());
    }

    @Test
    void badIssuerRuleFilesNameTheFileAndLine(@TempDir Path dir) throws Exception {
        Path shortForms = dir.resolve(IndexConfig.ISSUER_SHORT_FORMS);
        Path kinds = dir.resolve(IndexConfig.ISSUER_KINDS);
        Files.writeString(shortForms, "卫健委\t卫生健康委员会\n卫健委\t卫生健康委\n");
        Files.writeString(kinds, ".\tother\n");
        ConfigException dup = assertThrows(ConfigException.class, () -> IssuerRules.load(shortForms, kinds));
        assertTrue(dup.getMessage().startsWith(shortForms + " line 2: the short form '卫健委' is already listed on line 1"),
                dup.getMessage());
        Files.writeString(shortForms, "卫健委\t卫生健康委员会\n");
        Files.writeString(kinds, "# kinds\n人民政府(\tgovernment\n");
        ConfigException regex = assertThrows(ConfigException.class, () -> IssuerRules.load(shortForms, kinds));
        assertTrue(regex.getMessage().startsWith(kinds + " line 2: the pattern '人民政府(' is not a valid regular expression"),
                regex.getMessage());
        Files.writeString(kinds, "人民政府$\tgovt\n");
        ConfigException kind = assertThrows(ConfigException.class, () -> IssuerRules.load(shortForms, kinds));
        assertTrue(kind.getMessage().startsWith(kinds + " line 1: kind 'govt' must be one of"), kind.getMessage());
    }

    @Test
    void badDivisionsNameTheFileLineAndHowToRegenerate(@TempDir Path dir) throws Exception {
        Path f = dir.resolve(IndexConfig.DIVISIONS);
        Files.writeString(f, "# divisions\n110000\t北京市\tprovince\t北京市\t\n1101\t东城区\tcounty\t北京市\t\n");
        ConfigException code = assertThrows(ConfigException.class, () -> Places.load(f));
        assertTrue(code.getMessage().startsWith(f + " line 3: the code '1101'"), code.getMessage());
        Files.writeString(f, "110000\t北京市\tprovince\t北京市\t\n110101\t东城区\ttownship\t北京市\t\n");
        ConfigException level = assertThrows(ConfigException.class, () -> Places.load(f));
        assertTrue(level.getMessage().startsWith(f + " line 2: level 'township'"), level.getMessage());
        Files.writeString(f, "110000\t北京市\tprovince\t北京市\t\n");
        ConfigException few = assertThrows(ConfigException.class, () -> Places.load(f));
        assertTrue(few.getMessage().contains("bin/update-divisions"), few.getMessage());
    }

    @Test
    void everyIssuerFileIsPartOfTheFingerprint(@TempDir Path dir) throws Exception {
        try (var files = Files.list(Path.of("index-config"))) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Files.copy(p, dir.resolve(p.getFileName()));
            }
        }
        assertEquals(CONFIG.fingerprint(), IndexConfig.load(dir).fingerprint());
        for (String f : IndexConfig.ISSUER_FILES) {
            Path p = dir.resolve(f);
            String before = Files.readString(p);
            Files.writeString(p, before + "\n# edited\n");
            assertFalse(CONFIG.fingerprint().equals(IndexConfig.load(dir).fingerprint()), f + " changes the fingerprint");
            Files.writeString(p, before);
        }
    }

    @Test
    void missingFolderSaysSo() {
        ConfigException e = assertThrows(ConfigException.class, () -> IndexConfig.load(Path.of("no-such-config")));
        assertTrue(e.getMessage().contains("no-such-config"), e.getMessage());
    }
}
