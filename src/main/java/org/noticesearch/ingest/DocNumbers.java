package org.noticesearch.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads 发文字号 in the forms found in practice (〔〕 [] ［］ () （） 【】 brackets, full-width digits,
 * spaces, 第, leading zeros) and writes them in the canonical form {@code 鲁妇通字〔2020〕6号}.
 * The parser and the query side share this class, so a number typed any way finds the notice.
 */
public final class DocNumbers {
    private DocNumbers() {}

    private static final String AGENCY = "([\\p{IsHan}]{1,14}?)";
    private static final String OPEN = "[〔\\[［(（【{｛〖]";
    private static final String CLOSE = "[〕\\]］)）】}｝〗]";
    private static final String YEAR = "((?:19|20)\\d{2})";
    private static final String SERIAL = "第?\\s*0*(\\d{1,5})\\s*号";

    /** A whole number: agency, bracketed or spaced year, serial, 号. */
    private static final Pattern FULL = Pattern.compile(
            "^" + AGENCY + "\\s*(?:" + OPEN + "\\s*" + YEAR + "\\s*" + CLOSE + "|\\s+" + YEAR + "\\s+|" + YEAR + "年?)\\s*字?\\s*" + SERIAL + "$");
    /** Agency and year only: 渝妇发〔2020〕, 渝妇发 2020, 渝妇发2020. */
    private static final Pattern AGENCY_YEAR = Pattern.compile(
            "^" + AGENCY + "\\s*(?:" + OPEN + "\\s*" + YEAR + "\\s*" + CLOSE + "?|" + YEAR + ")\\s*$");
    /** A bracketed number inside running text; the agency is taken back to the nearest non-Han char. */
    private static final Pattern IN_TEXT = Pattern.compile(
            "([\\p{IsHan}]{2,14})\\s*" + OPEN + "\\s*" + YEAR + "\\s*" + CLOSE + "\\s*" + SERIAL);

    /** Parses a complete document number written in any accepted form; the whole string must be the number. */
    public static Optional<DocNumber> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = TextNormalizer.halfWidth(text).strip();
        Matcher m = FULL.matcher(s);
        if (!m.matches()) {
            return Optional.empty();
        }
        String year = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
        return Optional.of(new DocNumber(m.group(1), Integer.parseInt(year), Integer.parseInt(m.group(5))));
    }

    /**
     * Parses a partial number with a year (渝妇发〔2020〕, 渝妇发 2020). The agency code alone cannot be told
     * apart from a word by its form; callers check it against the agencies in the index.
     */
    public static Optional<DocNumber> parseAgencyYear(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = TextNormalizer.halfWidth(text).strip();
        Matcher m = AGENCY_YEAR.matcher(s);
        if (!m.matches() || m.group(1).length() < 2) {
            return Optional.empty();
        }
        String year = m.group(2) != null ? m.group(2) : m.group(3);
        return Optional.of(new DocNumber(m.group(1), Integer.parseInt(year), null));
    }

    /** Every bracketed document number in running text, in order. */
    public static List<Found> findAll(String text) {
        String s = TextNormalizer.halfWidth(text);
        List<Found> out = new ArrayList<>();
        Matcher m = IN_TEXT.matcher(s);
        while (m.find()) {
            out.add(new Found(new DocNumber(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))),
                    m.start(), m.end()));
        }
        return out;
    }

    /** A number found in text with its span (offsets into the text as given; width folding keeps lengths). */
    public record Found(DocNumber number, int start, int end) {}
}
