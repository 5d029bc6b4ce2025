package org.noticesearch.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.noticesearch.Json;

/**
 * A small REST client for OpenSearch over the JDK HTTP client: JSON in and out with Jackson, several node
 * URLs tried in turn (a node that does not answer is skipped, so one stopped node does not stop the
 * service), and retries with backoff for overload (429) and unavailable (502–504) answers. No OpenSearch or
 * Lucene client library is involved, so our classpath keeps its one Lucene.
 */
public final class OpenSearchClient {
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(60);
    public static final int DEFAULT_MAX_ATTEMPTS = 5;
    public static final long DEFAULT_BACKOFF_MILLIS = 200;

    /** One HTTP exchange; tests replace the network with recorded answers. */
    public interface Transport {
        Response send(URI node, String method, String path, String contentType, byte[] body) throws IOException;
    }

    /** An HTTP answer. */
    public record Response(int status, String body) {}

    private final List<URI> nodes;
    private final Transport transport;
    private final ObjectMapper mapper = Json.mapper();
    private final AtomicInteger next = new AtomicInteger();
    private final int maxAttempts;
    private final Backoff backoff;

    public OpenSearchClient(List<URI> nodes, Transport transport, int maxAttempts, long backoffMillis) {
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("at least one OpenSearch URL is needed");
        }
        this.nodes = List.copyOf(nodes);
        this.transport = transport;
        this.maxAttempts = maxAttempts;
        this.backoff = Backoff.from(backoffMillis);
    }

    /** A client over the network for these node URLs (e.g. http://127.0.0.1:9200). */
    public static OpenSearchClient connect(List<URI> nodes) {
        return new OpenSearchClient(nodes, httpTransport(), DEFAULT_MAX_ATTEMPTS, DEFAULT_BACKOFF_MILLIS);
    }

    /** Parses "http://a:9200,http://b:9200". */
    public static List<URI> parseUrls(String urls) {
        return java.util.Arrays.stream(urls.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s)).toList();
    }

    static Transport httpTransport() {
        HttpClient http = HttpClient.newBuilder().connectTimeout(DEFAULT_CONNECT_TIMEOUT)
                .version(HttpClient.Version.HTTP_1_1).build();
        return (node, method, path, contentType, body) -> {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(node + path)).timeout(DEFAULT_REQUEST_TIMEOUT)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            if (body != null) {
                b.header("Content-Type", contentType);
            }
            try {
                HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                return new Response(r.statusCode(), r.body());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        };
    }

    public List<URI> nodes() {
        return nodes;
    }

    /** A JSON request; the parsed answer, or an {@link OpenSearchException} for a 4xx/5xx that retries did not cure. */
    public JsonNode json(String method, String path, Object body) {
        byte[] bytes = null;
        if (body != null) {
            try {
                bytes = body instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : mapper.writeValueAsBytes(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return parse(send(method, path, "application/json", bytes));
    }

    /** An NDJSON request (the bulk API). */
    public JsonNode ndjson(String path, String body) {
        return parse(send("POST", path, "application/x-ndjson", body.getBytes(StandardCharsets.UTF_8)));
    }

    /** Whether the path answers 200 (HEAD-style checks such as "does the index exist"). */
    public boolean exists(String path) {
        Response r = sendRaw("HEAD", path, null, null);
        return r.status() == 200;
    }

    private JsonNode parse(Response r) {
        try {
            return r.body() == null || r.body().isEmpty() ? mapper.createObjectNode() : mapper.readTree(r.body());
        } catch (IOException e) {
            throw new OpenSearchException(r.status(), "unreadable answer: " + abbreviate(r.body()));
        }
    }

    private Response send(String method, String path, String contentType, byte[] body) {
        Response r = sendRaw(method, path, contentType, body);
        if (r.status() >= 400) {
            throw new OpenSearchException(r.status(), reason(r.body()));
        }
        return r;
    }

    /** Tries the nodes in turn; retries overload and unavailability with exponential backoff. */
    private Response sendRaw(String method, String path, String contentType, byte[] body) {
        IOException lastError = null;
        Response last = null;
        int waits = 0;
        for (int attempt = 0; attempt < maxAttempts * nodes.size(); attempt++) {
            URI node = nodes.get(Math.floorMod(next.getAndIncrement(), nodes.size()));
            try {
                last = transport.send(node, method, path, contentType, body);
                if (!retryable(last.status())) {
                    return last;
                }
            } catch (IOException e) {
                lastError = e;
                // A node that does not answer: try the next one at once; back off only after a full round.
                if ((attempt + 1) % nodes.size() != 0) {
                    continue;
                }
            }
            pause(waits++);
        }
        if (last != null) {
            return last;
        }
        throw new OpenSearchException(-1, "no OpenSearch node answered at " + nodes + ": " + lastError);
    }

    static boolean retryable(int status) {
        return status == 429 || status == 502 || status == 503 || status == 504;
    }

    /** The back-off the indexer also waits by between resending refused bulk items. */
    Backoff backoff() {
        return backoff;
    }

    private void pause(int retry) {
        try {
            backoff.pause(retry);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OpenSearchException(-1, "interrupted while waiting to retry");
        }
    }

    private String reason(String body) {
        try {
            JsonNode n = mapper.readTree(body);
            JsonNode err = n.path("error");
            if (err.isObject()) {
                JsonNode root = err.path("root_cause").path(0);
                JsonNode use = root.isMissingNode() ? err : root;
                return use.path("type").asText() + ": " + use.path("reason").asText();
            }
            return abbreviate(body);
        } catch (IOException | RuntimeException e) {
            return abbreviate(body);
        }
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 500 ? s.substring(0, 500) + "…" : s;
    }

    /** An error answer from OpenSearch, or no answer at all (status -1). */
    public static final class OpenSearchException extends RuntimeException {
        private final int status;

        public OpenSearchException(int status, String message) {
            super((status > 0 ? "OpenSearch answered " + status + ": " : "") + message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
