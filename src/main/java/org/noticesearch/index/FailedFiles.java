package org.noticesearch.index;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.noticesearch.Json;
import org.noticesearch.ingest.FailureKind;
import org.noticesearch.ingest.ParseReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The files that failed for a reason in their own bytes (too large, corrupt, not a notice, too slow ...), remembered by
 * path, size, modification time and content hash, so that a sync does not parse them again until they change: a bad
 * file costs one parse, not one per sync. Failures that depend on something else (permissions, a link, another file's
 * id, the cluster) are not remembered; see {@link FailureKind#dependsOnlyOnContent()}.
 *
 * <p>The embedded index keeps the list in a small JSON file in its index folder ({@value #FILE_NAME}): it lives and
 * dies with the index it describes (deleting the folder forgets it, as it should), Lucene leaves files it does not
 * own alone, and it is written atomically (a temporary file moved into place), so a crash leaves the old list or
 * the new one. Losing it costs one more parse of each failed file, nothing else.
 */
public final class FailedFiles {
    private static final Logger LOG = LoggerFactory.getLogger(FailedFiles.class);
    /** The file name in the index folder. */
    public static final String FILE_NAME = "failed-files.json";
    private static final int FORMAT = 1;

    /** One remembered failure: the file's stamp when it failed, and why. */
    public record Entry(String source, long size, long mtime, String hash, FailureKind kind, String reason) {
        public ParseReport.Failure failure() {
            return new ParseReport.Failure(source, reason, kind);
        }
    }

    /** The file as stored, with the reading context its failures were found under. */
    private record Stored(int format, String context, List<Entry> files) {}

    private final Path file;
    private final String context;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private volatile boolean dirty;

    private FailedFiles(Path file, String context) {
        this.file = file;
        this.context = context;
    }

    /** A list kept only in memory, for the life of this process (the OpenSearch backend: see its indexer). */
    public static FailedFiles inMemory() {
        return new FailedFiles(null, "");
    }

    /**
     * The list stored in {@code file}; a missing or unreadable file is an empty list (logged): it is only a cache. A
     * list found under another reading context (limits raised, more heap, another version of the program; see
     * {@link org.noticesearch.ingest.NoticeParser#readingContext()}) is dropped, so its files are tried again.
     */
    public static FailedFiles load(Path file, String context) {
        FailedFiles f = new FailedFiles(file, context);
        if (Files.exists(file)) {
            try {
                Stored s = mapper().readValue(file.toFile(), new TypeReference<Stored>() {});
                if (s.format() == FORMAT && s.files() != null && !context.equals(s.context())) {
                    LOG.info("{}: the reading limits or the program changed since these files failed; they will be tried again", file);
                    f.dirty = !s.files().isEmpty();
                } else if (s.format() == FORMAT && s.files() != null) {
                    for (Entry e : s.files()) {
                        f.entries.put(e.source(), e);
                    }
                }
            } catch (IOException | RuntimeException e) {
                LOG.warn("{}: cannot read the list of failed files ({}); every file will be tried again", file, e.getMessage());
            }
        }
        return f;
    }

    private static ObjectMapper mapper() {
        return Json.mapper();
    }

    /** The remembered failure of a file whose size and time are as they were when it failed, else null. */
    public Entry unchanged(String source, long size, long mtime) {
        Entry e = entries.get(source);
        return e != null && e.size() == size && e.mtime() == mtime ? e : null;
    }

    /**
     * The remembered failure of a file that was touched but holds the same bytes; its stamp is refreshed so the next
     * sync skips it by size and time. Else null.
     */
    public Entry sameContent(String source, String hash, long size, long mtime) {
        Entry e = entries.get(source);
        if (e == null || !e.hash().equals(hash)) {
            return null;
        }
        Entry now = new Entry(source, size, mtime, hash, e.kind(), e.reason());
        entries.put(source, now);
        dirty = true;
        return now;
    }

    /** Remembers a failure if its kind depends only on the file's bytes; forgets the file otherwise. */
    public void record(String source, long size, long mtime, String hash, ParseReport.Failure failure) {
        if (failure.kind().dependsOnlyOnContent()) {
            entries.put(source, new Entry(source, size, mtime, hash, failure.kind(), failure.reason()));
            dirty = true;
        } else {
            forget(source);
        }
    }

    /** Forgets a file (it parsed, or its failure was of another kind). */
    public void forget(String source) {
        if (entries.remove(source) != null) {
            dirty = true;
        }
    }

    /** Forgets the files no longer in the corpus. */
    public void retainOnly(Collection<String> sources) {
        java.util.Set<String> keep = new java.util.HashSet<>(sources);
        if (entries.keySet().removeIf(s -> !keep.contains(s))) {
            dirty = true;
        }
    }

    /** Forgets everything: a rebuild tries every file again (after a change of limits or parser, say). */
    public void clear() {
        if (!entries.isEmpty()) {
            entries.clear();
            dirty = true;
        }
    }

    public int size() {
        return entries.size();
    }

    /** Writes the list if it changed since the last save; a failure to write is logged, not thrown (it is a cache). */
    public void save() {
        if (!dirty || file == null) {
            dirty = false;
            return;
        }
        List<Entry> list = new ArrayList<>(entries.values());
        list.sort((a, b) -> a.source().compareTo(b.source()));
        try {
            Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
            mapper().writeValue(tmp.toFile(), new Stored(FORMAT, context, list));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            dirty = false;
        } catch (IOException e) {
            LOG.warn("{}: cannot save the list of failed files ({}); they will be tried again after a restart", file, e.getMessage());
        }
    }
}
