package org.noticesearch.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.noticesearch.Json;
import org.noticesearch.NoticeService;
import org.noticesearch.analysis.Analysis;
import org.noticesearch.config.IndexConfig;
import org.noticesearch.golden.Golden;
import org.noticesearch.index.IndexMaintainer;
import org.noticesearch.index.IngestReport;
import org.noticesearch.index.NoticeIndexer;
import org.noticesearch.ingest.Notice;
import org.noticesearch.ingest.NoticeParser;
import org.noticesearch.search.NoticeView;
import org.noticesearch.search.SearchBackend;
import org.noticesearch.search.SearchHit;
import org.noticesearch.search.SearchPage;
import org.noticesearch.search.SearchRequest;
import org.noticesearch.search.SearchService;
import org.noticesearch.search.SortOrder;
import org.noticesearch.search.Trend;
import org.noticesearch.web.WebConfig;
import org.noticesearch.web.WebServer;

/**
 * The same questions to both backends, the same answers: the bundled corpus and the parser fixtures are indexed
 * into the embedded Lucene index and into a real 2-node OpenSearch cluster (2 shards, 1 replica), then recall,
 * document-number, filter, sort, facet, snippet, notice, trend and suggestion requests are compared. Finally one
 * node is stopped and every search must still find everything.
 *
 * <p>Runs against an existing cluster instead with {@code -Dopensearch.url=http://host:9200} (the node-stop
 * check is then skipped).
 */
@Tag("opensearch")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenSearchParityTest {
    private static final String INDEX = "notices-parity-test";

    private OpenSearchTestCluster cluster;
    private NoticeService embedded;
    private Analysis analysis;
    private SearchService opensearch;
    private OpenSearchClient client;
    private IngestReport embeddedReport;
    private IngestReport opensearchReport;
    private IndexConfig cfg;
    private List<Notice> notices;
    private Path corpus;

    @BeforeAll
    void start(@TempDir Path tmp) throws Exception {
        OpenSearchTestCluster.Target target = OpenSearchTestCluster.externalOrStart(2);
        cluster = target.started();
        List<URI> urls = target.urls();
        cfg = IndexConfig.load(Path.of("index-config"));
        corpus = tmp.resolve("corpus");
        copyTree(Path.of("corpus"), corpus);
        copyTree(Path.of("src/test/resources/fixtures"), corpus.resolve("fixtures"));
        copyTree(Path.of("src/test/resources/search"), corpus.resolve("search"));
        embedded = NoticeService.start(cfg, corpus, tmp.resolve("index"), 2, false);
        embeddedReport = embedded.maintainer().lastReport();

        analysis = new Analysis(cfg);
        client = OpenSearchClient.connect(urls, OpenSearchClient.Settings.DEFAULTS);
        TestIndexes.deleteAll(client, INDEX);
        OpenSearchIndexer indexer = new OpenSearchIndexer(client, INDEX, cfg, analysis, new NoticeParser(cfg), 2,
                2, cluster == null ? 0 : 1);
        opensearchReport = indexer.sync(corpus, NoticeIndexer.Progress.NONE);
        client.json("GET", "/_cluster/health/" + INDEX + "?wait_for_status=" + (cluster == null ? "yellow" : "green") + "&timeout=60s", null);
        opensearch = new SearchService(new OpenSearchEngine(client, INDEX, analysis, 0), analysis, cfg);
        notices = exported(embedded.service(), SearchRequest.of("").withPage(1, 1000)).stream()
                .map(embedded.service()::record).toList();
        assertTrue(notices.size() >= 10, "corpus and fixtures give at least 10 notices, got " + notices.size());
    }

    @AfterAll
    void stop() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
        if (client != null && cluster == null) {
            TestIndexes.deleteAll(client, INDEX);
        }
        if (analysis != null) {
            analysis.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!p.getFileName().toString().equals("README.md")) {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    @Test
    @Order(1)
    void bothIndexTheSameNoticesAndReportTheSameFailures() {
        assertEquals(embeddedReport.added(), opensearchReport.added());
        assertEquals(embeddedReport.failures(), opensearchReport.failures());
        assertFalse(opensearchReport.failures().isEmpty(), "the broken fixtures are reported");
        assertEquals(notices.size(), opensearch.stats().documents());
    }

    /** Queries over the whole corpus: fixed ones for each rule, and substrings taken from every notice. */
    private List<String> queries() {
        List<String> q = new ArrayList<>(List.of(
                "妇联", "巾帼脱贫行动", "疫情防控", "三八国际妇女节", "\"三八”国际妇女节\"", "“三八国际妇女节”", "２０２０年",
                "2020年", "新冠肺炎", "疫情防控 -平顶山", "春蕾计划 OR 春风行动", "妇 联", "妇", "控", "年", "习近平总书记 妇联",
                "脱贫", "全国妇联", "妇女联合会", "-妇联", "统筹抓好疫情防控经济发展", "巾帼力量贡献", "没有这样的通知",
                "妇工委", "两癌", "GoBack", "bookmark", "〇", "渝妇发", "渝妇发〔2020〕", "渝妇发 2020", "鲁妇通字", "平妇字",
                "鲁妇通字[2020]6号", "鲁妇通字（2020）第6号", "鲁妇通字〔2020〕06号", "鲁妇通字 2020 6号", "鲁妇通字〔2020〕6号 疫情",
                "\"鲁妇通字〔2020〕6号\"", "脱贫2020", "a", "ab",
                // from the search core's tests
                "月光宝盒", "月光宝", "光宝盒计", "光宝", "习近平总书记重要指示精神", "做好2020", "做好（2020）", "国发明电〔2020〕",
                "国发明电", "春蕾计划 -巾帼脱贫行动", "春蕾计划　巾帼", "春风行动 OR 冀家书香 家庭", "浙妇发", "浙妇发[2021]3号",
                "渝妇发2020", "渝妇发[2020]", "渝妇发〔2019〕", "渝妇发〔2021〕", "渝", "LED", "led", "abc", "区块链", "恐龙化石",
                "天府巾帼暖心行动", "巾帼脱贫行动计划", "“妇联”", "A&B", "<script>", "《》", "， -妇联", "妇联 ，", "三八妇女节", "妇联春节慰问", "山东妇联",
                "中国特色社会主义", "90周年", "3月", "2012年"));
        // The search core's recall queries, as typed and quoted, and every form of every document number.
        for (String r : org.noticesearch.search.RecallTest.QUERIES) {
            q.add(r);
            q.add(r.startsWith("\"") ? r : "\"" + r + "\"");
        }
        for (Notice n : notices) {
            if (n.docNumberParts() != null) {
                q.addAll(org.noticesearch.search.DocNumberSearchTest.forms(n.docNumberParts()));
            }
        }
        for (Notice n : notices) {
            String t = n.title() == null ? "" : n.title();
            int[] cps = t.codePoints().toArray();
            if (cps.length >= 8) {
                q.add(new String(cps, 2, 4));
                q.add(new String(cps, cps.length - 5, 5));
                q.add(new String(cps, cps.length - 1, 1));
            }
            for (String p : n.paragraphs()) {
                int[] pc = p.codePoints().toArray();
                if (pc.length >= 12) {
                    q.add(new String(pc, pc.length - 7, 7));
                    q.add(new String(pc, 0, 3));
                    break;
                }
            }
            if (n.docNumber() != null) {
                q.add(n.docNumber());
                q.add(n.docNumberParts().agency());
            }
            n.campaigns().forEach(q::add);
        }
        return List.copyOf(new LinkedHashSet<>(q));
    }

    private static Set<String> ids(SearchPage p) {
        Set<String> out = new HashSet<>();
        p.hits().forEach(h -> out.add(h.id()));
        return out;
    }

    private static Map<String, SearchHit> byId(SearchPage p) {
        Map<String, SearchHit> out = new LinkedHashMap<>();
        p.hits().forEach(h -> out.put(h.id(), h));
        return out;
    }

    /** Same total, same hit set (order may differ where scores tie), same hits to the character, same facets. */
    private void assertSame(SearchRequest r) {
        SearchPage a = embedded.service().search(r);
        SearchPage b = opensearch.search(r);
        String what = "request " + r;
        assertEquals(a.total(), b.total(), what);
        assertEquals(a.totalIsExact(), b.totalIsExact(), what);
        assertEquals(a.relaxed(), b.relaxed(), what);
        if (a.total() <= r.size()) {
            assertEquals(ids(a), ids(b), what);
        }
        Map<String, SearchHit> ah = byId(a);
        for (SearchHit h : b.hits()) {
            if (ah.containsKey(h.id())) {
                assertEquals(ah.get(h.id()), h, what + ": hit " + h.id());
            }
        }
        assertEquals(a.facets(), b.facets(), what + ": facets");
        assertEquals(a.facetMore(), b.facetMore(), what + ": facetMore");
    }

    @Test
    @Order(2)
    void recallDocumentNumbersAndSnippetsAreTheSame() {
        List<String> qs = queries();
        int nonEmpty = 0;
        int relaxed = 0;
        for (String q : qs) {
            SearchRequest r = SearchRequest.of(q).withPage(1, 100);
            assertSame(r);
            SearchPage p = embedded.service().search(r);
            nonEmpty += p.total() > 0 ? 1 : 0;
            relaxed += p.relaxed() ? 1 : 0;
        }
        assertTrue(relaxed > 0, "the relaxed fallback is compared too");
        assertTrue(nonEmpty > qs.size() / 2, "most queries find something (" + nonEmpty + " of " + qs.size() + ")");
    }

    /** Every form of every document number puts the numbered notice first on both, as the search core's test asks. */
    @Test
    @Order(2)
    void everyDocumentNumberFormPutsTheNoticeFirstOnBoth() {
        int checked = 0;
        for (Notice n : notices) {
            if (n.docNumberParts() == null) {
                continue;
            }
            for (String form : org.noticesearch.search.DocNumberSearchTest.forms(n.docNumberParts())) {
                SearchPage b = opensearch.search(SearchRequest.of(form));
                assertFalse(b.hits().isEmpty(), form);
                assertEquals(n.id(), b.hits().get(0).id(), form + " on OpenSearch");
                assertEquals(n.id(), embedded.service().search(SearchRequest.of(form)).hits().get(0).id(), form);
                checked++;
            }
        }
        assertTrue(checked >= 100, "forms checked: " + checked);
    }

    @Test
    @Order(3)
    void relevanceTopHitsAreTheSame() {
        // Scores use global statistics (dfs_query_then_fetch), so the first hits agree where scores do not tie.
        for (String q : List.of("鲁妇通字〔2020〕6号", "渝妇发〔2020〕13号", "巾帼脱贫行动", "统筹抓好疫情防控")) {
            SearchPage a = embedded.service().search(SearchRequest.of(q));
            SearchPage b = opensearch.search(SearchRequest.of(q));
            if (!a.hits().isEmpty()) {
                assertEquals(a.hits().get(0).id(), b.hits().get(0).id(), q);
            }
        }
    }

    /**
     * The golden table ({@link Golden}), pinned on the embedded index by {@code GoldenSearchTest}, answered the same
     * through the HTTP API on OpenSearch: the golden corpus in an index of its own (2 shards), every row's total and
     * first hits in order.
     */
    @Test
    @Order(3)
    void theGoldenTableAnswersAsPinned(@TempDir Path tmp) throws Exception {
        String index = INDEX + "-golden";
        Path golden = tmp.resolve("golden");
        Golden.corpus(golden);
        TestIndexes.deleteAll(client, index);
        IngestReport report = new OpenSearchIndexer(client, index, cfg, analysis, new NoticeParser(cfg), 2, 2, 0)
                .sync(golden, NoticeIndexer.Progress.NONE);
        assertEquals(List.of(), report.failures());
        Javalin app = WebServer.create(new SearchService(new OpenSearchEngine(client, index, analysis, 0), analysis, cfg),
                null, cfg.settings(), new WebConfig("127.0.0.1", 0, List.of("*"), null)).start("127.0.0.1", 0);
        try {
            HttpClient http = HttpClient.newHttpClient();
            List<String> wrong = Golden.disagreements("OpenSearch", row -> {
                HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port()
                        + "/api/search?" + row.encoded())).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                assertEquals(200, res.statusCode(), "line " + row.line() + ": " + res.body());
                return Json.mapper().readTree(res.body());
            });
            assertEquals(List.of(), wrong, "golden searches answered otherwise on OpenSearch:\n" + String.join("\n", wrong));
        } finally {
            app.stop();
            TestIndexes.deleteAll(client, index);
        }
    }

    @Test
    @Order(4)
    void filtersFacetsSortAndPagingAreTheSame() throws IOException {
        Set<String> issuers = new LinkedHashSet<>();
        Set<String> provinces = new LinkedHashSet<>();
        Set<String> types = new LinkedHashSet<>();
        Set<String> campaigns = new LinkedHashSet<>();
        Set<String> docnums = new LinkedHashSet<>();
        for (Notice n : notices) {
            if (n.issuer() != null) {
                issuers.add(n.issuer());
            }
            if (n.province() != null) {
                provinces.add(n.province());
            }
            if (n.type() != null) {
                types.add(n.type());
            }
            campaigns.addAll(n.campaigns());
            if (n.docNumberParts() != null) {
                docnums.add(n.docNumber());
                docnums.add(n.docNumberParts().agency());
                docnums.add(n.docNumberParts().agency() + "〔" + n.docNumberParts().year() + "〕");
            }
        }
        assertFalse(issuers.isEmpty() || provinces.isEmpty() || types.isEmpty());
        List<SearchRequest> requests = new ArrayList<>();
        for (String q : List.of("", "妇联", "疫情防控", "通知")) {
            SearchRequest base = SearchRequest.of(q).withPage(1, 100);
            requests.add(base);
            List<String> two = issuers.stream().limit(2).toList();
            requests.add(base.withIssuers(two));
            for (String i : issuers) {
                requests.add(base.withIssuers(List.of(i)));
            }
            requests.add(base.withIssuers(List.of("山东省妇联")));
            // one value per facet: facetMore, and a chosen issuer outside the one listed
            requests.add(base.withFacetLimit(1));
            requests.add(base.withFacetLimit(1).withIssuers(List.of(issuers.stream().reduce((x, y) -> y).orElseThrow())));
            for (String p : provinces) {
                requests.add(base.withFilters(p, null, null, null, null));
                requests.add(base.withIssuers(two).withFilters(p, null, null, null, null));
            }
            for (String t : types) {
                requests.add(base.withFilters(null, t, null, null, null));
            }
            for (String c : campaigns) {
                requests.add(base.withFilters(null, null, c, null, null));
            }
            for (String d : docnums) {
                requests.add(base.withDocNumber(d));
            }
            requests.add(base.withFilters(null, null, null, bound("from", "2020", false), bound("to", "2020", true)));
            requests.add(base.withFilters(null, null, null, bound("from", "2020-02", false), bound("to", "2020-03-08", true)));
            requests.add(base.withFilters(null, null, null, null, bound("to", "2019-12-31", true)));
            requests.add(base.withFilters(null, null, null, bound("from", "2012-02-06", false), null));
        }
        for (SearchRequest r : requests) {
            assertSame(r);
        }
        // Sort: the same dates in the same order; paging: the pages together are the whole list.
        // (relevance with no query is the landing page: newest first on both engines)
        for (SortOrder order : List.of(SortOrder.NEWEST, SortOrder.OLDEST, SortOrder.RELEVANCE)) {
            SearchRequest r = SearchRequest.of("").withSort(order).withPage(1, 100);
            assertEquals(embedded.service().search(r).hits().stream().map(SearchHit::date).toList(),
                    opensearch.search(r).hits().stream().map(SearchHit::date).toList(), order.value());
            Set<String> paged = new HashSet<>();
            for (int page = 1; page <= (notices.size() + 2) / 3; page++) {
                SearchPage p = opensearch.search(SearchRequest.of("").withSort(order).withPage(page, 3));
                assertEquals(embedded.service().search(SearchRequest.of("").withSort(order).withPage(page, 3)).hits().stream()
                        .map(SearchHit::date).toList(), p.hits().stream().map(SearchHit::date).toList());
                paged.addAll(ids(p));
            }
            assertEquals(notices.size(), paged.size(), "pages cover every notice once");
        }
        assertEquals(exported(embedded.service(), SearchRequest.of("妇联").withPage(1, 1000)).stream().sorted().toList(),
                exported(opensearch, SearchRequest.of("妇联").withPage(1, 1000)).stream().sorted().toList());
    }

    /** Totals beyond the hit-count threshold are exact on both when facets are counted, as in every search. */
    @Test
    @Order(9)
    void totalsAreExactBeyondTheThresholdOnBoth() {
        org.noticesearch.config.Settings s = cfg.settings();
        IndexConfig low = new IndexConfig(cfg.dir(), cfg.issuers(), cfg.campaignSuffixes(), cfg.synonyms(), cfg.stopwords(),
                new org.noticesearch.config.Settings(s.snippetCount(), s.snippetLength(), s.titleBoost(), s.wordBoost(),
                        s.maxSize(), s.maxDepth(), s.maxQueryLength(), 2, s.maxFileBytes(), s.readTimeLimitSeconds(),
                        s.maxPages(), s.maxTextChars(), s.maxInflatedBytes(), s.maxZipEntries(), s.server()), cfg.fingerprint());
        SearchService lowThreshold = new SearchService(new OpenSearchEngine(client, INDEX, analysis, 0), analysis, low);
        for (String q : List.of("", "妇联", "通知")) {
            SearchPage a = embedded.service().search(SearchRequest.of(q).withPage(1, 1));
            SearchPage b = lowThreshold.search(SearchRequest.of(q).withPage(1, 1));
            assertTrue(a.total() > 2, q);
            assertEquals(a.total(), b.total(), q);
            assertTrue(b.totalIsExact(), q);
        }
    }

    /** The landing page's counts come from OpenSearch's shard request cache after the first visitor. */
    @Test
    @Order(9)
    void browsingEverythingIsCountedFromTheRequestCache() {
        // A backend that keeps its cluster facts (agency codes, itself a cacheable request) for minutes, so that
        // the only cacheable request of the second search is the landing page's counts.
        SearchService backend = new SearchService(new OpenSearchEngine(client, INDEX, analysis, OpenSearchEngine.DEFAULT_CACHE_MILLIS), analysis, cfg);
        // Cached entries belong to one reader: settle any refresh still pending from the indexing first.
        client.json("POST", "/" + INDEX + "/_refresh", null);
        SearchRequest landing = SearchRequest.of("").withPage(1, 10);
        SearchPage first = backend.search(landing);
        JsonNode before = client.json("GET", "/" + INDEX + "/_stats/request_cache", null).path("_all").path("total").path("request_cache");
        // Each copy of a shard (primary, replica) has its own cache, and searches alternate between copies: of three
        // searches, two meet the same copy of each shard.
        backend.search(landing);
        SearchPage again = backend.search(landing);
        JsonNode after = client.json("GET", "/" + INDEX + "/_stats/request_cache", null).path("_all").path("total").path("request_cache");
        assertTrue(after.path("hit_count").asLong() > before.path("hit_count").asLong(), "request cache " + before + " -> " + after);
        assertEquals(first.facets(), again.facets());
        assertEquals(embedded.service().search(landing).facets(), again.facets());
        assertEquals(notices.size(), again.total());
    }

    private static org.noticesearch.search.DateBound bound(String name, String v, boolean end) {
        return org.noticesearch.search.DateBound.parse(name, v, end);
    }

    @Test
    @Order(5)
    void noticesTrendsAndSuggestionsAreTheSame() {
        for (Notice n : notices) {
            for (String q : new String[]{null, "妇联", "疫情防控 三八国际妇女节"}) {
                NoticeView a = embedded.service().notice(n.id(), q);
                NoticeView b = opensearch.notice(n.id(), q);
                assertEquals(a.notice(), b.notice());
                assertEquals(Set.copyOf(a.citedBy()), Set.copyOf(b.citedBy()), n.id());
                assertEquals(a.cites(), b.cites(), n.id());
                assertEquals(a.paragraphsHtml(), b.paragraphsHtml(), n.id());
            }
            assertFalse(opensearch.similar(n.id()).stream().anyMatch(r -> r.id().equals(n.id())), "similar excludes itself");
        }
        for (String q : List.of("", "妇联", "疫情防控", "没有这样的通知")) {
            Trend a = embedded.service().trend(SearchRequest.of(q));
            Trend b = opensearch.trend(SearchRequest.of(q));
            assertEquals(a, b, q);
        }
        for (String q : List.of("妇", "妇联", "山东", "鲁妇", "2020", "计划", "通知", "省妇联", "x")) {
            assertEquals(embedded.service().suggest(q, 8), opensearch.suggest(q, 8), q);
        }
        assertThrowsNotFound();
    }

    private void assertThrowsNotFound() {
        org.junit.jupiter.api.Assertions.assertThrows(org.noticesearch.search.NotFoundException.class,
                () -> opensearch.notice("no-such-id", null));
    }

    @Test
    @Order(6)
    void reindexingAnUnchangedCorpusWritesNothing() throws IOException {
        OpenSearchIndexer indexer = new OpenSearchIndexer(client, INDEX, cfg, analysis, new NoticeParser(cfg), 2,
                2, cluster == null ? 0 : 1);
        IngestReport again = indexer.sync(corpus, NoticeIndexer.Progress.NONE);
        assertFalse(again.changedAnything(), again.summary());
        assertEquals(opensearchReport.failures(), again.failures());
    }

    /**
     * {@code serve --backend opensearch} start-up: an empty index is filled before serving; an index that holds
     * notices is served at once while the corpus is checked in the background, and a new file shows up.
     */
    @Test
    @Order(7)
    void serveFillsAnEmptyIndexFirstAndSyncsAFullOneInTheBackground(@TempDir Path tmp) throws Exception {
        Path small = tmp.resolve("small");
        copyTree(Path.of("corpus"), small);
        OpenSearchService.Options options = new OpenSearchService.Options(client.nodes(), INDEX + "-start", 1, 0);
        try {
            try (OpenSearchService service = OpenSearchService.connect(cfg, options, 2, true)) {
                assertNotNull(service.maintain(small, false));
                assertEquals(5, service.service().stats().documents());
            }
            try (Stream<Path> seeds = Files.list(small)) {
                Path first = seeds.filter(p -> p.toString().endsWith(".txt")).sorted().findFirst().orElseThrow();
                Files.copy(first, small.resolve("zz-added-later.txt"));
            }
            try (OpenSearchService service = OpenSearchService.connect(cfg, options, 2, true)) {
                service.maintain(small, false);
                long deadline = System.nanoTime() + 60_000_000_000L;
                while (service.service().stats().documents() < 6 && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                assertEquals(6, service.service().stats().documents(), "the background sync adds the new file");
            }
        } finally {
            TestIndexes.deleteAll(client, INDEX + "-start");
        }
    }

    /** {@code serve --backend opensearch} watches its corpus folder and takes the admin rebuild, as the embedded one does. */
    @Test
    @Order(7)
    void theCorpusIsWatchedAndTheAdminRebuildWorks(@TempDir Path tmp) throws Exception {
        Path dir = tmp.resolve("watched");
        copyTree(Path.of("corpus"), dir);
        String name = INDEX + "-watch";
        OpenSearchService.Options options = new OpenSearchService.Options(client.nodes(), name, 1, 0);
        try (OpenSearchService service = OpenSearchService.connect(cfg, options, 2, true)) {
            IndexMaintainer maintainer = service.maintain(dir, true);
            SearchBackend backend = service.service();
            assertEquals(5, backend.stats().documents());
            Path first;
            try (Stream<Path> seeds = Files.list(dir)) {
                first = seeds.filter(p -> p.toString().endsWith(".txt")).sorted().findFirst().orElseThrow();
            }
            String title = new NoticeParser(cfg).parse(org.noticesearch.ingest.CorpusWalker.read(dir, first)).title();
            Files.copy(first, dir.resolve("zz-added.txt"));
            waitFor(() -> backend.stats().documents() == 6, "the watcher indexes a new file");
            assertEquals(2, backend.search(SearchRequest.of("\"" + title + "\"")).total(), "and search finds it");
            Files.delete(dir.resolve("zz-added.txt"));
            waitFor(() -> backend.stats().documents() == 5, "the watcher deletes a removed file");

            Javalin app = WebServer.create(backend, maintainer, cfg.settings(), new WebConfig("127.0.0.1", 0, List.of("*"), "s3cret"))
                    .start("127.0.0.1", 0);
            try {
                HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + app.port() + "/api/admin/reindex"))
                        .header("Authorization", "Bearer s3cret").POST(HttpRequest.BodyPublishers.noBody()).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(202, r.statusCode(), r.body());
                // The rebuild sends every file again over the notices as they are: readers never see fewer.
                int[] fewest = {Integer.MAX_VALUE};
                waitFor(() -> {
                    int docs = backend.stats().documents();
                    fewest[0] = Math.min(fewest[0], docs);
                    return !maintainer.isBusy() && docs == 5;
                }, "the rebuild ends");
                assertEquals(5, fewest[0], "notices searchable during the rebuild");
                IngestReport rebuilt = maintainer.lastReport();
                assertTrue(rebuilt.rebuilt(), rebuilt.summary());
                assertEquals(5, rebuilt.updated(), "every file indexed again: " + rebuilt.summary());
                JsonNode health = Json.mapper().readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + app.port() + "/health")).build(), HttpResponse.BodyHandlers.ofString()).body());
                assertEquals(5, health.path("documents").asInt(), health.toString());
                assertFalse(health.path("indexing").asBoolean(), health.toString());
                assertEquals(5, health.path("lastSync").path("seen").asInt(), health.toString());
                // The cluster's own health instead of a commit generation the cluster does not have.
                assertFalse(health.has("generation"), health.toString());
                assertTrue(List.of("green", "yellow").contains(health.path("cluster").path("status").asText()), health.toString());
                assertTrue(health.path("cluster").path("nodes").asInt() >= 1, health.toString());
                assertTrue(health.path("cluster").path("index").asText().startsWith(INDEX), health.toString());
            } finally {
                app.stop();
            }
        } finally {
            TestIndexes.deleteAll(client, name);
        }
        // No corpus folder: the index is served as it is, with no maintainer (and so no admin rebuild).
        try (OpenSearchService service = OpenSearchService.connect(cfg, new OpenSearchService.Options(client.nodes(), INDEX, 1, 0), 2, true)) {
            assertNull(service.maintain(tmp.resolve("no-such-folder"), true));
            assertEquals(notices.size(), service.service().stats().documents());
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier done, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + ": not within 60 s");
            }
            Thread.sleep(100);
        }
    }

    /**
     * The "done when" of the OpenSearch issue taken literally: the real {@code serve --backend opensearch} command, in
     * its own JVM against the 2-node cluster, answers the HTTP API as {@code serve} on the embedded index does.
     */
    @Test
    @Order(8)
    void theServeCommandAnswersOverHttpAsTheEmbeddedOneDoes(@TempDir Path tmp) throws Exception {
        String nodes = String.join(",", client.nodes().stream().map(URI::toString).toList());
        try (ServeProcess os = ServeProcess.start(tmp.resolve("opensearch.log"), "--corpus", corpus.toString(),
                "--backend", "opensearch", "--opensearch-url", nodes, "--opensearch-index", INDEX);
             ServeProcess local = ServeProcess.start(tmp.resolve("embedded.log"), "--corpus", corpus.toString(),
                     "--index", tmp.resolve("index").toString(), "--no-watch")) {
            List<String> paths = new ArrayList<>();
            for (String q : queries()) {
                paths.add("/api/search?size=100&q=" + enc(q));
            }
            for (Notice n : notices) {
                if (n.issuer() != null) {
                    paths.add("/api/search?size=100&q=" + enc("妇联") + "&issuer=" + enc(n.issuer()));
                }
                if (n.type() != null) {
                    paths.add("/api/search?size=100&type=" + enc(n.type()) + "&from=2020&to=2021-06");
                }
                if (n.docNumber() != null) {
                    paths.add("/api/search?docNumber=" + enc(n.docNumber()));
                }
                paths.add("/api/notices/" + enc(n.id()));
                paths.add("/api/notices/" + enc(n.id()) + "?q=" + enc("疫情防控 妇联"));
            }
            for (String sort : List.of("newest", "oldest")) {
                for (int page = 1; page <= 3; page++) {
                    paths.add("/api/search?sort=" + sort + "&page=" + page + "&size=4");
                }
            }
            for (String q : List.of("", "妇联", "疫情防控")) {
                paths.add("/api/trend?q=" + enc(q));
                paths.add("/api/suggest?q=" + enc(q.isEmpty() ? "妇" : q));
            }
            for (String pinyin : List.of("fulian", "fl", "jgtp", "yiqing")) {
                paths.add("/api/suggest?q=" + pinyin);
            }
            paths.add("/api/search?size=100&scope=title&q=" + enc("妇联"));
            paths.add("/api/search?size=100&q=" + enc("通知 -title:妇联"));
            // Bad input: the same 400 and message from both.
            paths.addAll(List.of("/api/search?size=0", "/api/search?from=2020-13", "/api/search?sort=x", "/api/notices/nope",
                    "/api/search?q=" + enc("妇".repeat(201))));
            int compared = 0;
            for (String path : paths) {
                HttpResponse<String> a = local.get(path);
                HttpResponse<String> b = os.get(path);
                assertEquals(a.statusCode(), b.statusCode(), path + "\n" + b.body());
                JsonNode ja = Json.mapper().readTree(a.body());
                JsonNode jb = Json.mapper().readTree(b.body());
                if (path.contains("sort=")) {
                    assertEquals(ja.path("hits").findValuesAsText("date"), jb.path("hits").findValuesAsText("date"), path);
                }
                comparable(ja);
                comparable(jb);
                // Totals and hit ids first, so that a failure names the difference before the whole responses.
                assertEquals(ja.path("total"), jb.path("total"), path);
                assertEquals(ja.path("hits").findValuesAsText("id"), jb.path("hits").findValuesAsText("id"), path);
                if (ja.has("hits") && ja.path("total").asLong() > ja.path("hits").size()) {
                    // Only a part of the hits is shown: where scores tie, the two may pick different ones.
                    assertEquals(ja.path("total"), jb.path("total"), path);
                    assertEquals(ja.path("facets"), jb.path("facets"), path);
                    assertEquals(ja.path("hits").size(), jb.path("hits").size(), path);
                } else {
                    assertEquals(ja, jb, path);
                }
                compared += a.statusCode() == 200 ? 1 : 0;
            }
            assertTrue(compared > paths.size() - 10, "most requests answer 200: " + compared + " of " + paths.size());
            String similar = os.get("/api/notices/" + enc(notices.get(0).id()) + "/similar").body();
            assertFalse(Json.mapper().readTree(similar).path("similar").toString().contains("\"" + notices.get(0).id() + "\""));
            assertEquals(notices.size(), Json.mapper().readTree(os.get("/health").body()).path("documents").asInt());
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /**
     * Takes out of a response what may legitimately differ: the time taken, and the order of hits (ties in score or
     * date; sorted requests have their dates compared in order first) and of citing notices, which become sorted.
     */
    private static void comparable(JsonNode node) {
        if (node instanceof ObjectNode o) {
            o.remove("tookMs");
            // Cursors are opaque and each engine's own (Lucene doc ids and a snapshot version; OpenSearch sort values).
            o.remove("nextCursor");
            for (String field : List.of("hits", "citedBy")) {
                if (o.get(field) instanceof ArrayNode arr) {
                    List<JsonNode> items = new ArrayList<>();
                    arr.forEach(items::add);
                    items.sort(java.util.Comparator.comparing(JsonNode::toString));
                    arr.removeAll();
                    items.forEach(arr::add);
                }
            }
        }
    }

    /** {@code serve} in a JVM of its own, on the test classpath, on a free port; its output goes to a log file. */
    private record ServeProcess(Process process, int port, Path log, HttpClient http) implements AutoCloseable {
        static ServeProcess start(Path log, String... args) throws Exception {
            int port;
            try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
                port = s.getLocalPort();
            }
            List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx256m",
                    "-cp", System.getProperty("java.class.path"), "org.noticesearch.App", "serve",
                    "--config", "index-config", "--host", "127.0.0.1", "--port", String.valueOf(port)));
            cmd.addAll(List.of(args));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            ServeProcess served = new ServeProcess(p, port, log, HttpClient.newHttpClient());
            long deadline = System.nanoTime() + 180_000_000_000L;
            while (true) {
                try {
                    if (served.get("/health").statusCode() == 200) {
                        return served;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                if (!p.isAlive() || System.nanoTime() > deadline) {
                    served.close();
                    throw new AssertionError("serve " + String.join(" ", args) + " did not come up:\n" + Files.readString(log));
                }
                Thread.sleep(100);
            }
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(java.time.Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    @Test
    @Order(10)
    void stoppingOneNodeLosesNoSearchResults() throws Exception {
        Assumptions.assumeTrue(cluster != null, "needs the cluster this test starts");
        Map<String, Long> before = new LinkedHashMap<>();
        for (String q : queries()) {
            before.put(q, opensearch.search(SearchRequest.of(q).withPage(1, 100)).total());
        }
        // Stop the node that is not the elected cluster manager: with two master-eligible nodes, losing the
        // manager leaves no quorum (a third node would be needed to survive that too).
        String manager = cluster.clusterManager();
        int victim = manager.equals("node-0") ? 1 : 0;
        cluster.stopNode(victim);
        // The client still lists the stopped node first or second; it must skip it.
        for (String q : queries()) {
            assertEquals(before.get(q), opensearch.search(SearchRequest.of(q).withPage(1, 100)).total(), q);
        }
        for (String q : List.of("妇联", "鲁妇通字〔2020〕6号")) {
            assertSame(SearchRequest.of(q).withPage(1, 100));
        }
    }

    /** The ids of a streamed export, in order. */
    private static List<String> exported(SearchBackend backend, SearchRequest r) throws java.io.IOException {
        List<String> ids = new ArrayList<>();
        backend.export(r, new SearchBackend.ExportSink() {
            @Override
            public void begin(boolean partial) {
                assertFalse(partial);
            }

            @Override
            public void row(org.noticesearch.search.ExportRow row) {
                ids.add(row.id());
            }
        });
        return ids;
    }
}
