package org.noticesearch.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.noticesearch.ingest.DocNumber.Form;

/**
 * Reads 发文字号 in every form found in practice (see {@link Form}: 〔YYYY〕 serials, 公告 YYYY年第N号, 令第N号,
 * year-first 〔YYYY〕X字第N号, serials with hyphens) with the site noise around them (〔〕 [] ［］ () （） 【】
 * brackets, full-width digits, spaces, zero-width characters, 第, leading zeros), and writes each in the canonical
 * form of its own shape. The parser and the query side share this class, so a number typed any way finds the notice.
 */
public final class DocNumbers {
    private DocNumbers() {}

    static final String AGENCY = "(\\p{IsHan}{1,20}?)";
    static final String OPEN = "[〔\\[［(（【{｛〖]";
    static final String CLOSE = "[〕\\]］)）】}｝〗]";
    static final String YEAR = "((?:19|20)\\d{2})";
    static final String NUM = "0*(\\d{1,5})";
    /** A serial that is not a plain number: 12-1, 3之2, A12; checked for a digit after matching. */
    static final String SERIAL_TEXT = "([0-9A-Za-z]{1,6}(?:\\s*[-－—–之]\\s*[0-9A-Za-z]{1,6})*)";

    /** Zero-width characters that sites leave in numbers (U+200B to U+200D, word joiner, BOM). */
    private static final Pattern ZERO_WIDTH = Pattern.compile("[\\u200B-\\u200D\\u2060\\uFEFF]");
    /** An empty bracket pair left by a scraper: 渝府发〔2000〕48号〔〕. */
    private static final Pattern EMPTY_BRACKETS = Pattern.compile(OPEN + "\\s*" + CLOSE);

    /** agency〔YYYY〕N号, also with the year only spaced off or glued on (渝妇发 2020 6号). */
    private static final Pattern SERIAL = Pattern.compile(
            "^" + AGENCY + "\\s*(?:" + OPEN + "\\s*" + YEAR + "\\s*" + CLOSE + "|\\s+" + YEAR + "\\s+|" + YEAR + ")\\s*字?\\s*第?\\s*" + NUM + "\\s*号$");
    /** agency〔YYYY〕serial号 with a serial that is not a plain number. */
    private static final Pattern VERBATIM = Pattern.compile(
            "^" + AGENCY + "\\s*" + OPEN + "\\s*" + YEAR + "\\s*" + CLOSE + "\\s*第?\\s*" + SERIAL_TEXT + "\\s*号$");
    /** 〔YYYY〕agency第N号. */
    private static final Pattern YEAR_FIRST = Pattern.compile(
            "^" + OPEN + "\\s*" + YEAR + "\\s*" + CLOSE + "\\s*(\\p{IsHan}{2,20}?)\\s*第?\\s*" + NUM + "\\s*号$");
    /** agencyYYYY年第N号 (第 may be missing). */
    private static final Pattern ANNOUNCEMENT = Pattern.compile(
            "^" + AGENCY + "\\s*" + YEAR + "\\s*年\\s*第?\\s*" + NUM + "\\s*号$");
    /** agency令第N号, the 第N号 also in brackets (国务院令（第707号）). */
    private static final Pattern DECREE = Pattern.compile(
            "^(\\p{IsHan}{0,19}令)\\s*(?:(" + OPEN + ")\\s*)?第\\s*" + NUM + "\\s*号\\s*(" + CLOSE + ")?$");

    /** Agency and year only: 渝妇发〔2020〕, 渝妇发 2020, 渝妇发2020. */
    private static final Pattern AGENCY_YEAR = Pattern.compile(
            "^" + AGENCY + "\\s*(?:" + OPEN + "\\s*" + YEAR + "\\s*" + CLOSE + "?|" + YEAR + ")\\s*$");
    /** An announcement series: 国家税务总局公告2018年. */
    private static final Pattern AGENCY_YEAR_ANNOUNCEMENT = Pattern.compile("^" + AGENCY + "\\s*" + YEAR + "\\s*年$");
    /** A year-first series: 〔1996〕武司字. */
    private static final Pattern YEAR_AGENCY = Pattern.compile("^" + OPEN + "\\s*" + YEAR + "\\s*" + CLOSE + "\\s*(\\p{IsHan}{2,20})$");

    /**
     * Parses a complete document number written in any accepted form; the whole string must be the number
     * (surrounding spaces and zero-width characters aside).
     */
    public static Optional<DocNumber> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = clean(text);
        Matcher m = SERIAL.matcher(s);
        if (m.matches()) {
            String year = first(m, 2, 3, 4);
            return Optional.of(serial(m.group(1), Integer.parseInt(year), Integer.parseInt(m.group(5))));
        }
        m = VERBATIM.matcher(s);
        if (m.matches()) {
            return verbatim(m.group(1), Integer.parseInt(m.group(2)), m.group(3));
        }
        m = YEAR_FIRST.matcher(s);
        if (m.matches() && !m.group(2).endsWith("第")) { // 〔1996〕字第82号 has no agency code
            return Optional.of(new DocNumber(m.group(2), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(3)),
                    Form.YEAR_FIRST, null));
        }
        m = ANNOUNCEMENT.matcher(s);
        // 国务院公报2019年第5号 is an issue of the gazette, not the number of a notice in it.
        if (m.matches() && m.group(1).length() >= 2 && !m.group(1).endsWith("公报")) {
            return Optional.of(new DocNumber(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                    Form.ANNOUNCEMENT, null));
        }
        m = DECREE.matcher(s);
        if (m.matches() && m.group(1).length() >= 2 && (m.group(2) == null) == (m.group(4) == null)) {
            return Optional.of(new DocNumber(m.group(1), null, Integer.parseInt(m.group(3)), Form.DECREE, null));
        }
        return Optional.empty();
    }

    /**
     * Parses a partial number with a year (渝妇发〔2020〕, 渝妇发 2020, 〔1996〕武司字, 国家税务总局公告2018年). The agency
     * code alone cannot be told apart from a word by its form; callers check it against the agencies in the index.
     */
    public static Optional<DocNumber> parseAgencyYear(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = clean(text);
        Matcher m = AGENCY_YEAR.matcher(s);
        if (m.matches() && m.group(1).length() >= 2) {
            String year = m.group(2) != null ? m.group(2) : m.group(3);
            return Optional.of(new DocNumber(m.group(1), Integer.parseInt(year), null));
        }
        m = YEAR_AGENCY.matcher(s);
        if (m.matches()) {
            return Optional.of(new DocNumber(m.group(2), Integer.parseInt(m.group(1)), null, Form.YEAR_FIRST, null));
        }
        m = AGENCY_YEAR_ANNOUNCEMENT.matcher(s);
        if (m.matches() && m.group(1).length() >= 2) {
            return Optional.of(new DocNumber(m.group(1), Integer.parseInt(m.group(2)), null, Form.ANNOUNCEMENT, null));
        }
        return Optional.empty();
    }

    /**
     * The same number (or series) in each shape it may be typed or cited in, the number itself first: a serial's
     * agency, year and serial also read as an announcement (国家税务总局公告〔2018〕13号 and 国家税务总局公告2018年第13号)
     * and the other way round. The query side looks every one of them up; the index keeps only the notice's own.
     */
    public static List<DocNumber> alternatives(DocNumber dn) {
        List<DocNumber> out = new ArrayList<>();
        out.add(dn);
        if (dn.year() != null && dn.serialText() == null) {
            switch (dn.form()) {
                case SERIAL, YEAR_FIRST, DECREE -> out.add(new DocNumber(dn.agency(), dn.year(), dn.serial(), Form.ANNOUNCEMENT, null));
                case ANNOUNCEMENT -> out.add(new DocNumber(dn.agency(), dn.year(), dn.serial()));
                default -> { }
            }
        }
        return out;
    }

    /** Half-width digits and letters, no zero-width characters or empty bracket pairs, stripped. */
    static String clean(String text) {
        String s = TextNormalizer.halfWidth(text);
        s = ZERO_WIDTH.matcher(s).replaceAll("");
        s = EMPTY_BRACKETS.matcher(s).replaceAll("");
        return s.strip();
    }

    private static String first(Matcher m, int... groups) {
        for (int g : groups) {
            if (m.group(g) != null) {
                return m.group(g);
            }
        }
        throw new IllegalStateException("no group matched");
    }

    /** A serial; an agency ending in 令 makes it a decree with a bracketed year (农业部令〔2004〕第38号). */
    static DocNumber serial(String agency, int year, int serial) {
        return agency.endsWith("令") && agency.length() >= 2
                ? new DocNumber(agency, year, serial, Form.DECREE, null)
                : new DocNumber(agency, year, serial);
    }

    /**
     * A serial that is not a plain number, kept as written apart from spaces and dash width; it must hold a digit
     * and something else (a plain number too long for a serial is not one).
     */
    static Optional<DocNumber> verbatim(String agency, int year, String serialText) {
        String t = serialText.replaceAll("\\s+", "").replaceAll("[－—–]", "-");
        if (t.chars().noneMatch(Character::isDigit) || t.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        return Optional.of(new DocNumber(agency, year, null, Form.VERBATIM, t));
    }
}
