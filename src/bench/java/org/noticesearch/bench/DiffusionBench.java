package org.noticesearch.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.noticesearch.NoticeService;
import org.noticesearch.config.IndexConfig;
import org.noticesearch.search.SearchBackend;
import org.noticesearch.search.SearchPage;
import org.noticesearch.search.SearchRequest;
import org.noticesearch.search.diffusion.Adoption;
import org.noticesearch.search.diffusion.DiffusionService;
import org.noticesearch.search.diffusion.ForwardingTree;
import org.noticesearch.search.diffusion.ServiceDiffusionSource;

/**
 * The diffusion category (issue 15's targets): {@code /api/diffusion}'s computation in-process for the campaign with
 * the most matching notices, and the forwarding tree of the most heavily forwarded planted notice, on a generated
 * corpus with planted diffusion, over the embedded index as {@code serve} runs it.
 *
 * <pre>DiffusionBench --count 100000 --plant 3,31,10 [--seed S] [--work target/bench] [--seconds 20]</pre>
 *
 * The corpus and the index are kept in {@code --work} and reused while count, seed and planting are the same.
 */
public final class DiffusionBench {
    private DiffusionBench() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> a = Args.parse(args);
        IndexConfig cfg = IndexConfig.load(Path.of(a.getOrDefault("config", "index-config")));
        int count = Integer.parseInt(a.getOrDefault("count", "10000"));
        long seed = Long.parseLong(a.getOrDefault("seed", String.valueOf(CorpusGenerator.DEFAULT_SEED)));
        String plant = a.getOrDefault("plant", "3,31,10");
        long seconds = Long.parseLong(a.getOrDefault("seconds", "20"));
        String[] p = plant.split(",");
        CorpusGenerator.Planting planting = new CorpusGenerator.Planting(Integer.parseInt(p[0]), Integer.parseInt(p[1]),
                Integer.parseInt(p[2]));
        Path work = Path.of(a.getOrDefault("work", "target/bench"));
        String name = "diffusion-" + count + "-" + seed + "-" + plant.replace(',', '_');
        Path corpus = work.resolve(name);
        Path index = work.resolve(name + "-index");
        List<CorpusGenerator.Planted> planted = new ArrayList<>();
        long t0 = System.nanoTime();
        if (!Files.isDirectory(corpus)) {
            CorpusGenerator.fromSeeds(Path.of("corpus"), cfg).generate(seed, count, corpus, planting, planted);
            System.out.printf("generated %d notices (+%d planted) in %.1f s%n", count, planted.size(), secs(t0));
        } else {
            // The planted records are rebuilt from the same seed without writing the files again.
            CorpusGenerator.fromSeeds(Path.of("corpus"), cfg).generate(seed, count, work.resolve(name + "-again"), planting, planted);
            deleteTree(work.resolve(name + "-again"));
        }
        t0 = System.nanoTime();
        try (NoticeService service = NoticeService.start(cfg, corpus, index, 2, false)) {
            System.out.printf("index ready in %.1f s: %d notices%n", secs(t0), service.service().stats().documents());
            SearchBackend search = service.service();
            DiffusionService diffusion = new DiffusionService(new ServiceDiffusionSource(search));
            // The campaign with the most matching notices.
            SearchPage all = search.search(SearchRequest.of("").withPage(1, 1));
            SearchPage.FacetValue top = all.facets().get("campaign").stream()
                    .max(Comparator.comparingLong(SearchPage.FacetValue::count)).orElseThrow();
            SearchRequest campaign = SearchRequest.of(top.value());
            Adoption.Report r = diffusion.adopters(campaign);
            System.out.printf("campaign %s: %d notices in the facet, %d matching the query, %d adopters%n", top.value(),
                    top.count(), r.matches(), r.adopterCount());
            Latencies.Summary adopters = time(() -> diffusion.adopters(campaign), seconds);
            System.out.printf("diffusion p50 %.1f ms p95 %.1f ms p99 %.1f ms max %.1f ms over %d (target: p50 < 50 ms)%n",
                    adopters.p50(), adopters.p95(), adopters.p99(), adopters.max(), adopters.n());
            // The most forwarded planted notice: a campaign's root, with every province and city below it.
            CorpusGenerator.Planted root = planted.stream().filter(x -> x.parent() < 0).findFirst().orElseThrow();
            List<String> ids = new ArrayList<>();
            search.eachMatch(SearchRequest.of(root.campaign()), 100_000, n -> {
                if (n.source().equals(String.format("planted/%06d.txt", root.index()))) {
                    ids.add(n.id());
                }
            });
            String id = ids.get(0);
            ForwardingTree.Tree t = diffusion.tree(id, ForwardingTree.Limits.DEFAULT);
            System.out.printf("tree of %s: %d notices, %d edges%n", id, t.notices(), t.edges());
            Latencies.Summary tree = time(() -> diffusion.tree(id, ForwardingTree.Limits.DEFAULT), seconds);
            System.out.printf("tree p50 %.1f ms p95 %.1f ms p99 %.1f ms max %.1f ms over %d (target: < 20 ms)%n",
                    tree.p50(), tree.p95(), tree.p99(), tree.max(), tree.n());
        }
    }

    private static Latencies.Summary time(Runnable work, long seconds) {
        long warmEnd = System.nanoTime() + seconds * 250_000_000L;
        while (System.nanoTime() < warmEnd) {
            work.run();
        }
        Latencies l = new Latencies();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            long s = System.nanoTime();
            work.run();
            l.add(System.nanoTime() - s);
        }
        return l.summary();
    }

    private static double secs(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static void deleteTree(Path p) throws java.io.IOException {
        if (Files.exists(p)) {
            try (var s = Files.walk(p)) {
                for (Path x : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(x);
                }
            }
        }
    }
}
