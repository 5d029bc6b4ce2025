package org.noticesearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line in-process: help, option errors, a port in use, a dead health URL, quiet library logs. */
class AppTest {
    @TempDir
    Path tmp;

    record Run(int code, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = App.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /**
     * index then search through the one backend App opens: the terminal gets plain text with 【】 around matches (no
     * HTML entities to undo), and --json the API's JSON with each hit's link.
     */
    @Test
    void searchPrintsPlainTextHitsAndJsonWithLinks() throws Exception {
        Path corpus = tmp.resolve("corpus");
        org.noticesearch.search.SearchTestSupport.write(corpus.resolve("a.txt"), org.noticesearch.search.SearchTestSupport.notice(
                "全国妇联", "妇字〔2020〕1号", "关于“巾帼<建功>”活动的通知", "2020年3月2日", "开展巾帼建功 & 岗位练兵。"));
        Path index = tmp.resolve("index");
        Run indexed = run("index", "--corpus", corpus.toString(), "--index", index.toString(), "--threads", "1");
        assertEquals(0, indexed.code(), indexed.err());
        Run r = run("search", "--index", index.toString(), "巾帼建功");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("1. 关于“【巾帼<建功】>”活动的通知"), r.out());
        assertTrue(r.out().contains("开展【巾帼建功】&岗位练兵。"), r.out());
        Run json = run("search", "--index", index.toString(), "--json", "巾帼建功");
        var hit = org.noticesearch.Json.mapper().readTree(json.out()).path("hits").path(0);
        assertEquals("关于“<mark>巾帼&lt;建功</mark>&gt;”活动的通知", hit.path("titleHtml").asText());
        assertEquals("/notice.html?id=" + hit.path("id").asText() + "&q=%E5%B7%BE%E5%B8%BC%E5%BB%BA%E5%8A%9F",
                hit.path("url").asText());
    }

    @Test
    void parseHelpPrintsUsageInsteadOfReadingAFileCalledHelp() {
        Run r = run("parse", "--help");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Usage: notice-search parse"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void searchHelpNeedsNoIndex() {
        Run r = run("search", "--index", tmp.resolve("none").toString(), "--help");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Usage: notice-search search"), r.out());
        assertTrue(r.out().contains("--doc-number"), r.out());
        assertEquals("", r.err());
    }

    @Test
    void helpSubcommandShowsACommandsUsage() {
        Run r = run("help", "search");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Usage: notice-search search"), r.out());
        Run top = run("help");
        assertEquals(0, top.code());
        assertTrue(top.out().contains("help") && top.out().contains("healthcheck"), top.out());
    }

    @Test
    void unknownOptionIsAnErrorNamingIt() {
        Run r = run("search", "--index", tmp.resolve("none").toString(), "--year", "2020", "巾帼");
        assertEquals(2, r.code());
        String[] lines = r.err().split("\\R");
        assertEquals("error: Unknown option: '--year'", lines[0]);
        assertEquals("hint: the options are listed by 'notice-search help search'; a query word that starts with '-' "
                + "goes after '--', e.g. notice-search search -- 巾帼 -脱贫", lines[1]);
        assertEquals(2, lines.length, r.err());
        assertEquals("", r.out());
    }

    @Test
    void unknownOptionOnAnotherCommandPointsToItsHelp() {
        Run r = run("parse", "--prety", "x.txt");
        assertEquals(2, r.code());
        assertEquals("error: Unknown option: '--prety'" + System.lineSeparator() + "hint: see 'notice-search help parse'"
                + System.lineSeparator(), r.err());
    }

    @Test
    void doubleDashLetsAQueryStartWithAMinus() {
        // Parsed as query words: the command gets as far as looking for the index.
        Path none = tmp.resolve("none");
        Run r = run("search", "--index", none.toString(), "--", "-脱贫", "--year");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("error: no index at " + none), r.err());
    }

    @Test
    void portInUseIsOneLineNamingThePort() throws Exception {
        Path corpus = Files.createDirectories(tmp.resolve("corpus"));
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            Run r = run("serve", "--host", "127.0.0.1", "--port", String.valueOf(port), "--corpus", corpus.toString(),
                    "--index", tmp.resolve("index").toString(), "--no-watch", "--threads", "1");
            assertEquals(2, r.code());
            assertEquals("error: port " + port + " on 127.0.0.1 is already in use (is another notice-search running?); "
                    + "stop that process, or serve on another port with --port N or NOTICE_PORT=N" + System.lineSeparator(), r.err());
        }
    }

    @Test
    void healthcheckOnADeadPortSaysItCannotConnect() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = s.getLocalPort();
        }
        String url = "http://127.0.0.1:" + port + "/health";
        Run r = run("healthcheck", "--url", url);
        assertEquals(1, r.code());
        assertEquals("unhealthy: cannot connect to " + url + " (is the server running on that port?)" + System.lineSeparator(), r.err());
    }

    @Test
    void lucenesVectorisationNoticesAreSilenced() {
        var lucene = App.quietLucene();
        assertFalse(java.util.logging.Logger.getLogger("org.apache.lucene.internal.vectorization.VectorizationProvider")
                .isLoggable(Level.WARNING));
        assertTrue(lucene.isLoggable(Level.SEVERE));
        assertTrue(java.util.logging.Logger.getLogger("org.apache.lucene.store").isLoggable(Level.WARNING), "other Lucene warnings still show");
    }
}
