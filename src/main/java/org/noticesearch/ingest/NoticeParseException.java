package org.noticesearch.ingest;

/** A file that cannot be read as a notice; the message names the file and the reason. */
public class NoticeParseException extends Exception {
    private final String source;
    private final String reason;

    public NoticeParseException(String source, String reason) {
        super(source + ": " + reason);
        this.source = source;
        this.reason = reason;
    }

    public String source() {
        return source;
    }

    public String reason() {
        return reason;
    }
}
