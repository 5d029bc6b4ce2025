package org.noticesearch.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The 文种 (document types) from {@code index-config/doc-types.txt}: which title endings name a type, the type a compound
 * is counted under (实施意见 → 意见), and whether it is one of the 15 statutory types of the 党政机关公文处理工作条例.
 */
public final class DocTypes {
    /** A draft or trial marker after the type (…办法（试行）) is not part of the type. */
    private static final Pattern TRIAL = Pattern.compile("[（(](?:试行|暂行|草案|征求意见稿|修订|修订稿|送审稿)[）)]$");
    /** Characters a title line is made of; a line with others (sentence punctuation, Latin text) is no title. */
    private static final String TITLE_MARKS = "“”《》、（）()〔〕·—-0123456789";

    /** One listed name: the type it reports and whether that type is statutory. */
    public record Entry(String name, String reportedAs, boolean standard) {}

    private final List<Entry> longestFirst;
    private final Map<String, Boolean> standardByType;

    private DocTypes(List<Entry> entries) {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingInt((Entry e) -> -e.name().length()));
        this.longestFirst = List.copyOf(sorted);
        Map<String, Boolean> std = new LinkedHashMap<>();
        for (Entry e : entries) {
            std.putIfAbsent(e.reportedAs(), e.standard());
        }
        this.standardByType = Map.copyOf(std);
    }

    /**
     * Reads the list; {@code file} names the source in errors. Lines: name, tab, {@code standard} or {@code other}, and
     * optionally a tab and the type the name is reported as (which must be listed on its own line, with the same class).
     */
    public static DocTypes parse(String file, String text) {
        List<String[]> rows = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] cols = l.split("\t");
            if (cols.length < 2 || cols.length > 3) {
                throw new ConfigException(file + ": line " + (i + 1) + ": expected 'name<TAB>standard|other[<TAB>reported as]', got '" + l + "'");
            }
            if (!cols[1].strip().equals("standard") && !cols[1].strip().equals("other")) {
                throw new ConfigException(file + ": line " + (i + 1) + ": the class must be 'standard' or 'other', not '" + cols[1].strip() + "'");
            }
            rows.add(cols);
            lineNumbers.add(i + 1);
        }
        Map<String, Boolean> own = new LinkedHashMap<>();
        for (int r = 0; r < rows.size(); r++) {
            String[] cols = rows.get(r);
            String name = cols[0].strip();
            if (name.isEmpty() || !name.codePoints().allMatch(DocTypes::isHan)) {
                throw new ConfigException(file + ": line " + lineNumbers.get(r) + ": a type name is written in Chinese characters, not '" + name + "'");
            }
            if (own.put(name, cols[1].strip().equals("standard")) != null) {
                throw new ConfigException(file + ": line " + lineNumbers.get(r) + ": '" + name + "' is listed twice");
            }
        }
        List<Entry> entries = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            String[] cols = rows.get(r);
            String name = cols[0].strip();
            boolean standard = own.get(name);
            String base = cols.length == 3 ? cols[2].strip() : name;
            if (!base.equals(name)) {
                Boolean baseStandard = own.get(base);
                if (baseStandard == null) {
                    throw new ConfigException(file + ": line " + lineNumbers.get(r) + ": '" + name + "' is reported as '" + base
                            + "', which is not listed on a line of its own");
                }
                if (baseStandard != standard) {
                    throw new ConfigException(file + ": line " + lineNumbers.get(r) + ": '" + name + "' and '" + base
                            + "' (which it is reported as) must have the same class");
                }
            }
            entries.add(new Entry(name, base, standard));
        }
        if (entries.isEmpty()) {
            throw new ConfigException(file + ": lists no document type");
        }
        return new DocTypes(entries);
    }

    /** Every listed name, longest first. */
    public List<Entry> entries() {
        return longestFirst;
    }

    /** The 文种 a title ends with (a compound reported as its base), or null. */
    public String typeOf(String title) {
        if (title == null) {
            return null;
        }
        String t = TRIAL.matcher(title.strip()).replaceAll("");
        for (Entry e : longestFirst) {
            if (t.endsWith(e.name())) {
                return e.reportedAs();
            }
        }
        return null;
    }

    /** Whether a type (as {@link #typeOf} reports it) is statutory; null for null or an unlisted type. */
    public Boolean isStandard(String type) {
        return type == null ? null : standardByType.get(type);
    }

    /**
     * Whether a line ends like a title: made of title characters only and ending in a type. A lone 令, or a 函 that is
     * not 的函, ends too many ordinary words to count on its own.
     */
    public boolean endsLikeTitle(String line) {
        String t = TRIAL.matcher(line).replaceAll("");
        if (t.length() < 4 || !t.codePoints().allMatch(c -> isHan(c) || TITLE_MARKS.indexOf(c) >= 0)) {
            return false;
        }
        String type = typeOf(t);
        return type != null && !type.equals("令") && !(type.equals("函") && !t.endsWith("的函"));
    }

    private static boolean isHan(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN || cp == '〇';
    }

    /** Alternation of every listed name, longest first, for building patterns. */
    public String alternation() {
        return String.join("|", longestFirst.stream().map(Entry::name).toList());
    }
}
