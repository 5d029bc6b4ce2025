package org.noticesearch.search.diffusion;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.noticesearch.SharedData;
import org.noticesearch.ingest.Notice;
import org.noticesearch.ingest.NoticeParser;
import org.noticesearch.search.SearchTestSupport;

/**
 * The forwarding trees of the real notices in {@code ../shared/real-notices}, checked by hand against their texts:
 * the only notice there that cites another one of the set is 北京市人民政府关于支持中医药振兴发展的意见 (r057), which
 * opens “为深入贯彻落实《国务院关于印发中医药发展战略规划纲要（2016 - 2030年）的通知》（国发[2016]15号）精神” and so
 * takes up r056 (国发〔2016〕15号) 351 days after it, without 转发 or 贯彻落实 in its title. r057 also names its own title
 * (a link to its 解读) and r025 names its own 《中华人民共和国个人所得税法实施条例》: self-citations, never edges.
 */
class RealNoticesDiffusionTest {
    static List<Notice> notices;
    static DiffusionService service;
    static Map<String, String> idBySource;

    @BeforeAll
    static void parse() {
        Path dir = SharedData.require("real-notices");
        try {
            // Every format the corpus reader takes (the real notices are HTML pages and text), as the indexer reads them.
            notices = new NoticeParser(SearchTestSupport.CONFIG).parseAll(dir).notices();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        service = new DiffusionService(new InMemoryDiffusionSource(notices));
        idBySource = notices.stream().collect(Collectors.toMap(Notice::source, Notice::id));
    }

    @Test
    void theOnlyEdgesAreTheOnesReadByHand() {
        Function<String, String> src = id -> notices.stream().filter(n -> n.id().equals(id)).findFirst().orElseThrow().source();
        Set<String> edges = new TreeSet<>();
        int self = 0;
        for (Notice n : notices) {
            ForwardingTree.Tree t = service.tree(n.id(), ForwardingTree.Limits.DEFAULT);
            self += t.selfCitations();
            List<String> out = new ArrayList<>();
            collect(t.root(), out, src);
            edges.addAll(out);
        }
        assertEquals(Set.of("r056-bjzyj-43.html→r057-bjzyj-44.html|351|null"), edges);
        // Each self-citing notice is met once as a root and once more as r057 below r056.
        assertEquals(3, self);
    }

    @Test
    void theBeijingOpinionFollowsTheStateCouncil() {
        Adoption.Report r = Adoption.compute("", notices.stream().map(DiffusionNotice::of).toList(), false);
        assertEquals(List.of("北京市人民政府→国务院"), r.follows().stream().map(f -> f.follower() + "→" + f.leader()).toList());
        assertEquals(idBySource.get("r057-bjzyj-44.html"), r.follows().get(0).followerNotice());
        assertEquals(idBySource.get("r056-bjzyj-43.html"), r.follows().get(0).leaderNotice());
    }

    private static void collect(ForwardingTree.Node n, List<String> out, Function<String, String> src) {
        for (ForwardingTree.Node c : n.children()) {
            out.add(src.apply(n.id()) + "→" + src.apply(c.id()) + "|" + c.lagDays() + "|" + c.forwarding());
            collect(c, out, src);
        }
    }
}
