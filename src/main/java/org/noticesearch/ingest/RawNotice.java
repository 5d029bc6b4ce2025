package org.noticesearch.ingest;

import java.nio.file.Path;

/** A file as read from the corpus, before decoding: its path relative to the corpus root and its bytes. */
public record RawNotice(String source, Path path, byte[] bytes) {}
