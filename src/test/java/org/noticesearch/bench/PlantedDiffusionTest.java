package org.noticesearch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.noticesearch.NoticeService;
import org.noticesearch.config.IndexConfig;
import org.noticesearch.ingest.Notice;
import org.noticesearch.ingest.NoticeParser;
import org.noticesearch.ingest.ParseReport;
import org.noticesearch.search.SearchRequest;
import org.noticesearch.search.diffusion.Adoption;
import org.noticesearch.search.diffusion.DiffusionService;
import org.noticesearch.search.diffusion.ForwardingTree;
import org.noticesearch.search.diffusion.InMemoryDiffusionSource;
import org.noticesearch.search.diffusion.ServiceDiffusionSource;

/**
 * Planted diffusion, recovered: a few thousand generated notices with campaigns planted by the generator (全国妇联,
 * then provinces, then cities, each citing its parent's number), written to files, parsed by the real parser, and
 * read back through the diffusion computations. Every planted adoption date, level and follow, and every tree edge
 * with its lag and forwarding kind, must come back exactly as the generator recorded it.
 */
class PlantedDiffusionTest {
    static final int ORDINARY = 3000;
    static final CorpusGenerator.Planting PLANTING = new CorpusGenerator.Planting(4, 6, 3);

    @TempDir
    static Path dir;
    static List<CorpusGenerator.Planted> planted = new ArrayList<>();
    static Map<String, Notice> bySource = new HashMap<>();
    /** The same computations over each source: the parsed notices in memory, and the embedded index's search service. */
    static Map<String, DiffusionService> services = new LinkedHashMap<>();
    static NoticeService embedded;

    @BeforeAll
    static void generateAndParse() throws Exception {
        IndexConfig cfg = IndexConfig.load(Path.of("index-config"));
        Path corpus = dir.resolve("corpus");
        CorpusGenerator.fromSeeds(Path.of("corpus"), cfg).generate(7, ORDINARY, corpus, PLANTING, planted);
        ParseReport report = new NoticeParser(cfg).parseAll(corpus);
        for (Notice n : report.notices()) {
            bySource.put(n.source(), n);
        }
        services.put("in memory", new DiffusionService(new InMemoryDiffusionSource(report.notices())));
        embedded = NoticeService.start(cfg, corpus, dir.resolve("index"), 2, false);
        assertEquals(report.notices().size(), embedded.service().stats().documents());
        services.put("embedded index", new DiffusionService(new ServiceDiffusionSource(embedded.service())));
    }

    @AfterAll
    static void close() throws Exception {
        embedded.close();
    }

    @Test
    void everyAdoptionDateLevelAndFollowIsRecovered() {
        services.forEach((name, service) -> checkAdoptions(name, service, planted));
    }

    @Test
    void everyTreeEdgeWithItsLagAndKindIsRecovered() {
        services.forEach((name, service) -> checkTrees(name, service, planted, PlantedDiffusionTest::parsedId));
    }

    @Test
    void aSizeLimitCutsTheTreeAndSaysSo() {
        services.forEach((name, service) -> checkLimits(name, service, planted, PlantedDiffusionTest::parsedId));
    }

    private static String parsedId(CorpusGenerator.Planted p) {
        return parsed(p).id();
    }

    private static Notice parsed(CorpusGenerator.Planted p) {
        Notice n = bySource.get(String.format("planted/%06d.txt", p.index()));
        assertNotNull(n, "planted notice " + p.index() + " was not parsed");
        return n;
    }

    static Map<String, List<CorpusGenerator.Planted>> byCampaign(List<CorpusGenerator.Planted> planted) {
        return planted.stream().collect(Collectors.groupingBy(CorpusGenerator.Planted::campaign, TreeMap::new, Collectors.toList()));
    }

    @Test
    void thePlantingIsWhatWasAskedFor() {
        // 4 campaigns × (1 national + 6 provinces × (1 + 3 cities)).
        assertEquals(4 * (1 + 6 * (1 + 3)), planted.size());
        assertEquals(4, byCampaign(planted).size());
    }

    /** Every planted adopter, date, level, province, monthly count, median lag and follow, from {@code service}. */
    static void checkAdoptions(String name, DiffusionService service, List<CorpusGenerator.Planted> planted) {
        Map<Integer, CorpusGenerator.Planted> byIndex = new HashMap<>();
        planted.forEach(p -> byIndex.put(p.index(), p));
        for (var e : byCampaign(planted).entrySet()) {
            Adoption.Report r = service.adopters(SearchRequest.of(e.getKey()));
            List<CorpusGenerator.Planted> ps = e.getValue();
            assertEquals(ps.size(), r.matches(), name + ": " + e.getKey());
            assertFalse(r.partial(), name);
            Set<String> expected = ps.stream().map(p -> p.issuer() + "|" + p.level() + "|" + p.province() + "|" + p.date() + "|1")
                    .collect(Collectors.toSet());
            Set<String> found = r.adopters().stream().map(a -> a.issuer() + "|" + a.level() + "|" + a.province() + "|"
                    + a.first().date() + "|" + a.count()).collect(Collectors.toSet());
            assertEquals(expected, found, name + ": " + e.getKey());
            CorpusGenerator.Planted root = ps.stream().filter(p -> p.parent() < 0).findFirst().orElseThrow();
            assertEquals(root.date().toString(), r.origin().date());
            // Cumulative curve: its last point counts every adopter, and each month's count is the planted one.
            Map<String, Long> perMonth = ps.stream().collect(Collectors.groupingBy(p -> p.date().toString().substring(0, 7),
                    TreeMap::new, Collectors.counting()));
            assertEquals(perMonth, r.curve().stream().collect(Collectors.toMap(Adoption.MonthCount::month,
                    m -> (long) m.adopters(), (a, b) -> a, TreeMap::new)));
            assertEquals(ps.size(), r.curve().get(r.curve().size() - 1).cumulative());
            // Median lag per level, from the planted dates.
            for (String level : List.of("province", "city")) {
                List<Long> lags = ps.stream().filter(p -> p.level().equals(level))
                        .map(p -> ChronoUnit.DAYS.between(root.date(), p.date())).sorted().toList();
                double median = lags.size() % 2 == 1 ? lags.get(lags.size() / 2)
                        : (lags.get(lags.size() / 2 - 1) + lags.get(lags.size() / 2)) / 2.0;
                Adoption.LevelLag ll = r.levels().stream().filter(l -> l.level().equals(level)).findFirst().orElseThrow();
                assertEquals(lags.size(), ll.dated(), level);
                assertEquals(median, ll.medianLagDays(), level);
            }
            Set<String> follows = ps.stream().filter(p -> p.parent() >= 0)
                    .map(p -> p.issuer() + "→" + byIndex.get(p.parent()).issuer()).collect(Collectors.toSet());
            assertEquals(follows, r.follows().stream().map(f -> f.follower() + "→" + f.leader()).collect(Collectors.toSet()));
        }
    }

    /** Every planted tree edge with its lag and forwarding kind, from {@code service}; {@code id}: a planted notice's id. */
    static void checkTrees(String name, DiffusionService service, List<CorpusGenerator.Planted> planted,
                           Function<CorpusGenerator.Planted, String> id) {
        Map<Integer, CorpusGenerator.Planted> byIndex = new HashMap<>();
        planted.forEach(p -> byIndex.put(p.index(), p));
        for (var e : byCampaign(planted).entrySet()) {
            CorpusGenerator.Planted root = e.getValue().stream().filter(p -> p.parent() < 0).findFirst().orElseThrow();
            ForwardingTree.Tree t = service.tree(id.apply(root), ForwardingTree.Limits.DEFAULT);
            Set<String> expected = new HashSet<>();
            Map<String, String> kinds = new HashMap<>();
            Map<String, Long> lags = new HashMap<>();
            for (CorpusGenerator.Planted p : e.getValue()) {
                if (p.parent() >= 0) {
                    expected.add(id.apply(byIndex.get(p.parent())) + "→" + id.apply(p));
                    kinds.put(id.apply(p), p.forwarding());
                    lags.put(id.apply(p), ChronoUnit.DAYS.between(root.date(), p.date()));
                }
            }
            Set<String> found = new HashSet<>();
            Map<String, String> foundKinds = new HashMap<>();
            Map<String, Long> foundLags = new HashMap<>();
            walk(t.root(), found, foundKinds, foundLags);
            assertEquals(expected, found, name + ": " + e.getKey());
            assertEquals(kinds, foundKinds, name + ": " + e.getKey());
            assertEquals(lags, foundLags, name + ": " + e.getKey());
            assertEquals(e.getValue().size(), t.notices());
            assertEquals(expected.size(), t.edges());
            assertFalse(t.depthLimitHit() || t.sizeLimitHit());
        }
    }

    /** The size and depth limits cut a planted tree and say so. */
    static void checkLimits(String name, DiffusionService service, List<CorpusGenerator.Planted> planted,
                            Function<CorpusGenerator.Planted, String> id) {
        CorpusGenerator.Planted root = planted.stream().filter(p -> p.parent() < 0).findFirst().orElseThrow();
        ForwardingTree.Tree t = service.tree(id.apply(root), new ForwardingTree.Limits(ForwardingTree.DEFAULT_MAX_DEPTH, 4));
        assertEquals(4, t.notices(), name);
        assertTrue(t.sizeLimitHit(), name);
        // 6 provinces, 3 shown: the root says 3 more; the cities are not reached at all.
        assertEquals(3, t.root().notShown());
        ForwardingTree.Tree shallow = service.tree(id.apply(root), new ForwardingTree.Limits(1, ForwardingTree.DEFAULT_MAX_NODES));
        assertTrue(shallow.depthLimitHit());
        assertEquals(7, shallow.notices());
        shallow.root().children().forEach(c -> assertEquals(3, c.notShown(), c.issuer()));
    }

    private static void walk(ForwardingTree.Node n, Set<String> edges, Map<String, String> kinds, Map<String, Long> lags) {
        for (ForwardingTree.Node c : n.children()) {
            edges.add(n.id() + "→" + c.id());
            kinds.put(c.id(), c.forwarding());
            lags.put(c.id(), c.lagDays());
            walk(c, edges, kinds, lags);
        }
    }
}
