package org.noticesearch.opensearch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.TreeSet;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.noticesearch.config.IndexConfig;
import org.noticesearch.index.IndexField;
import org.noticesearch.index.NoticeFields;
import org.noticesearch.util.Hashes;

/**
 * The OpenSearch index settings and mapping: the properties are a loop over {@link IndexField}, as the embedded
 * index's documents are.
 *
 * <ul>
 *   <li>Gram fields are indexed pre-tokenized: our own {@link org.noticesearch.analysis.GramTokenizer} produces the
 *   bigrams in Java and OpenSearch only splits them on spaces ({@value #PRETOKENIZED} analyzer), so exact-substring
 *   recall, paragraph ends and one-character queries behave exactly as in the embedded index. A position gap is
 *   sent as the marker {@value #GAP} that a stop filter removes, leaving the hole.</li>
 *   <li>Word fields use the {@code analysis-smartcn} plugin's tokenizer with the same chain as Lucene's
 *   SmartChineseAnalyzer (Porter stemming, then smartcn's and {@code index-config/stopwords.txt}'s stopwords).</li>
 *   <li>Keyword fields for document numbers, issuer, province, type, campaign; integers for year and dates.</li>
 *   <li>The parsed record is kept in {@code _source} (not indexed) and is what hits, snippets and the notice
 *   page are built from; the analysed copies of the text are left out of {@code _source}.</li>
 * </ul>
 */
public final class OpenSearchIndexDefinition {
    /** Bump when the mapping or the document layout changes in code, so existing indexes are rebuilt. */
    public static final int MAPPING_VERSION = 2;
    public static final String PRETOKENIZED = "pretokenized";
    public static final String WORDS = "words";
    /** Fills a position gap in pre-tokenized text; never a gram (not a letter or digit) and never a smartcn word. */
    public static final String GAP = "_";
    public static final String FINGERPRINT_META = "notice_search_fingerprint";

    private OpenSearchIndexDefinition() {}

    /** The stopwords of the word fields: smartcn's own set plus {@code index-config/stopwords.txt}, as in {@code Analysis}. */
    static TreeSet<String> wordStopwords(IndexConfig config) {
        TreeSet<String> stop = new TreeSet<>(config.stopwords());
        for (Object o : SmartChineseAnalyzer.getDefaultStopSet()) {
            stop.add(o instanceof char[] c ? new String(c) : o.toString());
        }
        return stop;
    }

    /** The analysis settings and mappings, without shard counts; their hash is the index fingerprint. */
    static ObjectNode body(IndexConfig config) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        ObjectNode analysis = root.putObject("settings").putObject("analysis");
        ObjectNode filters = analysis.putObject("filter");
        filters.putObject("gap_marker").put("type", "stop").putArray("stopwords").add(GAP);
        ObjectNode wordStop = filters.putObject("notice_word_stop").put("type", "stop").put("ignore_case", false);
        ArrayNode sw = wordStop.putArray("stopwords");
        wordStopwords(config).forEach(sw::add);
        ObjectNode analyzers = analysis.putObject("analyzer");
        ObjectNode pre = analyzers.putObject(PRETOKENIZED).put("type", "custom").put("tokenizer", "whitespace");
        pre.putArray("filter").add("gap_marker");
        ObjectNode words = analyzers.putObject(WORDS).put("type", "custom").put("tokenizer", "smartcn_tokenizer");
        words.putArray("filter").add("porter_stem").add("notice_word_stop");

        ObjectNode mappings = root.putObject("mappings");
        mappings.put("dynamic", "strict");
        ArrayNode excludes = mappings.putObject("_source").putArray("excludes");
        for (IndexField field : IndexField.values()) {
            if (field.analysed()) {
                excludes.add(field.fieldName());
            }
        }
        ObjectNode props = mappings.putObject("properties");
        for (IndexField field : IndexField.values()) {
            if (field.kind() != IndexField.Kind.PACKED_STAMP) {
                property(props.putObject(field.fieldName()), field.kind());
            }
        }
        return root;
    }

    /** The mapping of one field of a kind. */
    private static void property(ObjectNode p, IndexField.Kind kind) {
        switch (kind) {
            case KEYWORD -> p.put("type", "keyword");
            case STAMP_KEYWORD -> p.put("type", "keyword").put("index", false);
            case STAMP_LONG -> p.put("type", "long").put("index", false);
            // Titles for suggestions; a title longer than this is not suggested (Lucene's doc values take any length).
            case SORTED_TEXT -> p.put("type", "keyword").put("ignore_above", 2000);
            case INT -> p.put("type", "integer");
            case SORT_LONG -> p.put("type", "long");
            case GRAMS -> p.put("type", "text").put("analyzer", PRETOKENIZED).put("index_options", "positions");
            case WORDS -> p.put("type", "text").put("analyzer", WORDS).put("index_options", "positions");
            case RECORD -> p.put("type", "object").put("enabled", false);
            case PACKED_STAMP -> throw new IllegalArgumentException("the packed stamp is the embedded index's only");
        }
    }

    /** Changes whenever the analysis, the mapping or index-config's index-time files change. */
    public static String fingerprint(IndexConfig config) {
        String s = "os" + MAPPING_VERSION + "\n" + config.fingerprint() + "\n" + body(config);
        return Hashes.sha256Hex(s).substring(0, 16);
    }

    /** The create-index request: analysis, mapping, shard and replica counts, and the fingerprint in {@code _meta}. */
    public static ObjectNode createRequest(IndexConfig config, int shards, int replicas) {
        ObjectNode body = body(config);
        ObjectNode index = ((ObjectNode) body.get("settings")).putObject("index");
        index.put("number_of_shards", shards).put("number_of_replicas", replicas);
        ((ObjectNode) body.get("mappings")).putObject("_meta").put(FINGERPRINT_META, fingerprint(config));
        return body;
    }
}
