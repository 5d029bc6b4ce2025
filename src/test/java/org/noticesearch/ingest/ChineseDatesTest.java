package org.noticesearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Dates as notices write them: Arabic or Chinese numerals, spaced, in brackets under a title. */
class ChineseDatesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            2020年2月27日        | 2020-02-27 | 2020年2月27日
            2020 年 3 月 11 日   | 2020-03-11 | 2020 年 3 月 11 日
            （2012年2月6日）       | 2012-02-06 | 2012年2月6日
            (2012年2月6日)       | 2012-02-06 | 2012年2月6日
            二〇一九年十二月五日      | 2019-12-05 | 二〇一九年十二月五日
            二零二零年三月一日       | 2020-03-01 | 二零二零年三月一日
            二〇二〇年二月二十九日    | 2020-02-29 | 二〇二〇年二月二十九日
            二〇二一年十月三十一日    | 2021-10-31 | 二〇二一年十月三十一日
            二〇二一年十一月十日     | 2021-11-10 | 二〇二一年十一月十日
            ２０２１年３月８日        | 2021-03-08 | ２０２１年３月８日
            2020年02月09日        | 2020-02-09 | 2020年02月09日
            """)
    void readsAWholeLineDate(String line, String iso, String asWritten) {
        Optional<ChineseDates.Found> d = ChineseDates.wholeLine(line);
        assertTrue(d.isPresent(), () -> line + " should read as a date");
        assertEquals(LocalDate.parse(iso), d.get().date());
        assertEquals(asWritten, d.get().asWritten());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2020年2月30日", "2021年2月29日", "2020年13月1日", "2020年0月10日", "2020年4月31日", "2020年1月0日",
            "二〇一九年十三月五日", "二〇一九年二月三十日", "二〇一九年二月四十日", "2020年2月", "2月27日", "2020-02-27", "二〇一九年十二月"})
    void rejectsInvalidOrIncompleteDates(String text) {
        assertEquals(Optional.empty(), ChineseDates.find(text), () -> text + " is not a valid date");
    }

    @ParameterizedTest
    @ValueSource(strings = {"截止时间为2020年3月1日", "2020年3月1日前报送", "于2020年3月1日召开。", "重庆市妇女联合会办公室 2020 年 3月 11日印发"})
    void aDateInsideALineIsNotAWholeLineDate(String line) {
        assertEquals(Optional.empty(), ChineseDates.wholeLine(line));
        assertTrue(ChineseDates.find(line).isPresent());
    }

    @Test
    void findSkipsAnInvalidDateAndReportsTheSpan() {
        String text = "原定2020年2月30日，改为2020年3月2日举行";
        ChineseDates.Found f = ChineseDates.find(text).orElseThrow();
        assertEquals(LocalDate.of(2020, 3, 2), f.date());
        assertEquals("2020年3月2日", text.substring(f.start(), f.end()));
    }
}
