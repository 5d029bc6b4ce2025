package org.noticesearch.search;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One end of a date range as the user wrote it (YYYY, YYYY-MM or YYYY-MM-DD), resolved to a day:
 * the first day it covers for {@code from}, the last for {@code to}.
 */
public record DateBound(String asWritten, LocalDate day) {
    private static final Pattern FORM = Pattern.compile("(\\d{4})(?:-(\\d{1,2})(?:-(\\d{1,2}))?)?");

    public static DateBound parse(String parameter, String value, boolean isEnd) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Matcher m = FORM.matcher(value.strip());
        if (!m.matches()) {
            throw new BadRequestException(parameter, "'" + value + "' is not a date: use YYYY, YYYY-MM or YYYY-MM-DD");
        }
        try {
            int y = Integer.parseInt(m.group(1));
            LocalDate d;
            if (m.group(2) == null) {
                d = isEnd ? LocalDate.of(y, 12, 31) : LocalDate.of(y, 1, 1);
            } else if (m.group(3) == null) {
                YearMonth ym = YearMonth.of(y, Integer.parseInt(m.group(2)));
                d = isEnd ? ym.atEndOfMonth() : ym.atDay(1);
            } else {
                d = LocalDate.of(y, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            }
            return new DateBound(value.strip(), d);
        } catch (DateTimeException e) {
            throw new BadRequestException(parameter, "'" + value + "' is not a valid date (" + e.getMessage() + ")");
        }
    }

    public int ymd() {
        return day.getYear() * 10000 + day.getMonthValue() * 100 + day.getDayOfMonth();
    }
}
