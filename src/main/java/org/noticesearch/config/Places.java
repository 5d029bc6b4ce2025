package org.noticesearch.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The administrative divisions of China (provinces, prefecture-level and county-level divisions) read from
 * {@code divisions.tsv}, and the reading of the place a name starts with (河南省平顶山市郏县, 北京 → 北京市).
 */
public final class Places {
    public static final List<String> LEVELS = List.of("province", "city", "county");

    /** One division: its 6-digit code, full name, level, province and (for a county) its prefecture-level city or "". */
    public record Place(String code, String name, String level, String province, String city) {}

    /** The places a name starts with, outermost first, and the text they take up. */
    public record Chain(List<Place> places, int length, String province) {
        public Chain {
            places = List.copyOf(places);
        }

        /** The innermost place. */
        public Place last() {
            return places.get(places.size() - 1);
        }
    }

    // The 56 officially recognised ethnic groups, to shorten 延边朝鲜族自治州 to 延边 and 广西壮族自治区 to 广西.
    private static final List<String> ETHNIC_GROUPS = List.of("汉族", "蒙古族", "回族", "藏族", "维吾尔族", "苗族", "彝族",
            "壮族", "布依族", "朝鲜族", "满族", "侗族", "瑶族", "白族", "土家族", "哈尼族", "哈萨克族", "傣族", "黎族", "傈僳族",
            "佤族", "畲族", "高山族", "拉祜族", "水族", "东乡族", "纳西族", "景颇族", "柯尔克孜族", "土族", "达斡尔族", "仫佬族",
            "羌族", "布朗族", "撒拉族", "毛南族", "仡佬族", "锡伯族", "阿昌族", "普米族", "塔吉克族", "怒族", "乌孜别克族",
            "俄罗斯族", "鄂温克族", "德昂族", "保安族", "裕固族", "京族", "塔塔尔族", "独龙族", "鄂伦春族", "赫哲族", "门巴族",
            "珞巴族", "基诺族");
    private static final Pattern CODE = Pattern.compile("\\d{6}");

    private final List<Place> all;
    private final Map<String, List<Place>> byFullName;
    private final Map<String, List<Place>> byShortName;
    private final int longestName;

    public Places(List<Place> places) {
        this.all = List.copyOf(places);
        Map<String, List<Place>> full = new HashMap<>();
        Map<String, List<Place>> brief = new HashMap<>();
        int longest = 0;
        for (Place p : all) {
            full.computeIfAbsent(p.name(), k -> new ArrayList<>()).add(p);
            longest = Math.max(longest, p.name().length());
            // Counties are written in full in practice, and their stems (和平, 城关) are ordinary words: no short form.
            if (!p.level().equals("county")) {
                String s = shortName(p.name());
                if (s.length() >= 2 && !s.equals(p.name())) {
                    brief.computeIfAbsent(s, k -> new ArrayList<>()).add(p);
                    if (p.name().endsWith("自治州")) {
                        brief.computeIfAbsent(s + "州", k -> new ArrayList<>()).add(p); // 延边州, 恩施州
                    }
                }
            }
        }
        this.byFullName = freeze(full);
        this.byShortName = freeze(brief);
        this.longestName = longest;
    }

    private static Map<String, List<Place>> freeze(Map<String, List<Place>> m) {
        Map<String, List<Place>> out = new HashMap<>();
        m.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return Map.copyOf(out);
    }

    /** 北京市 → 北京, 内蒙古自治区 → 内蒙古, 延边朝鲜族自治州 → 延边, 锡林郭勒盟 → 锡林郭勒, 阿里地区 → 阿里. */
    static String shortName(String name) {
        String s = name.replaceFirst("(特别行政区|自治区|自治州|地区|省|市|盟)$", "");
        boolean stripped = true;
        while (stripped) {
            stripped = false;
            for (String g : ETHNIC_GROUPS) {
                if (s.endsWith(g) && s.length() - g.length() >= 2) {
                    s = s.substring(0, s.length() - g.length());
                    stripped = true;
                }
            }
        }
        return s;
    }

    public static Places load(Path file) {
        List<Place> out = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        Set<String> provinces = new HashSet<>();
        for (TsvLines l : TsvLines.read(file, "regenerate it with bin/update-divisions")) {
            String where = l.where();
            String[] c = l.cols();
            if (c.length < 4 || c.length > 5) {
                throw new ConfigException(where + ": expected 4 or 5 tab-separated columns (code, name, level, province, city), found "
                        + c.length + "; regenerate the file with bin/update-divisions");
            }
            if (!CODE.matcher(c[0]).matches() || !codes.add(c[0])) {
                throw new ConfigException(where + ": the code '" + c[0] + "' is not a new 6-digit code");
            }
            if (!LEVELS.contains(c[2])) {
                throw new ConfigException(where + ": level '" + c[2] + "' must be one of " + String.join(", ", LEVELS));
            }
            if (c[1].isBlank() || c[3].isBlank()) {
                throw new ConfigException(where + ": the name (column 2) and the province (column 4) must not be empty");
            }
            if (c[2].equals("province")) {
                provinces.add(c[1]);
            }
            out.add(new Place(c[0], c[1].strip(), c[2], c[3].strip(), c.length > 4 ? c[4].strip() : ""));
        }
        for (Place p : out) {
            if (!provinces.contains(p.province())) {
                throw new ConfigException(file + ": '" + p.name() + "' (" + p.code() + ") names the province '" + p.province()
                        + "', which has no province line; regenerate the file with bin/update-divisions");
            }
        }
        if (provinces.size() < 31) {
            throw new ConfigException(file + ": lists " + provinces.size() + " provinces, expected the 31 province-level "
                    + "divisions of the mainland; regenerate the file with bin/update-divisions");
        }
        return new Places(out);
    }

    public List<Place> all() {
        return all;
    }

    /** Places whose full name is exactly this. */
    public List<Place> named(String name) {
        return byFullName.getOrDefault(name, List.of());
    }

    /**
     * The longest run of nested places at {@code from} (province, then city, then county, each inside the one before),
     * or empty. A short form (北京, 平顶山) counts only for a province or a prefecture-level city.
     */
    public Optional<Chain> chainAt(String text, int from) {
        List<Place> chain = new ArrayList<>();
        List<Place> firstCandidates = List.of();
        int at = from;
        while (at < text.length()) {
            Place next = null;
            int len = 0;
            for (int l = Math.min(longestName, text.length() - at); l >= 2 && next == null; l--) {
                String s = text.substring(at, at + l);
                List<Place> candidates = byFullName.get(s);
                next = pick(candidates, chain);
                if (next == null) {
                    candidates = byShortName.get(s);
                    next = pick(candidates, chain);
                }
                if (next != null && chain.isEmpty()) {
                    firstCandidates = candidates;
                }
                len = l;
            }
            if (next == null) {
                break;
            }
            chain.add(next);
            at += len;
        }
        if (chain.isEmpty()) {
            return Optional.empty();
        }
        // Nested places say their province; a place read alone does when all places of that name lie in one province.
        String province = chain.get(0).province();
        if (chain.size() == 1) {
            for (Place q : firstCandidates) {
                if (!q.province().equals(province)) {
                    province = null;
                    break;
                }
            }
        }
        return Optional.of(new Chain(chain, at - from, province));
    }

    /** The candidate that nests in the chain so far; at the start, the highest-level one (吉林 is the province first). */
    private static Place pick(List<Place> candidates, List<Place> chain) {
        if (candidates == null) {
            return null;
        }
        if (chain.isEmpty()) {
            Place best = null;
            for (Place c : candidates) {
                if (best == null || LEVELS.indexOf(c.level()) < LEVELS.indexOf(best.level())) {
                    best = c;
                }
            }
            return best;
        }
        Place outer = chain.get(chain.size() - 1);
        for (Place c : candidates) {
            boolean deeper = LEVELS.indexOf(c.level()) > LEVELS.indexOf(outer.level());
            boolean inside = outer.level().equals("province") ? c.province().equals(outer.name())
                    : outer.level().equals("city") && c.city().equals(outer.name()) && c.province().equals(outer.province());
            if (deeper && inside) {
                return c;
            }
        }
        return null;
    }

    /** Whether the text holds the full name (3 characters or more) of a division anywhere from {@code from}. */
    public boolean mentionsPlace(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            for (int l = Math.min(longestName, text.length() - i); l >= 3; l--) {
                if (byFullName.containsKey(text.substring(i, i + l))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The prefecture-level city or the province a county-level division lies in (东城区 → 北京市, 老城区 → 洛阳市). */
    public String parentName(Place p) {
        return p.city().isEmpty() ? p.province() : p.city();
    }

    /** Whether several divisions share this full name (鼓楼区, 朝阳区), so that the name alone does not say which. */
    public boolean ambiguous(String name) {
        return byFullName.getOrDefault(name, List.of()).size() > 1;
    }
}
