package org.noticesearch.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.noticesearch.search.SearchBackend;

/**
 * The operator settings against a real HTTPS server on loopback: a certificate made at test time with the JDK's
 * keytool, trusted through the CA file and refused without it; the basic-auth header; a refused login; timeouts and
 * retry counts; clear errors for missing or unusable CA and password files; and the cluster health read.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenSearchClientTlsTest {
    private static final String USER = "reader";
    private static final String PASSWORD = "s3cr:et 密码";
    private static final String STOREPASS = "changeit";

    private Path dir;
    private Path ca;
    private Path passwordFile;
    private HttpsServer server;
    private URI url;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private final java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newCachedThreadPool();

    @BeforeAll
    void start(@TempDir Path tmp) throws Exception {
        dir = tmp;
        Path keystore = tmp.resolve("server.p12");
        ca = tmp.resolve("ca.pem");
        keytool("-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-dname", "CN=localhost",
                "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-keystore", keystore.toString(), "-storetype", "PKCS12",
                "-storepass", STOREPASS, "-keypass", STOREPASS);
        // The self-signed certificate is its own CA: trusting it is what --opensearch-ca does with a cluster's CA.
        keytool("-exportcert", "-rfc", "-alias", "server", "-keystore", keystore.toString(), "-storepass", STOREPASS, "-file", ca.toString());
        passwordFile = tmp.resolve("password");
        Files.writeString(passwordFile, PASSWORD + "\n", StandardCharsets.UTF_8);

        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            ks.load(in, STOREPASS.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, STOREPASS.toCharArray());
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(kmf.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(ssl));
        server.createContext("/", this::answer);
        // A slow answer must not hold up the next connection's handshake.
        server.setExecutor(pool);
        server.start();
        url = URI.create("https://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.stop(0);
        }
        pool.shutdownNow();
    }

    @BeforeEach
    void reset() {
        authorizations.clear();
        requests.set(0);
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "keytool failed: " + out);
    }

    /** A tiny stand-in for a secured cluster: 401 without the right login, then a few of OpenSearch's answers. */
    private void answer(HttpExchange ex) throws IOException {
        requests.incrementAndGet();
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        authorizations.add(auth == null ? "(none)" : auth);
        String path = ex.getRequestURI().getPath();
        int status;
        String body;
        if (!basic(USER, PASSWORD).equals(auth)) {
            status = 401;
            body = "Unauthorized";
        } else if (path.equals("/secret")) {
            status = 403;
            body = "{\"error\":{\"root_cause\":[{\"type\":\"security_exception\",\"reason\":\"no permissions for [indices:data/read/search]\"}],"
                    + "\"type\":\"security_exception\",\"reason\":\"no permissions for [indices:data/read/search]\"},\"status\":403}";
        } else if (path.equals("/readonly")) {
            status = 403;
            body = "{\"error\":{\"type\":\"cluster_block_exception\",\"reason\":\"index [notices] blocked by: [FORBIDDEN/8/index write (api)];\"},\"status\":403}";
        } else if (path.equals("/slow")) {
            sleep(3000);
            status = 200;
            body = "{}";
        } else if (path.equals("/busy")) {
            status = 503;
            body = "{\"error\":{\"type\":\"cluster_block_exception\",\"reason\":\"blocked\"},\"status\":503}";
        } else if (path.equals("/_cluster/health")) {
            status = 200;
            body = "{\"cluster_name\":\"c\",\"status\":\"yellow\",\"number_of_nodes\":3,\"active_shards_percent_as_number\":83.33}";
        } else if (path.equals("/notices")) {
            status = 200;
            body = "";
        } else if (path.equals("/notices/_alias")) {
            status = 200;
            body = "{\"notices-v2a\":{\"aliases\":{\"notices\":{}}}}";
        } else if (path.equals("/")) {
            status = 200;
            body = "{\"cluster_name\":\"c\"}";
        } else {
            status = 404;
            body = "{\"error\":{\"type\":\"index_not_found_exception\",\"reason\":\"no such index\"},\"status\":404}";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (ex.getRequestMethod().equals("HEAD") || bytes.length == 0) {
            ex.sendResponseHeaders(status, -1);
        } else {
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(status, bytes.length);
            ex.getResponseBody().write(bytes);
        }
        ex.close();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private OpenSearchClient client(OpenSearchClient.Settings settings) {
        return OpenSearchClient.connect(List.of(url), settings);
    }

    private OpenSearchClient.Settings secured(String password) {
        return new OpenSearchClient.Settings(USER, password, ca, Duration.ofSeconds(5), Duration.ofSeconds(10), 0, 1);
    }

    @Test
    void theCaFileIsTrustedAndTheLoginIsSentFromThePasswordFile() {
        OpenSearchClient c = client(OpenSearchClient.Settings.of(USER, passwordFile, "not-this-one", ca, 5, 10, 0));
        assertEquals("c", c.json("GET", "/", null).path("cluster_name").asText());
        assertEquals(List.of(basic(USER, PASSWORD)), authorizations);
    }

    @Test
    void withoutAPasswordFileThePasswordComesFromTheEnvironmentValue() {
        OpenSearchClient c = client(OpenSearchClient.Settings.of(USER, null, PASSWORD, ca, 5, 10, 0));
        assertTrue(c.exists("/notices"));
        assertEquals(List.of(basic(USER, PASSWORD)), authorizations);
    }

    @Test
    void withoutTheCaTheCertificateIsRefusedAtOnceNamingTheFlag() {
        OpenSearchClient c = client(new OpenSearchClient.Settings(USER, PASSWORD, null, Duration.ofSeconds(5), Duration.ofSeconds(10), 3, 2_000));
        long t0 = System.nanoTime();
        var e = assertThrows(OpenSearchClient.OpenSearchException.class, () -> c.json("GET", "/", null));
        assertTrue(e.getMessage().startsWith("TLS handshake with " + url + " failed"), e.getMessage());
        assertTrue(e.getMessage().contains("--opensearch-ca"), e.getMessage());
        assertEquals(0, requests.get(), "no request may pass an untrusted handshake");
        // Not retried: three rounds of back-off would take 2 + 4 + 5 seconds.
        assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(2).toNanos(), "a certificate error fails without retrying");
    }

    @Test
    void aWrongPasswordIsARefusedLoginNamingTheUser() {
        var e = assertThrows(OpenSearchClient.OpenSearchException.class, () -> client(secured("wrong")).json("GET", "/", null));
        assertEquals(401, e.status());
        assertTrue(e.getMessage().contains("OpenSearch 拒绝了用户名或密码"), e.getMessage());
        assertTrue(e.getMessage().contains("user 'reader' was refused"), e.getMessage());
        assertEquals(List.of(basic(USER, "wrong")), authorizations);
        // An existence check must not read a refused login as "no such index" (the indexer would then try to create it).
        var head = assertThrows(OpenSearchClient.OpenSearchException.class, () -> client(secured("wrong")).exists("/notices"));
        assertEquals(401, head.status());
    }

    @Test
    void aRoleWithoutTheRightIsARefusedOperationButABlockedIndexIsNot() {
        OpenSearchClient c = client(secured(PASSWORD));
        var e = assertThrows(OpenSearchClient.OpenSearchException.class, () -> c.json("POST", "/secret", "{}"));
        assertEquals(403, e.status());
        assertEquals("OpenSearch answered 403: OpenSearch 拒绝了此操作（user 'reader' may not do this; the cluster's security settings must "
                + "grant it: security_exception: no permissions for [indices:data/read/search]）", e.getMessage());
        var blocked = assertThrows(OpenSearchClient.OpenSearchException.class, () -> c.json("POST", "/readonly", "{}"));
        assertEquals("OpenSearch answered 403: cluster_block_exception: index [notices] blocked by: [FORBIDDEN/8/index write (api)];",
                blocked.getMessage());
    }

    @Test
    void aClusterThatWantsALoginSaysWhichFlagsGiveIt() {
        OpenSearchClient c = client(new OpenSearchClient.Settings(null, null, ca, Duration.ofSeconds(5), Duration.ofSeconds(10), 0, 1));
        var e = assertThrows(OpenSearchClient.OpenSearchException.class, () -> c.json("GET", "/", null));
        assertEquals(401, e.status());
        assertTrue(e.getMessage().contains("OpenSearch 拒绝了用户名或密码（the cluster asks for a login: give --opensearch-user"), e.getMessage());
        assertEquals(List.of("(none)"), authorizations);
    }

    @Test
    void aRequestPastItsTimeoutFailsAndIsRetriedTheConfiguredNumberOfTimes() {
        OpenSearchClient c = client(new OpenSearchClient.Settings(USER, PASSWORD, ca, Duration.ofSeconds(5), Duration.ofSeconds(1), 1, 1));
        var e = assertThrows(OpenSearchClient.OpenSearchException.class, () -> c.json("GET", "/slow", null));
        assertTrue(e.getMessage().contains("no OpenSearch node answered") && e.getMessage().contains("HttpTimeoutException"), e.getMessage());
        assertEquals(2, requests.get(), "one try and one retry");
    }

    @Test
    void anUnavailableAnswerIsRetriedTheConfiguredNumberOfTimes() {
        OpenSearchClient c = client(new OpenSearchClient.Settings(USER, PASSWORD, ca, Duration.ofSeconds(5), Duration.ofSeconds(5), 2, 1));
        var e = assertThrows(OpenSearchClient.OpenSearchException.class, () -> c.json("GET", "/busy", null));
        assertEquals(503, e.status());
        assertEquals(3, requests.get(), "one try and two retries");
        assertEquals(OpenSearchClient.DEFAULT_RETRIES + 1, OpenSearchClient.DEFAULT_MAX_ATTEMPTS);
    }

    @Test
    void clusterHealthNamesTheIndexBehindTheAlias() {
        OpenSearchClient c = client(secured(PASSWORD));
        assertEquals(new SearchBackend.Cluster("yellow", 3, 83.33, "notices-v2a", null), ClusterHealth.check(c, "notices"));
        assertNull(ClusterHealth.check(c, "missing").index());
        assertFalse("green".equals(ClusterHealth.check(c, "notices").status()));
        SearchBackend.Cluster refused = ClusterHealth.check(client(secured("wrong")), "notices");
        assertEquals("error", refused.status());
        assertTrue(refused.error().contains("OpenSearch 拒绝了用户名或密码"), refused.error());
        SearchBackend.Cluster down = ClusterHealth.check(OpenSearchClient.connect(List.of(URI.create("http://127.0.0.1:1")),
                new OpenSearchClient.Settings(null, null, null, Duration.ofSeconds(1), Duration.ofSeconds(1), 0, 1)), "notices");
        assertEquals(new SearchBackend.Cluster(ClusterHealth.UNREACHABLE, -1, -1, null, down.error()), down);
        assertTrue(down.error().contains("no OpenSearch node answered"), down.error());
    }

    @Test
    void aMissingOrUnusableCaFileNamesTheFlagAndTheFile() throws IOException {
        Path missing = dir.resolve("no-such-ca.pem");
        var e = assertThrows(IllegalArgumentException.class, () -> OpenSearchClient.Settings.of(null, null, null, missing, 5, 10, 0));
        assertTrue(e.getMessage().startsWith("--opensearch-ca: cannot read " + missing + " (NoSuchFileException"), e.getMessage());
        Path notPem = dir.resolve("not-a-cert.pem");
        Files.writeString(notPem, "hello\n");
        var bad = assertThrows(IllegalArgumentException.class, () -> OpenSearchClient.Settings.of(null, null, null, notPem, 5, 10, 0));
        assertTrue(bad.getMessage().startsWith("--opensearch-ca: " + notPem + " holds no"), bad.getMessage());
    }

    @Test
    void passwordProblemsNameTheFlagOrVariable() throws IOException {
        Path missing = dir.resolve("no-such-password");
        var e = assertThrows(IllegalArgumentException.class, () -> OpenSearchClient.Settings.of(USER, missing, null, null, 5, 10, 0));
        assertTrue(e.getMessage().startsWith("--opensearch-password-file: cannot read " + missing), e.getMessage());
        Path empty = dir.resolve("empty-password");
        Files.writeString(empty, "\n");
        var blank = assertThrows(IllegalArgumentException.class, () -> OpenSearchClient.Settings.of(USER, empty, null, null, 5, 10, 0));
        assertEquals("--opensearch-password-file: " + empty + " is empty (the password is its first line)", blank.getMessage());
        var none = assertThrows(IllegalArgumentException.class, () -> OpenSearchClient.Settings.of(USER, null, null, null, 5, 10, 0));
        assertEquals("--opensearch-user: no password for 'reader': set the environment variable NOTICE_OPENSEARCH_PASSWORD or give "
                + "--opensearch-password-file", none.getMessage());
        var noUser = assertThrows(IllegalArgumentException.class, () -> OpenSearchClient.Settings.of(null, passwordFile, null, null, 5, 10, 0));
        assertTrue(noUser.getMessage().endsWith("but no user: give --opensearch-user"), noUser.getMessage());
        var timeout = assertThrows(IllegalArgumentException.class, () -> OpenSearchClient.Settings.of(null, null, null, null, 5, 0, 0));
        assertEquals("--opensearch-timeout: must be more than 0 seconds, got 0", timeout.getMessage());
        var retries = assertThrows(IllegalArgumentException.class, () -> OpenSearchClient.Settings.of(null, null, null, null, 5, 10, -1));
        assertEquals("--opensearch-retries: must be 0 or more, got -1", retries.getMessage());
    }

    @Test
    void theSettingsNeverPrintThePassword() {
        String s = OpenSearchClient.Settings.of(USER, passwordFile, null, ca, 5, 10, 0).toString();
        assertFalse(s.contains("s3cr"), s);
        assertTrue(s.contains("password=***"), s);
    }
}
