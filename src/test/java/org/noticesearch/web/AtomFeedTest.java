package org.noticesearch.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.noticesearch.search.SearchTestSupport.notice;
import static org.noticesearch.search.SearchTestSupport.write;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.noticesearch.NoticeService;
import org.noticesearch.config.IndexConfig;
import org.noticesearch.search.SearchTestSupport;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** GET /api/search.atom: a valid Atom 1.0 feed of the search, newest first, with hostile text escaped. */
class AtomFeedTest {
    static final String ATOM = "http://www.w3.org/2005/Atom";
    @TempDir
    static Path tmp;
    static NoticeService service;
    static Javalin app;
    static String base;

    @BeforeAll
    static void start() {
        Path corpus = tmp.resolve("corpus");
        write(corpus.resolve("old.txt"), notice("重庆市妇联", "渝妇发〔2019〕3号", "关于开展反诈宣传的通知", "2019年3月1日",
                "请各单位开展反诈宣传。"));
        write(corpus.resolve("new.txt"), notice("山东省妇联", "鲁妇通字〔2021〕6号", "关于<script>alert(1)</script>反诈宣传&培训的通知",
                "2021年5月6日", "冒充妇联的链接<a href=\"x\">领取补贴</a>&反诈宣传月\u0001活动。"));
        write(corpus.resolve("middle.txt"), notice("全国妇联", "妇字〔2020〕1号", "关于反诈宣传的意见", "2020年7月2日",
                "各地妇联做好反诈宣传。"));
        write(corpus.resolve("other.txt"), notice("全国妇联", "妇字〔2022〕2号", "关于春蕾计划的通知", "2022年1月2日", "春蕾计划。"));
        service = SearchTestSupport.start(corpus, tmp.resolve("index"));
        IndexConfig cfg = SearchTestSupport.CONFIG;
        app = WebServer.create(service.service(), service.maintainer(), cfg.settings(),
                new WebConfig("127.0.0.1", 0, List.of("*"), null)).start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + app.port();
    }

    @AfterAll
    static void stop() throws IOException {
        app.stop();
        service.close();
    }

    static HttpResponse<byte[]> get(String pathAndQuery) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    static Document parse(byte[] body) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(body));
    }

    static List<Element> children(Element parent, String name) {
        List<Element> out = new ArrayList<>();
        NodeList nl = parent.getElementsByTagNameNS(ATOM, name);
        for (int i = 0; i < nl.getLength(); i++) {
            if (nl.item(i).getParentNode() == parent) {
                out.add((Element) nl.item(i));
            }
        }
        return out;
    }

    static String text(Element parent, String name) {
        List<Element> c = children(parent, name);
        assertEquals(1, c.size(), "one <" + name + "> in <" + parent.getLocalName() + ">");
        return c.get(0).getTextContent();
    }

    @Test
    void feedIsAtomNewestFirstWithEscapedHostileText() throws Exception {
        String q = URLEncoder.encode("反诈宣传", StandardCharsets.UTF_8);
        HttpResponse<byte[]> r = get("/api/search.atom?q=" + q + "&sort=oldest");
        assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
        assertEquals("application/atom+xml; charset=utf-8", r.headers().firstValue("Content-Type").orElse(""));
        Document d = parse(r.body());
        Element feed = d.getDocumentElement();
        assertEquals("feed", feed.getLocalName());
        assertEquals(ATOM, feed.getNamespaceURI());
        assertEquals(base + "/api/search.atom?q=" + q + "&sort=oldest", text(feed, "id"));
        assertEquals("公文检索：反诈宣传", text(feed, "title"));
        assertEquals("2021-05-06T00:00:00+08:00", text(feed, "updated"));
        assertEquals("公文检索", text((Element) children(feed, "author").get(0), "name"));

        List<Element> entries = children(feed, "entry");
        assertEquals(List.of("2021-05-06T00:00:00+08:00", "2020-07-02T00:00:00+08:00", "2019-03-01T00:00:00+08:00"),
                entries.stream().map(e -> text(e, "updated")).toList(), "newest first, whatever sort says");
        assertEquals(List.of(base + "/notice.html?id=new", base + "/notice.html?id=middle", base + "/notice.html?id=old"),
                entries.stream().map(e -> text(e, "id")).toList());
        Element hostile = entries.get(0);
        assertEquals("关于<script>alert(1)</script>反诈宣传&培训的通知", text(hostile, "title"));
        assertEquals(base + "/notice.html?id=new", children(hostile, "link").get(0).getAttribute("href"));
        assertEquals("山东省妇女联合会", text((Element) children(hostile, "author").get(0), "name"));
        String summary = text(hostile, "summary");
        assertTrue(summary.startsWith("鲁妇通字〔2021〕6号 … "), summary);
        assertTrue(summary.contains("冒充妇联的链接<a href=\"x\">领取补贴</a>&反诈宣传月"), summary);
        assertTrue(!summary.contains("<mark>") && !summary.contains("&amp;") && !summary.contains("\u0001"), summary);
        String raw = new String(r.body(), StandardCharsets.UTF_8);
        assertTrue(!raw.contains("<script>") && raw.contains("&lt;script"), "escaped on the wire");
    }

    @Test
    void sizeAndBadParametersAreTheSearchOnes() throws Exception {
        Document d = parse(get("/api/search.atom?size=1").body());
        List<Element> entries = children(d.getDocumentElement(), "entry");
        assertEquals(List.of(base + "/notice.html?id=other"), entries.stream().map(e -> text(e, "id")).toList());
        assertEquals("公文检索：全部公文", text(d.getDocumentElement(), "title"));
        assertEquals(4, children(parse(get("/api/search.atom").body()).getDocumentElement(), "entry").size());
        HttpResponse<byte[]> bad = get("/api/search.atom?scope=body");
        assertEquals(400, bad.statusCode());
        assertTrue(new String(bad.body(), StandardCharsets.UTF_8).contains("scope"));
    }

    @Test
    void charactersXmlCannotCarryAreDroppedSoTheFeedStillParses() throws Exception {
        var hit = new org.noticesearch.search.SearchHit("x", "标题\u0001\uFFFE\uD800尾", "", "机关\u000B", null, null, null, null,
                List.of("a &amp; b &lt;mark&gt; <mark>c</mark>\u0008"));
        var page = new org.noticesearch.search.SearchPage("q\u0000", 1, true, false, 1, 10, 0, List.of(hit), java.util.Map.of(),
                false, java.util.Map.of(), null);
        java.io.StringWriter out = new java.io.StringWriter();
        AtomFeed.write(out, page, "http://h", "http://h/api/search.atom", "http://h/");
        Element feed = parse(out.toString().getBytes(StandardCharsets.UTF_8)).getDocumentElement();
        Element entry = children(feed, "entry").get(0);
        assertEquals("标题尾", text(entry, "title"));
        assertEquals("机关", text((Element) children(entry, "author").get(0), "name"));
        assertEquals("a & b <mark> c", text(entry, "summary"));
        assertEquals(AtomFeed.NO_DATE, text(entry, "updated"));
        assertEquals("公文检索：q", text(feed, "title"));
    }

    @Test
    void everyEscapeTheSnippetsUseIsUndoneInTheSummary() {
        // Snippets write ' as &apos;, which commons-text's unescapeHtml4 left as it was.
        var hit = new org.noticesearch.search.SearchHit("x", "t", "", null, "国发〔2024〕1号", null, null, null,
                List.of("妇联&apos;s <mark>通知</mark> &quot;x&quot; &amp;&lt;&gt;"));
        assertEquals("国发〔2024〕1号 … 妇联's 通知 \"x\" &<>", AtomFeed.summary(hit));
    }

    @Test
    void scopeAndFieldSyntaxOverHttp() throws Exception {
        ObjectMapper json = new ObjectMapper();
        String q = URLEncoder.encode("妇联", StandardCharsets.UTF_8);
        assertEquals(4, json.readTree(get("/api/search?q=" + q).body()).get("total").asInt(), "every notice names 各市妇联");
        assertEquals(0, json.readTree(get("/api/search?q=" + q + "&scope=title").body()).get("total").asInt());
        JsonNode byIssuer = json.readTree(get("/api/search?sort=oldest&q=" + URLEncoder.encode("issuer:全国妇联", StandardCharsets.UTF_8)).body());
        List<String> ids = new ArrayList<>();
        byIssuer.get("hits").forEach(h -> ids.add(h.get("id").asText()));
        assertEquals(List.of("middle", "other"), ids);
        Document feed = parse(get("/api/search.atom?scope=title&q=" + URLEncoder.encode("培训", StandardCharsets.UTF_8)).body());
        assertEquals(List.of(base + "/notice.html?id=new"),
                children(feed.getDocumentElement(), "entry").stream().map(e -> text(e, "id")).toList());
    }
}
