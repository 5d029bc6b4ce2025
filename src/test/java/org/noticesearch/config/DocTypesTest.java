package org.noticesearch.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The 文种 list of index-config/doc-types.txt: what a title ending reports, which types are statutory, and bad lines. */
class DocTypesTest {
    private static final DocTypes TYPES = IndexConfig.load(Path.of("index-config")).docTypes();

    @Test
    void theFifteenStatutoryTypesAreStandard() {
        for (String t : List.of("决议", "决定", "命令", "令", "公报", "公告", "通告", "意见", "通知", "通报", "报告", "请示", "批复", "议案", "函", "纪要")) {
            assertEquals(true, TYPES.isStandard(t), t);
        }
        for (String t : List.of("公示", "答复", "条例", "规定", "办法", "细则", "规划", "纲要", "要点", "倡议", "方案", "计划", "总结", "讲话")) {
            assertEquals(false, TYPES.isStandard(t), t);
        }
        assertNull(TYPES.isStandard(null));
        assertNull(TYPES.isStandard("小说"));
    }

    @Test
    void theLongestEndingWinsAndACompoundReportsItsBase() {
        assertEquals("意见", TYPES.typeOf("北京市人民政府关于支持中医药振兴发展的实施意见"));
        assertEquals("纪要", TYPES.typeOf("全省妇联工作会议纪要"));
        assertEquals("倡议", TYPES.typeOf("致全省妇女的倡议书"));
        assertEquals("方案", TYPES.typeOf("巾帼家政提质扩容行动实施方案"));
        assertEquals("办法", TYPES.typeOf("首都卫生发展科研专项管理办法（试行）"));
        assertEquals("公示", TYPES.typeOf("关于2020年合格人员名单的公示"));
        assertEquals("答复", TYPES.typeOf("国务院办公厅对全国政协十届四次会议第4626号提案的答复"));
        assertNull(TYPES.typeOf("各区卫生健康委"));
        assertNull(TYPES.typeOf(null));
    }

    @Test
    void aLoneLingOrAHanThatIsNoDeHanEndsNoTitleLine() {
        assertTrue(TYPES.endsLikeTitle("广东省妇女联合会关于商请支持项目的函"));
        assertFalse(TYPES.endsLikeTitle("来函"));
        assertFalse(TYPES.endsLikeTitle("中华人民共和国国务院令"));
        assertTrue(TYPES.endsLikeTitle("关于2020年合格人员名单的公示"));
        assertFalse(TYPES.endsLikeTitle("现将有关事项通知如下，请认真落实通知"));
    }

    @Test
    void badLinesNameTheFileAndTheLine() {
        assertMessage("doc-types.txt: line 2: the class must be 'standard' or 'other', not 'main'", "通知\tstandard\n意见\tmain\n");
        assertMessage("doc-types.txt: line 1: expected 'name<TAB>standard|other[<TAB>reported as]', got '通知'", "通知\n");
        assertMessage("doc-types.txt: line 2: '通知' is listed twice", "通知\tstandard\n通知\tother\n");
        assertMessage("doc-types.txt: line 1: '实施意见' is reported as '意见', which is not listed on a line of its own", "实施意见\tstandard\t意见\n");
        assertMessage("doc-types.txt: line 2: '实施意见' and '意见' (which it is reported as) must have the same class",
                "意见\tstandard\n实施意见\tother\t意见\n");
        assertMessage("doc-types.txt: line 1: a type name is written in Chinese characters, not 'notice'", "notice\tother\n");
        assertMessage("doc-types.txt: lists no document type", "# nothing\n");
    }

    @Test
    void editingTheListChangesTheIndexFingerprint(@TempDir Path dir) throws IOException {
        try (Stream<Path> s = Files.list(Path.of("index-config"))) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Files.copy(p, dir.resolve(p.getFileName()));
            }
        }
        String before = IndexConfig.load(dir).fingerprint();
        Files.writeString(dir.resolve(IndexConfig.DOC_TYPES), "通知\tstandard\n");
        IndexConfig changed = IndexConfig.load(dir);
        assertNotEquals(before, changed.fingerprint());
        assertNull(changed.docTypes().typeOf("关于印发方案的意见"));
    }

    private static void assertMessage(String message, String text) {
        ConfigException e = assertThrows(ConfigException.class, () -> DocTypes.parse("doc-types.txt", text));
        assertEquals(message, e.getMessage());
    }
}
