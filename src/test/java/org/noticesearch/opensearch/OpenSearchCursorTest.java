package org.noticesearch.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.noticesearch.search.SearchTestSupport.notice;
import static org.noticesearch.search.SearchTestSupport.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.noticesearch.Json;
import org.noticesearch.analysis.Analysis;
import org.noticesearch.index.NoticeDocuments;
import org.noticesearch.index.NoticeFields;
import org.noticesearch.ingest.Notice;
import org.noticesearch.search.BadRequestException;
import org.noticesearch.search.ExportRow;
import org.noticesearch.search.SearchBackend;
import org.noticesearch.search.SearchPage;
import org.noticesearch.search.SearchRequest;
import org.noticesearch.search.SearchService;
import org.noticesearch.search.SearchTestSupport;

/**
 * Cursor paging and the all-hits export on OpenSearch without a cluster: a scripted one that answers each search with
 * its hits in the order asked for ({@code _score}, {@code _doc}, id), honouring {@code search_after}, and records what
 * it was sent.
 */
class OpenSearchCursorTest {
    private static final String INDEX = "notices-unit";
    private final ObjectMapper mapper = Json.mapper();
    @TempDir
    Path tmp;

    @Test
    void nextCursorIsSearchAfterOverATotalOrder() throws Exception {
        Path corpus = tmp.resolve("corpus");
        for (int i = 0; i < 7; i++) {
            write(corpus.resolve(String.format("n%d.txt", i)), notice("全国妇联", "妇字〔2020〕" + (i + 1) + "号", "关于第" + i + "期活动的通知",
                    "2020年3月2日", "巾帼建功。"));
        }
        List<Notice> notices = SearchTestSupport.parseAll(corpus);
        try (Analysis analysis = new Analysis(SearchTestSupport.CONFIG)) {
            OpenSearchDocuments docs = new OpenSearchDocuments(analysis);
            List<ObjectNode> sources = new ArrayList<>();
            for (Notice n : notices) {
                sources.add(docs.toDocument(n, new NoticeDocuments.FileStamp("h", 0, 0)));
            }
            List<JsonNode> sent = Collections.synchronizedList(new ArrayList<>());
            OpenSearchClient.Transport cluster = (node, method, path, type, body) -> {
                JsonNode req = mapper.readTree(body == null ? new byte[0] : body);
                ObjectNode res = mapper.createObjectNode();
                if (!path.startsWith("/" + INDEX + "/_search")) {
                    return new OpenSearchClient.Response(200, "{}");
                }
                sent.add(req);
                res.put("timed_out", false);
                ObjectNode hits = res.putObject("hits");
                hits.putObject("total").put("value", sources.size()).put("relation", "eq");
                ArrayNode list = hits.putArray("hits");
                int size = req.path("size").asInt(10);
                // Every hit scores 1.0; _doc is the list position; the id ends the order.
                int start = 0;
                if (req.has("search_after")) {
                    start = req.get("search_after").get(1).asInt() + 1;
                }
                start += req.path("from").asInt(0);
                for (int i = start; i < Math.min(sources.size(), start + size); i++) {
                    ObjectNode h = list.addObject();
                    h.set("_source", sources.get(i));
                    h.putArray("sort").add(1.0).add(i).add(sources.get(i).get(NoticeFields.ID).asText());
                }
                res.putObject("aggregations");
                return new OpenSearchClient.Response(200, res.toString());
            };
            OpenSearchClient client = new OpenSearchClient(List.of(URI.create("http://test:9200")), cluster, 1, 1);
            SearchService backend = new SearchService(new OpenSearchEngine(client, INDEX, analysis, OpenSearchEngine.DEFAULT_CACHE_MILLIS), analysis, SearchTestSupport.CONFIG);

            // A query, so that the order is relevance (with no query the landing page lists the newest first).
            SearchRequest first = SearchRequest.of("通知").withPage(1, 3);
            List<String> ids = new ArrayList<>();
            SearchPage p = backend.search(first);
            p.hits().forEach(h -> ids.add(h.id()));
            int pages = 1;
            while (p.nextCursor() != null && pages++ < 10) {
                p = backend.search(first.withCursor(p.nextCursor()));
                p.hits().forEach(h -> ids.add(h.id()));
            }
            assertNull(p.nextCursor());
            assertEquals(notices.stream().map(Notice::id).toList(), ids, "every hit once, in order");
            JsonNode last = sent.get(sent.size() - 1);
            assertEquals(0, last.path("from").asInt());
            assertEquals("[1.0,5,\"n5\"]", last.path("search_after").toString(), last.toString());
            assertEquals("[\"_score\",\"_doc\",{\"id\":{\"order\":\"asc\"}}]", last.path("sort").toString());

            String cursor = backend.search(first).nextCursor();
            assertNotNull(cursor);
            BadRequestException other = assertThrows(BadRequestException.class,
                    () -> backend.search(SearchRequest.of("公告").withPage(1, 3).withCursor(cursor)));
            assertEquals("cursor", other.parameter());
            assertEquals("cursor", assertThrows(BadRequestException.class, () -> backend.search(first.withCursor("AAAA"))).parameter());

            List<String> exported = new ArrayList<>();
            sent.clear();
            backend.exportAll(first, new SearchBackend.ExportSink() {
                @Override
                public void begin(boolean partial) {
                    assertFalse(partial);
                }

                @Override
                public void row(ExportRow row) {
                    exported.add(row.id());
                }
            });
            assertEquals(notices.stream().map(Notice::id).toList(), exported);
            assertTrue(sent.stream().allMatch(r -> r.path("size").asInt() == org.noticesearch.search.SearchLimits.EXPORT_CHUNK), sent.toString());
        }
    }
}
