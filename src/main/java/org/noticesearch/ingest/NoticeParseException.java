package org.noticesearch.ingest;

/** A file that cannot be read as a notice; the message names the file and the reason, {@link #kind()} its kind. */
public class NoticeParseException extends Exception {
    private final String source;
    private final String reason;
    private final FailureKind kind;

    /** A file that was read but holds no notice ({@link FailureKind#NOT_A_NOTICE}). */
    public NoticeParseException(String source, String reason) {
        this(source, FailureKind.NOT_A_NOTICE, reason);
    }

    public NoticeParseException(String source, FailureKind kind, String reason) {
        super(source + ": " + reason);
        this.source = source;
        this.reason = reason;
        this.kind = kind;
    }

    public String source() {
        return source;
    }

    public String reason() {
        return reason;
    }

    public FailureKind kind() {
        return kind;
    }
}
