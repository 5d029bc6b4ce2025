package org.noticesearch.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.noticesearch.ingest.DocNumber.Form;

/**
 * Every document number in running text, for tests that check what the parser leaves in a field (no field of a
 * notice may start with a number). The product finds cited numbers in brackets only ({@code References}).
 */
final class InTextNumbers {
    private InTextNumbers() {}

    // In running text the agency is taken back to the nearest non-Han char (a glued word comes along, as before).
    private static final Pattern IN_TEXT_SERIAL = Pattern.compile(
            "(\\p{IsHan}{2,14})\\s*" + DocNumbers.OPEN + "\\s*" + DocNumbers.YEAR + "\\s*" + DocNumbers.CLOSE + "\\s*第?\\s*" + DocNumbers.SERIAL_TEXT + "\\s*号");
    private static final Pattern IN_TEXT_YEAR_FIRST = Pattern.compile(
            DocNumbers.OPEN + "\\s*" + DocNumbers.YEAR + "\\s*" + DocNumbers.CLOSE + "\\s*(\\p{IsHan}{2,14}?)\\s*第\\s*" + DocNumbers.NUM + "\\s*号");
    /** Only with 公告 or 令 before the year: a bare 2020年第3号 in prose is a typhoon or an issue, not a number. */
    private static final Pattern IN_TEXT_ANNOUNCEMENT = Pattern.compile(
            "(\\p{IsHan}{0,18}(?:公告|令))\\s*" + DocNumbers.YEAR + "\\s*年\\s*第\\s*" + DocNumbers.NUM + "\\s*号");
    /** 国令第707号, or 国务院令（第707号） with its brackets. */
    private static final Pattern IN_TEXT_DECREE = Pattern.compile(
            "(\\p{IsHan}{1,19}令)\\s*(?:[（(]\\s*第\\s*" + DocNumbers.NUM + "\\s*号\\s*[）)]|第\\s*" + DocNumbers.NUM + "\\s*号)");

    /** Every document number in running text, in order; overlapping readings keep the one that starts first. */
    public static List<Found> findAll(String text) {
        String s = TextNormalizer.halfWidth(text);
        List<Found> all = new ArrayList<>();
        Matcher m = IN_TEXT_SERIAL.matcher(s);
        while (m.find()) {
            Optional<DocNumber> dn = m.group(3).chars().allMatch(Character::isDigit)
                    ? Optional.of(DocNumbers.serial(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))))
                    : DocNumbers.verbatim(m.group(1), Integer.parseInt(m.group(2)), m.group(3));
            if (dn.isPresent()) {
                all.add(new Found(dn.get(), m.start(), m.end()));
            }
        }
        m = IN_TEXT_YEAR_FIRST.matcher(s);
        while (m.find()) {
            all.add(new Found(new DocNumber(m.group(2), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(3)),
                    Form.YEAR_FIRST, null), m.start(), m.end()));
        }
        m = IN_TEXT_ANNOUNCEMENT.matcher(s);
        while (m.find()) {
            if (m.group(1).length() >= 2) {
                all.add(new Found(new DocNumber(m.group(1), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                        Form.ANNOUNCEMENT, null), m.start(), m.end()));
            }
        }
        m = IN_TEXT_DECREE.matcher(s);
        while (m.find()) {
            String serial = m.group(2) != null ? m.group(2) : m.group(3);
            all.add(new Found(new DocNumber(m.group(1), null, Integer.parseInt(serial), Form.DECREE, null), m.start(), m.end()));
        }
        all.sort(Comparator.comparingInt(Found::start).thenComparing(Comparator.comparingInt(Found::end).reversed()));
        List<Found> out = new ArrayList<>();
        int covered = -1;
        for (Found f : all) {
            if (f.start() >= covered) {
                out.add(f);
                covered = f.end();
            }
        }
        return out;
    }

    /** A number found in text with its span (offsets into the text as given; width folding keeps lengths). */
    public record Found(DocNumber number, int start, int end) {}
}
