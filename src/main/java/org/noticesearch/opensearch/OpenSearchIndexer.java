package org.noticesearch.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.noticesearch.Json;
import org.noticesearch.analysis.Analysis;
import org.noticesearch.config.IndexConfig;
import org.noticesearch.index.CorpusIndex;
import org.noticesearch.index.CorpusSync;
import org.noticesearch.index.FailedFiles;
import org.noticesearch.index.IndexSink;
import org.noticesearch.index.IngestReport;
import org.noticesearch.index.NoticeDocuments;
import org.noticesearch.index.NoticeFields;
import org.noticesearch.index.NoticeIndexer;
import org.noticesearch.ingest.Notice;
import org.noticesearch.ingest.NoticeParser;

/**
 * The OpenSearch index as an {@link IndexSink}, kept in line with a corpus folder by {@link CorpusSync}, which decides
 * per file exactly as for the embedded index (new files added, changed ones by content hash re-indexed,
 * touched-but-unchanged ones only re-stamped, removed ones deleted). Each batch of changes goes in one bulk request,
 * {@value #BULKS_IN_FLIGHT} at a time; items the cluster rejects for overload (429) are retried with backoff, any other rejection is
 * reported against its file, and nothing aborts the run. Creates the index (or rebuilds it when the analysis
 * fingerprint changed) with the configured shard and replica counts.
 *
 * <p>A file that failed to parse is remembered ({@link FailedFiles}) and not parsed again until it changes. The list
 * is kept in this process only: the cluster may be fed from several hosts, and the index holds notices, not the
 * state of one host's corpus folder; after a restart each failed file costs one more parse.
 */
public final class OpenSearchIndexer implements CorpusIndex, IndexSink<ObjectNode> {
    public static final int DEFAULT_SHARDS = 1;
    public static final int DEFAULT_REPLICAS = 1;
    public static final String DEFAULT_INDEX = "notices";
    /** Files parsed and sent per bulk request. */
    public static final int DEFAULT_BATCH = 200;
    public static final int DEFAULT_ITEM_ATTEMPTS = 5;
    /**
     * Bulk requests sent at once. Two keep a one-shard index busy on two write threads while the next batch is
     * parsed here; more only queue in the cluster (and meet 429s sooner on a small one).
     */
    static final int BULKS_IN_FLIGHT = 2;

    private final OpenSearchClient client;
    private final String index;
    private final IndexConfig config;
    private final OpenSearchDocuments documents;
    private final int shards;
    private final int replicas;
    private final ObjectMapper mapper = Json.mapper();
    private final CorpusSync corpusSync;
    /** Set for a first load (refresh off), restored after it; runs are one at a time. */
    private boolean bulkLoad;

    public OpenSearchIndexer(OpenSearchClient client, String index, IndexConfig config, Analysis analysis, NoticeParser parser,
                             int threads, int shards, int replicas) {
        this.client = client;
        this.index = index;
        this.config = config;
        this.documents = new OpenSearchDocuments(analysis);
        this.corpusSync = new CorpusSync(parser, FailedFiles.inMemory(), threads);
        this.shards = shards;
        this.replicas = replicas;
    }

    /** Set by {@link #rebuildOnNextSync}, taken by the next sync. */
    private volatile boolean reindexAll;

    /**
     * Creates the index if missing; deletes and re-creates it when it was built with other analysis settings.
     * Returns why it was rebuilt, or null.
     */
    public synchronized String ensureIndex() {
        String want = OpenSearchIndexDefinition.fingerprint(config);
        String reason = null;
        if (client.exists("/" + index)) {
            JsonNode mapping = client.json("GET", "/" + index + "/_mapping", null);
            String have = mapping.path(index).path("mappings").path("_meta").path(OpenSearchIndexDefinition.FINGERPRINT_META).asText(null);
            if (want.equals(have)) {
                return null;
            }
            reason = "the OpenSearch index '" + index + "' was built with other analysis settings (fingerprint " + have
                    + ", now " + want + "): rebuilding it";
            client.json("DELETE", "/" + index, null);
        }
        client.json("PUT", "/" + index, OpenSearchIndexDefinition.createRequest(config, shards, replicas));
        client.json("GET", "/_cluster/health/" + index + "?wait_for_status=yellow&timeout=60s", null);
        return reason;
    }

    /** Syncs the index with the corpus and refreshes it if anything changed. One run at a time. */
    @Override
    public synchronized IngestReport sync(Path corpus, NoticeIndexer.Progress progress) throws IOException {
        return corpusSync.run(corpus, this, progress);
    }

    /** Creates the index if missing (or rebuilds it for new settings), then reads what it holds. */
    @Override
    public State open() {
        boolean rebuilt = ensureIndex() != null;
        Map<String, Indexed> indexed = readIndexed();
        if (reindexAll) {
            // Stamps that match no file: every file is read, parsed and sent again.
            reindexAll = false;
            rebuilt = true;
            Map<String, Indexed> unstamped = new HashMap<>();
            indexed.forEach((source, i) -> unstamped.put(source, new Indexed(i.id(), "", -1, -1)));
            indexed = unstamped;
        }
        return new State(indexed, rebuilt);
    }

    /**
     * A first load into an empty index: no periodic refresh while it runs (each would cut a small segment that must be
     * merged again); the refresh at the end makes everything searchable at once.
     */
    @Override
    public void beforeChanges(int files, State state) {
        bulkLoad = state.bySource().isEmpty() && files > DEFAULT_BATCH;
        if (bulkLoad) {
            refreshInterval("-1");
        }
    }

    @Override
    public void afterChanges() {
        if (bulkLoad) {
            bulkLoad = false;
            refreshInterval(null);
        }
    }

    /** Sets the index's refresh interval; null restores the default. */
    private void refreshInterval(String value) {
        ObjectNode body = mapper.createObjectNode();
        body.putObject("index").put("refresh_interval", value);
        client.json("PUT", "/" + index + "/_settings", body);
    }

    @Override
    public ObjectNode prepare(Notice notice, NoticeDocuments.FileStamp stamp) {
        return documents.toDocument(notice, stamp);
    }

    @Override
    public int batchSize() {
        return DEFAULT_BATCH;
    }

    @Override
    public int writesInFlight() {
        return BULKS_IN_FLIGHT;
    }

    @Override
    public void commit() {
        client.json("POST", "/" + index + "/_refresh", null);
    }

    /** Sends the changes in one bulk request; items refused for overload are sent again, other refusals reported. */
    @Override
    public void write(List<Change<ObjectNode>> changes, Outcomes outcomes) throws IOException {
        List<Change<ObjectNode>> pending = changes;
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            StringBuilder nd = new StringBuilder();
            for (Change<ObjectNode> c : pending) {
                nd.append(line(c)).append('\n');
                if (c.op() == Op.INDEX) {
                    nd.append(mapper.writeValueAsString(c.document())).append('\n');
                } else if (c.op() == Op.RESTAMP) {
                    ObjectNode doc = mapper.createObjectNode();
                    doc.putObject("doc").put(NoticeFields.HASH, c.stamp().hash()).put(NoticeFields.MTIME, c.stamp().mtime())
                            .put(NoticeFields.SIZE, c.stamp().size());
                    nd.append(mapper.writeValueAsString(doc)).append('\n');
                }
            }
            JsonNode items = client.ndjson("/_bulk", nd.toString()).path("items");
            List<Change<ObjectNode>> retry = new ArrayList<>();
            for (int i = 0; i < pending.size(); i++) {
                Change<ObjectNode> c = pending.get(i);
                JsonNode item = items.path(i).elements().hasNext() ? items.path(i).elements().next() : null;
                int status = item == null ? 500 : item.path("status").asInt();
                JsonNode error = item == null ? null : item.get("error");
                if (item != null && (error == null || (c.op() == Op.DELETE && status == 404))) {
                    outcomes.done(c);
                } else if (OpenSearchClient.retryable(status) && attempt < DEFAULT_ITEM_ATTEMPTS) {
                    retry.add(c);
                } else {
                    String why = error == null ? "no answer for this item in the bulk response"
                            : error.path("type").asText() + ": " + error.path("reason").asText();
                    outcomes.refused(c, "rejected by OpenSearch (" + status + " " + why + ")");
                }
            }
            pending = retry;
            if (!pending.isEmpty()) {
                try {
                    client.backoff().pause(attempt - 1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", e);
                }
            }
        }
    }

    private String line(Change<ObjectNode> c) throws IOException {
        ObjectNode meta = mapper.createObjectNode();
        String op = switch (c.op()) {
            case INDEX -> "index";
            case RESTAMP -> "update";
            case DELETE -> "delete";
        };
        meta.putObject(op).put("_index", index).put("_id", c.id());
        return mapper.writeValueAsString(meta);
    }

    /** source → what the index holds, read page by page in source order. */
    private Map<String, Indexed> readIndexed() {
        Map<String, Indexed> out = new HashMap<>();
        JsonNode after = null;
        while (true) {
            ObjectNode body = mapper.createObjectNode();
            body.put("size", 1000);
            body.putObject("query").putObject("match_all");
            ArrayNode src = body.putArray("_source");
            src.add(NoticeFields.ID).add(NoticeFields.SOURCE).add(NoticeFields.HASH).add(NoticeFields.MTIME).add(NoticeFields.SIZE);
            body.putArray("sort").addObject().put(NoticeFields.SOURCE, "asc");
            if (after != null) {
                body.set("search_after", after);
            }
            JsonNode hits = client.json("POST", "/" + index + "/_search", body).path("hits").path("hits");
            if (hits.isEmpty()) {
                return out;
            }
            for (JsonNode h : hits) {
                JsonNode s = h.path("_source");
                out.put(s.path(NoticeFields.SOURCE).asText(), new Indexed(s.path(NoticeFields.ID).asText(),
                        s.path(NoticeFields.HASH).asText(), s.path(NoticeFields.MTIME).asLong(), s.path(NoticeFields.SIZE).asLong()));
                after = h.path("sort");
            }
        }
    }

    /**
     * The admin rebuild: the next sync parses and sends every file again over the notices as they are (each keeps
     * its id, so it is overwritten in place), and deletes those whose files are gone, as any sync does. Deleting
     * everything first, which the embedded index hides behind one commit, would show readers an emptying index here.
     */
    @Override
    public void rebuildOnNextSync() {
        reindexAll = true;
    }

    public String index() {
        return index;
    }
}
