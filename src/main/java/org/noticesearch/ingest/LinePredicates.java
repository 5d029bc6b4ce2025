package org.noticesearch.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.noticesearch.config.IssuerDirectory;

/**
 * What a single line of a notice is: an organisation name, a date, a header element, a 印发 line, a document number.
 * Pure functions of the line (and, for organisation names, of the issuer directory), so each can be tested alone.
 */
public final class LinePredicates {
    static final Pattern COPY_NUMBER = Pattern.compile("^(?:份号[：:]?\\s*)?(\\d{6})$");
    static final Pattern CLASSIFICATION = Pattern.compile("^(?:密级[：:]?\\s*)?((?:绝密|机密|秘密)(?:\\s*★\\s*[^\\s]{0,8})?|内部(?:资料|文件)?|内部)$");
    static final Pattern URGENCY = Pattern.compile("^(?:紧急程度[：:]?\\s*)?(特急|加急|特提|平急|紧急)$");
    static final Pattern SIGNER = Pattern.compile("签\\s*发\\s*人[：:]\\s*(.+)$");
    /** Header elements sharing a line, and offices signing on one line, are set apart by a run of spaces. */
    static final Pattern GAP = Pattern.compile("[\\s\u3000\u00A0]{2,}");
    static final Pattern ISSUER_MARK = Pattern.compile("^(.{2,60}?)\\s*文件$");
    static final Pattern CC = Pattern.compile("^抄\\s*送[：:]\\s*(.*)$");
    static final Pattern ATTACHMENT = Pattern.compile("^附\\s*件[：:]\\s*(.+)$");
    static final Pattern ATTACHMENT_ITEM = Pattern.compile("^\\d{1,2}[.．、]\\s*\\S.*$");
    static final Pattern PRINTED = Pattern.compile("^(.*?)\\s*((?:\\d{4}|[〇零一二三四五六七八九]{4})\\s*年.{1,8}日)\\s*印\\s*发$");
    /** A label some layouts and sites put before the number. */
    private static final Pattern NUMBER_LABEL = Pattern.compile("^(?:发文字号|文\\s*号|字\\s*号)\\s*[：:]\\s*");
    /** The endings of office names: 妇联, 人民政府, 办公厅, 科教处, 综合司, 公安部三局 … */
    private static final Pattern ORG_SUFFIX = Pattern.compile("(?:联合会|妇联|委员会|妇委会|妇工委|办公室|办公厅|人民政府|政府|党委|党组|工会|团委"
            + "|局|厅|部|委|院|中心|协会|学会|基金会|集团|公司|学校|大学|组|处|司|署|室|所|站|总队|支队|大队|馆)$");
    /** Offices named together: 国务院办公厅、中央军委办公厅. */
    private static final Pattern ORG_JOIN = Pattern.compile("、");
    private static final Pattern NUMERIC_DATE = Pattern.compile("^(\\d{4})\\s*[-./年]\\s*(\\d{1,2})\\s*[-./月]\\s*(\\d{1,2})\\s*日?$");

    private final IssuerDirectory issuers;

    public LinePredicates(IssuerDirectory issuers) {
        this.issuers = issuers;
    }

    /** One office's name: a known issuer, or a short unpunctuated line ending like an office. */
    public boolean isOrgName(String line) {
        String l = TextNormalizer.tidySpaces(line);
        if (l.isEmpty() || l.length() > 40 || hasSentencePunct(l) || l.contains("：") || l.contains(":")) {
            return false;
        }
        return issuers.lookup(l).isPresent() || ORG_SUFFIX.matcher(l).find()
                || issuers.longestPrefix(l).map(p -> p.length() == l.length()).orElse(false);
    }

    /**
     * The offices on a line that names only offices, in order: one (北京市妇女联合会), several set apart by a run of spaces
     * (北京市卫生健康委科教处   北京市中医管理局科教处) or by 、; empty when any part is not an office's name.
     */
    public List<String> orgNames(String line) {
        List<String> out = new ArrayList<>();
        for (String part : GAP.split(TextCleaner.strip(line))) {
            for (String name : ORG_JOIN.split(part)) {
                String n = TextNormalizer.tidySpaces(name);
                if (n.isEmpty()) {
                    continue;
                }
                if (!isOrgName(n)) {
                    return List.of();
                }
                // One space may set two offices apart (中共北京市委 北京市人民政府), or sit inside one name (北京市 妇女联合会).
                List<String> spaced = List.of(name.strip().split("[\\s\u3000\u00A0]+"));
                if (spaced.size() > 1 && spaced.stream().allMatch(w -> w.length() >= 3 && isOrgName(w))) {
                    out.addAll(spaced);
                } else {
                    out.add(n);
                }
            }
        }
        return out;
    }

    /** Whether a known issuer's name is exactly this line. */
    public boolean isKnownIssuer(String line) {
        return issuers.lookup(TextNormalizer.tidySpaces(line)).isPresent();
    }

    /** A line that is only a document number, perhaps after a label (发文字号：); the number's span as written. */
    public static Optional<String> docNumberText(String line) {
        String s = TextCleaner.strip(line);
        Matcher label = NUMBER_LABEL.matcher(TextNormalizer.halfWidth(s));
        if (label.find()) {
            s = s.substring(label.end());
        }
        return DocNumbers.parse(s).isPresent() ? Optional.of(s) : Optional.empty();
    }

    /** Whether one of the parts of a line (set apart by runs of spaces) is a document number. */
    public static boolean hasDocNumber(String line) {
        for (String part : GAP.split(TextCleaner.strip(line))) {
            if (docNumberText(part).isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** A date alone on a line, perhaps in brackets: 2021年3月3日, （二〇一九年十二月五日）. */
    public static boolean isDate(String line) {
        return ChineseDates.wholeLine(line).isPresent();
    }

    /** A 印发 line ends in 印发; checking that first keeps the regex off almost every body line. */
    static boolean mayBePrinted(String half) {
        return half.endsWith("发") && half.indexOf('印') >= 0;
    }

    /** 印发机关 and 印发日期: 江苏省妇女联合会办公室  2021年5月8日印发 (width-folded line). */
    public static boolean isPrinted(String half) {
        return mayBePrinted(half) && PRINTED.matcher(half).matches();
    }

    /** A 抄送 line (width-folded). */
    public static boolean isCc(String half) {
        return CC.matcher(half).matches();
    }

    /** Sentence punctuation inside a line: it is body text, not a name or a title. */
    public static boolean hasSentencePunct(String line) {
        return line.indexOf('。') >= 0 || line.indexOf('；') >= 0 || line.indexOf('！') >= 0 || line.indexOf('？') >= 0;
    }

    public static boolean endsWithColon(String line) {
        return line.endsWith("：") || line.endsWith(":");
    }

    /** Ends with 。！？ (perhaps before closing quotes or brackets): a sentence of the body is complete. */
    public static boolean endsClosedSentence(String line) {
        String bare = line.replaceAll("[”’）)」』】〕》]+$", "");
        return ParagraphBuilder.endsSentence(line) && !endsWithColon(bare) && !bare.endsWith("；");
    }

    /** A metadata date: 2024年3月5日, 二〇二四年三月五日, 2024-03-05 or 2024/3/5. */
    public static Optional<java.time.LocalDate> metadataDate(String s) {
        Optional<ChineseDates.Found> f = ChineseDates.find(s);
        if (f.isPresent()) {
            return Optional.of(f.get().date());
        }
        Matcher m = NUMERIC_DATE.matcher(TextNormalizer.halfWidth(s).strip());
        if (m.matches()) {
            try {
                return Optional.of(java.time.LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3))));
            } catch (java.time.DateTimeException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** 签发人 names: a name padded to width (王  芳) is one name; names set apart by spaces stay apart. */
    static String signerName(String s) {
        String[] tokens = TextCleaner.strip(s).split("[\\s\u3000\u00A0]+");
        boolean padded = java.util.Arrays.stream(tokens).allMatch(t -> t.codePointCount(0, t.length()) == 1);
        return String.join(padded ? "" : " ", tokens);
    }
}
