package org.noticesearch.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;

/** Tunable numbers from {@code settings.properties}; every key has a named default. */
public record Settings(int snippetCount, int snippetLength, float titleBoost, float wordBoost, int maxSize,
                       int maxDepth, int maxQueryLength, int totalHitsThreshold, long maxFileBytes,
                       int readTimeLimitSeconds, int maxPages, long maxTextChars, long maxInflatedBytes, int maxZipEntries,
                       ServerLimits server) {

    public static final int DEFAULT_SNIPPET_COUNT = 3;
    public static final int DEFAULT_SNIPPET_LENGTH = 100;
    public static final float DEFAULT_TITLE_BOOST = 4f;
    public static final float DEFAULT_WORD_BOOST = 2f;
    public static final int DEFAULT_MAX_SIZE = 100;
    public static final int DEFAULT_MAX_DEPTH = 10_000;
    public static final int DEFAULT_MAX_QUERY_LENGTH = 200;
    public static final int DEFAULT_TOTAL_HITS_THRESHOLD = 10_000;
    public static final long DEFAULT_MAX_FILE_BYTES = 20_000_000L;
    /** Seconds one file may take to read (OCR of a scanned notice of a few pages fits; a stuck file is cut off). */
    public static final int DEFAULT_READ_TIME_LIMIT_SECONDS = 60;
    /** Pages a PDF or OFD may have: a notice with its attachments is tens of pages, a book is not a notice. */
    public static final int DEFAULT_MAX_PAGES = 1000;
    /** Characters of text one file may yield (some 2,000 pages of dense Chinese). */
    public static final long DEFAULT_MAX_TEXT_CHARS = 2_000_000L;
    /** What a .docx or .ofd package may inflate to (the zip-bomb guard). */
    public static final long DEFAULT_MAX_INFLATED_BYTES = 256L << 20;
    /** Entries a .docx or .ofd package may hold; a document has a few dozen. */
    public static final int DEFAULT_MAX_ZIP_ENTRIES = 10_000;


    private static final Set<String> KEYS = Set.of("snippets.count", "snippets.length", "boost.title", "boost.word",
            "search.maxSize", "search.maxDepth", "search.maxQueryLength", "search.totalHitsThreshold", "ingest.maxFileBytes",
            "ingest.readTimeLimitSeconds", "ingest.maxPages", "ingest.maxTextChars", "ingest.maxInflatedBytes", "ingest.maxZipEntries",
            ServerLimits.TIME_LIMIT, ServerLimits.EXPORT_CONCURRENCY, ServerLimits.EXPORT_WAIT, ServerLimits.MAX_CONNECTIONS,
            ServerLimits.HEADER_TIMEOUT, ServerLimits.IDLE_TIMEOUT, ServerLimits.RATE_PER_SECOND, ServerLimits.RATE_BURST);

    public Settings {
        if (server == null) {
            server = ServerLimits.defaults();
        }
    }

    public static Settings defaults() {
        return new Settings(DEFAULT_SNIPPET_COUNT, DEFAULT_SNIPPET_LENGTH, DEFAULT_TITLE_BOOST, DEFAULT_WORD_BOOST,
                DEFAULT_MAX_SIZE, DEFAULT_MAX_DEPTH, DEFAULT_MAX_QUERY_LENGTH, DEFAULT_TOTAL_HITS_THRESHOLD, DEFAULT_MAX_FILE_BYTES,
                DEFAULT_READ_TIME_LIMIT_SECONDS, DEFAULT_MAX_PAGES, DEFAULT_MAX_TEXT_CHARS, DEFAULT_MAX_INFLATED_BYTES,
                DEFAULT_MAX_ZIP_ENTRIES, ServerLimits.defaults());
    }

    /** The same settings with other server limits (tests, and callers that tune one limit). */
    public Settings withServer(ServerLimits limits) {
        return new Settings(snippetCount, snippetLength, titleBoost, wordBoost, maxSize, maxDepth, maxQueryLength,
                totalHitsThreshold, maxFileBytes, readTimeLimitSeconds, maxPages, maxTextChars, maxInflatedBytes,
                maxZipEntries, limits);
    }

    /**
     * What keeps one search, one export or one client from taking the server: a time limit per search (after which
     * the hits found so far are returned, flagged partial), how many CSV exports run at once and how long one waits
     * for its turn, the connection cap and the header-read and idle timeouts of the HTTP server, and an optional
     * per-client rate limit (a token bucket per remote address; off when {@code ratePerSecond} is 0).
     */
    public record ServerLimits(int searchTimeLimitMs, int exportConcurrency, int exportWaitMs, int maxConnections,
                               int headerTimeoutMs, int idleTimeoutMs, int ratePerSecond, int rateBurst) {
        public static final int DEFAULT_SEARCH_TIME_LIMIT_MS = 2_000;
        public static final int DEFAULT_EXPORT_CONCURRENCY = 1;
        public static final int DEFAULT_EXPORT_WAIT_MS = 10_000;
        public static final int DEFAULT_MAX_CONNECTIONS = 512;
        public static final int DEFAULT_HEADER_TIMEOUT_MS = 10_000;
        public static final int DEFAULT_IDLE_TIMEOUT_MS = 30_000;
        public static final int DEFAULT_RATE_PER_SECOND = 0;
        public static final int DEFAULT_RATE_BURST = 40;

        static final String TIME_LIMIT = "search.timeLimitMs";
        static final String EXPORT_CONCURRENCY = "export.maxConcurrent";
        static final String EXPORT_WAIT = "export.waitMs";
        static final String MAX_CONNECTIONS = "server.maxConnections";
        static final String HEADER_TIMEOUT = "server.headerTimeoutMs";
        static final String IDLE_TIMEOUT = "server.idleTimeoutMs";
        static final String RATE_PER_SECOND = "server.rateLimit.perSecond";
        static final String RATE_BURST = "server.rateLimit.burst";

        public static ServerLimits defaults() {
            return new ServerLimits(DEFAULT_SEARCH_TIME_LIMIT_MS, DEFAULT_EXPORT_CONCURRENCY, DEFAULT_EXPORT_WAIT_MS,
                    DEFAULT_MAX_CONNECTIONS, DEFAULT_HEADER_TIMEOUT_MS, DEFAULT_IDLE_TIMEOUT_MS, DEFAULT_RATE_PER_SECOND,
                    DEFAULT_RATE_BURST);
        }

        public boolean rateLimited() {
            return ratePerSecond > 0;
        }

        static ServerLimits load(Path file, Properties p) {
            return new ServerLimits(
                    intKey(file, p, TIME_LIMIT, DEFAULT_SEARCH_TIME_LIMIT_MS, 1, 600_000),
                    intKey(file, p, EXPORT_CONCURRENCY, DEFAULT_EXPORT_CONCURRENCY, 1, 64),
                    intKey(file, p, EXPORT_WAIT, DEFAULT_EXPORT_WAIT_MS, 0, 600_000),
                    intKey(file, p, MAX_CONNECTIONS, DEFAULT_MAX_CONNECTIONS, 1, 1_000_000),
                    intKey(file, p, HEADER_TIMEOUT, DEFAULT_HEADER_TIMEOUT_MS, 100, 3_600_000),
                    intKey(file, p, IDLE_TIMEOUT, DEFAULT_IDLE_TIMEOUT_MS, 100, 3_600_000),
                    intKey(file, p, RATE_PER_SECOND, DEFAULT_RATE_PER_SECOND, 0, 1_000_000),
                    intKey(file, p, RATE_BURST, DEFAULT_RATE_BURST, 1, 1_000_000));
        }
    }

    public static Settings load(Path file) {
        if (!Files.exists(file)) {
            return defaults();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read (" + e + ")", e);
        }
        for (String key : p.stringPropertyNames()) {
            if (!KEYS.contains(key)) {
                throw new ConfigException(file + ": unknown key '" + key + "' (known keys: " + String.join(", ", KEYS.stream().sorted().toList()) + ")");
            }
        }
        return new Settings(
                intKey(file, p, "snippets.count", DEFAULT_SNIPPET_COUNT, 0, 20),
                intKey(file, p, "snippets.length", DEFAULT_SNIPPET_LENGTH, 20, 1000),
                floatKey(file, p, "boost.title", DEFAULT_TITLE_BOOST),
                floatKey(file, p, "boost.word", DEFAULT_WORD_BOOST),
                intKey(file, p, "search.maxSize", DEFAULT_MAX_SIZE, 1, 1000),
                intKey(file, p, "search.maxDepth", DEFAULT_MAX_DEPTH, 1, 1_000_000),
                intKey(file, p, "search.maxQueryLength", DEFAULT_MAX_QUERY_LENGTH, 1, 10_000),
                intKey(file, p, "search.totalHitsThreshold", DEFAULT_TOTAL_HITS_THRESHOLD, 1, Integer.MAX_VALUE),
                intKey(file, p, "ingest.maxFileBytes", (int) DEFAULT_MAX_FILE_BYTES, 1, Integer.MAX_VALUE),
                intKey(file, p, "ingest.readTimeLimitSeconds", DEFAULT_READ_TIME_LIMIT_SECONDS, 1, 3600),
                intKey(file, p, "ingest.maxPages", DEFAULT_MAX_PAGES, 1, 1_000_000),
                intKey(file, p, "ingest.maxTextChars", (int) DEFAULT_MAX_TEXT_CHARS, 1000, Integer.MAX_VALUE),
                intKey(file, p, "ingest.maxInflatedBytes", (int) DEFAULT_MAX_INFLATED_BYTES, 1 << 20, Integer.MAX_VALUE),
                intKey(file, p, "ingest.maxZipEntries", DEFAULT_MAX_ZIP_ENTRIES, 10, 1_000_000),
                ServerLimits.load(file, p));
    }

    private static int intKey(Path file, Properties p, String key, int def, int min, int max) {
        String v = p.getProperty(key);
        if (v == null) {
            return def;
        }
        try {
            int x = Integer.parseInt(v.strip());
            if (x < min || x > max) {
                throw new ConfigException(file + ": " + key + "=" + v + " is out of range [" + min + ", " + max + "]");
            }
            return x;
        } catch (NumberFormatException e) {
            throw new ConfigException(file + ": " + key + "=" + v + " is not a whole number");
        }
    }

    private static float floatKey(Path file, Properties p, String key, float def) {
        String v = p.getProperty(key);
        if (v == null) {
            return def;
        }
        try {
            float x = Float.parseFloat(v.strip());
            if (!(x > 0) || Float.isInfinite(x)) {
                throw new ConfigException(file + ": " + key + "=" + v + " must be a positive number");
            }
            return x;
        } catch (NumberFormatException e) {
            throw new ConfigException(file + ": " + key + "=" + v + " is not a number");
        }
    }
}
