package org.noticesearch.search.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.noticesearch.ingest.Citation;
import org.noticesearch.ingest.Notice;
import org.noticesearch.search.NotFoundException;
import org.noticesearch.search.SearchRequest;
import org.noticesearch.search.SearchTestSupport;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Adopters and trees over the hand-written campaign of {@code src/test/resources/diffusion} (see its README): a chain
 * national → province → city → county, a notice known only by its year, a citation by title alone, a cycle between
 * two provinces and a notice citing itself, parsed by the real parser.
 */
class DiffusionFixturesTest {
    static DiffusionService service;

    @BeforeAll
    static void parse() {
        List<Notice> notices = SearchTestSupport.parseAll(Path.of("src/test/resources/diffusion"));
        service = new DiffusionService(new InMemoryDiffusionSource(notices));
    }

    @Test
    void adoptersInOrderWithTheYearOnlyNoticeMarked() {
        Adoption.Report r = service.adopters(SearchRequest.of("春蕾护航行动"));
        assertEquals(6, r.matches());
        assertEquals(6, r.adopterCount());
        assertEquals(List.of("全国妇女联合会|national|2021-03-01|day|0", "江苏省妇女联合会|province|2021-03-15|day|14",
                "南京市妇女联合会|city|2021-04-09|day|39", "安徽省妇女联合会|province|2021-04-20|day|50",
                "南京市江宁区妇女联合会|county|2021-05-10|day|70", "浙江省妇女联合会|province|null|year|null"),
                r.adopters().stream().map(a -> a.issuer() + "|" + a.level() + "|" + a.first().date() + "|"
                        + a.first().precision() + "|" + a.lagDays()).toList());
        Adoption.Adopter zhejiang = r.adopters().get(5);
        assertEquals(2021, zhejiang.first().year());
        assertEquals("d1_national", r.origin().id());
        assertEquals(List.of(new Adoption.MonthCount("2021-03", 2, 2), new Adoption.MonthCount("2021-04", 2, 4),
                new Adoption.MonthCount("2021-05", 1, 5)), r.curve());
        assertEquals(List.of(new Adoption.YearCount(2021, 1)), r.yearOnly());
        assertEquals(0, r.undatedAdopters());
        assertEquals(List.of(new Adoption.LevelLag("national", 1, 1, 0.0), new Adoption.LevelLag("province", 3, 2, 32.0),
                new Adoption.LevelLag("city", 1, 1, 39.0), new Adoption.LevelLag("county", 1, 1, 70.0)), r.levels());
        assertEquals(List.of("江苏省|d2_province|3|3", "安徽省|d6_province|1|1", "浙江省|d5_province|1|1"),
                r.provinces().stream().map(p -> p.province() + "|" + p.first().id() + "|" + p.adopters() + "|" + p.notices()).toList());
    }

    @Test
    void whoFollowedWhomByNumberAndByTitle() {
        Adoption.Report r = service.adopters(SearchRequest.of("春蕾护航行动"));
        assertEquals(List.of("江苏省妇女联合会→全国妇女联合会", "南京市妇女联合会→江苏省妇女联合会", "安徽省妇女联合会→浙江省妇女联合会",
                        "南京市江宁区妇女联合会→南京市妇女联合会", "浙江省妇女联合会→全国妇女联合会", "浙江省妇女联合会→安徽省妇女联合会"),
                r.follows().stream().map(f -> f.follower() + "→" + f.leader()).toList());
        assertEquals(List.of("全国妇女联合会", "安徽省妇女联合会"), r.adopters().get(5).followed());
    }

    @Test
    void theTreeWithLagsKindsTheCycleAndTheSelfCitation() {
        ForwardingTree.Tree t = service.tree("d1_national", ForwardingTree.Limits.DEFAULT);
        List<String> edges = new ArrayList<>();
        walk(t.root(), edges);
        assertEquals(List.of("d1_national→d2_province|14|转发|", "d1_national→d5_province|null|null|",
                "d2_province→d3_city|39|贯彻落实|", "d3_city→d4_county|70|印发|", "d5_province→d6_province|50|null|",
                "d6_province→d5_province|null|null|repeat"), edges);
        assertEquals(6, t.notices());
        assertEquals(6, t.edges());
        assertEquals(1, t.selfCitations());
        assertFalse(t.depthLimitHit() || t.sizeLimitHit());
    }

    @Test
    void depthLimitMarksWhatIsNotShown() {
        ForwardingTree.Tree t = service.tree("d1_national", new ForwardingTree.Limits(2, ForwardingTree.DEFAULT_MAX_NODES));
        assertTrue(t.depthLimitHit());
        ForwardingTree.Node d3 = t.root().children().get(0).children().get(0);
        assertEquals("d3_city", d3.id());
        assertEquals(1, d3.notShown());
        assertTrue(d3.children().isEmpty());
        // The repeat of d5 under d6 is a citing notice too: one not shown below d6.
        assertEquals(1, t.root().children().get(1).children().get(0).notShown());
        assertNull(t.root().notShown());
    }

    @Test
    void unknownIdIsNotFound() {
        assertThrows(NotFoundException.class, () -> service.tree("nope", ForwardingTree.Limits.DEFAULT));
    }

    @Test
    void graphMlHasOneNodePerNoticeAnEdgePerCitationAndEscapedText() throws Exception {
        ForwardingTree.Tree t = service.tree("d1_national", ForwardingTree.Limits.DEFAULT);
        StringWriter w = new StringWriter();
        TreeGraphMl.write(t, w);
        Document doc = parseXml(w.toString());
        assertEquals(6, doc.getElementsByTagNameNS(TreeGraphMl.NS, "node").getLength());
        NodeList edges = doc.getElementsByTagNameNS(TreeGraphMl.NS, "edge");
        List<String> pairs = new ArrayList<>();
        for (int i = 0; i < edges.getLength(); i++) {
            Element e = (Element) edges.item(i);
            pairs.add(e.getAttribute("source") + "→" + e.getAttribute("target"));
        }
        assertEquals(List.of("d1_national→d2_province", "d2_province→d3_city", "d3_city→d4_county",
                "d1_national→d5_province", "d5_province→d6_province", "d6_province→d5_province"), pairs);

        DiffusionNotice hostile = new DiffusionNotice("x<1>", "A&B <script>\"q\"</script>]]>", null, null, "2020-01-02",
                2020, "机关&<>", List.of(), null, null, null, null, List.of(new Citation("t", null)));
        StringWriter hw = new StringWriter();
        TreeGraphMl.write(ForwardingTree.build(hostile, n -> java.util.Map.of(), ForwardingTree.Limits.DEFAULT), hw);
        Element node = (Element) parseXml(hw.toString()).getElementsByTagNameNS(TreeGraphMl.NS, "node").item(0);
        assertEquals("x<1>", node.getAttribute("id"));
        assertEquals("A&B <script>\"q\"</script>]]>", node.getElementsByTagNameNS(TreeGraphMl.NS, "data").item(0).getTextContent());
    }

    @Test
    void medianOfEvenAndOddCounts() {
        assertEquals(2.0, Adoption.median(List.of(1L, 2L, 9L)));
        assertEquals(5.5, Adoption.median(List.of(1L, 2L, 9L, 30L)));
        assertNull(Adoption.median(List.of()));
    }

    @Test
    void aNoticeWithoutAYearIsUndatedAndOneWithoutIssuerUnattributed() {
        DiffusionNotice undated = new DiffusionNotice("u", "无日期", null, null, null, null, "甲局", List.of(), "北京市",
                "province", "other", null, List.of());
        DiffusionNotice nobody = new DiffusionNotice("n", "无机关", null, null, "2020-05-01", 2020, null, List.of(), null,
                null, null, null, List.of());
        Adoption.Report r = Adoption.compute("x", List.of(undated, nobody), false);
        assertEquals(1, r.adopterCount());
        assertEquals(1, r.undatedAdopters());
        assertEquals(1, r.unattributed());
        assertEquals("none", r.adopters().get(0).first().precision());
        assertTrue(r.curve().isEmpty());
        assertEquals("n", r.origin().id());
    }

    private static Document parseXml(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
    }

    private static void walk(ForwardingTree.Node n, List<String> out) {
        for (ForwardingTree.Node c : n.children()) {
            out.add(n.id() + "→" + c.id() + "|" + c.lagDays() + "|" + c.forwarding() + "|" + (c.repeat() == null ? "" : "repeat"));
        }
        for (ForwardingTree.Node c : n.children()) {
            walk(c, out);
        }
    }
}
