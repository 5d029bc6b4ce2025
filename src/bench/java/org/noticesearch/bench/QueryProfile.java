package org.noticesearch.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.noticesearch.NoticeService;
import org.noticesearch.config.IndexConfig;
import org.noticesearch.search.SearchRequest;

/**
 * Runs searches in a loop on an existing index, for profiling under JFR:
 * {@code QueryProfile --corpus DIR --index DIR --seconds 20 --query "q=妇女&sort=newest" [--query ...]}.
 * Each query is written as URL parameters (unencoded); they are run round-robin.
 */
public final class QueryProfile {
    private QueryProfile() {}

    public static void main(String[] args) throws Exception {
        List<Map<String, List<String>>> queries = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--query")) {
                Map<String, List<String>> p = new LinkedHashMap<>();
                for (String kv : args[++i].split("&")) {
                    int eq = kv.indexOf('=');
                    p.computeIfAbsent(kv.substring(0, eq), k -> new ArrayList<>()).add(kv.substring(eq + 1));
                }
                queries.add(p);
            } else {
                rest.add(args[i]);
            }
        }
        Map<String, String> a = Args.parse(rest.toArray(String[]::new));
        IndexConfig cfg = IndexConfig.load(Path.of(a.getOrDefault("config", "index-config")));
        long seconds = Long.parseLong(a.getOrDefault("seconds", "20"));
        try (NoticeService service = NoticeService.start(cfg, Path.of(a.get("corpus")), Path.of(a.get("index")), 2, false)) {
            Latencies l = new Latencies();
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            for (int i = 0; System.nanoTime() < end; i++) {
                long t = System.nanoTime();
                service.service().search(org.noticesearch.web.SearchRequests.parse(queries.get(i % queries.size()), cfg.settings()));
                l.add(System.nanoTime() - t);
            }
            System.err.println("searches: " + l.summary());
        }
    }
}
