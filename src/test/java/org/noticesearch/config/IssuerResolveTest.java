package org.noticesearch.config;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@link IssuerDirectory#resolve}: names as notices write them, resolved by the list and then by the rules. */
class IssuerResolveTest {
    private static final IssuerDirectory D = IndexConfig.load(Path.of("index-config")).issuers();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
            北京市中医管理局                 | 北京市中医管理局                   | 北京市       | province | department     |
            国家药监局综合司                 | 国家药品监督管理局综合司           | 全国         | national | general-office |
            平顶山市教育局                   | 平顶山市教育局                     | 河南省       | city     | department     |
            河南省平顶山市教育局             | 平顶山市教育局                     | 河南省       | city     | department     |
            郏县人民政府办公室               | 郏县人民政府办公室                 | 河南省       | county   | general-office |
            郏县政府办                       | 郏县人民政府办公室                 | 河南省       | county   | general-office |
            北京市卫生健康委科教处           | 北京市卫生健康委员会               | 北京市       | province | department     | 科教处
            北京市卫生健康委                 | 北京市卫生健康委员会               | 北京市       | province | department     |
            北京卫健委                       | 北京市卫生健康委员会               | 北京市       | province | department     |
            北京市发改委                     | 北京市发展和改革委员会             | 北京市       | province | department     |
            上海市人社局                     | 上海市人力资源和社会保障局         | 上海市       | province | department     |
            国务院办公厅                     | 国务院办公厅                       | 全国         | national | general-office |
            国办                             | 国务院办公厅                       | 全国         | national | general-office |
            中共中央办公厅                   | 中共中央办公厅                     | 全国         | national | general-office |
            中共中央                         | 中共中央                           | 全国         | national | party          |
            中央军委办公厅                   | 中央军事委员会办公厅               | 全国         | national | general-office |
            全国妇联                         | 全国妇女联合会                     | 全国         | national | people-org     |
            国家卫生健康委                   | 国家卫生健康委员会                 | 全国         | national | department     |
            公安部三局                       | 公安部三局                         | 全国         | national | department     |
            国家税务总局北京市税务局         | 国家税务总局北京市税务局           | 北京市       | province | department     |
            北京市人民政府                   | 北京市人民政府                     | 北京市       | province | government     |
            北京市委                         | 中共北京市委员会                   | 北京市       | province | party          |
            平顶山市委办公室                 | 中共平顶山市委员会办公室           | 河南省       | city     | general-office |
            中共郏县委                       | 中共郏县委员会                     | 河南省       | county   | party          |
            洛阳市老城区妇女联合会           | 洛阳市老城区妇女联合会             | 河南省       | county   | people-org     |
            老城区妇联                       | 洛阳市老城区妇女联合会             | 河南省       | county   | people-org     |
            东城区人民政府                   | 北京市东城区人民政府               | 北京市       | county   | government     |
            南京市鼓楼区教育局               | 南京市鼓楼区教育局                 | 江苏省       | county   | department     |
            朝阳区人民政府                   | 朝阳区人民政府                     | NULL         | county   | government     |
            延边州人民政府                   | 延边朝鲜族自治州人民政府           | 吉林省       | city     | government     |
            平顶山市政协                     | 中国人民政治协商会议平顶山市委员会 | 河南省       | city     | cppcc          |
            共青团北京市委                   | 共青团北京市委员会                 | 北京市       | province | people-org     |
            北京市人大常委会                 | 北京市人民代表大会常务委员会       | 北京市       | province | congress       |
            郏县法院                         | 郏县人民法院                       | 河南省       | county   | judicial       |
            平顶山市科协                     | 平顶山市科学技术协会               | 河南省       | city     | people-org     |
            国务院办公厅（代章）             | 国务院办公厅                       | 全国         | national | general-office |
            """)
    void resolvesTo(String asWritten, String canonical, String province, String level, String kind, String subunit) {
        Issuer i = D.resolve(asWritten).orElseThrow(() -> new AssertionError(asWritten + " does not resolve"));
        assertAll(asWritten,
                () -> assertEquals(canonical, i.canonical(), "canonical"),
                () -> assertEquals(province, i.province(), "province"),
                () -> assertEquals(level, i.level(), "level"),
                () -> assertEquals(kind, i.kind(), "kind"),
                () -> assertEquals(subunit == null ? "" : subunit, i.subunit(), "subunit"));
    }

    @Test
    void namesWithoutAPlaceOrAnOfficeGiveNothing() {
        for (String name : List.of("市教育局", "教育局", "科教处", "中山大学", "北京市", "关于印发通知的通知", "某某公司",
                "北京市各区人民政府", "河南省有关单位", "北京市2021年度工作要点",
                "国务院办公厅转发国家地震局", "北京市人民政府转发市教委")) {
            assertTrue(D.resolve(name).isEmpty(), name + " → " + D.resolve(name));
        }
    }

    @Test
    void severalOfficesOnOneLineResolveInOrderAndTheFirstLeads() {
        List<String> expected = List.of("国务院办公厅", "中央军事委员会办公厅");
        for (String line : List.of("国务院办公厅、中央军委办公厅", "国务院办公厅 中央军委办公厅", "国务院办公厅中央军委办公厅")) {
            assertEquals(expected, D.resolveAll(line).stream().map(Issuer::canonical).toList(), line);
            assertEquals("国务院办公厅", D.resolve(line).orElseThrow().canonical(), line);
        }
        List<Issuer> two = D.resolveAll("北京市卫生健康委科教处   北京市中医管理局科教处");
        assertEquals(List.of("北京市卫生健康委员会", "北京市中医管理局"), two.stream().map(Issuer::canonical).toList());
        assertEquals(List.of("科教处", "科教处"), two.stream().map(Issuer::subunit).toList());
        assertEquals(List.of("中共中央", "国务院"), D.resolveAll("中共中央 国务院").stream().map(Issuer::canonical).toList());
        assertTrue(D.resolveAll("国务院办公厅、某某公司").isEmpty(), "a line with a part that is no office");
    }

    @Test
    void everyProvinceLevelGovernmentPartyCommitteeAndFederationResolves() {
        Places places = Places.load(Path.of("index-config", IndexConfig.DIVISIONS));
        List<String> provinces = places.all().stream().filter(p -> p.level().equals("province")).map(Places.Place::name).toList();
        assertEquals(31, provinces.size());
        for (String p : provinces) {
            String brief = Places.shortName(p);
            check(p + "人民政府", p + "人民政府", p, "government");
            check(brief + "政府", p + "人民政府", p, "government");
            check(p + "人民政府办公厅", p + "人民政府办公厅", p, "general-office");
            check("中共" + p + "委员会", "中共" + p + "委员会", p, "party");
            check(p + "委", "中共" + p + "委员会", p, "party");
            check("中共" + p + "委办公厅", "中共" + p + "委员会办公厅", p, "general-office");
            check(p + "妇联", p + "妇女联合会", p, "people-org");
            check(brief + "妇联", p + "妇女联合会", p, "people-org");
            check(p + "人大常委会", p + "人民代表大会常务委员会", p, "congress");
            check(p + "卫健委", p + "卫生健康委员会", p, "department");
        }
    }

    private static void check(String asWritten, String canonical, String province, String kind) {
        Issuer i = D.resolve(asWritten).orElseThrow(() -> new AssertionError(asWritten + " does not resolve"));
        assertEquals(List.of(canonical, province, "province", kind), List.of(i.canonical(), i.province(), i.level(), i.kind()),
                asWritten);
    }

    @Test
    void listedNationalBodiesAreNationalWithAKind() {
        for (Issuer i : D.all()) {
            assertTrue(Issuer.KINDS.contains(i.kind()), i.toString());
            if (i.level().equals("national")) {
                assertEquals(Issuer.NATIONWIDE, i.province(), i.canonical());
            }
            // Every listed name resolves to its own row.
            assertEquals(i.canonical(), D.resolve(i.canonical()).orElseThrow().canonical());
        }
        for (String ministry : List.of("外交部", "教育部", "财政部", "人力资源和社会保障部", "国家发展和改革委员会", "中国人民银行",
                "审计署", "国务院国有资产监督管理委员会", "海关总署", "国家税务总局", "国家药品监督管理局", "国家中医药管理局")) {
            Issuer i = D.lookup(ministry).orElseThrow(() -> new AssertionError(ministry));
            assertEquals(List.of("national", "department"), List.of(i.level(), i.kind()), ministry);
        }
        assertEquals("教育部办公厅", D.resolve("教育部办公厅").orElseThrow().canonical());
        assertEquals("general-office", D.resolve("教育部办公厅").orElseThrow().kind());
        assertEquals("国家能源局综合司", D.resolve("国家能源局综合司").orElseThrow().canonical());
    }

    @Test
    void documentNumberAgencyCodes() {
        assertEquals("国务院", D.byAgency("国发").orElseThrow().canonical());
        assertEquals("国务院", D.byAgency("国函").orElseThrow().canonical());
        assertEquals("国务院办公厅", D.byAgency("国办发").orElseThrow().canonical());
        assertEquals("国务院办公厅", D.byAgency("国办函").orElseThrow().canonical());
        assertEquals("国务院办公厅", D.byAgency("国办发明电").orElseThrow().canonical());
        assertEquals("北京市人民政府", D.byAgency("京政发").orElseThrow().canonical());
        assertEquals("北京市人民政府办公厅", D.byAgency("京政办发").orElseThrow().canonical());
        assertEquals("山东省人民政府办公厅", D.byAgency("鲁政办发").orElseThrow().canonical());
        assertEquals("上海市人民政府", D.byAgency("沪府发").orElseThrow().canonical());
        assertEquals("四川省人民政府办公厅", D.byAgency("川办函").orElseThrow().canonical());
        assertEquals("国家卫生健康委员会", D.byAgency("国卫医发").orElseThrow().canonical());
        assertEquals("国家卫生健康委员会办公厅", D.byAgency("国卫办医函").orElseThrow().canonical());
        assertEquals("中国人民政治协商会议北京市委员会", D.byAgency("京政协发").orElseThrow().canonical());
        assertEquals("北京市妇女联合会", D.byAgency("京妇发").orElseThrow().canonical());
        // Codes two offices share are left out: 青政 is 青海省's and 青岛市's, 宁政 宁夏's and 南京市's.
        assertTrue(D.byAgency("青政发").isEmpty());
        assertTrue(D.byAgency("宁政办发").isEmpty());
    }
}
