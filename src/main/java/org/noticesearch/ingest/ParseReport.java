package org.noticesearch.ingest;

import java.util.List;

/** The outcome of parsing a file or folder: the notices parsed and, per file that failed, why. */
public record ParseReport(List<Notice> notices, List<Failure> failures) {

    public ParseReport {
        notices = List.copyOf(notices);
        failures = List.copyOf(failures);
    }

    /**
     * One file that could not be parsed; {@code reason} is the full reason in plain words (it may quote a library's
     * message: it goes to the log and the admin list), {@code kind} what a public report shows and counts.
     */
    public record Failure(String source, String reason, FailureKind kind) {
        public Failure(NoticeParseException e) {
            this(e.source(), e.reason(), e.kind());
        }

        @Override
        public String toString() {
            return source + ": " + reason + " [" + kind + "]";
        }
    }
}
