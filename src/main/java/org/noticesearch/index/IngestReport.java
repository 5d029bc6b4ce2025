package org.noticesearch.index;

import java.util.List;
import org.noticesearch.ingest.ParseReport.Failure;

/** What one indexing run did: counts, per-file failures, and throughput. */
public record IngestReport(int seen, int added, int updated, int deleted, int unchanged, List<Failure> failures,
                           long bytesRead, long millis, boolean rebuilt) {


    public IngestReport {
        failures = List.copyOf(failures);
    }

    public boolean changedAnything() {
        return added + updated + deleted > 0 || rebuilt;
    }

    public double megabytesPerSecond() {
        return millis == 0 ? 0 : bytesRead / 1e6 / (millis / 1000.0);
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
        for (Failure f : failures) {
            sb.append("failed: ").append(f.source()).append(": ").append(f.reason()).append('\n');
        }
        return sb.toString();
    }
}
