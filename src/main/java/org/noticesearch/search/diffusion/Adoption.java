package org.noticesearch.search.diffusion;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.noticesearch.ingest.Citation;

/**
 * Who took up a campaign or a policy, and when: one pass over the matching notices gives one row per issuer with its
 * first and last matching notice, the cumulative number of adopters by month, the median lag of each level of
 * government after the earliest notice, and who cited an earlier adopter's notice. A notice whose date is known only
 * by its year counts by that year and is marked; no notice is given a day it does not have.
 */
public final class Adoption {
    /** The levels of government from the top down, as {@code issuers.tsv} and the place rules write them. */
    public static final List<String> LEVELS = List.of("national", "province", "city", "county");
    /** How precisely the date of a notice is known. */
    public static final String DAY = "day", YEAR = "year", NONE = "none";

    private Adoption() {}

    /** A matching notice as an adopter row shows it; {@code date} is null unless the day is known. */
    public record Ref(String id, String title, String docNumber, String date, Integer year, String precision) {
        static Ref of(DiffusionNotice n) {
            LocalDate d = n.day();
            Integer y = n.knownYear();
            return new Ref(n.id(), n.title(), n.docNumber(), d == null ? null : d.toString(), y,
                    d != null ? DAY : y != null ? YEAR : NONE);
        }
    }

    /** One issuer with at least one matching notice: its first and last, how many, and whose notices it cited. */
    public record Adopter(String issuer, String province, String level, String kind, Ref first, int count, Ref last,
                          Long lagDays, List<String> followed) {
        public Adopter {
            followed = List.copyOf(followed);
        }
    }

    /** Adopters whose first notice falls in a month, and all adopters up to that month (dated ones only). */
    public record MonthCount(String month, int adopters, int cumulative) {}

    /** Adopters whose first notice is known only by its year. */
    public record YearCount(int year, int adopters) {}

    /** One province: its first adopter's first notice, how many of its issuers adopted, how many notices matched. */
    public record ProvinceRow(String province, Ref first, int adopters, int notices) {}

    /** One level: how many adopters, how many with a day to measure from, and their median lag after the origin. */
    public record LevelLag(String level, int adopters, int dated, Double medianLagDays) {}

    /** An adopter's notice citing another adopter's notice among the matches. */
    public record Follow(String follower, String followerNotice, String leader, String leaderNotice) {}

    /**
     * The whole answer. {@code origin} is the earliest notice with a whole date, from which lags are counted;
     * {@code undatedAdopters} have no year at all; {@code unattributed} notices name no issuer.
     */
    public record Report(String query, int matches, boolean partial, Ref origin, int adopterCount,
                         List<Adopter> adopters, List<MonthCount> curve, List<YearCount> yearOnly,
                         int undatedAdopters, List<ProvinceRow> provinces, List<LevelLag> levels, List<Follow> follows,
                         int unattributed) {}

    /** The report for the matches of {@code query}. */
    public static Report compute(String query, List<DiffusionNotice> matches, boolean partial) {
        List<DiffusionNotice> sorted = earliestFirst(matches);
        Map<String, List<DiffusionNotice>> byIssuer = new LinkedHashMap<>();
        int unattributed = 0;
        for (DiffusionNotice n : sorted) {
            if (n.issuer() == null || n.issuer().isBlank()) {
                unattributed++;
            } else {
                byIssuer.computeIfAbsent(n.issuer(), k -> new ArrayList<>()).add(n);
            }
        }
        DiffusionNotice originNotice = sorted.stream().filter(n -> n.day() != null).findFirst().orElse(null);
        LocalDate originDay = originNotice == null ? null : originNotice.day();

        Map<String, Set<String>> followed = new HashMap<>();
        List<Follow> follows = follows(sorted, followed);

        List<Adopter> adopters = new ArrayList<>();
        for (List<DiffusionNotice> own : byIssuer.values()) {
            DiffusionNotice first = own.get(0);
            DiffusionNotice last = own.get(own.size() - 1);
            Long lag = originDay != null && first.day() != null ? ChronoUnit.DAYS.between(originDay, first.day()) : null;
            adopters.add(new Adopter(first.issuer(), first.province(), first.issuerLevel(), first.issuerKind(),
                    Ref.of(first), own.size(), Ref.of(last), lag,
                    List.copyOf(followed.getOrDefault(first.issuer(), Set.of()))));
        }
        // byIssuer was filled earliest first, so the adopters are already in order of their first notice.
        return new Report(query, matches.size(), partial, originNotice == null ? null : Ref.of(originNotice),
                adopters.size(), adopters, curve(adopters), yearOnly(adopters),
                (int) adopters.stream().filter(a -> a.first().precision().equals(NONE)).count(),
                provinces(adopters), levels(adopters), follows, unattributed);
    }

    /**
     * The notices earliest first: by year, within a year the whole dates by day and then the notices with a year alone,
     * notices with no year last, ties by id (the adopters, and each node's citing notices in a tree). Each date is
     * parsed once, into one sort key a notice, rather than at every comparison: thousands of matches take some 10^5
     * comparisons.
     */
    static List<DiffusionNotice> earliestFirst(List<DiffusionNotice> matches) {
        record Keyed(DiffusionNotice n, long key) {}
        List<Keyed> keyed = new ArrayList<>(matches.size());
        for (DiffusionNotice n : matches) {
            LocalDate d = n.day();
            Integer y = n.knownYear();
            long key = y == null ? Long.MAX_VALUE
                    : ((long) y << 32) + (d == null ? 1000 : d.getDayOfYear());
            keyed.add(new Keyed(n, key));
        }
        keyed.sort((a, b) -> a.key != b.key ? Long.compare(a.key, b.key) : a.n().id().compareTo(b.n().id()));
        List<DiffusionNotice> out = new ArrayList<>(keyed.size());
        keyed.forEach(k -> out.add(k.n()));
        return out;
    }

    private static List<MonthCount> curve(List<Adopter> adopters) {
        Map<String, Integer> perMonth = new java.util.TreeMap<>();
        for (Adopter a : adopters) {
            if (a.first().date() != null) {
                perMonth.merge(a.first().date().substring(0, 7), 1, Integer::sum);
            }
        }
        List<MonthCount> out = new ArrayList<>();
        int total = 0;
        for (Map.Entry<String, Integer> e : perMonth.entrySet()) {
            total += e.getValue();
            out.add(new MonthCount(e.getKey(), e.getValue(), total));
        }
        return out;
    }

    private static List<YearCount> yearOnly(List<Adopter> adopters) {
        Map<Integer, Integer> perYear = new java.util.TreeMap<>();
        for (Adopter a : adopters) {
            if (a.first().precision().equals(YEAR)) {
                perYear.merge(a.first().year(), 1, Integer::sum);
            }
        }
        return perYear.entrySet().stream().map(e -> new YearCount(e.getKey(), e.getValue())).toList();
    }

    private static List<ProvinceRow> provinces(List<Adopter> adopters) {
        Map<String, List<Adopter>> byProvince = new LinkedHashMap<>();
        for (Adopter a : adopters) {
            // National bodies have 全国 (or nothing) as their province: they are the origin, not a province's uptake.
            if (a.province() != null && !a.province().isBlank() && !"national".equals(a.level()) && !"全国".equals(a.province())) {
                byProvince.computeIfAbsent(a.province(), k -> new ArrayList<>()).add(a);
            }
        }
        List<ProvinceRow> out = new ArrayList<>();
        byProvince.forEach((p, list) -> out.add(new ProvinceRow(p, list.get(0).first(), list.size(),
                list.stream().mapToInt(Adopter::count).sum())));
        return out;
    }

    private static List<LevelLag> levels(List<Adopter> adopters) {
        Map<String, List<Adopter>> byLevel = new LinkedHashMap<>();
        for (String l : LEVELS) {
            byLevel.put(l, new ArrayList<>());
        }
        for (Adopter a : adopters) {
            byLevel.computeIfAbsent(a.level() == null ? "unknown" : a.level(), k -> new ArrayList<>()).add(a);
        }
        List<LevelLag> out = new ArrayList<>();
        byLevel.forEach((level, list) -> {
            if (list.isEmpty() && !LEVELS.contains(level)) {
                return;
            }
            List<Long> lags = list.stream().map(Adopter::lagDays).filter(java.util.Objects::nonNull).sorted().toList();
            out.add(new LevelLag(level, list.size(), lags.size(), median(lags)));
        });
        return out;
    }

    /** The middle value, or the mean of the two middle values; null for none. */
    static Double median(List<Long> sorted) {
        int n = sorted.size();
        if (n == 0) {
            return null;
        }
        return n % 2 == 1 ? sorted.get(n / 2).doubleValue() : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    /**
     * Citations among the matches from one issuer's notice to another's, resolved by document number or exact title,
     * each pair of issuers once (at the earliest citing notice). Built from two maps in one pass: no search per notice.
     */
    private static List<Follow> follows(List<DiffusionNotice> sorted, Map<String, Set<String>> followed) {
        Map<String, DiffusionNotice> byNumber = new HashMap<>();
        boolean titleCitations = false;
        for (DiffusionNotice n : sorted) {
            if (n.docNumber() != null) {
                byNumber.putIfAbsent(n.docNumber(), n);
            }
            for (Citation c : n.citations()) {
                titleCitations |= c.docNumber() == null;
            }
        }
        // Titles are normalised only when some citation gives no number, the only case they are looked up for.
        Map<String, DiffusionNotice> byTitle = new HashMap<>();
        if (titleCitations) {
            for (DiffusionNotice n : sorted) {
                String t = Titles.normalize(n.title());
                if (!t.isEmpty()) {
                    byTitle.putIfAbsent(t, n);
                }
            }
        }
        List<Follow> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (DiffusionNotice n : sorted) {
            if (n.issuer() == null) {
                continue;
            }
            for (Citation c : n.citations()) {
                DiffusionNotice cited = c.docNumber() != null ? byNumber.get(c.docNumber()) : byTitle.get(Titles.normalize(c.title()));
                if (cited == null || cited.id().equals(n.id()) || cited.issuer() == null || cited.issuer().equals(n.issuer())) {
                    continue;
                }
                if (seen.add(n.issuer() + "\u0000" + cited.issuer())) {
                    out.add(new Follow(n.issuer(), n.id(), cited.issuer(), cited.id()));
                    followed.computeIfAbsent(n.issuer(), k -> new LinkedHashSet<>()).add(cited.issuer());
                }
            }
        }
        return out;
    }
}
