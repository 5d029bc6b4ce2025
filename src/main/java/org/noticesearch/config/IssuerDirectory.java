package org.noticesearch.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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

/** Canonical issuer names and their aliases, read from {@code issuers.tsv}. */
public final class IssuerDirectory {
    private final Map<String, Issuer> byName;
    private final List<String> namesLongestFirst;
    private final List<Issuer> issuers;

    public IssuerDirectory(List<Issuer> issuers) {
        this.issuers = List.copyOf(issuers);
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
    }

    public static IssuerDirectory load(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
        List<Issuer> out = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cols = lines.get(n).split("\t", -1);
            String where = file + " line " + (n + 1);
            if (cols.length < 4) {
                throw new ConfigException(where + ": expected at least 4 tab-separated columns "
                        + "(canonical, aliases, province, level), found " + cols.length);
            }
            String canonical = cols[0].strip();
            if (canonical.isEmpty()) {
                throw new ConfigException(where + ": the canonical name (column 1) is empty");
            }
            String level = cols[3].strip();
            if (!List.of("national", "province", "city", "county", "other").contains(level)) {
                throw new ConfigException(where + ": level '" + level + "' must be one of national, province, city, county, other");
            }
            List<String> aliases = splitList(cols[1]);
            for (String name : concat(canonical, aliases)) {
                Integer prev = seen.putIfAbsent(name, n + 1);
                if (prev != null) {
                    throw new ConfigException(where + ": the name '" + name + "' is already used on line " + prev);
                }
            }
            out.add(new Issuer(canonical, aliases, cols[2].strip(), level, cols.length > 4 ? splitList(cols[4]) : List.of()));
        }
        if (out.isEmpty()) {
            throw new ConfigException(file + ": lists no issuer");
        }
        return new IssuerDirectory(out);
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
        for (String name : namesLongestFirst) {
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

    public Collection<Issuer> all() {
        return issuers;
    }
}
