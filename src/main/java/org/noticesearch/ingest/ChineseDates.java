package org.noticesearch.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads dates written as 2020年2月27日, 2020 年 3 月 11 日, or in Chinese numerals (二〇一九年十二月五日). */
public final class ChineseDates {
    private ChineseDates() {}

    private static final String CN_DIGIT = "〇零○ＯO一二三四五六七八九";
    private static final Pattern DATE = Pattern.compile(
            "([0-9]{4}|[" + CN_DIGIT + "]{4})\\s*年\\s*([0-9]{1,2}|[十一二三四五六七八九]{1,2})\\s*月\\s*"
                    + "([0-9]{1,2}|[十一二三四五六七八九]{1,3})\\s*日");

    /** A date found in text, with the characters it was read from. */
    public record Found(LocalDate date, String asWritten, int start, int end) {}

    /** The first valid date in the text. */
    public static Optional<Found> find(String text) {
        String s = TextNormalizer.halfWidth(text);
        Matcher m = DATE.matcher(s);
        while (m.find()) {
            Optional<LocalDate> d = toDate(m.group(1), m.group(2), m.group(3));
            if (d.isPresent()) {
                return Optional.of(new Found(d.get(), text.substring(m.start(), m.end()), m.start(), m.end()));
            }
        }
        return Optional.empty();
    }

    /** The date if the whole line is one date, optionally in brackets (（2012年2月6日）). */
    public static Optional<Found> wholeLine(String line) {
        // A line that is one date is short and has 年 and 日; most lines are neither, so skip the regexes.
        if (line.length() > 40 || line.indexOf('年') < 0 || line.indexOf('日') < 0) {
            return Optional.empty();
        }
        String s = line.strip();
        String inner = s.replaceFirst("^[（(\\[〔【]\\s*", "").replaceFirst("\\s*[）)\\]〕】]$", "");
        Optional<Found> f = find(inner);
        if (f.isPresent() && f.get().start() == 0 && f.get().end() == inner.length()) {
            return f;
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> toDate(String y, String m, String d) {
        try {
            return Optional.of(LocalDate.of(year(y), number(m), number(d)));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static int year(String y) {
        if (Character.isDigit(y.charAt(0))) {
            return Integer.parseInt(y);
        }
        int v = 0;
        for (char c : y.toCharArray()) {
            v = v * 10 + digit(c);
        }
        return v;
    }

    /** 1-31 in Arabic or Chinese numerals: 五, 十, 十二, 二十, 二十五, 三十一. */
    private static int number(String s) {
        if (Character.isDigit(s.charAt(0))) {
            return Integer.parseInt(s);
        }
        int ten = s.indexOf('十');
        if (ten < 0) {
            if (s.length() != 1) {
                throw new NumberFormatException(s);
            }
            return digit(s.charAt(0));
        }
        int tens = ten == 0 ? 1 : digit(s.charAt(0));
        int ones = ten == s.length() - 1 ? 0 : digit(s.charAt(ten + 1));
        return tens * 10 + ones;
    }

    private static int digit(char c) {
        return switch (c) {
            case '〇', '零', '○', 'Ｏ', 'O' -> 0;
            case '一' -> 1;
            case '二' -> 2;
            case '三' -> 3;
            case '四' -> 4;
            case '五' -> 5;
            case '六' -> 6;
            case '七' -> 7;
            case '八' -> 8;
            case '九' -> 9;
            default -> throw new NumberFormatException(String.valueOf(c));
        };
    }
}
