package org.noticesearch.ingest;

import java.util.List;

/** The outcome of parsing a file or folder: the notices parsed and, per file that failed, why. */
public record ParseReport(List<Notice> notices, List<Failure> failures) {

    public ParseReport {
        notices = List.copyOf(notices);
        failures = List.copyOf(failures);
    }

    /** One file that could not be parsed; {@code reason} is plain words, {@code source} the file's path under the root. */
    public record Failure(String source, String reason) {
        @Override
        public String toString() {
            return source + ": " + reason;
        }
    }
}
