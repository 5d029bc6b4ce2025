package org.noticesearch.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.ToLongFunction;
import org.noticesearch.analysis.Analysis;
import org.noticesearch.ingest.Notice;
import org.noticesearch.ingest.TextNormalizer;
import org.noticesearch.search.Snippets;

/**
 * The benchmark's queries, chosen deterministically from the generated corpus. Every text query is
 * letters and ideographs only (no punctuation, no synonyms), so that our exact-substring match and the
 * peer's trigram match test the same thing.
 */
final class QuerySet {
    static final String FROM = "2015-01-01";
    static final String TO = "2018-12-31";

    /**
     * One query: its HTTP/request parameters and the same search in the peer's terms ({@code fts} null where the
     * peer has no equivalent); a {@link Category#TREE} query names its notice by {@code noticeId} instead.
     */
    record BenchQuery(Category category, String label, Map<String, List<String>> params, Fts5Peer.Query fts, String noticeId) {
        BenchQuery(Category category, String label, Map<String, List<String>> params, Fts5Peer.Query fts) {
            this(category, label, params, fts, null);
        }

        String url() {
            if (category == Category.TREE) {
                return "/api/notices/" + java.net.URLEncoder.encode(noticeId, java.nio.charset.StandardCharsets.UTF_8) + "/tree";
            }
            StringBuilder sb = new StringBuilder(category == Category.DIFFUSION ? "/api/diffusion?" : "/api/search?");
            params.forEach((k, vs) -> vs.forEach(v -> sb.append(k).append('=')
                    .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)).append('&')));
            sb.setLength(sb.length() - 1);
            return sb.toString();
        }
    }

    private final Map<Category, List<BenchQuery>> byCategory = new LinkedHashMap<>();

    Map<Category, List<BenchQuery>> byCategory() {
        return byCategory;
    }

    List<BenchQuery> all() {
        return byCategory.values().stream().flatMap(List::stream).toList();
    }

    /**
     * @param ourCount exact number of notices a text query matches in our index (used to pick rare words)
     */
    static QuerySet choose(long seed, CorpusGenerator gen, Analysis analysis, List<Notice> notices,
                           ToLongFunction<String> ourCount) {
        QuerySet s = new QuerySet();
        Random r = new Random(seed + 17);
        int n = notices.size();
        List<String> words = gen.model().wordsByFrequency().stream()
                .filter(w -> analysis.synonymsOf(w).size() == 1 && Snippets.normalize(w).equals(w))
                .filter(w -> !w.equals("妇联")) // a synonym's part: left out so no query expands
                .toList();
        List<String> common = new ArrayList<>();
        words.stream().filter(w -> w.length() == 2).limit(3).forEach(common::add);
        words.stream().filter(w -> w.length() >= 3).limit(2).forEach(common::add);
        List<String> mid = new ArrayList<>();
        for (int i = 40; i < words.size() && mid.size() < 5; i += 17) {
            if (words.get(i).length() >= 2 && !common.contains(words.get(i))) {
                mid.add(words.get(i));
            }
        }
        List<String> longWords = words.stream().filter(w -> w.length() >= 3).limit(8).toList();

        for (String w : common) {
            s.add(Category.COMMON, w, params("q", w), text(List.of(w), null, 10));
        }
        // Rare: place names from the Zipf tail that occur in a handful of notices.
        long maxRare = Math.max(3, n / 2000);
        List<String> rare = new ArrayList<>();
        for (int rank = gen.placeCount() - 1; rank >= 0 && rare.size() < 6; rank -= 97) {
            String name = gen.placeAtRank(rank);
            long c = ourCount.applyAsLong(name);
            if (c >= 1 && c <= maxRare) {
                rare.add(name);
            }
        }
        for (String w : rare) {
            s.add(Category.RARE, w, params("q", w), text(List.of(w), null, 10));
        }
        for (String p : phrases(notices, r, 6)) {
            s.add(Category.PHRASE, p, params("q", p), text(List.of(p), null, 10));
        }
        for (int i = 0; i < Math.min(common.size(), mid.size()); i++) {
            String q = common.get(i) + " " + mid.get(i);
            s.add(Category.TWO_TERMS, q, params("q", q), text(List.of(common.get(i), mid.get(i)), null, 10));
        }
        List<Notice> numbered = notices.stream().filter(x -> x.docNumber() != null).toList();
        for (int i = 0; i < 6 && !numbered.isEmpty(); i++) {
            String dn = numbered.get(r.nextInt(numbered.size())).docNumber();
            s.add(Category.DOC_NUMBER, dn, params("q", dn),
                    new Fts5Peer.Query(List.of(), null, null, null, null, null, false, dn, false, 10));
        }
        // Canonical names only: a notice whose signature the parser misread carries a name no one would filter by.
        List<String> issuers = issuersByFrequency(notices).stream().filter(gen.issuerNames()::contains).toList();
        for (int i = 0; i < 4 && i < issuers.size(); i++) {
            String issuer = issuers.get(i == 3 ? issuers.size() - 1 : i);
            String w = common.get(i % common.size());
            Map<String, List<String>> p = params("q", w);
            p.put("issuer", List.of(issuer));
            s.add(Category.ISSUER_KEYWORD, issuer + " + " + w, p,
                    new Fts5Peer.Query(List.of(w), issuer, null, null, null, null, false, null, false, 10));
        }
        for (int i = 0; i < 3; i++) {
            String w = common.get(i);
            Map<String, List<String>> p = params("q", w);
            p.put("from", List.of(FROM));
            p.put("to", List.of(TO));
            p.put("sort", List.of("newest"));
            s.add(Category.DATE_SORTED, w + " " + FROM + ".." + TO, p,
                    new Fts5Peer.Query(List.of(w), null, 20150101, 20181231, 2015, 2018, true, null, false, 10));
        }
        s.add(Category.FACETS, "(empty query)", new LinkedHashMap<>(),
                new Fts5Peer.Query(List.of(), null, null, null, null, null, false, null, true, 10));
        for (String w : longWords.subList(0, Math.min(4, longWords.size()))) {
            Map<String, List<String>> p = params("q", w);
            p.put("size", List.of("50"));
            s.add(Category.HIGHLIGHT, w + " (size 50)", p, text(List.of(w), null, 50));
        }
        titleScope(s, r, words, notices);
        diffusion(s, notices, ourCount);
        trees(s, notices);
        return s;
    }

    /** Titles looked at to choose the title-scope queries: enough to rank words, few enough to be quick at 1,000,000. */
    private static final int TITLE_SAMPLE = 20_000;

    /** Title scope: the 2-character and the 3+-character word in the most titles of a sample, and two title substrings. */
    private static void titleScope(QuerySet s, Random r, List<String> words, List<Notice> notices) {
        List<String> titles = new ArrayList<>();
        int step = Math.max(1, notices.size() / TITLE_SAMPLE);
        for (int i = 0; i < notices.size(); i += step) {
            String t = notices.get(i).title();
            if (t != null && !t.isBlank()) {
                titles.add(Snippets.normalize(t));
            }
        }
        List<String> chosen = new ArrayList<>();
        for (boolean two : new boolean[]{true, false}) {
            String best = null;
            long bestCount = 0;
            for (String w : words.stream().filter(w -> two == (w.length() == 2)).limit(80).toList()) {
                long c = titles.stream().filter(t -> t.contains(w)).count();
                if (c > bestCount) {
                    best = w;
                    bestCount = c;
                }
            }
            if (best != null) {
                chosen.add(best);
            }
        }
        // 4–8 Han characters cut from random titles (a title's words, issuer names, subjects).
        for (int attempt = 0; attempt < 1000 && chosen.size() < 4 && !titles.isEmpty(); attempt++) {
            String t = titles.get(r.nextInt(titles.size()));
            // The subject after 关于 when there is one: the issuer's name before it is in every title of that issuer.
            int about = t.indexOf("关于");
            t = about >= 0 ? t.substring(about + 2) : t;
            int len = 4 + r.nextInt(5);
            if (t.length() < len) {
                continue;
            }
            int start = r.nextInt(t.length() - len + 1);
            String sub = t.substring(start, start + len);
            if (sub.chars().allMatch(c -> TextNormalizer.isHan((char) c)) && !chosen.contains(sub)) {
                chosen.add(sub);
            }
        }
        for (String w : chosen) {
            Map<String, List<String>> p = params("q", w);
            p.put("scope", List.of("title"));
            s.add(Category.TITLE_SCOPE, w + " (title)", p,
                    new Fts5Peer.Query(List.of(w), null, null, null, null, null, false, null, false, 10, true));
        }
    }

    /**
     * Diffusion: the most used campaign (by the parsed notices' campaigns) whose text matches 2,000–20,000 notices
     * (2–20 % of them where that is less: hundreds at 10,000), else the most used one below the upper bound; as its
     * text and as the campaign filter. The bounds stop growing at 100,000: a campaign of a million-notice archive has
     * thousands of notices, and every match is read.
     */
    private static void diffusion(QuerySet s, List<Notice> notices, ToLongFunction<String> ourCount) {
        Map<String, Integer> uses = new HashMap<>();
        for (Notice n : notices) {
            for (String c : n.campaigns()) {
                uses.merge(c, 1, Integer::sum);
            }
        }
        long lo = Math.max(1, Math.min(notices.size() / 50, 2_000));
        long hi = Math.max(lo, Math.min(notices.size() / 5, 20_000));
        List<String> byUse = uses.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
        String chosen = null;
        long chosenCount = 0;
        String fallback = null;
        long fallbackCount = 0;
        int tried = 0;
        for (String c : byUse) {
            if (uses.get(c) > hi) {
                continue;
            }
            if (tried++ >= 30) {
                break;
            }
            long count = ourCount.applyAsLong(c);
            if (count >= lo && count <= hi) {
                chosen = c;
                chosenCount = count;
                break;
            }
            if (fallback == null && count >= 1 && count <= hi) {
                fallback = c;
                fallbackCount = count;
            }
        }
        if (chosen == null) {
            chosen = fallback;
            chosenCount = fallbackCount;
        }
        if (chosen == null) {
            return;
        }
        s.add(Category.DIFFUSION, chosen + String.format(java.util.Locale.ROOT, " (%,d matches)", chosenCount), params("q", chosen), null);
        s.add(Category.DIFFUSION, "campaign=" + chosen + String.format(java.util.Locale.ROOT, " (%,d notices)", uses.get(chosen)),
                params("campaign", chosen), null);
    }

    /** Forwarding trees: the three notices that the most notices cite by document number. */
    private static void trees(QuerySet s, List<Notice> notices) {
        Map<String, String> idByNumber = new HashMap<>();
        Map<String, Integer> citers = new HashMap<>();
        for (Notice n : notices) {
            if (n.docNumber() != null) {
                idByNumber.putIfAbsent(n.docNumber(), n.id());
            }
            for (String cited : n.citedDocNumbers()) {
                citers.merge(cited, 1, Integer::sum);
            }
        }
        citers.entrySet().stream()
                .filter(e -> idByNumber.containsKey(e.getKey()))
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(3)
                .forEach(e -> s.byCategory.computeIfAbsent(Category.TREE, k -> new ArrayList<>()).add(new BenchQuery(Category.TREE,
                        e.getKey() + " (" + e.getValue() + " citing)", new LinkedHashMap<>(), null, idByNumber.get(e.getKey()))));
    }

    private void add(Category c, String label, Map<String, List<String>> params, Fts5Peer.Query fts) {
        byCategory.computeIfAbsent(c, k -> new ArrayList<>()).add(new BenchQuery(c, label, params, fts));
    }

    private static Map<String, List<String>> params(String k, String v) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put(k, List.of(v));
        return m;
    }

    private static Fts5Peer.Query text(List<String> terms, String issuer, int size) {
        return new Fts5Peer.Query(terms, issuer, null, null, null, null, false, null, false, size);
    }

    /** Han-only runs of 10–16 characters cut from random paragraphs. */
    private static List<String> phrases(List<Notice> notices, Random r, int count) {
        List<String> out = new ArrayList<>();
        for (int attempt = 0; attempt < 10_000 && out.size() < count && !notices.isEmpty(); attempt++) {
            Notice n = notices.get(r.nextInt(notices.size()));
            if (n.paragraphs().isEmpty()) {
                continue;
            }
            String p = n.paragraphs().get(r.nextInt(n.paragraphs().size()));
            // Han runs of the paragraph's matching form; punctuation ends a run so that the phrase has none.
            StringBuilder run = new StringBuilder();
            List<String> runs = new ArrayList<>();
            for (int i = 0; i <= p.length(); i++) {
                char c = i < p.length() ? p.charAt(i) : '。';
                if (TextNormalizer.isHan(c)) {
                    run.append(c);
                } else {
                    if (run.length() >= 12) {
                        runs.add(run.toString());
                    }
                    run.setLength(0);
                }
            }
            if (runs.isEmpty()) {
                continue;
            }
            String chosen = runs.get(r.nextInt(runs.size()));
            int len = Math.min(chosen.length(), 10 + r.nextInt(7));
            int start = r.nextInt(chosen.length() - len + 1);
            String phrase = chosen.substring(start, start + len);
            if (!out.contains(phrase)) {
                out.add(phrase);
            }
        }
        return out;
    }

    private static List<String> issuersByFrequency(List<Notice> notices) {
        Map<String, Integer> counts = new HashMap<>();
        for (Notice n : notices) {
            if (n.issuer() != null) {
                counts.merge(n.issuer(), 1, Integer::sum);
            }
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey)
                .toList();
    }
}
