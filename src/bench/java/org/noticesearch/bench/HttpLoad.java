package org.noticesearch.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop HTTP load generator: {@code concurrency} threads, each sending the next URL as soon as
 * the previous answer has been read in full. Latency is from sending to the last byte of the body.
 */
final class HttpLoad {
    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String base;

    HttpLoad(String base) {
        this.base = base;
    }

    /** What one load run measured. */
    record Result(Latencies latencies, long requests, long errors, double seconds, String firstError) {
        double throughput() {
            return requests / seconds;
        }
    }

    /** One GET; the status, or -1 on an I/O failure. */
    int get(String path) {
        try {
            HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(base + path))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            return r.statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    Result run(List<String> paths, int concurrency, long warmMs, long measureMs, int maxRequests) throws InterruptedException {
        go(paths, concurrency, warmMs, Integer.MAX_VALUE);
        return go(paths, concurrency, measureMs, maxRequests);
    }

    private Result go(List<String> paths, int concurrency, long ms, int maxRequests) throws InterruptedException {
        Latencies all = new Latencies();
        AtomicLong requests = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        String[] firstError = {null};
        long deadline = System.nanoTime() + ms * 1_000_000L;
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < concurrency; t++) {
            int offset = t;
            Thread th = Thread.ofPlatform().name("load-" + t).start(() -> {
                Latencies mine = new Latencies();
                int i = offset;
                // At least one request per thread: on a loaded machine a thread may start after a short deadline.
                boolean first = true;
                while (first || (System.nanoTime() < deadline && requests.get() < maxRequests)) {
                    first = false;
                    String path = paths.get(i++ % paths.size());
                    long t0 = System.nanoTime();
                    int status = get(path);
                    long dt = System.nanoTime() - t0;
                    requests.incrementAndGet();
                    if (status != 200) {
                        errors.incrementAndGet();
                        synchronized (firstError) {
                            if (firstError[0] == null) {
                                firstError[0] = status + " " + path;
                            }
                        }
                    } else {
                        mine.add(dt);
                    }
                }
                all.addAll(mine);
            });
            threads.add(th);
        }
        for (Thread th : threads) {
            th.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(all, requests.get(), errors.get(), seconds, firstError[0]);
    }
}
