package org.noticesearch.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.noticesearch.Json;
import org.noticesearch.SharedData;
import org.noticesearch.analysis.Analysis;
import org.noticesearch.config.IndexConfig;
import org.noticesearch.index.NoticeFields;
import org.noticesearch.ingest.Notice;
import org.noticesearch.ingest.NoticeParser;

/**
 * The gram fields' analysis in the cluster (built-in char filters, the ngram tokenizer and token filters, see
 * {@link OpenSearchIndexDefinition}) against our {@link org.noticesearch.analysis.GramTokenizer} on the same strings:
 * the same tokens at the same positions, the cluster's paragraph-final token carrying the end marker. Runs the
 * cluster's {@code _analyze} on the gram fields of an index created with the product's settings.
 */
@Tag("opensearch")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GramAnalysisParityTest {
    private static final String INDEX = "notices-gram-analysis-test";

    private OpenSearchTestCluster cluster;
    private OpenSearchClient client;
    private Analysis analysis;
    private IndexConfig cfg;

    /** A token and its position. */
    record Token(String text, int position) {}

    @BeforeAll
    void start() throws Exception {
        OpenSearchTestCluster.Target target = OpenSearchTestCluster.externalOrStart(1);
        cluster = target.started();
        List<URI> urls = target.urls();
        cfg = IndexConfig.load(Path.of("index-config"));
        analysis = new Analysis(cfg);
        client = OpenSearchClient.connect(urls, OpenSearchClient.Settings.DEFAULTS);
        if (client.exists("/" + INDEX)) {
            client.json("DELETE", "/" + INDEX, null);
        }
        ObjectNode create = OpenSearchIndexDefinition.createRequest(cfg, 1, 0);
        // _analyze answers at most 10,000 tokens by default; a long notice body has more.
        ((ObjectNode) create.path("settings").path("index")).put("analyze.max_token_count", 1_000_000);
        client.json("PUT", "/" + INDEX, create);
    }

    @AfterAll
    void stop() {
        if (client != null && cluster == null) {
            client.json("DELETE", "/" + INDEX, null);
        }
        if (analysis != null) {
            analysis.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void edgeCasesGiveTheSameTokensAtTheSamePositions() {
        List<String> cases = List.of(
                "abc", "a", "", "三八国际", "“三八”国际",
                "ＡＢＣ１２３ｄｅｆ", // full-width letters and digits fold to ASCII
                "二〇二四年", "〇", // 〇 is kept though not a letter
                "ΑΒΓ Δ ПРИВЕТ Ábc ǅ", // fold lowercases A–Z only: Greek, Cyrillic, accented and titlecase capitals stay
                "，。！？——（）", "\n，，\n", // punctuation only
                "\uD840\uDC00\uD840\uDC01a\n\uD840\uDC02", // CJK extension B (surrogate pairs) and a one-character paragraph
                "第一段\n\n，，\n第二段", "\n\nabc\n", "abc\n", "a\nb\nc", "x－y＿z_w", "Ａ\nｂ", "٣٤ ۵", "ab\r\ncd",
                "关于印发《２０２４年工作要点》的通知\n各区县妇联：\n\u3000\u3000现将……印发给你们。\n附件：1.表格");
        for (String s : cases) {
            assertEquals(java(s), cluster(s), () -> "tokens of " + s.replace("\n", "\\n"));
        }
        // The end marker: a paragraph's last character alone where GramTokenizer gives it alone.
        assertEquals(List.of(new Token("ab", 0), new Token("bc", 1), new Token("c_", 2), new Token("de", 4), new Token("e_", 5)),
                raw("abc\nde"));
    }

    @Test
    void realNoticesGiveTheSameTokensAtTheSamePositions() throws IOException {
        Path dir = SharedData.require("real-notices");
        List<Notice> notices = new NoticeParser(cfg).parseAll(dir).notices();
        assertTrue(notices.size() >= 5, "real notices parsed: " + notices.size());
        int tokens = 0;
        for (Notice n : notices) {
            for (String text : List.of(n.title() == null ? "" : n.title(), n.searchableText())) {
                List<Token> want = java(text);
                assertEquals(want, cluster(text), () -> "tokens of " + n.source());
                tokens += want.size();
            }
        }
        assertTrue(tokens > 1000, "tokens compared: " + tokens);
    }

    /** GramTokenizer's tokens and absolute positions. */
    private List<Token> java(String text) {
        List<Token> out = new ArrayList<>();
        try (TokenStream ts = analysis.grams().tokenStream(NoticeFields.BODY_GRAMS, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            int pos = -1;
            while (ts.incrementToken()) {
                pos += inc.getPositionIncrement();
                out.add(new Token(term.toString(), pos));
            }
            ts.end();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out;
    }

    /** The cluster's tokens for the gram fields, a paragraph end's marker removed (checked to be there). */
    private List<Token> cluster(String text) {
        List<Token> out = new ArrayList<>();
        for (String field : List.of(NoticeFields.BODY_GRAMS, NoticeFields.TITLE_GRAMS)) {
            List<Token> these = new ArrayList<>();
            for (Token t : raw(text, field)) {
                int cps = t.text().codePointCount(0, t.text().length());
                assertEquals(2, cps, "every cluster token is two code points: " + t);
                String gram = t.text().endsWith(OpenSearchIndexDefinition.END)
                        ? t.text().substring(0, t.text().length() - OpenSearchIndexDefinition.END.length()) : t.text();
                these.add(new Token(gram, t.position()));
            }
            if (field.equals(NoticeFields.BODY_GRAMS)) {
                out = these;
            } else {
                assertEquals(out, these, "title and body grams analyse alike");
            }
        }
        return out;
    }

    private List<Token> raw(String text) {
        return raw(text, NoticeFields.BODY_GRAMS);
    }

    private List<Token> raw(String text, String field) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("field", field).put("text", text);
        JsonNode r = client.json("POST", "/" + INDEX + "/_analyze", body);
        List<Token> out = new ArrayList<>();
        for (JsonNode t : r.path("tokens")) {
            out.add(new Token(t.path("token").asText(), t.path("position").asInt()));
        }
        return out;
    }
}
