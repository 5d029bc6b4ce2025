package org.noticesearch.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.noticesearch.Json;

/**
 * A small REST client for OpenSearch over the JDK HTTP client: JSON in and out with Jackson, several node
 * URLs tried in turn (a node that does not answer is skipped, so one stopped node does not stop the
 * service), and retries with backoff for overload (429), unavailable (502–504) and unanswered requests, and for answers
 * saying that another node of the cluster went away under the request. For a
 * managed or secured cluster it sends HTTP basic auth and trusts the cluster's CA certificate (see
 * {@link Settings}). No OpenSearch or Lucene client library is involved, so our classpath keeps its one Lucene.
 */
public final class OpenSearchClient {
    /** Seconds to wait for a node to accept a connection before trying the next one. */
    public static final int DEFAULT_CONNECT_TIMEOUT_SECONDS = 5;
    /** Seconds one request may take: a bulk request of a large batch on a loaded cluster takes tens of seconds. */
    public static final int DEFAULT_REQUEST_TIMEOUT_SECONDS = 60;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(DEFAULT_CONNECT_TIMEOUT_SECONDS);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(DEFAULT_REQUEST_TIMEOUT_SECONDS);
    /** Retries after the first attempt on each node: a request is tried up to (retries + 1) × nodes times. */
    public static final int DEFAULT_RETRIES = 4;
    public static final int DEFAULT_MAX_ATTEMPTS = DEFAULT_RETRIES + 1;
    public static final long DEFAULT_BACKOFF_MILLIS = 200;

    /** One HTTP exchange; tests replace the network with recorded answers. */
    public interface Transport {
        Response send(URI node, String method, String path, String contentType, byte[] body) throws IOException;
    }

    /** An HTTP answer. */
    public record Response(int status, String body) {}

    /**
     * How to reach the cluster, validated once: the basic-auth user and password (both or neither), the PEM file
     * of the CA that signed the cluster's certificate (null: the JDK's trusted CAs), the connect and request
     * timeouts, how many times a request is retried, and the first back-off wait. Errors name the flag to fix.
     */
    public record Settings(String user, String password, Path caFile, Duration connectTimeout, Duration requestTimeout,
                           int retries, long backoffMillis) {
        /** No login, the JDK's CAs, the default timeouts and retries. */
        public static final Settings DEFAULTS = new Settings(null, null, null, DEFAULT_CONNECT_TIMEOUT, DEFAULT_REQUEST_TIMEOUT,
                DEFAULT_RETRIES, DEFAULT_BACKOFF_MILLIS);

        public Settings {
            if (user != null && user.isBlank()) {
                user = null;
            }
            if (user != null && password == null) {
                throw new IllegalArgumentException("--opensearch-user: no password for '" + user
                        + "': set the environment variable " + PASSWORD_ENV + " or give --opensearch-password-file");
            }
            if (user == null && password != null) {
                throw new IllegalArgumentException("a password is set (" + PASSWORD_ENV + " or --opensearch-password-file) "
                        + "but no user: give --opensearch-user");
            }
            if (user != null && user.indexOf(':') >= 0) {
                throw new IllegalArgumentException("--opensearch-user: '" + user + "' contains ':', which basic auth cannot carry");
            }
            if (connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero()) {
                throw new IllegalArgumentException("--opensearch-connect-timeout: must be more than 0 seconds, got " + seconds(connectTimeout));
            }
            if (requestTimeout == null || requestTimeout.isNegative() || requestTimeout.isZero()) {
                throw new IllegalArgumentException("--opensearch-timeout: must be more than 0 seconds, got " + seconds(requestTimeout));
            }
            if (retries < 0) {
                throw new IllegalArgumentException("--opensearch-retries: must be 0 or more, got " + retries);
            }
            if (caFile != null) {
                sslContext(caFile); // a missing or unreadable CA file is an error at start-up, naming the flag
            }
        }

        /**
         * The settings from the command line: the password from {@code passwordFile} (its first line) or else from
         * {@code passwordFromEnv} (the value of {@link #PASSWORD_ENV}); never from a flag's value, which other users
         * of the machine could read in the process list.
         */
        public static Settings of(String user, Path passwordFile, String passwordFromEnv, Path caFile,
                                  int connectTimeoutSeconds, int requestTimeoutSeconds, int retries) {
            String password = passwordFile != null ? readPassword(passwordFile) : passwordFromEnv;
            if (connectTimeoutSeconds <= 0) {
                throw new IllegalArgumentException("--opensearch-connect-timeout: must be more than 0 seconds, got " + connectTimeoutSeconds);
            }
            if (requestTimeoutSeconds <= 0) {
                throw new IllegalArgumentException("--opensearch-timeout: must be more than 0 seconds, got " + requestTimeoutSeconds);
            }
            return new Settings(user, password, caFile, Duration.ofSeconds(connectTimeoutSeconds), Duration.ofSeconds(requestTimeoutSeconds),
                    retries, DEFAULT_BACKOFF_MILLIS);
        }

        private static String readPassword(Path file) {
            try {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                // The first line: a file written by `echo` or an editor ends with a newline that is not part of it.
                int end = text.indexOf('\n');
                String password = (end < 0 ? text : text.substring(0, end)).replaceAll("\r$", "");
                if (password.isEmpty()) {
                    throw new IllegalArgumentException("--opensearch-password-file: " + file + " is empty (the password is its first line)");
                }
                return password;
            } catch (IOException e) {
                throw new IllegalArgumentException("--opensearch-password-file: cannot read " + file + " (" + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
            }
        }

        private static String seconds(Duration d) {
            return d == null ? "none" : d.toMillis() / 1000.0 + "";
        }

        @Override
        public String toString() {
            // Never the password: settings end up in logs.
            return "Settings[user=" + user + ", password=" + (password == null ? "none" : "***") + ", caFile=" + caFile
                    + ", connectTimeout=" + connectTimeout + ", requestTimeout=" + requestTimeout + ", retries=" + retries
                    + ", backoffMillis=" + backoffMillis + "]";
        }
    }

    /** The environment variable the password is read from when no password file is given. */
    public static final String PASSWORD_ENV = "NOTICE_OPENSEARCH_PASSWORD";

    private final List<URI> nodes;
    private final Transport transport;
    private final ObjectMapper mapper = Json.mapper();
    private final AtomicInteger next = new AtomicInteger();
    private final int maxAttempts;
    private final Backoff backoff;
    /** The configured user, for the message of a 401; null without a login. */
    private final String user;

    public OpenSearchClient(List<URI> nodes, Transport transport, int maxAttempts, long backoffMillis) {
        this(nodes, transport, maxAttempts, backoffMillis, null);
    }

    private OpenSearchClient(List<URI> nodes, Transport transport, int maxAttempts, long backoffMillis, String user) {
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("at least one OpenSearch URL is needed");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("at least one attempt per node, got " + maxAttempts);
        }
        this.nodes = List.copyOf(nodes);
        this.transport = transport;
        this.maxAttempts = maxAttempts;
        this.backoff = Backoff.from(backoffMillis);
        this.user = user;
    }

    /** A client over the network for these node URLs, with this login, CA, timeouts and retries. */
    public static OpenSearchClient connect(List<URI> nodes, Settings settings) {
        return new OpenSearchClient(nodes, httpTransport(settings), settings.retries() + 1, settings.backoffMillis(), settings.user());
    }

    /** Parses "http://a:9200,http://b:9200". */
    public static List<URI> parseUrls(String urls) {
        return java.util.Arrays.stream(urls.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s)).toList();
    }

    static Transport httpTransport(Settings settings) {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).version(HttpClient.Version.HTTP_1_1);
        if (settings.caFile() != null) {
            builder.sslContext(sslContext(settings.caFile()));
        }
        HttpClient http = builder.build();
        String authorization = settings.user() == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((settings.user() + ":" + settings.password()).getBytes(StandardCharsets.UTF_8));
        Duration timeout = settings.requestTimeout();
        return (node, method, path, contentType, body) -> {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(node + path)).timeout(timeout)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            if (body != null) {
                b.header("Content-Type", contentType);
            }
            if (authorization != null) {
                b.header("Authorization", authorization);
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

    /** An SSL context that trusts exactly the certificates in this PEM (or DER) file; errors name --opensearch-ca. */
    static SSLContext sslContext(Path caFile) {
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(caFile)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (IOException e) {
            throw new IllegalArgumentException("--opensearch-ca: cannot read " + caFile + " (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        } catch (CertificateException e) {
            throw new IllegalArgumentException("--opensearch-ca: " + caFile + " holds no readable certificate (give the cluster's CA "
                    + "certificate in PEM form, -----BEGIN CERTIFICATE-----): " + e.getMessage());
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("--opensearch-ca: " + caFile + " holds no certificate (give the cluster's CA certificate "
                    + "in PEM form, -----BEGIN CERTIFICATE-----)");
        }
        try {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            int n = 0;
            for (Certificate c : certificates) {
                trusted.setCertificateEntry("ca-" + n++, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trusted);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, tmf.getTrustManagers(), null);
            return ssl;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("--opensearch-ca: cannot build a trust store from " + caFile + ": " + e, e);
        }
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
        refuseLogin(r);
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
        refuseLogin(r);
        if (r.status() >= 400) {
            throw new OpenSearchException(r.status(), reason(r.body()));
        }
        return r;
    }

    /** A refused login is a configuration error, not a missing index: say so whatever the request was. */
    private void refuseLogin(Response r) {
        if (r.status() == 401) {
            throw new OpenSearchException(401, user == null
                    ? "OpenSearch 拒绝了用户名或密码（the cluster asks for a login: give --opensearch-user, and the password in "
                            + PASSWORD_ENV + " or --opensearch-password-file）"
                    : "OpenSearch 拒绝了用户名或密码（user '" + user + "' was refused: check --opensearch-user and the password in "
                            + PASSWORD_ENV + " or --opensearch-password-file）");
        }
        // Only the security plugin's refusal: a 403 is also what a read-only index block (a full disk) answers.
        if (r.status() == 403 && r.body() != null && r.body().contains("security_exception")) {
            throw new OpenSearchException(403, "OpenSearch 拒绝了此操作（user " + (user == null ? "(none)" : "'" + user + "'")
                    + " may not do this; the cluster's security settings must grant it: " + reason(r.body()) + "）");
        }
    }

    /**
     * Tries the nodes in turn. A node that does not answer, or answers overload or unavailable, is left for the
     * next one at once; after a full round of failures the client waits by {@link Backoff} and goes round again, up
     * to {@code maxAttempts} rounds. A certificate the CA does not vouch for fails at once: retrying cannot cure it.
     */
    private Response sendRaw(String method, String path, String contentType, byte[] body) {
        IOException lastError = null;
        Response last = null;
        int waits = 0;
        for (int attempt = 0; attempt < maxAttempts * nodes.size(); attempt++) {
            URI node = nodes.get(Math.floorMod(next.getAndIncrement(), nodes.size()));
            try {
                last = transport.send(node, method, path, contentType, body);
                if (!retryable(last.status()) && !nodeLeft(last)) {
                    return last;
                }
            } catch (IOException e) {
                if (untrusted(e)) {
                    throw new OpenSearchException(-1, "TLS handshake with " + node + " failed: its certificate is not one the client trusts "
                            + "(give the cluster's CA certificate in PEM form with --opensearch-ca, and a URL with a host name the certificate names): "
                            + e.getMessage());
                }
                lastError = e;
            }
            // Another node may answer now; back off only after a full round.
            if ((attempt + 1) % nodes.size() == 0 && attempt + 1 < maxAttempts * nodes.size()) {
                pause(waits++);
            }
        }
        if (last != null) {
            return last;
        }
        if (lastError instanceof SSLException) {
            throw new OpenSearchException(-1, "TLS handshake with the OpenSearch nodes " + nodes + " failed (is it https:// on a node "
                    + "that speaks plain http, or the reverse?): " + lastError);
        }
        throw new OpenSearchException(-1, "no OpenSearch node answered at " + nodes + ": " + lastError);
    }

    /** A handshake that failed on the certificate (not on a node going away mid-handshake). */
    private static boolean untrusted(IOException e) {
        if (!(e instanceof SSLHandshakeException)) {
            return false;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CertificateException || t instanceof CertPathValidatorException || t instanceof CertPathBuilderException) {
                return true;
            }
        }
        return false;
    }

    static boolean retryable(int status) {
        return status == 429 || status == 502 || status == 503 || status == 504;
    }

    /**
     * What a node answers when another node of the cluster went away under the request: the coordinating node reports
     * it as a 500, or, for a search, as failed shards beside partial hits (a 200 with smaller totals; the shard
     * failure's type varies with the moment the node left: these types, but also transport, shard-state and
     * cancellation errors). Moments later the cluster has dropped the node and the same request goes to the shards'
     * other copies, so these are retried like an unavailable node; the last answer is returned when the retries run
     * out (and the search engine then marks it partial).
     */
    static final List<String> NODE_LEFT = List.of("node_disconnected_exception", "node_not_connected_exception",
            "node_closed_exception", "connect_transport_exception", "send_request_transport_exception", "no_shard_available_action_exception");

    /** Shard failures caused by the query itself: retrying cannot help. */
    static final java.util.Set<String> QUERY_ERRORS = java.util.Set.of("query_shard_exception", "parsing_exception",
            "search_parse_exception", "x_content_parse_exception", "illegal_argument_exception", "number_format_exception");

    /**
     * A search phase that failed as a whole, with no shard to blame (no root cause): seen, twice in a run, while a node
     * restarted; a bad query instead names its shard failures (e.g. query_shard_exception) and is not retried.
     */
    private static boolean phaseFailedWithoutShardCause(JsonNode error) {
        return "search_phase_execution_exception".equals(error.path("type").asText()) && error.path("root_cause").isEmpty()
                && error.path("failed_shards").isEmpty();
    }

    private boolean nodeLeft(Response r) {
        String body = r.body();
        if (r.status() == 404 && body != null && body.contains("\"search_context_missing_exception\"")) {
            // The fetch phase found the query phase's context gone: the node that held it restarted in between (seen
            // once in OpenSearchFailoverTest). Asked again, the search starts over on the shards' live copies.
            return true;
        }
        if ((r.status() != 200 && r.status() != 500) || body == null
                || r.status() == 200 && !body.contains("\"failures\"")
                || r.status() == 500 && NODE_LEFT.stream().noneMatch(body::contains) && !body.contains("search_phase_execution_exception")) {
            return false; // the usual case, decided without parsing
        }
        try {
            JsonNode n = mapper.readTree(body);
            if (r.status() == 200) {
                // A failed shard makes a 200 a partial answer. Unless the query itself is to blame (the same on every
                // try), it is a shard copy gone away, whatever type the failure was given at that moment: retried.
                List<String> types = n.path("_shards").path("failures").findValuesAsText("type");
                return n.path("_shards").path("failed").asInt(0) > 0 && !QUERY_ERRORS.containsAll(types);
            }
            JsonNode where = n.path("error");
            return where.findValuesAsText("type").stream().anyMatch(NODE_LEFT::contains) || phaseFailedWithoutShardCause(where);
        } catch (IOException e) {
            return false;
        }
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
                String said = use.path("type").asText() + ": " + use.path("reason").asText();
                // A search phase that failed as a whole has no root cause and an empty reason; its cause says why.
                JsonNode cause = err.path("caused_by");
                return use.path("reason").asText().isEmpty() && cause.isObject()
                        ? said + "caused by " + cause.path("type").asText() + ": " + cause.path("reason").asText() : said;
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
