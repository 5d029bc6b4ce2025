package org.noticesearch.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.noticesearch.Json;
import org.noticesearch.analysis.Analysis;
import org.noticesearch.config.IndexConfig;
import org.noticesearch.index.CorpusIndex;
import org.noticesearch.index.FailedFiles;
import org.noticesearch.index.IngestReport;
import org.noticesearch.index.NoticeDocuments;
import org.noticesearch.index.NoticeFields;
import org.noticesearch.index.NoticeIndexer;
import org.noticesearch.ingest.CorpusWalker;
import org.noticesearch.ingest.FailureKind;
import org.noticesearch.ingest.Notice;
import org.noticesearch.ingest.NoticeParseException;
import org.noticesearch.ingest.NoticeParser;
import org.noticesearch.ingest.ParseReport;
import org.noticesearch.ingest.RawNotice;
import org.noticesearch.util.Hashes;

/**
 * Brings an OpenSearch index in line with a corpus folder, as {@link NoticeIndexer} does for the embedded
 * index: new files are added, changed ones (by content hash) re-indexed, touched-but-unchanged ones only
 * re-stamped, removed ones deleted; files are parsed by the same {@link NoticeParser}. Documents go in bulk
 * requests; items the cluster rejects for overload (429) are retried with backoff, any other rejection is
 * reported against its file, and nothing aborts the run. Creates the index (or rebuilds it when the analysis
 * fingerprint changed) with the configured shard and replica counts.
 *
 * <p>A file that failed to parse is remembered ({@link FailedFiles}) and not parsed again until it changes. The list
 * is kept in this process only: the cluster may be fed from several hosts, and the index holds notices, not the
 * state of one host's corpus folder; after a restart each failed file costs one more parse.
 */
public final class OpenSearchIndexer implements CorpusIndex {
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
    private final NoticeParser parser;
    private final OpenSearchDocuments documents;
    private final int threads;
    private final int shards;
    private final int replicas;
    private final ObjectMapper mapper = Json.mapper();
    private final FailedFiles failed = FailedFiles.inMemory();

    public OpenSearchIndexer(OpenSearchClient client, String index, IndexConfig config, Analysis analysis, NoticeParser parser,
                             int threads, int shards, int replicas) {
        this.client = client;
        this.index = index;
        this.config = config;
        this.parser = parser;
        this.documents = new OpenSearchDocuments(analysis);
        this.threads = Math.max(1, threads);
        this.shards = shards;
        this.replicas = replicas;
    }

    /** What the index holds for one source file. */
    private record Indexed(String id, String hash, long mtime, long size) {}

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
        long start = System.nanoTime();
        boolean rebuilt = ensureIndex() != null;
        Map<String, Indexed> indexed = readIndexed();
        if (reindexAll) {
            // Stamps that match no file: every file is read, parsed and sent again.
            reindexAll = false;
            rebuilt = true;
            Map<String, Indexed> unstamped = new HashMap<>();
            indexed.forEach((source, i) -> unstamped.put(source, new Indexed(i.id, "", -1, -1)));
            indexed = unstamped;
        }
        if (rebuilt) {
            failed.clear();
        }
        CorpusWalker.Walk walk = CorpusWalker.walk(corpus);
        List<Path> files = walk.files();
        Set<String> ids = new HashSet<>();
        indexed.values().forEach(i -> ids.add(i.id));
        // A first load into an empty index: no periodic refresh while it runs (each would cut a small segment that
        // must be merged again); the refresh at the end makes everything searchable at once.
        boolean bulkLoad = indexed.isEmpty() && files.size() > DEFAULT_BATCH;
        if (bulkLoad) {
            refreshInterval("-1");
        }
        try {
            return syncFiles(corpus, walk, indexed, ids, progress, start, rebuilt);
        } finally {
            if (bulkLoad) {
                refreshInterval(null);
            }
        }
    }

    /** Sets the index's refresh interval; null restores the default. */
    private void refreshInterval(String value) {
        ObjectNode body = mapper.createObjectNode();
        body.putObject("index").put("refresh_interval", value);
        client.json("PUT", "/" + index + "/_settings", body);
    }

    private IngestReport syncFiles(Path corpus, CorpusWalker.Walk walk, Map<String, Indexed> indexed, Set<String> ids,
                                   NoticeIndexer.Progress progress, long start, boolean rebuilt) throws IOException {
        List<Path> files = walk.files();
        Counts counts = new Counts();
        counts.failures.addAll(walk.problems());
        Set<String> seen = new HashSet<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "os-indexer");
            t.setDaemon(true);
            return t;
        });
        ExecutorService senders = Executors.newFixedThreadPool(BULKS_IN_FLIGHT, r -> {
            Thread t = new Thread(r, "os-bulk");
            t.setDaemon(true);
            return t;
        });
        // A pipeline: the next batch is parsed while up to BULKS_IN_FLIGHT earlier ones are being indexed by the
        // cluster, so neither side waits for the other (parsing is ours, analysis and writing the cluster's).
        ArrayDeque<Future<?>> inFlight = new ArrayDeque<>();
        try {
            List<Future<Action>> next = prepareBatch(pool, corpus, files, 0, indexed, seen);
            for (int from = 0; from < files.size(); from += DEFAULT_BATCH) {
                List<Future<Action>> futures = next;
                next = from + DEFAULT_BATCH < files.size() ? prepareBatch(pool, corpus, files, from + DEFAULT_BATCH, indexed, seen) : List.of();
                List<Action> actions = new ArrayList<>();
                for (Future<Action> f : futures) {
                    Action a = f.get();
                    synchronized (counts) {
                        if (a.failure != null) {
                            counts.failures.add(a.failure);
                            if (a.remembered) {
                                counts.notRetried++;
                            }
                        } else if (a.kind == Kind.UNCHANGED) {
                            counts.unchanged++;
                        } else if (a.kind == Kind.INDEX && a.old == null && !ids.add(a.id)) {
                            counts.failures.add(new ParseReport.Failure(a.source, "its id '" + a.id + "' is already used by another file",
                                    FailureKind.DUPLICATE_ID));
                        } else {
                            actions.add(a);
                        }
                        counts.bytes += a.bytes;
                    }
                }
                int done = Math.min(files.size(), from + DEFAULT_BATCH);
                inFlight.add(senders.submit(() -> {
                    send(actions, counts);
                    return null;
                }));
                while (inFlight.size() > BULKS_IN_FLIGHT) {
                    inFlight.removeFirst().get();
                }
                progress.update(done, files.size());
            }
            while (!inFlight.isEmpty()) {
                inFlight.removeFirst().get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("indexing interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
            senders.shutdownNow();
        }
        List<Action> deletes = new ArrayList<>();
        for (Map.Entry<String, Indexed> e : indexed.entrySet()) {
            if (!seen.contains(e.getKey())) {
                deletes.add(new Action(Kind.DELETE, e.getKey(), e.getValue().id, null, null, null, null, 0, false));
            }
        }
        send(deletes, counts);
        counts.failures.sort((a, b) -> a.source().compareTo(b.source()));
        failed.retainOnly(seen);
        IngestReport report = new IngestReport(files.size(), counts.added, counts.updated, counts.deleted, counts.unchanged,
                counts.failures, counts.bytes, (System.nanoTime() - start) / 1_000_000, rebuilt, counts.notRetried);
        if (report.changedAnything() || counts.restamped > 0) {
            client.json("POST", "/" + index + "/_refresh", null);
        }
        return report;
    }

    private enum Kind { UNCHANGED, RESTAMP, INDEX, DELETE }

    /** Starts parsing the batch of files from {@code from}; the futures are in file order. */
    private List<Future<Action>> prepareBatch(ExecutorService pool, Path corpus, List<Path> files, int from, Map<String, Indexed> indexed,
                                              Set<String> seen) {
        List<Future<Action>> futures = new ArrayList<>();
        for (Path file : files.subList(from, Math.min(files.size(), from + DEFAULT_BATCH))) {
            String source = CorpusWalker.sourceOf(corpus, file);
            seen.add(source);
            Indexed old = indexed.get(source);
            futures.add(pool.submit(() -> prepare(corpus, file, source, old)));
        }
        return futures;
    }

    /** What to do for one file. */
    private record Action(Kind kind, String source, String id, Indexed old, ObjectNode document,
                          NoticeDocuments.FileStamp stamp, ParseReport.Failure failure, long bytes, boolean remembered) {}

    private static final class Counts {
        int added, updated, deleted, unchanged, restamped, notRetried;
        long bytes;
        final List<ParseReport.Failure> failures = new ArrayList<>();
    }

    private Action prepare(Path corpus, Path file, String source, Indexed old) {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            return failed(new ParseReport.Failure(source, "cannot read file attributes (" + e.getMessage() + ")", FailureKind.UNREADABLE), 0);
        }
        long mtime = attrs.lastModifiedTime().toMillis();
        long size = attrs.size();
        if (old != null && old.mtime == mtime && old.size == size) {
            return new Action(Kind.UNCHANGED, source, old.id, old, null, null, null, 0, false);
        }
        FailedFiles.Entry known = failed.unchanged(source, size, mtime);
        if (known != null) {
            return remembered(known, 0);
        }
        if (size > parser.maxFileBytes()) {
            return failed(NoticeIndexer.tooLarge(source, size, parser.maxFileBytes(), old != null), 0);
        }
        RawNotice raw;
        try {
            raw = CorpusWalker.read(corpus, file, parser.maxFileBytes());
        } catch (IOException e) {
            return failed(new ParseReport.Failure(source, "cannot read (" + e.getMessage() + ")", FailureKind.UNREADABLE), 0);
        }
        long bytes = raw.bytes().length;
        String hash = Hashes.sha256Hex(raw.bytes());
        NoticeDocuments.FileStamp stamp = new NoticeDocuments.FileStamp(hash, mtime, size);
        if (old != null && old.hash.equals(hash)) {
            failed.forget(source);
            return new Action(Kind.RESTAMP, source, old.id, old, null, stamp, null, bytes, false);
        }
        known = failed.sameContent(source, hash, size, mtime);
        if (known != null) {
            return remembered(known, bytes);
        }
        Notice notice;
        ParseReport.Failure failure;
        try {
            notice = parser.parse(raw);
            failed.forget(source);
            return new Action(Kind.INDEX, source, notice.id(), old, documents.toDocument(notice, stamp), stamp, null, bytes, false);
        } catch (NoticeParseException e) {
            failure = new ParseReport.Failure(source, e.reason() + (old != null ? " (the previous version stays indexed)" : ""), e.kind());
        } catch (RuntimeException e) {
            failure = new ParseReport.Failure(source, "parser error: " + e, FailureKind.INTERNAL);
        }
        failed.record(source, size, mtime, hash, failure);
        return failed(failure, bytes);
    }

    private static Action failed(ParseReport.Failure failure, long bytes) {
        return new Action(Kind.UNCHANGED, failure.source(), null, null, null, null, failure, bytes, false);
    }

    private static Action remembered(FailedFiles.Entry known, long bytes) {
        return new Action(Kind.UNCHANGED, known.source(), null, null, null, null, known.failure(), bytes, true);
    }

    /** Sends the actions in one bulk request; items refused for overload are sent again, other refusals reported. */
    private void send(List<Action> actions, Counts counts) throws IOException {
        List<Action> pending = actions;
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            StringBuilder nd = new StringBuilder();
            for (Action a : pending) {
                nd.append(line(a)).append('\n');
                if (a.kind == Kind.INDEX) {
                    nd.append(mapper.writeValueAsString(a.document)).append('\n');
                } else if (a.kind == Kind.RESTAMP) {
                    ObjectNode doc = mapper.createObjectNode();
                    doc.putObject("doc").put(NoticeFields.HASH, a.stamp.hash()).put(NoticeFields.MTIME, a.stamp.mtime())
                            .put(NoticeFields.SIZE, a.stamp.size());
                    nd.append(mapper.writeValueAsString(doc)).append('\n');
                }
            }
            JsonNode res = client.ndjson("/_bulk", nd.toString());
            JsonNode items = res.path("items");
            List<Action> retry = new ArrayList<>();
            // Bulk requests run on two threads at once: the counts are shared.
            synchronized (counts) {
                for (int i = 0; i < pending.size(); i++) {
                    Action a = pending.get(i);
                    JsonNode item = items.path(i).elements().hasNext() ? items.path(i).elements().next() : null;
                    int status = item == null ? 500 : item.path("status").asInt();
                    JsonNode error = item == null ? null : item.get("error");
                    if (item != null && (error == null || (a.kind == Kind.DELETE && status == 404))) {
                        switch (a.kind) {
                            case INDEX -> {
                                if (a.old == null) {
                                    counts.added++;
                                } else {
                                    counts.updated++;
                                }
                            }
                            case RESTAMP -> {
                                counts.unchanged++;
                                counts.restamped++;
                            }
                            case DELETE -> counts.deleted++;
                            default -> { }
                        }
                    } else if (OpenSearchClient.retryable(status) && attempt < DEFAULT_ITEM_ATTEMPTS) {
                        retry.add(a);
                    } else {
                        String why = error == null ? "no answer for this item in the bulk response"
                                : error.path("type").asText() + ": " + error.path("reason").asText();
                        counts.failures.add(new ParseReport.Failure(a.source, "rejected by OpenSearch (" + status + " " + why + ")"
                                + (a.old != null && a.kind == Kind.INDEX ? "; the previous version stays indexed" : ""), FailureKind.REJECTED));
                    }
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

    private String line(Action a) throws IOException {
        ObjectNode meta = mapper.createObjectNode();
        String op = switch (a.kind) {
            case INDEX -> "index";
            case RESTAMP -> "update";
            case DELETE -> "delete";
            case UNCHANGED -> throw new IllegalStateException("nothing to send for an unchanged file");
        };
        meta.putObject(op).put("_index", index).put("_id", a.id);
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
