package org.noticesearch.search;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One end of a date range as the user wrote it, resolved to a day: the first day it covers for {@code from}, the
 * last for {@code to}. Accepted: a year, a month or a day, written {@code 2020}, {@code 2020-03}, {@code 2020-03-01},
 * {@code 2020/03/01}, {@code 2020.3.1}, {@code 2020年}, {@code 2020年3月}, {@code 2020年3月1日}, in half- or
 * full-width digits (what a Chinese input method gives).
 */
public record DateBound(String asWritten, LocalDate day) {
    /** Digits with one separator, the same between month and day (2020-03-01, 2020/3/1, 2020.03). */
    private static final Pattern NUMERIC = Pattern.compile("(\\d{4})(?:([-/.])(\\d{1,2})(?:\\2(\\d{1,2}))?)?");
    /** The Chinese way: 2020年, 2020年3月, 2020年3月1日 (the final 日 may be left out). */
    private static final Pattern CHINESE = Pattern.compile("(\\d{4})\\s*年(?:\\s*(\\d{1,2})\\s*月(?:\\s*(\\d{1,2})\\s*日?)?)?");

    public static DateBound parse(String parameter, String value, boolean isEnd) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String written = value.strip();
        // NFKC turns full-width digits and ／．－ into ASCII; 年月日 are left as they are.
        String s = Normalizer.normalize(written, Normalizer.Form.NFKC).strip();
        String year;
        String month;
        String day;
        Matcher m = NUMERIC.matcher(s);
        if (m.matches()) {
            year = m.group(1);
            month = m.group(3);
            day = m.group(4);
        } else if ((m = CHINESE.matcher(s)).matches()) {
            year = m.group(1);
            month = m.group(2);
            day = m.group(3);
        } else {
            throw new BadRequestException(parameter, "“" + written + "”不是日期，请写成年、年月或年月日，"
                    + "如 2020、2020-03、2020-03-01 或 2020年3月1日");
        }
        int y = Integer.parseInt(year);
        if (month == null) {
            return new DateBound(written, isEnd ? LocalDate.of(y, 12, 31) : LocalDate.of(y, 1, 1));
        }
        int mo = Integer.parseInt(month);
        if (mo < 1 || mo > 12) {
            throw new BadRequestException(parameter, "“" + written + "”不是有效日期：月份应为 1 到 12，这里是 " + mo);
        }
        YearMonth ym = YearMonth.of(y, mo);
        if (day == null) {
            return new DateBound(written, isEnd ? ym.atEndOfMonth() : ym.atDay(1));
        }
        int d = Integer.parseInt(day);
        if (d < 1 || d > ym.lengthOfMonth()) {
            throw new BadRequestException(parameter, "“" + written + "”不是有效日期：" + y + "年" + mo + "月只有 "
                    + ym.lengthOfMonth() + " 天");
        }
        return new DateBound(written, ym.atDay(d));
    }

    public int ymd() {
        return day.getYear() * 10000 + day.getMonthValue() * 100 + day.getDayOfMonth();
    }
}
