package org.noticesearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.noticesearch.ingest.DocNumber.Form;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every written form of a 发文字号 from issues 2, 3 and 12 reads to the canonical form of its own shape (see
 * {@link DocNumber.Form}); non-numbers do not read.
 */
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
        assertTrue(isComplete(dn.get()));
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
        assertTrue(!isComplete(dn.get()));
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
        List<InTextNumbers.Found> found = InTextNumbers.findAll(text);
        assertEquals(List.of("国发明电〔2020〕8号", "鲁妇通字〔2020〕6号"), found.stream().map(f -> f.number().canonical()).toList());
        assertEquals("国发明电〔2020〕8号", text.substring(found.get(0).start(), found.get(0).end()));
        assertEquals("鲁妇通字［２０２０］第６号", text.substring(found.get(1).start(), found.get(1).end()));
    }

    /** Each form, with the site noise of the real numbers, to its canonical form and its parts; {@code -} is null. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            国家税务总局公告2018年第13号          | 国家税务总局公告2018年第13号 | ANNOUNCEMENT | 国家税务总局公告 | 2018 | 13  | 国家税务总局公告2018年
            国家税务总局公告 ２０１８年第０１３号     | 国家税务总局公告2018年第13号 | ANNOUNCEMENT | 国家税务总局公告 | 2018 | 13  | 国家税务总局公告2018年
            国家税务总局公告2018年13号            | 国家税务总局公告2018年第13号 | ANNOUNCEMENT | 国家税务总局公告 | 2018 | 13  | 国家税务总局公告2018年
            上海市人民政府令2018年第8号            | 上海市人民政府令2018年第8号  | ANNOUNCEMENT | 上海市人民政府令 | 2018 | 8   | 上海市人民政府令2018年
            农业农村部2019年第4号               | 农业农村部2019年第4号      | ANNOUNCEMENT | 农业农村部     | 2019 | 4   | 农业农村部2019年
            国令第707号                     | 国令第707号            | DECREE       | 国令        | -    | 707 | 国令
            国务院令（第707号）                 | 国务院令第707号           | DECREE       | 国务院令      | -    | 707 | 国务院令
            公安部令 第０８８号                  | 公安部令第88号           | DECREE       | 公安部令      | -    | 88  | 公安部令
            农业部令〔2004〕第38号              | 农业部令〔2004〕38号       | DECREE       | 农业部令      | 2004 | 38  | 农业部令〔2004〕
            渝府令 [2020] 5号                | 渝府令〔2020〕5号         | DECREE       | 渝府令       | 2020 | 5   | 渝府令〔2020〕
            〔1996〕武司字第82号               | 武司字〔1996〕82号        | YEAR_FIRST   | 武司字       | 1996 | 82  | 武司字〔1996〕
            [1996] 武司字 第 82 号            | 武司字〔1996〕82号        | YEAR_FIRST   | 武司字       | 1996 | 82  | 武司字〔1996〕
            （１９９６）武司字第０８２号             | 武司字〔1996〕82号        | YEAR_FIRST   | 武司字       | 1996 | 82  | 武司字〔1996〕
            京卫老年〔2021〕3号                | 京卫老年〔2021〕3号       | SERIAL       | 京卫老年      | 2021 | 3   | 京卫老年〔2021〕
            ​晋政办发〔2022〕74号           | 晋政办发〔2022〕74号      | SERIAL       | 晋政办发      | 2022 | 74  | 晋政办发〔2022〕
            渝府发〔2000〕48号〔〕              | 渝府发〔2000〕48号       | SERIAL       | 渝府发       | 2000 | 48  | 渝府发〔2000〕
            豫政办 〔 2021 〕68 号             | 豫政办〔2021〕68号       | SERIAL       | 豫政办       | 2021 | 68  | 豫政办〔2021〕
            晋政办发(2017〕109号              | 晋政办发〔2017〕109号     | SERIAL       | 晋政办发      | 2017 | 109 | 晋政办发〔2017〕
            """)
    void readsEveryForm(String written, String canonical, Form form, String agency, Integer year, Integer serial, String series) {
        Optional<DocNumber> dn = DocNumbers.parse(written);
        assertTrue(dn.isPresent(), () -> written + " should parse");
        assertEquals(canonical, dn.get().canonical());
        assertEquals(new DocNumber(agency, year, serial, form, null), dn.get());
        assertEquals(series, dn.get().series());
        assertTrue(isComplete(dn.get()));
        // The canonical form reads back to the same number.
        assertEquals(canonical, DocNumbers.parse(canonical).orElseThrow().canonical());
    }

    @Test
    void aYearFirstNumberKeepsItsOwnOrderForDisplay() {
        DocNumber dn = DocNumbers.parse("（1996）武司字第82号").orElseThrow();
        assertEquals("〔1996〕武司字第82号", dn.written());
        assertEquals("武司字〔1996〕82号", dn.canonical());
        assertEquals("国家税务总局公告2018年第13号", DocNumbers.parse("国家税务总局公告2018年第13号").orElseThrow().written());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            渝府发〔2020〕12-1号    | 渝府发〔2020〕12-1号 | 渝府发 | 12-1
            渝府发［２０２０］１２－１号 | 渝府发〔2020〕12-1号 | 渝府发 | 12-1
            渝府发〔2020〕第12 - 1号 | 渝府发〔2020〕12-1号 | 渝府发 | 12-1
            京政发〔2020〕12之1号   | 京政发〔2020〕12之1号 | 京政发 | 12之1
            京政发〔2020〕A12号    | 京政发〔2020〕A12号  | 京政发 | A12
            """)
    void keepsASerialThatIsNotANumberAsWritten(String written, String canonical, String agency, String serialText) {
        DocNumber dn = DocNumbers.parse(written).orElseThrow(() -> new AssertionError(written + " should parse"));
        assertEquals(canonical, dn.canonical());
        assertEquals(new DocNumber(agency, 2020, null, Form.VERBATIM, serialText), dn);
        assertEquals(agency + "〔2020〕", dn.series());
        assertTrue(isComplete(dn));
    }

    @ParameterizedTest
    @ValueSource(strings = {"令第5号", "第6号", "国令707号", "国令（第707号", "2018年第13号", "年第13号", "〔1996〕字第82号", "〔1996〕第82号",
            "〔1996〕武司字第82", "今年2020年第3号台风", "渝府发〔2020〕-号", "渝府发〔2020〕AB号", "国家税务总局公告2018年第13号文件", "国务院公报2019年第5号"})
    void doesNotReadOtherShapesThatAreNotNumbers(String text) {
        assertEquals(Optional.empty(), DocNumbers.parse(text), () -> "'" + text + "' is not a document number");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            国家税务总局公告2018年 | 国家税务总局公告2018年 | ANNOUNCEMENT | 国家税务总局公告
            〔1996〕武司字      | 武司字〔1996〕       | YEAR_FIRST   | 武司字
            """)
    void readsTheSeriesOfOtherForms(String written, String canonical, Form form, String agency) {
        DocNumber dn = DocNumbers.parseAgencyYear(written).orElseThrow();
        assertEquals(canonical, dn.canonical());
        assertEquals(form, dn.form());
        assertEquals(agency, dn.agency());
        assertTrue(!isComplete(dn));
    }

    @Test
    void anAnnouncementAndASerialWithTheSamePartsAreLookedUpTogether() {
        assertEquals(List.of("国家税务总局公告2018年第13号", "国家税务总局公告〔2018〕13号"),
                DocNumbers.alternatives(DocNumbers.parse("国家税务总局公告2018年第13号").orElseThrow()).stream().map(DocNumber::canonical).toList());
        assertEquals(List.of("国家税务总局公告〔2018〕13号", "国家税务总局公告2018年第13号"),
                DocNumbers.alternatives(DocNumbers.parse("国家税务总局公告［2018］13号").orElseThrow()).stream().map(DocNumber::canonical).toList());
        assertEquals(List.of("国令第707号"),
                DocNumbers.alternatives(DocNumbers.parse("国令第707号").orElseThrow()).stream().map(DocNumber::canonical).toList());
    }

    @Test
    void findsEveryFormInRunningText() {
        String text = "根据《条例》（国务院令第707号）、国家税务总局公告２０１８年第13号和（〔1996〕武司字第82号），"
                + "按《办法》（渝府发〔2020〕12-1号）执行。今年第3号台风、2020年第3号文件不是文号。";
        List<InTextNumbers.Found> found = InTextNumbers.findAll(text);
        assertEquals(List.of("国务院令第707号", "国家税务总局公告2018年第13号", "武司字〔1996〕82号", "渝府发〔2020〕12-1号"),
                found.stream().map(f -> f.number().canonical()).toList());
        assertEquals(List.of(Form.DECREE, Form.ANNOUNCEMENT, Form.YEAR_FIRST, Form.VERBATIM),
                found.stream().map(f -> f.number().form()).toList());
        assertEquals(List.of("国务院令第707号", "国家税务总局公告２０１８年第13号", "〔1996〕武司字第82号", "渝府发〔2020〕12-1号"),
                found.stream().map(f -> text.substring(f.start(), f.end())).toList());
    }

    /** Notices are stored as JSON: every form reads back, and a record stored before forms existed is a serial. */
    @Test
    void readsBackFromJson() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        for (String written : List.of("〔1996〕武司字第82号", "渝府发〔2020〕12-1号", "国令第707号", "国家税务总局公告2018年第13号", "鲁妇通字〔2020〕6号")) {
            DocNumber dn = DocNumbers.parse(written).orElseThrow();
            assertEquals(dn, json.readValue(json.writeValueAsString(dn), DocNumber.class), written);
        }
        assertEquals("{\"agency\":\"国令\",\"year\":null,\"serial\":707,\"form\":\"DECREE\"}",
                json.writeValueAsString(DocNumbers.parse("国令第707号").orElseThrow()));
        assertEquals(new DocNumber("鲁妇通字", 2020, 6), json.readValue("{\"agency\":\"鲁妇通字\",\"year\":2020,\"serial\":6}", DocNumber.class));
    }

    /** Whether a parse gave a whole number (with its serial, and its year unless a decree) rather than a partial one. */
    private static boolean isComplete(DocNumber dn) {
        boolean hasSerial = dn.serial() != null || dn.serialText() != null;
        return dn.form() == DocNumber.Form.DECREE ? hasSerial : dn.year() != null && hasSerial;
    }
}
