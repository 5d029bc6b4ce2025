package org.noticesearch.web;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per client: {@code perSecond} tokens a second up to {@code burst}; each request takes one. Javalin's
 * RateLimitPlugin counts per fixed window (a client may send twice its limit across a window edge) and answers in
 * English; this is the textbook bucket in a few lines.
 */
final class RateLimiter {
    /** Beyond this many tracked clients, buckets that have refilled (idle clients) are forgotten. */
    static final int MAX_TRACKED = 10_000;

    private final double perNano;
    private final double burst;
    private final LongSupplier clock;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimiter(int perSecond, int burst, LongSupplier nanoClock) {
        this.perNano = perSecond / 1e9;
        this.burst = burst;
        this.clock = nanoClock;
    }

    /** One client's tokens and when they were last counted. */
    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }

    /** Takes a token for {@code client}: 0 when granted, else the whole seconds to wait for the next one (at least 1). */
    long acquire(String client) {
        long now = clock.getAsLong();
        if (buckets.size() > MAX_TRACKED) {
            forgetIdle(now);
        }
        Bucket b = buckets.computeIfAbsent(client, k -> new Bucket(burst, now));
        synchronized (b) {
            b.tokens = Math.min(burst, b.tokens + (now - b.at) * perNano);
            b.at = now;
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return 0;
            }
            double waitNanos = (1 - b.tokens) / perNano;
            return Math.max(1, (long) Math.ceil(waitNanos / 1e9));
        }
    }

    private void forgetIdle(long now) {
        buckets.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                return e.getValue().tokens + (now - e.getValue().at) * perNano >= burst;
            }
        });
    }
}
