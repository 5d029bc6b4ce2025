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
 * <p>The configured name is an alias; the index behind it is {@code <name>-v<fingerprint>}. When the analysis
 * fingerprint changed (or the name is still a concrete index, as older versions made it), or the admin asks for a
 * rebuild ({@code <name>-v<fingerprint>-<epoch millis>}, a fresh index with the same settings), the next sync fills a
 * new index beside the one searched, then one {@code _aliases} request moves the alias to it (removing the old
 * concrete index in the same request in the older layout), and the old index is deleted once the searches that
 * started on it have had time to end. Searches go through the alias and never see a half-built index; an interrupted
 * build is resumed by the next sync (its files are compared by stamp like any other).
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
    /**
     * Time between moving the alias and deleting the old index: a search that resolved the alias just before the move
     * runs on the old index (at most {@code search.timeLimitMs} plus its fetch phase), and would fail if its shards
     * went away under it.
     */
    static final java.time.Duration DEFAULT_RETIRE_GRACE = java.time.Duration.ofSeconds(5);

    private final OpenSearchClient client;
    /** The configured name: the alias searches go through. */
    private final String index;
    private final IndexConfig config;
    private final OpenSearchDocuments documents;
    private final int shards;
    private final int replicas;
    private final ObjectMapper mapper = Json.mapper();
    private final CorpusSync corpusSync;
    /** Set for a first load (refresh off), restored after it; runs are one at a time. */
    private boolean bulkLoad;
    private final java.time.Duration retireGrace;
    /**
     * The concrete indexes the alias points at (or the concrete index named like the alias, {@link #legacy}); written
     * under this object's lock, read by the writing threads without it (the sync holding the lock waits for them).
     */
    private volatile List<String> serving = List.of();
    /** {@link #serving} is the older layout: a concrete index under the configured name, not an alias. */
    private boolean legacy;
    /** The index being built beside the served one, written to until the alias moves to it; null when none. */
    private volatile String building;

    public OpenSearchIndexer(OpenSearchClient client, String index, IndexConfig config, Analysis analysis, NoticeParser parser,
                             int threads, int shards, int replicas) {
        this.client = client;
        this.index = index;
        this.config = config;
        this.documents = new OpenSearchDocuments(analysis);
        this.corpusSync = new CorpusSync(parser, FailedFiles.inMemory(), threads);
        this.shards = shards;
        this.replicas = replicas;
        this.retireGrace = DEFAULT_RETIRE_GRACE;
    }

    /** Set by {@link #rebuildOnNextSync}, taken by the next sync. */
    private volatile boolean reindexAll;

    /**
     * Finds the index behind the configured name. Creates it, with the alias, if there is none; when it was built with
     * other analysis settings (or is a concrete index of the older layout), plans a new index to be built beside it by
     * the next sync, which moves the alias to it when done. Returns why a new index is built, or null.
     */
    public synchronized String ensureIndex() {
        String want = OpenSearchIndexDefinition.fingerprint(config);
        String versioned = OpenSearchIndexDefinition.versionedName(index, want);
        legacy = false;
        if (client.exists("/_alias/" + index)) {
            JsonNode aliased = client.json("GET", "/_alias/" + index, null);
            List<String> names = new ArrayList<>();
            aliased.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            serving = List.copyOf(names);
        } else if (client.exists("/" + index)) {
            serving = List.of(index);
            legacy = true;
        } else if (client.exists("/" + versioned)) {
            // The index of these settings without its alias (removed by hand): give it back.
            ObjectNode body = mapper.createObjectNode();
            body.putArray("actions").addObject().putObject("add").put("index", versioned).put("alias", index);
            client.json("POST", "/_aliases", body);
            serving = List.of(versioned);
            return null;
        } else {
            // A first install: the empty index takes the alias at once (in the create request), nothing to hide.
            ObjectNode create = OpenSearchIndexDefinition.createRequest(config, shards, replicas);
            create.putObject("aliases").putObject(index);
            client.json("PUT", "/" + versioned, create);
            waitForPrimaries(versioned);
            serving = List.of(versioned);
            building = null;
            return null;
        }
        if (!legacy && serving.size() == 1 && want.equals(fingerprintOf(serving.get(0)))) {
            if (building != null && !reindexAll) {
                return "an interrupted rebuild of the OpenSearch index '" + index + "' into '" + building + "' goes on";
            }
            return null;
        }
        String have = serving.size() == 1 ? fingerprintOf(serving.get(0)) : null;
        if (building == null || !building.startsWith(versioned)) {
            building = versioned;
        }
        return legacy
                ? "the OpenSearch index '" + index + "' is a concrete index of an older version: building '" + building
                        + "' beside it; the name becomes an alias of it when it is complete"
                : "the OpenSearch index '" + index + "' (" + String.join(", ", serving) + ") was built with other analysis settings"
                        + " (fingerprint " + have + ", now " + want + "): building '" + building + "' beside it; searches use the old"
                        + " one until the new one is complete";
    }

    private String fingerprintOf(String concrete) {
        JsonNode mapping = client.json("GET", "/" + concrete + "/_mapping", null);
        return mapping.path(concrete).path("mappings").path("_meta").path(OpenSearchIndexDefinition.FINGERPRINT_META).asText(null);
    }

    private void waitForPrimaries(String concrete) {
        client.json("GET", "/_cluster/health/" + concrete + "?wait_for_status=yellow&timeout=60s", null);
    }

    /** Syncs the index with the corpus and refreshes it if anything changed; a completed build takes the alias. One run at a time. */
    @Override
    public synchronized IngestReport sync(Path corpus, NoticeIndexer.Progress progress) throws IOException {
        IngestReport report = corpusSync.run(corpus, this, progress);
        if (building != null) {
            swap();
        }
        return report;
    }

    /**
     * Reads what the index being written holds: the served one, or the one being built beside it. An admin rebuild
     * starts a fresh index beside the served one and offers the served one's files with blank stamps, so that every
     * file is indexed again (and counted as updated) and files gone are counted as deleted.
     */
    @Override
    public synchronized State open() {
        ensureIndex();
        if (reindexAll) {
            reindexAll = false;
            if (building != null && client.exists("/" + building)) {
                client.json("DELETE", "/" + building, null); // an unfinished build: the fresh one replaces it
            }
            building = OpenSearchIndexDefinition.versionedName(index, OpenSearchIndexDefinition.fingerprint(config))
                    + "-" + System.currentTimeMillis();
            createBuilding();
            Map<String, Indexed> unstamped = new HashMap<>();
            readIndexed(index).forEach((source, i) -> unstamped.put(source, new Indexed(i.id(), "", -1, -1)));
            return new State(unstamped, true);
        }
        if (building != null) {
            createBuilding();
            return new State(readIndexed(building), true);
        }
        return new State(readIndexed(writeIndex()), false);
    }

    private void createBuilding() {
        if (!client.exists("/" + building)) {
            client.json("PUT", "/" + building, OpenSearchIndexDefinition.createRequest(config, shards, replicas));
        }
        waitForPrimaries(building);
    }

    /** Where writes go: the index being built, else the one the alias points at. */
    private String writeIndex() {
        String b = building;
        if (b != null) {
            return b;
        }
        List<String> s = serving;
        return s.size() == 1 ? s.get(0) : index;
    }

    /**
     * Moves the alias to the completed build in one {@code _aliases} request (with {@code remove_index} for the older
     * layout's concrete index), then deletes the old indexes after {@link #retireGrace}.
     */
    private void swap() {
        String fresh = building;
        client.json("POST", "/" + fresh + "/_refresh", null);
        ObjectNode body = mapper.createObjectNode();
        ArrayNode actions = body.putArray("actions");
        if (legacy) {
            actions.addObject().putObject("remove_index").put("index", index);
        } else {
            for (String old : serving) {
                actions.addObject().putObject("remove").put("index", old).put("alias", index);
            }
        }
        actions.addObject().putObject("add").put("index", fresh).put("alias", index);
        client.json("POST", "/_aliases", body);
        // Only indexes of this layout are deleted: another index someone put behind the alias only loses the alias.
        List<String> retired = legacy ? List.of() : serving.stream().filter(n -> n.startsWith(index + "-v")).toList();
        serving = List.of(fresh);
        legacy = false;
        building = null;
        if (!retired.isEmpty()) {
            try {
                Thread.sleep(retireGrace.toMillis());
            } catch (InterruptedException e) {
                // Shutting down: delete now rather than leave an index no alias leads to (and nothing would delete).
                Thread.currentThread().interrupt();
            }
            for (String old : retired) {
                client.json("DELETE", "/" + old, null);
            }
        }
    }

    /** The concrete index the configured name points at now, as the cluster says (for {@code /health}); null when none. */
    public String servingIndex() {
        if (client.exists("/_alias/" + index)) {
            java.util.Iterator<String> names = client.json("GET", "/_alias/" + index, null).fieldNames();
            return names.hasNext() ? names.next() : null;
        }
        return client.exists("/" + index) ? index : null;
    }

    /** The index being built beside the served one (a changed configuration or an admin rebuild), or null. */
    public String buildingIndex() {
        return building;
    }

    /**
     * A first load into an empty index: no periodic refresh while it runs (each would cut a small segment that must be
     * merged again); the refresh at the end makes everything searchable at once.
     */
    @Override
    public void beforeChanges(int files, State state) {
        // A new index beside the served one is not searched until it is complete: no refreshes either.
        bulkLoad = (state.bySource().isEmpty() || building != null) && files > DEFAULT_BATCH;
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
        client.json("PUT", "/" + writeIndex() + "/_settings", body);
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
        client.json("POST", "/" + writeIndex() + "/_refresh", null);
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
        meta.putObject(op).put("_index", writeIndex()).put("_id", c.id());
        return mapper.writeValueAsString(meta);
    }

    /** source → what the index holds, read page by page in source order. */
    private Map<String, Indexed> readIndexed(String from) {
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
            JsonNode hits = client.json("POST", "/" + from + "/_search", body).path("hits").path("hits");
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
     * The admin rebuild: the next sync parses and sends every file into a fresh index beside the served one, then
     * moves the alias to it and deletes the old one; readers see the old index, complete, until the move.
     */
    @Override
    public void rebuildOnNextSync() {
        reindexAll = true;
    }

    /** The configured name: the alias searches go through. */
    public String index() {
        return index;
    }
}
