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
import org.noticesearch.ingest.TextNormalizer;
import org.noticesearch.util.Hashes;

/**
 * The OpenSearch index settings and mapping: the properties are a loop over {@link IndexField}, as the embedded
 * index's documents are. Everything is built from the cluster's own analysis (module {@code analysis-common}, in every
 * distribution) and the {@code analysis-smartcn} plugin; nothing of ours runs in the cluster.
 *
 * <ul>
 *   <li>Gram fields ({@value #GRAMS} analyzer) reproduce {@link org.noticesearch.analysis.GramTokenizer}'s tokens and
 *   positions from the text: a {@code mapping} char filter does {@code TextNormalizer.fold} (full-width ASCII to ASCII,
 *   A–Z to a–z; a {@code lowercase} or {@code cjk_width} filter would fold more, e.g. Greek capitals), a
 *   {@code pattern_replace} drops every character {@code GramTokenizer.isKept} rejects except newlines, another marks
 *   each paragraph end with {@value #END} (a run of newlines, or the end of the text, after a kept character), a third
 *   drops the newlines left (before the first kept character); the {@code ngram} tokenizer (2 to 2) then gives
 *   {@code ab bc c_ _d de e_} for {@code abc} and {@code de} in two paragraphs, and a token filter removes the tokens that start with the
 *   marker, leaving a hole: {@code ab@0 bc@1 c_@2 de@4 e_@5}, GramTokenizer's {@code ab bc c de e} at the same
 *   positions, with {@code c_} for the paragraph-final {@code c}. Queries hold only kept characters, so their bigram
 *   phrases match the same places, and a one-character query (a prefix query) matches {@code c_} where it matched
 *   {@code c}. The field is not sent: it is a {@code copy_to} of the record's text, as the word fields are
 *   ({@link OpenSearchDocuments}). Queries are sent pre-tokenized ({@value #PRETOKENIZED}, the search analyzer).</li>
 *   <li>Word fields use the {@code analysis-smartcn} plugin's tokenizer with the same chain as Lucene's
 *   SmartChineseAnalyzer (Porter stemming, then smartcn's and {@code index-config/stopwords.txt}'s stopwords).</li>
 *   <li>Keyword fields for document numbers, issuer, province, type, campaign; integers for year and dates.</li>
 *   <li>The parsed record is kept in {@code _source} (not indexed but for its texts, which are copied to the analysed
 *   fields) and is what hits, snippets and the notice page are built from; {@code _source} holds nothing else of
 *   size, and is not filtered, so OpenSearch keeps no {@code _recovery_source}.</li>
 * </ul>
 */
public final class OpenSearchIndexDefinition {
    /** Bump when the mapping or the document layout changes in code, so existing indexes are rebuilt. */
    public static final int MAPPING_VERSION = 3;
    /** The search analyzer of the gram fields: query bigrams separated by spaces, a skipped position as {@value #GAP}. */
    public static final String PRETOKENIZED = "pretokenized";
    /** The index analyzer of the gram fields, built from {@code analysis-common}. */
    public static final String GRAMS = "grams";
    /** Marks the end of a paragraph in the gram analyzer: never a kept character, so never in a query. */
    public static final String END = "_";
    public static final String WORDS = "words";
    /** Fills a position gap in pre-tokenized query text; never a gram (not a letter or digit) and never a smartcn word. */
    public static final String GAP = "_";
    public static final String FINGERPRINT_META = "notice_search_fingerprint";
    /** The stored-fields codec of new indexes; built into OpenSearch (no plugin). */
    public static final String STORED_CODEC = "best_compression";

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
        // Removes the bigrams that start at a paragraph end marker (c_ is kept, _d is not), leaving their position empty.
        filters.putObject("notice_break_grams").put("type", "pattern_replace").put("pattern", "^" + END + ".*").put("replacement", "");
        filters.putObject("notice_drop_empty").put("type", "length").put("min", 1);
        ObjectNode charFilters = analysis.putObject("char_filter");
        ArrayNode fold = charFilters.putObject("notice_fold").put("type", "mapping").putArray("mappings");
        foldMappings().forEach(fold::add);
        charFilters.putObject("notice_unkept").put("type", "pattern_replace").put("pattern", "[^\\p{L}\\p{Nd}〇\\n]+").put("replacement", "");
        charFilters.putObject("notice_paragraph_end").put("type", "pattern_replace").put("pattern", "(?<=[^\\n])(?:\\n+|\\z)")
                .put("replacement", END);
        charFilters.putObject("notice_leading_breaks").put("type", "pattern_replace").put("pattern", "\\n+").put("replacement", "");
        analysis.putObject("tokenizer").putObject("notice_bigrams").put("type", "ngram").put("min_gram", 2).put("max_gram", 2);
        ObjectNode analyzers = analysis.putObject("analyzer");
        ObjectNode grams = analyzers.putObject(GRAMS).put("type", "custom").put("tokenizer", "notice_bigrams");
        grams.putArray("char_filter").add("notice_fold").add("notice_unkept").add("notice_paragraph_end").add("notice_leading_breaks");
        grams.putArray("filter").add("notice_break_grams").add("notice_drop_empty");
        ObjectNode pre = analyzers.putObject(PRETOKENIZED).put("type", "custom").put("tokenizer", "whitespace");
        pre.putArray("filter").add("gap_marker");
        ObjectNode words = analyzers.putObject(WORDS).put("type", "custom").put("tokenizer", "smartcn_tokenizer");
        words.putArray("filter").add("porter_stem").add("notice_word_stop");

        ObjectNode mappings = root.putObject("mappings");
        mappings.put("dynamic", "strict");
        // No _source excludes: a filtered _source makes OpenSearch keep the whole document again as _recovery_source.
        ObjectNode props = mappings.putObject("properties");
        for (IndexField field : IndexField.values()) {
            if (!field.embeddedOnly()) {
                property(props.putObject(field.fieldName()), field);
            }
        }
        return root;
    }

    /**
     * {@code TextNormalizer.fold} as mapping rules: full-width ASCII (U+FF01–FF5E) to ASCII, A–Z to a–z, each rule to its
     * final character (a mapping char filter does not apply its rules to each other's output). fold's spaces (U+3000,
     * U+00A0) are left out: they are dropped as unkept either way, and fold never changes whether a character is kept.
     */
    static java.util.List<String> foldMappings() {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (char c = '\uFF01'; c <= '\uFF5E'; c++) {
            out.add(escape(c) + "=>" + escape(TextNormalizer.fold(c)));
        }
        for (char c = 'A'; c <= 'Z'; c++) {
            out.add(escape(c) + "=>" + escape(TextNormalizer.fold(c)));
        }
        return out;
    }

    private static String escape(char c) {
        return String.format(java.util.Locale.ROOT, "\\u%04X", (int) c);
    }

    /** The mapping of one field. */
    private static void property(ObjectNode p, IndexField field) {
        switch (field.kind()) {
            case KEYWORD -> p.put("type", "keyword");
            case STAMP_KEYWORD -> p.put("type", "keyword").put("index", false);
            case STAMP_LONG -> p.put("type", "long").put("index", false);
            // Titles for suggestions; a title longer than this is not suggested (Lucene's doc values take any length).
            case SORTED_TEXT -> p.put("type", "keyword").put("ignore_above", 2000);
            case INT -> p.put("type", "integer");
            case SORT_LONG -> p.put("type", "long");
            // Filled by copy_to from the record's text (OpenSearchDocuments): the document carries each text once.
            case GRAMS -> p.put("type", "text").put("analyzer", GRAMS).put("search_analyzer", PRETOKENIZED).put("index_options", "positions");
            // As in the embedded index: no positions, nothing asks a phrase of the word fields.
            case WORDS -> p.put("type", "text").put("analyzer", WORDS).put("index_options", "freqs");
            // Not indexed, but for the texts the analysed fields are copied from: each text travels once, in the record.
            case RECORD -> {
                p.put("type", "object").put("dynamic", false);
                ObjectNode texts = p.putObject("properties");
                for (IndexField f : IndexField.values()) {
                    if (f.analysed()) {
                        ObjectNode t = (ObjectNode) texts.get(OpenSearchDocuments.recordProperty(f));
                        if (t == null) {
                            t = texts.putObject(OpenSearchDocuments.recordProperty(f)).put("type", "text").put("index", false);
                            t.putArray("copy_to");
                        }
                        ((ArrayNode) t.get("copy_to")).add(f.fieldName());
                    }
                }
            }
            case PACKED_STAMP, SUMMARY -> throw new IllegalArgumentException(field + " is the embedded index's only");
        }
    }

    /** The concrete index for an alias and a fingerprint: {@code notices-v0123456789abcdef}. */
    public static String versionedName(String alias, String fingerprint) {
        return alias + "-v" + fingerprint;
    }

    /** Changes whenever the analysis, the mapping or index-config's index-time files change. */
    public static String fingerprint(IndexConfig config) {
        String s = "os" + MAPPING_VERSION + "\n" + config.fingerprint() + "\n" + body(config);
        return Hashes.sha256Hex(s).substring(0, 16);
    }

    /** The create-index request: analysis, mapping, shard and replica counts, codec, and the fingerprint in {@code _meta}. */
    public static ObjectNode createRequest(IndexConfig config, int shards, int replicas) {
        ObjectNode body = body(config);
        ObjectNode index = ((ObjectNode) body.get("settings")).putObject("index");
        index.put("number_of_shards", shards).put("number_of_replicas", replicas);
        // DEFLATE instead of LZ4 for the stored _source (the record, which holds the text): the store shrinks by a
        // fifth (BENCHMARKS.md) for a few tens of microseconds more per hit fetched.
        index.put("codec", STORED_CODEC);
        ((ObjectNode) body.get("mappings")).putObject("_meta").put(FINGERPRINT_META, fingerprint(config));
        return body;
    }
}
