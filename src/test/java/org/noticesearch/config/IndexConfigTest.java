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
        long provinces = CONFIG.issuers().all().stream().filter(i -> i.level().equals("province")).count();
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
        assertFalse(d.byAgency("国发明电").isPresent());
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
    void missingFolderSaysSo() {
        ConfigException e = assertThrows(ConfigException.class, () -> IndexConfig.load(Path.of("no-such-config")));
        assertTrue(e.getMessage().contains("no-such-config"), e.getMessage());
    }
}
