package org.noticesearch.opensearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real OpenSearch cluster on loopback for the integration tests: {@code n} nodes of the distribution that
 * Maven unpacked into {@code target/opensearch}, each with its own config, data and log folders under
 * {@code target/opensearch-it}, small heaps, and the smartcn plugin installed from its Maven Central jars with
 * a descriptor for this OpenSearch version. OpenSearch refuses to run as root, so when the tests run as root the
 * nodes run as the user {@code opensearch} (override with -Dopensearch.user) through {@code setpriv}.
 *
 * <p>Any number of nodes, all cluster-manager-eligible; a node can be stopped and started again on its own data
 * folder (the failover test restarts each in turn).
 *
 * <p>Public because the benchmark ({@code src/bench/java}, also test code) runs the same cluster beside the
 * embedded index.
 */
public final class OpenSearchTestCluster implements AutoCloseable {
    /** Heap of each node in the parity test: small, its corpus is a few dozen notices. */
    static final String TEST_HEAP = "256m";
    private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

    private Path home;
    private Path work;
    private final String heapOptions;
    private final List<Process> nodes = new ArrayList<>();
    private final List<Integer> httpPorts = new ArrayList<>();
    private final List<Path> logs = new ArrayList<>();
    /** The user the nodes run as (null: this one), kept to start a stopped node again. */
    private String user;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private OpenSearchTestCluster(Path home, Path work, String heap) {
        this.home = home;
        this.work = work;
        this.heapOptions = "-Xms" + heap + " -Xmx" + heap;
    }

    /**
     * The unpacked distribution: {@code -Dopensearch.distribution} (set by Maven's surefire configuration), else the
     * one folder {@code target/opensearch/opensearch-*} (for the benchmark, started outside surefire); null when
     * Maven did not fetch it (e.g. -Dopensearch.skip).
     */
    public static Path distribution() {
        String d = System.getProperty("opensearch.distribution");
        if (d != null) {
            return Files.isDirectory(Path.of(d, "bin")) ? Path.of(d) : null;
        }
        Path unpacked = Path.of("target", "opensearch");
        if (!Files.isDirectory(unpacked)) {
            return null;
        }
        try (Stream<Path> s = Files.list(unpacked)) {
            List<Path> found = s.filter(p -> p.getFileName().toString().startsWith("opensearch-") && Files.isDirectory(p.resolve("bin"))).toList();
            return found.size() == 1 ? found.get(0).toAbsolutePath() : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Starts {@code count} nodes with the tests' small heap and waits until they form one green cluster. */
    static OpenSearchTestCluster start(int count) throws IOException, InterruptedException {
        return start(count, TEST_HEAP);
    }

    /** Starts {@code count} nodes with this heap each (JVM size syntax, e.g. {@code 1g}) and waits for green. */
    public static OpenSearchTestCluster start(int count, String heap) throws IOException, InterruptedException {
        if (!heap.matches("[0-9]+[kmgKMG]?")) {
            throw new IllegalArgumentException("heap: '" + heap + "' is not a JVM memory size such as 512m or 1g");
        }
        Path home = distribution();
        if (home == null) {
            throw new IllegalStateException("no OpenSearch distribution: run the tests through Maven (mvn verify), which unpacks it into target/opensearch");
        }
        // One folder per cluster: the parity test and the benchmark smoke test each start one in the same JVM.
        Path work = home.getParent().getParent().resolve("opensearch-it")
                .resolve("run-" + ProcessHandle.current().pid() + "-" + Long.toString(System.nanoTime(), 36));
        OpenSearchTestCluster c = new OpenSearchTestCluster(home, work, heap);
        try {
            c.launch(count);
        } catch (IOException | InterruptedException | RuntimeException e) {
            c.close();
            throw e;
        }
        return c;
    }

    private void launch(int count) throws IOException, InterruptedException {
        if (count < 1) {
            throw new IllegalArgumentException("a cluster needs at least one node, got " + count);
        }
        user = runAsUser();
        if (user != null && !canRead(user, home.resolve("bin/opensearch"))) {
            // The checkout is not readable by the unprivileged user (e.g. under /root): run a copy in the temp folder.
            Path copy = Path.of(System.getProperty("java.io.tmpdir"), "notice-search-" + home.getFileName());
            if (!Files.isRegularFile(copy.resolve("bin/opensearch"))) {
                run("cp", "-a", home.toString(), copy.toString());
            }
            work = copy.resolveSibling("notice-search-opensearch-it").resolve(work.getFileName());
            home = copy;
            run("chmod", "-R", "a+rX", copy.toString());
        }
        installPlugin();
        List<Integer> transport = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            httpPorts.add(freePort());
            transport.add(freePort());
        }
        String seeds = transport.stream().map(p -> "127.0.0.1:" + p).collect(Collectors.joining(","));
        String managers = java.util.stream.IntStream.range(0, count).mapToObj(i -> "node-" + i).collect(Collectors.joining(","));
        String clusterName = "notice-search-it-" + work.getFileName();
        for (int i = 0; i < count; i++) {
            Path nodeDir = work.resolve("node-" + i);
            Path conf = nodeDir.resolve("config");
            Files.createDirectories(conf);
            try (Stream<Path> files = Files.list(home.resolve("config"))) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(f, conf.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
            // jvm.options names paths relative to the working folder (logs/gc.log, agent/...): make them absolute, so
            // that every node writes into its own folder and the unprivileged user never writes into the distribution.
            Files.createDirectories(nodeDir.resolve("logs"));
            String jvm = Files.readString(conf.resolve("jvm.options"), StandardCharsets.UTF_8)
                    .replace("-javaagent:agent/", "-javaagent:" + home.resolve("agent") + "/")
                    .replace("file=logs/", "file=" + nodeDir.resolve("logs") + "/")
                    .replace("-XX:ErrorFile=logs/", "-XX:ErrorFile=" + nodeDir.resolve("logs") + "/")
                    .replace("-XX:HeapDumpPath=data", "-XX:HeapDumpPath=" + nodeDir.resolve("logs"));
            Files.writeString(conf.resolve("jvm.options"), jvm, StandardCharsets.UTF_8);
            Files.createDirectories(conf.resolve("jvm.options.d"));
            Files.writeString(conf.resolve("jvm.options.d").resolve("heap.options"), String.join("\n", heapOptions.split(" ")) + "\n");
            Files.writeString(conf.resolve("opensearch.yml"), String.join("\n",
                    "cluster.name: " + clusterName,
                    "node.name: node-" + i,
                    "path.data: " + nodeDir.resolve("data"),
                    "path.logs: " + nodeDir.resolve("logs"),
                    "network.host: 127.0.0.1",
                    "http.port: " + httpPorts.get(i),
                    "transport.port: " + transport.get(i),
                    "discovery.seed_hosts: [" + seeds + "]",
                    "cluster.initial_cluster_manager_nodes: [" + managers + "]",
                    // A full sandbox disk must not stop shard allocation in a test.
                    "cluster.routing.allocation.disk.threshold_enabled: false",
                    "action.auto_create_index: false",
                    ""), StandardCharsets.UTF_8);
            logs.add(nodeDir.resolve("stdout.log"));
        }
        if (user != null) {
            run("chown", "-R", user + ":", work.toString());
        }
        for (int i = 0; i < count; i++) {
            nodes.add(null);
            startNode(i);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::close));
        waitForHealth("green", count);
    }

    /**
     * Starts node {@code i} (again, after {@link #stopNode}) on its own config and data folder, so that it rejoins
     * the cluster with the shard copies it had; does not wait for it.
     */
    void startNode(int i) throws IOException {
        if (nodes.get(i) != null) {
            throw new IllegalStateException("node-" + i + " is running");
        }
        List<String> cmd = new ArrayList<>();
        if (user != null) {
            cmd.addAll(List.of("setpriv", "--reuid=" + user, "--regid=" + user, "--init-groups", "--"));
        }
        cmd.addAll(List.of("bash", home.resolve("bin/opensearch").toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(work.resolve("node-" + i).toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(logs.get(i).toFile()));
        pb.environment().put("OPENSEARCH_JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("OPENSEARCH_JAVA_OPTS", heapOptions);
        pb.environment().put("OPENSEARCH_PATH_CONF", work.resolve("node-" + i).resolve("config").toString());
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        nodes.set(i, pb.start());
    }

    /** Copies the plugin jars into plugins/analysis-smartcn with a descriptor naming this OpenSearch version. */
    private void installPlugin() throws IOException {
        Path jars = Path.of(System.getProperty("opensearch.plugin.jars", "target/opensearch-smartcn"));
        Path dir = home.resolve("plugins").resolve("analysis-smartcn");
        Files.createDirectories(dir);
        try (Stream<Path> s = Files.list(jars)) {
            for (Path jar : s.filter(p -> p.toString().endsWith(".jar")).toList()) {
                Files.copy(jar, dir.resolve(jar.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        String version = System.getProperty("opensearch.version", home.getFileName().toString().replace("opensearch-", ""));
        Files.writeString(dir.resolve("plugin-descriptor.properties"), String.join("\n",
                "description=Lucene smartcn analysis (plugin jar of a later release, installed for this version)",
                "version=" + version,
                "name=analysis-smartcn",
                "classname=org.opensearch.plugin.analysis.smartcn.AnalysisSmartChinesePlugin",
                "java.version=21",
                "opensearch.version=" + version,
                ""), StandardCharsets.UTF_8);
    }

    /** Null when not root; else the unprivileged user to run OpenSearch as. */
    private static String runAsUser() throws IOException, InterruptedException {
        Process id = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
        String uid = new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        id.waitFor();
        if (!uid.equals("0")) {
            return null;
        }
        String user = System.getProperty("opensearch.user", "opensearch");
        Process check = new ProcessBuilder("id", "-u", user).redirectErrorStream(true).start();
        check.getInputStream().readAllBytes();
        if (check.waitFor() != 0) {
            throw new IllegalStateException("the tests run as root and OpenSearch refuses root: create the user '" + user
                    + "' (useradd --system --no-create-home " + user + ", as .ci/run does) or run the tests as another user");
        }
        return user;
    }

    private static boolean canRead(String user, Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("setpriv", "--reuid=" + user, "--regid=" + user, "--init-groups", "--", "test", "-r", file.toString())
                .redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor() == 0;
    }

    private static void run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", cmd) + " failed: " + out);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Waits for the cluster to reach a status with this many nodes, checking that the nodes are alive. */
    void waitForHealth(String status, int nodeCount) throws InterruptedException, IOException {
        waitForHealth(status, nodeCount, urls());
    }

    /**
     * Waits until node {@code i} itself reports this status and node count: after {@link #startNode}, proof that it has
     * joined, where another node could still answer from before the restart.
     */
    void waitForHealthOn(int i, String status, int nodeCount) throws InterruptedException, IOException {
        waitForHealth(status, nodeCount, List.of(URI.create("http://127.0.0.1:" + httpPorts.get(i))));
    }

    /** Stops node {@code i} and waits until the other nodes have dropped it (and elected another manager if needed). */
    void stopNodeAndWait(int i) throws InterruptedException, IOException {
        stopNode(i);
        waitForHealth(null, urls().size(), urls());
    }

    /** {@code status} null: any status, only the node count. */
    private void waitForHealth(String status, int nodeCount, List<URI> ask) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            for (int i = 0; i < nodes.size(); i++) {
                if (nodes.get(i) != null && !nodes.get(i).isAlive()) {
                    throw new IllegalStateException("OpenSearch node-" + i + " exited with " + nodes.get(i).exitValue()
                            + "; its output ends with:\n" + tail(logs.get(i)));
                }
            }
            for (URI u : ask) {
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(u + "/_cluster/health?"
                            + (status == null ? "" : "wait_for_status=" + status + "&") + "wait_for_nodes=" + nodeCount
                            + "&timeout=5s")).timeout(Duration.ofSeconds(15)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    last = r.body();
                    if (r.statusCode() == 200) {
                        return;
                    }
                } catch (IOException e) {
                    last = e.toString();
                }
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("the OpenSearch cluster did not become " + (status == null ? "one" : status) + " with " + nodeCount + " nodes in "
                + START_TIMEOUT + " (last answer: " + last + "); node-0 output ends with:\n" + tail(logs.get(0)));
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    /** The version of the distribution (from its folder name, opensearch-VERSION). */
    public String version() {
        return home.getFileName().toString().replace("opensearch-", "");
    }

    /** The process id of node {@code i}'s JVM (the launcher script's java child), for memory readings. */
    public long javaPid(int i) {
        Process p = nodes.get(i);
        if (p == null) {
            return -1;
        }
        return Stream.concat(Stream.of(p.toHandle()), p.descendants())
                .filter(h -> h.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .mapToLong(ProcessHandle::pid).findFirst().orElse(p.pid());
    }

    /** Where a test's cluster is: the URLs to connect to, and the cluster it started (null for an external one). */
    record Target(List<URI> urls, OpenSearchTestCluster started) {}

    /**
     * The cluster a test runs against: the one {@code -Dopensearch.url} names, else a new one of {@code count} nodes
     * from the distribution Maven unpacked (the test is skipped, with a message, when there is none).
     */
    static Target externalOrStart(int count) throws IOException, InterruptedException {
        String external = System.getProperty("opensearch.url");
        if (external != null && !external.isBlank()) {
            return new Target(OpenSearchClient.parseUrls(external), null);
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(distribution() != null,
                "no OpenSearch distribution in target/opensearch (built with -Dopensearch.skip?)");
        OpenSearchTestCluster c = start(count);
        return new Target(c.allUrls(), c);
    }

    /** The HTTP URLs of the running nodes. */
    public List<URI> urls() {
        List<URI> out = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i) != null) {
                out.add(URI.create("http://127.0.0.1:" + httpPorts.get(i)));
            }
        }
        return out;
    }

    /** Every node's URL, stopped ones included (a client given all of them must skip the dead ones). */
    List<URI> allUrls() {
        return httpPorts.stream().map(p -> URI.create("http://127.0.0.1:" + p)).toList();
    }

    /** The node name of the elected cluster manager. */
    String clusterManager() throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(urls().get(0) + "/_cat/cluster_manager?h=node")).build(),
                HttpResponse.BodyHandlers.ofString());
        return r.body().strip();
    }

    /** Stops one node (SIGTERM, then SIGKILL) and waits for it to exit. */
    void stopNode(int i) throws InterruptedException {
        Process p = nodes.get(i);
        if (p == null) {
            return;
        }
        p.descendants().forEach(ProcessHandle::destroy);
        p.destroy();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        nodes.set(i, null);
    }

    public int size() {
        return nodes.size();
    }

    @Override
    public void close() {
        for (int i = 0; i < nodes.size(); i++) {
            try {
                stopNode(i);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        try {
            deleteTree(work);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path q : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(q);
            }
        }
    }
}
