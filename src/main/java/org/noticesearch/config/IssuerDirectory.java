package org.noticesearch.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The issuing offices of {@code issuers.tsv}, and the rules that name offices the list leaves out: a place from
 * {@code divisions.tsv} followed by an office, with short forms expanded ({@code issuer-short-forms.tsv}) and a kind
 * ({@code issuer-kinds.tsv}). {@link #resolve} applies the list, then the rules.
 */
public final class IssuerDirectory {
    private static final Pattern INVISIBLE = Pattern.compile("[\\s\\u3000\\u00a0\\u200b-\\u200f\\u2060\\ufeff]+");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\u3000\\u00a0、，,；;/|]+");
    // A remark after the name: 国务院办公厅（代章）, 某某局（盖章）.
    private static final Pattern TRAILING_REMARK = Pattern.compile("[（(][^（）()]*[）)]$");
    // What an office's name ends with; a name ending otherwise (大学, 公司, 医院 excepted below) is not an office.
    private static final Pattern OFFICE_END = Pattern.compile(
            "(政府|委员会|委|局|厅|办公室|办|署|部|会|院|中心|室|司|处|科|股|站|所|队|团)$");
    private static final Pattern NOT_OFFICE_END = Pattern.compile("(大学|学院|医院|公司|集团|银行|研究院|研究所|学会)$");
    // An office followed by one of its internal divisions (科教处 of 卫生健康委员会): the shortest office that leaves one.
    private static final Pattern OFFICE_AND_SUBUNIT = Pattern.compile(
            "(.+?(?:委员会|政府|局|厅|委(?!员会)|署|部|联合会|总工会|院|中心|办公室))(\\p{IsHan}{1,10}[处科股])");
    private static final Pattern SUBUNIT = Pattern.compile("\\p{IsHan}{1,10}[处科股]");
    private static final Pattern GENERAL_OFFICE = Pattern.compile("办公厅|办公室|综合司");
    // A bureau or office inside a listed office that notices name as the issuer (公安部三局, 教育部高等教育司).
    private static final Pattern INNER_OFFICE = Pattern.compile("\\p{IsHan}{1,14}?(司|局|厅|部|室|中心|办|委员会)");
    private static final Pattern NATIONAL_START = Pattern.compile("^(国家|国务院|中央|全国|中国|中华)");
    // After a place: its Party committee (北京市委, 平顶山市委办公室, 郏县委宣传部).
    private static final Pattern PARTY_AFTER_PLACE = Pattern.compile("(委员会|党委|委)(|办公厅|办公室|\\p{IsHan}{1,6}部|政法委员会|政法委)");
    // Words that open a group of offices, not one office: 各区人民政府, 有关单位, 市直各部门.
    private static final Pattern NOT_OFFICE_START = Pattern.compile("^(各|有关|全市|全省|全区|全县|所属|市直|省直|区直|县直|本)");
    // Words of a title, never of an office's name: 国务院办公厅转发国家地震局, 北京市人民政府关于….
    private static final Pattern NOT_IN_OFFICE = Pattern.compile("转发|印发|批转|关于|的|通知|意见|决定");
    private static final int LONGEST_OFFICE = 24;
    // Offices run together without a separator are read at most this long (three or so names), so that a stray
    // paragraph costs little.
    private static final int LONGEST_RUN = 64;

    private final Map<String, Issuer> byName;
    private final List<String> namesLongestFirst;
    /** The same names by their first character (longest first within each): a prefix is looked for among a few. */
    private final Map<Character, List<String>> namesByFirstChar;
    /**
     * Names already resolved (the directory never changes, and a corpus names the same offices again and again): the
     * rules try many substrings of a line, so this makes the parse of a large corpus several times faster. Bounded.
     */
    private final Map<String, List<Issuer>> resolved = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int RESOLVED_CACHE = 50_000;
    private final List<Issuer> issuers;
    private final Places places;
    private final IssuerRules rules;

    /** A list without rules: {@link #resolve} finds listed names (and listed names with an inner office) only. */
    public IssuerDirectory(List<Issuer> issuers) {
        this(issuers, new Places(List.of()), IssuerRules.NONE);
    }

    public IssuerDirectory(List<Issuer> issuers, Places places, IssuerRules rules) {
        this.issuers = List.copyOf(issuers);
        this.places = places;
        this.rules = rules;
        Map<String, Issuer> map = new HashMap<>();
        for (Issuer i : issuers) {
            map.put(i.canonical(), i);
            for (String a : i.aliases()) {
                map.putIfAbsent(a, i);
            }
        }
        this.byName = Map.copyOf(map);
        List<String> names = new ArrayList<>(map.keySet());
        names.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        this.namesLongestFirst = List.copyOf(names);
        Map<Character, List<String>> byFirst = new HashMap<>();
        for (String n : names) {
            byFirst.computeIfAbsent(n.charAt(0), c -> new ArrayList<>()).add(n);
        }
        byFirst.replaceAll((c, list) -> List.copyOf(list));
        this.namesByFirstChar = Map.copyOf(byFirst);
    }

    /** The list alone, without rules (kinds left empty in the file become {@code other}). */
    public static IssuerDirectory load(Path file) {
        return new IssuerDirectory(readList(file, IssuerRules.NONE));
    }

    /** The list and its rules, as {@link IndexConfig} reads them from {@code index-config/}. */
    public static IssuerDirectory load(Path issuersFile, Path divisionsFile, Path shortFormsFile, Path kindsFile) {
        IssuerRules rules = IssuerRules.load(shortFormsFile, kindsFile);
        return new IssuerDirectory(readList(issuersFile, rules), Places.load(divisionsFile), rules);
    }

    private static List<Issuer> readList(Path file, IssuerRules rules) {
        List<Issuer> out = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (TsvLines l : TsvLines.read(file, "")) {
            String[] cols = l.cols();
            String where = l.where();
            if (cols.length < 4 || cols.length > 6) {
                throw new ConfigException(where + ": expected 4 to 6 tab-separated columns "
                        + "(canonical, aliases, province, level, agency codes, kind), found " + cols.length);
            }
            String canonical = cols[0].strip();
            if (canonical.isEmpty()) {
                throw new ConfigException(where + ": the canonical name (column 1) is empty");
            }
            String level = cols[3].strip();
            if (!Issuer.LEVELS.contains(level)) {
                throw new ConfigException(where + ": level '" + level + "' must be one of " + String.join(", ", Issuer.LEVELS));
            }
            String kind = cols.length > 5 ? cols[5].strip() : "";
            if (kind.isEmpty()) {
                kind = rules.kindOf(canonical);
            } else if (!Issuer.KINDS.contains(kind)) {
                throw new ConfigException(where + ": kind '" + kind + "' must be one of " + String.join(", ", Issuer.KINDS)
                        + " (or empty, to take it from issuer-kinds.tsv)");
            }
            List<String> aliases = splitList(cols[1]);
            for (String name : concat(canonical, aliases)) {
                Integer prev = seen.putIfAbsent(name, l.number());
                if (prev != null) {
                    throw new ConfigException(where + ": the name '" + name + "' is already used on line " + prev);
                }
            }
            out.add(new Issuer(canonical, aliases, cols[2].strip(), level, cols.length > 4 ? splitList(cols[4]) : List.of(),
                    kind, ""));
        }
        if (out.isEmpty()) {
            throw new ConfigException(file + ": lists no issuer");
        }
        return out;
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(rest);
        all.add(0, first);
        return all;
    }

    private static List<String> splitList(String s) {
        return Arrays.stream(s.split("[,，]")).map(String::strip).filter(x -> !x.isEmpty()).toList();
    }

    /** The issuer whose canonical name or alias is exactly this name. */
    public Optional<Issuer> lookup(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(byName.get(name.strip()));
    }

    /** The longest known name that the text starts with. */
    public Optional<String> longestPrefix(String text) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        for (String name : namesByFirstChar.getOrDefault(text.charAt(0), List.of())) {
            if (text.startsWith(name)) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    /** The issuer whose document numbers start with this agency code (鲁妇通字 → 山东省妇女联合会), if one claims it. */
    public Optional<Issuer> byAgency(String agency) {
        Issuer best = null;
        int bestLen = 0;
        for (Issuer i : issuers) {
            for (String p : i.agencyPrefixes()) {
                if (agency.startsWith(p) && p.length() > bestLen) {
                    best = i;
                    bestLen = p.length();
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * The issuer a name as written stands for: a listed name or alias; a listed office with an inner office or division
     * (国家药监局综合司, 公安部三局, 国家税务总局北京市税务局); a place and an office (北京市卫健委, 平顶山市教育局,
     * 郏县人民政府办公室, 北京市卫生健康委科教处 → 北京市卫生健康委员会 with subunit 科教处); an unlisted national body
     * (国家…局). Several offices on one line give the first (the lead office; see {@link #resolveAll}).
     */
    public Optional<Issuer> resolve(String asWritten) {
        List<Issuer> all = resolveAll(asWritten);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    /**
     * Every office a line names, in order (联合发文: 国务院办公厅、中央军委办公厅, or the names run together without a
     * separator); empty when a part of the line is not an office.
     */
    public List<Issuer> resolveAll(String asWritten) {
        if (asWritten == null) {
            return List.of();
        }
        List<Issuer> known = resolved.get(asWritten);
        if (known != null) {
            return known;
        }
        List<Issuer> found = resolveUncached(asWritten);
        if (resolved.size() < RESOLVED_CACHE) {
            resolved.put(asWritten, found);
        }
        return found;
    }

    private List<Issuer> resolveUncached(String asWritten) {
        String text = INVISIBLE.matcher(asWritten).replaceAll(" ").strip();
        if (text.isEmpty()) {
            return List.of();
        }
        Optional<Issuer> whole = single(text.replace(" ", ""));
        if (whole.isPresent()) {
            return List.of(whole.get());
        }
        List<Issuer> out = new ArrayList<>();
        for (String part : SEPARATORS.split(text)) {
            if (part.isEmpty()) {
                continue;
            }
            List<Issuer> found = segment(part);
            if (found.isEmpty()) {
                return List.of();
            }
            out.addAll(found);
        }
        return List.copyOf(out);
    }

    /** Offices run together (国务院办公厅中央军委办公厅): the longest name that resolves at each point. */
    private List<Issuer> segment(String part) {
        Optional<Issuer> one = single(part);
        if (one.isPresent()) {
            return List.of(one.get());
        }
        if (part.length() > LONGEST_RUN) {
            return List.of();
        }
        List<Issuer> out = new ArrayList<>();
        int at = 0;
        while (at < part.length()) {
            Optional<Issuer> hit = Optional.empty();
            int end = part.length();
            for (; end >= at + 2 && hit.isEmpty(); end--) {
                hit = single(part.substring(at, end));
            }
            if (hit.isEmpty()) {
                return List.of();
            }
            out.add(hit.get());
            at = end + 1;
        }
        return out;
    }

    /** One name: the list, then the rules. */
    private Optional<Issuer> single(String name) {
        Optional<Issuer> found = lookup(name);
        if (found.isEmpty()) {
            found = insideListed(name);
        }
        if (found.isEmpty()) {
            found = placeAndOffice(name);
        }
        if (found.isEmpty()) {
            found = national(name);
        }
        if (found.isEmpty()) {
            Matcher remark = TRAILING_REMARK.matcher(name);
            if (remark.find() && remark.start() >= 2) {
                found = single(name.substring(0, remark.start()));
            }
        }
        return found;
    }

    /** A listed office followed by its general office, an inner office, a division, or a local branch with a place. */
    private Optional<Issuer> insideListed(String name) {
        Optional<String> prefix = longestPrefix(name);
        if (prefix.isEmpty() || prefix.get().length() == name.length()) {
            return Optional.empty();
        }
        Issuer parent = byName.get(prefix.get());
        String rest = name.substring(prefix.get().length());
        if (longestPrefix(rest).isPresent()) {
            return Optional.empty(); // two listed offices run together
        }
        Optional<Places.Chain> chain = places.chainAt(rest, 0);
        if (chain.isPresent()) {
            // A national body's branch in a place (国家税务总局北京市税务局): the place gives province and level.
            String office = rest.substring(chain.get().length());
            if (!isOffice(office)) {
                return Optional.empty();
            }
            String canonical = parent.canonical() + placeName(chain.get()) + office;
            return Optional.of(new Issuer(canonical, aliasOf(name, canonical), chain.get().province(),
                    chain.get().last().level(), List.of(), rules.kindOf(canonical), ""));
        }
        if (places.mentionsPlace(rest, 0) || NOT_IN_OFFICE.matcher(rest).find() || mentionsListed(rest)) {
            return Optional.empty();
        }
        if (GENERAL_OFFICE.matcher(rest).matches() || INNER_OFFICE.matcher(rest).matches()) {
            String canonical = parent.canonical() + rest;
            Optional<Issuer> listed = lookup(canonical);
            if (listed.isPresent()) {
                return listed;
            }
            String kind = GENERAL_OFFICE.matcher(rest).matches() ? "general-office" : "department";
            return Optional.of(new Issuer(canonical, aliasOf(name, canonical), parent.province(), parent.level(), List.of(),
                    kind, ""));
        }
        if (SUBUNIT.matcher(rest).matches()) {
            return Optional.of(withSubunit(parent, rest));
        }
        return Optional.empty();
    }

    /** A place and an office: 北京市卫健委, 平顶山市教育局, 中共郏县委员会, 北京市卫生健康委科教处. */
    private Optional<Issuer> placeAndOffice(String name) {
        String prefix = "";
        String body = name;
        for (String p : List.of("中国共产党", "中共", "中国共产主义青年团", "共青团", "政协")) {
            if (name.startsWith(p)) {
                prefix = p;
                body = name.substring(p.length());
                break;
            }
        }
        Optional<Places.Chain> found = places.chainAt(body, 0);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Places.Chain chain = found.get();
        String place = placeName(chain);
        String office = body.substring(chain.length());
        if (office.isEmpty()) {
            return Optional.empty();
        }
        String canonical;
        String subunit = "";
        Matcher party = PARTY_AFTER_PLACE.matcher(office);
        boolean committee = party.matches();
        boolean bareCommittee = office.equals("委员会") || office.equals("委");
        switch (prefix) {
            case "中国共产党", "中共" -> {
                if (!committee) {
                    return Optional.empty();
                }
                canonical = "中共" + place + "委员会" + rules.expand(party.group(2));
            }
            case "中国共产主义青年团", "共青团" -> {
                if (!bareCommittee) {
                    return Optional.empty();
                }
                canonical = "共青团" + place + "委员会";
            }
            case "政协" -> {
                if (!bareCommittee) {
                    return Optional.empty();
                }
                canonical = "中国人民政治协商会议" + place + "委员会";
            }
            default -> {
                if (office.equals("团委")) {
                    canonical = "共青团" + place + "委员会";
                } else if (office.equals("政协") || office.equals("政协委员会")) {
                    canonical = "中国人民政治协商会议" + place + "委员会";
                } else if (committee && !office.startsWith("委员会")) {
                    // 北京市委, 郏县委办公室: a place and 委 is its Party committee (北京市委员会 alone is left unread).
                    canonical = "中共" + place + "委员会" + rules.expand(party.group(2));
                } else {
                    String expanded = rules.expand(office);
                    Matcher m = OFFICE_AND_SUBUNIT.matcher(expanded);
                    if (m.matches() && isOffice(m.group(1))) {
                        expanded = m.group(1);
                        subunit = m.group(2);
                    }
                    if (!isOffice(expanded)) {
                        return Optional.empty();
                    }
                    canonical = place + expanded;
                }
            }
        }
        Optional<Issuer> listed = lookup(canonical);
        if (listed.isPresent()) {
            return Optional.of(subunit.isEmpty() ? listed.get() : withSubunit(listed.get(), subunit));
        }
        return Optional.of(new Issuer(canonical, aliasOf(name, canonical), chain.province(), chain.last().level(), List.of(),
                rules.kindOf(canonical), subunit));
    }

    /** An unlisted national body: 国家…局, 中央…委员会, 全国…办公室, named without a place. */
    private Optional<Issuer> national(String name) {
        if (!NATIONAL_START.matcher(name).find() || !isOffice(name) || longestPrefix(name).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(new Issuer(name, List.of(), Issuer.NATIONWIDE, "national", List.of(), rules.kindOf(name), ""));
    }

    /** Whether a listed name of three characters or more stands anywhere in the text (转发国家地震局). */
    private boolean mentionsListed(String text) {
        for (String name : namesLongestFirst) {
            if (name.length() >= 3 && text.contains(name)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the text reads as one office's name: an office ending, not too long, no other place inside. */
    private boolean isOffice(String office) {
        return office.length() >= 1 && office.length() <= LONGEST_OFFICE && OFFICE_END.matcher(office).find()
                && !NOT_OFFICE_START.matcher(office).find() && !NOT_IN_OFFICE.matcher(office).find()
                && !NOT_OFFICE_END.matcher(office).find() && !places.mentionsPlace(office, 0)
                && office.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    /**
     * The place part of a canonical name: the innermost place in full; a district (…区) after its city, as it is always
     * written (洛阳市老城区, 北京市朝阳区); another place whose name is shared, after the place written before it.
     */
    private String placeName(Places.Chain chain) {
        Places.Place last = chain.last();
        boolean district = last.level().equals("county") && last.name().endsWith("区");
        if (district && !places.ambiguous(last.name())) {
            return places.parentName(last) + last.name();
        }
        if (chain.places().size() >= 2 && (district || places.ambiguous(last.name()))) {
            Places.Place outer = chain.places().get(chain.places().size() - 2);
            return (district ? places.parentName(last) : outer.name()) + last.name();
        }
        return last.name();
    }

    private static List<String> aliasOf(String asWritten, String canonical) {
        return asWritten.equals(canonical) ? List.of() : List.of(asWritten);
    }

    private static Issuer withSubunit(Issuer office, String subunit) {
        return new Issuer(office.canonical(), office.aliases(), office.province(), office.level(), office.agencyPrefixes(),
                office.kind(), subunit);
    }

    /** Every listed issuer, in file order. */
    public Collection<Issuer> all() {
        return issuers;
    }
}
