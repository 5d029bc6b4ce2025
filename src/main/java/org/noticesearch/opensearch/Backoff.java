package org.noticesearch.opensearch;

/**
 * How long to wait before each retry of what OpenSearch refused for overload or unavailability: the first wait,
 * doubled for each retry after it, never more than {@code maxMillis}. The client retries whole requests and the
 * indexer the bulk items refused with 429; both wait by this one schedule.
 */
record Backoff(long firstMillis, long maxMillis) {
    /** The longest wait between two retries. */
    static final long DEFAULT_MAX_MILLIS = 5_000;

    Backoff {
        if (firstMillis < 0 || maxMillis < 0) {
            throw new IllegalArgumentException("back-off waits must not be negative: " + firstMillis + ", " + maxMillis);
        }
    }

    /** Doubling from {@code firstMillis}, up to {@link #DEFAULT_MAX_MILLIS}. */
    static Backoff from(long firstMillis) {
        return new Backoff(firstMillis, DEFAULT_MAX_MILLIS);
    }

    /** The wait before retry number {@code retry} (0 for the first retry). */
    long delay(int retry) {
        long d = Math.min(firstMillis, maxMillis);
        for (int i = 0; i < retry && d < maxMillis && d > 0; i++) {
            d = d > maxMillis / 2 ? maxMillis : d * 2; // no overflow however large the cap
        }
        return d;
    }

    /** Sleeps {@link #delay(int)}; the caller turns an interruption into its own error. */
    void pause(int retry) throws InterruptedException {
        Thread.sleep(delay(retry));
    }
}
