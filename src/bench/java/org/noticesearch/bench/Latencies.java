package org.noticesearch.bench;

import java.util.Arrays;

/** Latency samples in nanoseconds, summarised as percentiles in milliseconds. */
final class Latencies {
    private long[] samples = new long[256];
    private int n;

    void add(long nanos) {
        if (n == samples.length) {
            samples = Arrays.copyOf(samples, n * 2);
        }
        samples[n++] = nanos;
    }

    synchronized void addAll(Latencies other) {
        for (int i = 0; i < other.n; i++) {
            add(other.samples[i]);
        }
    }

    int count() {
        return n;
    }

    /** The p-th percentile (0–100) in milliseconds, nearest-rank. */
    double percentileMs(double p) {
        if (n == 0) {
            return Double.NaN;
        }
        long[] s = Arrays.copyOf(samples, n);
        Arrays.sort(s);
        int rank = (int) Math.ceil(p / 100.0 * n);
        return s[Math.max(0, Math.min(n - 1, rank - 1))] / 1e6;
    }

    Summary summary() {
        return new Summary(n, percentileMs(50), percentileMs(95), percentileMs(99), percentileMs(100));
    }

    /** p50/p95/p99/max in ms over n samples. */
    record Summary(int n, double p50, double p95, double p99, double max) {}
}
