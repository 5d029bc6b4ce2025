package org.noticesearch.index;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.noticesearch.ingest.FailureKind;
import org.noticesearch.ingest.ParseReport.Failure;

/**
 * What one indexing run did: counts, per-file failures (each with its {@link FailureKind}), and throughput.
 * {@code notRetried} counts the failures remembered from an earlier run whose file has not changed since: they are
 * reported again but were not read or parsed (see {@link FailedFiles}).
 */
public record IngestReport(int seen, int added, int updated, int deleted, int unchanged, List<Failure> failures,
                           long bytesRead, long millis, boolean rebuilt, int notRetried) {

    public IngestReport {
        failures = List.copyOf(failures);
    }

    public IngestReport(int seen, int added, int updated, int deleted, int unchanged, List<Failure> failures,
                        long bytesRead, long millis, boolean rebuilt) {
        this(seen, added, updated, deleted, unchanged, failures, bytesRead, millis, rebuilt, 0);
    }

    public boolean changedAnything() {
        return added + updated + deleted > 0 || rebuilt;
    }

    public double megabytesPerSecond() {
        return millis == 0 ? 0 : bytesRead / 1e6 / (millis / 1000.0);
    }

    /** How many files failed of each kind, in the kinds' order; kinds with none are left out. */
    public Map<FailureKind, Integer> failuresByKind() {
        Map<FailureKind, Integer> out = new EnumMap<>(FailureKind.class);
        for (Failure f : failures) {
            out.merge(f.kind(), 1, Integer::sum);
        }
        return Collections.unmodifiableMap(out);
    }

    /** A human summary, several lines. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        if (!changedAnything() && failures.isEmpty()) {
            sb.append("index is up to date: ").append(seen).append(" files seen, nothing changed, nothing written\n");
        } else {
            sb.append(String.format("files seen %d, added %d, updated %d, deleted %d, unchanged %d, failed %d%n",
                    seen, added, updated, deleted, unchanged, failures.size()));
            sb.append(String.format("read %.1f MB in %.1f s (%.2f MB/s)%n", bytesRead / 1e6, millis / 1000.0, megabytesPerSecond()));
        }
        if (!failures.isEmpty()) {
            StringBuilder kinds = new StringBuilder();
            failuresByKind().forEach((k, n) -> kinds.append(kinds.isEmpty() ? "" : ", ").append(k).append(' ').append(n));
            sb.append("failed by kind: ").append(kinds);
            if (notRetried > 0) {
                sb.append(" (").append(notRetried).append(" failed before and are unchanged: not read again)");
            }
            sb.append('\n');
        }
        for (Failure f : failures) {
            sb.append("failed: ").append(f.source()).append(": ").append(f.reason()).append(" [").append(f.kind()).append("]\n");
        }
        return sb.toString();
    }
}
