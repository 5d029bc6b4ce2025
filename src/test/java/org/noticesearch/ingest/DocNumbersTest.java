package org.noticesearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every written form of a 发文字号 from issues 2 and 3 reads to one canonical form; non-numbers do not read. */
class DocNumbersTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            冀妇字(２０２１)１５号   | 冀妇字〔2021〕15号 | 冀妇字 | 2021 | 15
            京妇发〔2020〕第8号     | 京妇发〔2020〕8号  | 京妇发 | 2020 | 8
            粤妇函【2022】7号      | 粤妇函〔2022〕7号  | 粤妇函 | 2022 | 7
            鲁妇通字[2020]6号      | 鲁妇通字〔2020〕6号 | 鲁妇通字 | 2020 | 6
            鲁妇通字（2020）第6号    | 鲁妇通字〔2020〕6号 | 鲁妇通字 | 2020 | 6
            鲁妇通字〔2020〕06号    | 鲁妇通字〔2020〕6号 | 鲁妇通字 | 2020 | 6
            鲁妇通字 2020 6号      | 鲁妇通字〔2020〕6号 | 鲁妇通字 | 2020 | 6
            鲁妇通字〔2020〕6号     | 鲁妇通字〔2020〕6号 | 鲁妇通字 | 2020 | 6
            平妇字[2020]3号       | 平妇字〔2020〕3号  | 平妇字 | 2020 | 3
            渝妇发〔2020〕13号     | 渝妇发〔2020〕13号 | 渝妇发 | 2020 | 13
            国发明电〔2020〕8号     | 国发明电〔2020〕8号 | 国发明电 | 2020 | 8
            鲁妇通字［2020］6号     | 鲁妇通字〔2020〕6号 | 鲁妇通字 | 2020 | 6
            鲁妇通字(2020)6号      | 鲁妇通字〔2020〕6号 | 鲁妇通字 | 2020 | 6
            鲁妇通字 〔 2020 〕 6 号 | 鲁妇通字〔2020〕6号 | 鲁妇通字 | 2020 | 6
            豫妇〔2019〕45号       | 豫妇〔2019〕45号   | 豫妇   | 2019 | 45
            """)
    void readsEveryWrittenForm(String written, String canonical, String agency, int year, int serial) {
        Optional<DocNumber> dn = DocNumbers.parse(written);
        assertTrue(dn.isPresent(), () -> written + " should parse");
        assertEquals(canonical, dn.get().canonical());
        assertEquals(new DocNumber(agency, year, serial), dn.get());
        assertTrue(dn.get().isComplete());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            渝妇发〔2020〕 | 渝妇发〔2020〕 | 渝妇发
            渝妇发 2020  | 渝妇发〔2020〕 | 渝妇发
            渝妇发2020   | 渝妇发〔2020〕 | 渝妇发
            渝妇发[2020  | 渝妇发〔2020〕 | 渝妇发
            鲁妇通字（２０２０） | 鲁妇通字〔2020〕 | 鲁妇通字
            """)
    void readsAgencyAndYear(String written, String canonical, String agency) {
        Optional<DocNumber> dn = DocNumbers.parseAgencyYear(written);
        assertTrue(dn.isPresent(), () -> written + " should parse as agency + year");
        assertEquals(canonical, dn.get().canonical());
        assertEquals(new DocNumber(agency, 2020, null), dn.get());
        assertTrue(!dn.get().isComplete());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "妇联", "渝妇发", "2020年3月11日", "〔2020〕6号", "鲁妇通字〔2020〕", "鲁妇通字〔2020〕6",
            "鲁妇通字〔1850〕6号", "鲁妇通字〔2020〕号", "第6号", "abc〔2020〕6号", "鲁妇通字〔2020〕6号文件精神",
            "关于印发鲁妇通字〔2020〕6号的通知", "鲁妇通字〔20200〕6号", "6号"})
    void doesNotReadNonNumbers(String text) {
        assertEquals(Optional.empty(), DocNumbers.parse(text), () -> "'" + text + "' is not a document number");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "渝妇发", "妇", "2020", "渝妇发〔2020〕13号", "渝妇发〔20〕", "2020年"})
    void agencyYearRejectsOtherText(String text) {
        assertEquals(Optional.empty(), DocNumbers.parseAgencyYear(text), () -> "'" + text + "' is not agency + year");
    }

    @Test
    void nullIsNotANumber() {
        assertEquals(Optional.empty(), DocNumbers.parse(null));
        assertEquals(Optional.empty(), DocNumbers.parseAgencyYear(null));
    }

    /** The agency reaches back to the nearest non-Han character, so a number glued to a word (和鲁妇通字…) takes the word in. */
    @Test
    void findsNumbersInRunningTextWithSpans() {
        String text = "认真学习贯彻《通知》（国发明电〔2020〕8号）、鲁妇通字［２０２０］第６号文件精神";
        List<DocNumbers.Found> found = DocNumbers.findAll(text);
        assertEquals(List.of("国发明电〔2020〕8号", "鲁妇通字〔2020〕6号"), found.stream().map(f -> f.number().canonical()).toList());
        assertEquals("国发明电〔2020〕8号", text.substring(found.get(0).start(), found.get(0).end()));
        assertEquals("鲁妇通字［２０２０］第６号", text.substring(found.get(1).start(), found.get(1).end()));
    }
}
