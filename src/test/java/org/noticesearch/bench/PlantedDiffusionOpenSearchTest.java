package org.noticesearch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.noticesearch.config.IndexConfig;
import org.noticesearch.index.IngestReport;
import org.noticesearch.index.NoticeIndexer;
import org.noticesearch.opensearch.OpenSearchService;
import org.noticesearch.opensearch.OpenSearchTestCluster;
import org.noticesearch.search.SearchRequest;
import org.noticesearch.search.diffusion.DiffusionService;
import org.noticesearch.search.diffusion.ServiceDiffusionSource;

/**
 * Planted diffusion recovered through OpenSearch: the same generated campaigns as {@link PlantedDiffusionTest}
 * (fewer ordinary notices around them), indexed into a one-node cluster, and the same checks of every adoption date,
 * follow and tree edge through the search service on the OpenSearch engine — diffusion is written once, over the
 * service, so both engines must give the planted answer.
 */
@Tag("opensearch")
class PlantedDiffusionOpenSearchTest {
    static final int ORDINARY = 300;

    @Test
    void everyPlantedAdoptionAndEdgeIsRecoveredOnOpenSearch(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(OpenSearchTestCluster.distribution() != null,
                "no OpenSearch distribution in target/opensearch (built with -Dopensearch.skip?)");
        IndexConfig cfg = IndexConfig.load(Path.of("index-config"));
        Path corpus = dir.resolve("corpus");
        List<CorpusGenerator.Planted> planted = new ArrayList<>();
        CorpusGenerator.fromSeeds(Path.of("corpus"), cfg).generate(7, ORDINARY, corpus, PlantedDiffusionTest.PLANTING, planted);
        try (OpenSearchTestCluster cluster = OpenSearchTestCluster.start(1, "512m");
             OpenSearchService os = OpenSearchService.connect(cfg,
                     new OpenSearchService.Options(cluster.urls(), "notices-planted", 1, 0), 2, true)) {
            IngestReport report = os.sync(corpus, NoticeIndexer.Progress.NONE);
            assertEquals(List.of(), report.failures());
            DiffusionService service = new DiffusionService(new ServiceDiffusionSource(os.service()));
            // A planted notice's id, looked up by its file as the index holds it.
            Map<String, String> idBySource = new java.util.HashMap<>();
            os.service().eachMatch(SearchRequest.of(""), 100_000, n -> idBySource.put(n.source(), n.id()));
            assertEquals(report.seen(), idBySource.size());
            java.util.function.Function<CorpusGenerator.Planted, String> id =
                    p -> idBySource.get(String.format("planted/%06d.txt", p.index()));
            assertTrue(planted.stream().allMatch(p -> id.apply(p) != null), "every planted notice is indexed");
            PlantedDiffusionTest.checkAdoptions("OpenSearch", service, planted);
            PlantedDiffusionTest.checkTrees("OpenSearch", service, planted, id);
            PlantedDiffusionTest.checkLimits("OpenSearch", service, planted, id);
        }
    }
}
