package org.noticesearch.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.noticesearch.SharedData;

/**
 * The 34,067 real document numbers of {@code ../shared/real-docnumbers/} (11 governments' sites, site noise
 * included) and the 305 of them labelled with their canonical form. Read in place, never copied.
 */
class RealDocNumbersTest {
    /** Measured: 34,066 of 34,067 parse (the one left is 晋政发〔2014〕号16, its serial after the 号); a small margin. */
    static final int PARSED_FLOOR = 34_060;

    private static List<String> lines(String file) throws IOException {
        return Files.readAllLines(SharedData.require("real-docnumbers").resolve(file), StandardCharsets.UTF_8);
    }

    /** "Kept as written", computed apart from the product: no spaces or zero-width characters, ASCII digits. */
    static String asWritten(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(cp -> {
            if (cp >= '０' && cp <= '９') {
                cp = cp - '０' + '0';
            }
            if (!Character.isWhitespace(cp) && cp != 0x3000 && cp != 0xA0 && !(cp >= 0x200B && cp <= 0x200D) && cp != 0x2060 && cp != 0xFEFF) {
                sb.appendCodePoint(cp);
            }
        });
        return sb.toString();
    }

    @Test
    void everyLabelledNumberParsesToItsCanonicalForm() throws IOException {
        List<String> wrong = new ArrayList<>();
        int rows = 0;
        int kept = 0;
        for (String line : lines("docnumber-sample.tsv")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            rows++;
            // An empty label: the number has no 〔YYYY〕 form and is kept as written.
            String want = f[2].isEmpty() ? asWritten(f[0]) : f[2];
            kept += f[2].isEmpty() ? 1 : 0;
            Optional<DocNumber> dn = DocNumbers.parse(f[0]);
            String got = dn.map(DocNumber::canonical).orElse(null);
            if (!want.equals(got)) {
                wrong.add(f[0] + " (" + f[1] + "): want " + want + ", got " + got);
            } else if (f[2].isEmpty() && dn.get().form() != DocNumber.Form.ANNOUNCEMENT) {
                wrong.add(f[0] + ": kept as written but read as " + dn.get().form());
            }
        }
        assertEquals(305, rows);
        assertEquals(8, kept);
        assertEquals(List.of(), wrong);
    }

    @Test
    void reportsHowManyOfAllRealNumbersParse() throws IOException {
        List<String> all = lines("docnumbers.txt").stream().filter(s -> !s.isEmpty()).toList();
        assertEquals(34_067, all.size());
        Map<DocNumber.Form, Integer> byForm = new LinkedHashMap<>();
        Map<String, Integer> unparsed = new LinkedHashMap<>();
        List<String> notFixedPoint = new ArrayList<>();
        List<String> invented = new ArrayList<>();
        int parsed = 0;
        for (String s : all) {
            Optional<DocNumber> dn = DocNumbers.parse(s);
            if (dn.isPresent()) {
                parsed++;
                byForm.merge(dn.get().form(), 1, Integer::sum);
                // The canonical form reads back to itself, so a number found by its canonical form stays found.
                String c = dn.get().canonical();
                if (!DocNumbers.parse(c).map(DocNumber::canonical).equals(Optional.of(c))) {
                    notFixedPoint.add(s);
                }
                // Never a form the number does not use: written without brackets (公告2018年第13号), it gets none.
                if (s.chars().noneMatch(ch -> "〔〕[]［］()（）【】".indexOf(ch) >= 0) && c.contains("〔")) {
                    invented.add(s + " -> " + c);
                }
            } else {
                unparsed.merge(shape(s), 1, Integer::sum);
            }
        }
        double share = parsed / (double) all.size();
        System.out.printf("real document numbers: %d of %d parse (%.4f%%); by form %s%n", parsed, all.size(), 100 * share, byForm);
        unparsed.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(20)
                .forEach(e -> System.out.println("  unparsed pattern " + e.getKey() + " x" + e.getValue()));
        assertEquals(List.of(), notFixedPoint);
        assertEquals(List.of(), invented);
        int parsedCount = parsed;
        assertTrue(parsed >= PARSED_FLOOR, () -> parsedCount + " parse, fewer than " + PARSED_FLOOR + "; unparsed " + unparsed);
    }

    /** The pattern of a string: digits as 9, Han as X, runs folded, other characters (zero-width ones named) kept. */
    static String shape(String s) {
        StringBuilder sb = new StringBuilder();
        s.codePoints().forEach(cp -> {
            String c = Character.isDigit(cp) ? "9" : TextNormalizer.isHan(cp) ? "X"
                    : Character.getType(cp) == Character.FORMAT ? String.format("<U+%04X>", cp) : new String(Character.toChars(cp));
            if (!(c.equals("9") || c.equals("X")) || sb.isEmpty() || !sb.toString().endsWith(c)) {
                sb.append(c);
            }
        });
        return sb.toString();
    }
}
