package org.noticesearch.opensearch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.noticesearch.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.noticesearch.analysis.Analysis;
import org.noticesearch.config.IndexConfig;
import org.noticesearch.index.NoticeDocuments;
import org.noticesearch.analysis.GramTokenizer;
import org.noticesearch.index.IndexField;
import org.noticesearch.index.NoticeFields;
import org.noticesearch.ingest.TextNormalizer;
import org.noticesearch.ingest.Notice;
import org.noticesearch.ingest.NoticeParser;
import org.noticesearch.ingest.RawNotice;

/** Documents and mapping mirror the embedded index: every field, the same gram tokens, the record round-trips. */
class OpenSearchDocumentsTest {
    static IndexConfig cfg;
    static Analysis analysis;
    static OpenSearchDocuments docs;

    @BeforeAll
    static void setUp() {
        cfg = IndexConfig.load(Path.of("index-config"));
        analysis = new Analysis(cfg);
        docs = new OpenSearchDocuments(analysis);
    }

    @AfterAll
    static void tearDown() {
        analysis.close();
    }

    @Test
    void eachTextTravelsOnceInTheRecordAndIsCopiedToTheAnalysedFields() throws Exception {
        NoticeParser parser = new NoticeParser(cfg);
        JsonNode mapping = OpenSearchIndexDefinition.createRequest(cfg, 1, 0).path("mappings");
        JsonNode recordTexts = mapping.path("properties").path(NoticeFields.RECORD).path("properties");
        assertTrue(mapping.path("_source").isMissingNode(), "_source is not filtered (a filtered one is kept twice)");
        int analysed = 0;
        for (IndexField f : IndexField.values()) {
            if (f.analysed()) {
                JsonNode copyTo = recordTexts.path(OpenSearchDocuments.recordProperty(f)).path("copy_to");
                assertTrue(copyTo.toString().contains("\"" + f.fieldName() + "\""), f + " is copied from the record: " + recordTexts);
                analysed++;
            }
        }
        assertEquals(4, analysed);
        int cut = 0;
        int notices = 0;
        try (var files = Files.list(Path.of("corpus"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                Notice n = parser.parse(new RawNotice(file.getFileName().toString(), file, Files.readAllBytes(file)));
                ObjectNode d = docs.toDocument(n, new NoticeDocuments.FileStamp("h", 1, 2));
                JsonNode record = d.path(NoticeFields.RECORD);
                for (IndexField f : IndexField.values()) {
                    if (f.analysed()) {
                        assertFalse(d.has(f.fieldName()), f + " is not sent");
                        // The record's text is the field's value (a missing title is no text, as the empty one).
                        String copied = record.path(OpenSearchDocuments.recordProperty(f)).asText("");
                        assertEquals(f.values(n, null), List.of(copied), f + " of " + file);
                    }
                }
                assertEquals(n, docs.toNotice(d), "the record reads back whole: " + file);
                if (!record.has("paragraphs")) {
                    cut++;
                }
                notices++;
            }
        }
        assertEquals(notices, cut, "every bundled notice's paragraphs are cut from its searchable text, not sent twice");
    }

    @Test
    void paragraphsThatCannotBeCutExactlyStayInTheRecord() throws Exception {
        NoticeParser parser = new NoticeParser(cfg);
        Path file = Path.of("corpus/000_15c9de7d74b4cd66.txt");
        Notice n = parser.parse(new RawNotice("000_15c9de7d74b4cd66.txt", file, Files.readAllBytes(file)));
        ObjectNode json = Json.mapper().valueToTree(n);
        for (List<String> paragraphs : List.of(List.<String>of(), List.of("一行\n又一行", "第二段"), List.of(""), List.of("甲", "", "乙"))) {
            json.set("paragraphs", Json.mapper().valueToTree(paragraphs));
            Notice odd = Json.mapper().treeToValue(json, Notice.class);
            ObjectNode d = docs.toDocument(odd, new NoticeDocuments.FileStamp("h", 1, 2));
            assertEquals(odd, docs.toNotice(d), "paragraphs " + paragraphs);
        }
    }

    @Test
    void theFoldMappingIsTextNormalizerFoldAndFoldNeverChangesWhetherACharacterIsKept() {
        // The cluster folds before it drops unkept characters, GramTokenizer tests the character before folding:
        // the same, because fold keeps letters and digits letters and digits, and everything else not.
        java.util.Map<Character, Character> mapped = new java.util.HashMap<>();
        for (String rule : OpenSearchIndexDefinition.foldMappings()) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\\\u([0-9A-F]{4})=>\\\\u([0-9A-F]{4})").matcher(rule);
            assertTrue(m.matches(), rule);
            mapped.put((char) Integer.parseInt(m.group(1), 16), (char) Integer.parseInt(m.group(2), 16));
        }
        int changed = 0;
        for (int c = 0; c <= 0xFFFF; c++) {
            char f = TextNormalizer.fold((char) c);
            if (GramTokenizer.isKept(c) != GramTokenizer.isKept(f)) {
                throw new AssertionError("fold changes whether U+" + Integer.toHexString(c) + " is kept");
            }
            if (f != c && f != ' ') {
                assertEquals(f, mapped.get((char) c), "U+" + Integer.toHexString(c));
                changed++;
            }
        }
        assertEquals(changed, mapped.size(), "no rule for a character fold leaves alone");
        assertEquals('a', mapped.get('\uFF21'));
        assertEquals('7', mapped.get('\uFF17'));
    }

    @Test
    void everyIndexedFieldOfTheEmbeddedIndexIsMapped() throws Exception {
        JsonNode props = OpenSearchIndexDefinition.createRequest(cfg, 2, 1).path("mappings").path("properties");
        // file_stamp packs hash, mtime and size into one doc value for the embedded index, where the mapping has them
        // apart; the summary packs properties OpenSearch reads from the record in _source.
        Set<String> notFields = new java.util.HashSet<>(Set.of(NoticeFields.COMMIT_FINGERPRINT));
        for (org.noticesearch.index.IndexField f : org.noticesearch.index.IndexField.values()) {
            if (f.embeddedOnly()) {
                notFields.add(f.fieldName());
            }
        }
        assertEquals(Set.of(NoticeFields.COMMIT_FINGERPRINT, NoticeFields.FILE_STAMP, NoticeFields.SUMMARY), notFields);
        for (Field f : NoticeFields.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                String name = (String) f.get(null);
                if (!notFields.contains(name)) {
                    assertTrue(props.has(name), "NoticeFields." + f.getName() + " (" + name + ") is not in the OpenSearch mapping");
                }
            }
        }
        JsonNode settings = OpenSearchIndexDefinition.createRequest(cfg, 2, 1).path("settings");
        assertEquals(2, settings.path("index").path("number_of_shards").asInt());
        assertEquals(1, settings.path("index").path("number_of_replicas").asInt());
        assertEquals("smartcn_tokenizer", settings.path("analysis").path("analyzer").path("words").path("tokenizer").asText());
    }

    @Test
    void fingerprintFollowsTheIndexTimeConfigButNotShardCounts(@TempDir Path tmp) throws Exception {
        String a = OpenSearchIndexDefinition.fingerprint(cfg);
        assertEquals(a, OpenSearchIndexDefinition.fingerprint(IndexConfig.load(Path.of("index-config"))));
        Path other = tmp.resolve("cfg");
        Files.createDirectories(other);
        try (var s = Files.list(Path.of("index-config"))) {
            for (Path p : s.toList()) {
                Files.copy(p, other.resolve(p.getFileName()));
            }
        }
        Files.writeString(other.resolve(IndexConfig.STOPWORDS), "\n某某\n", java.nio.file.StandardOpenOption.APPEND);
        assertNotEquals(a, OpenSearchIndexDefinition.fingerprint(IndexConfig.load(other)));
        assertTrue(OpenSearchIndexDefinition.wordStopwords(IndexConfig.load(other)).contains("某某"));
    }

    @Test
    void documentCarriesTheFieldsAndTheRecord() throws Exception {
        NoticeParser parser = new NoticeParser(cfg);
        Path file = Path.of("corpus/000_15c9de7d74b4cd66.txt");
        Notice n = parser.parse(new RawNotice("000_15c9de7d74b4cd66.txt", file, Files.readAllBytes(file)));
        ObjectNode d = docs.toDocument(n, new NoticeDocuments.FileStamp("h", 1, 2));
        assertEquals(n.id(), d.path(NoticeFields.ID).asText());
        assertEquals(n.docNumber(), d.path(NoticeFields.DOCNUM).asText());
        assertEquals(n.issuer(), d.path(NoticeFields.ISSUER).asText());
        assertEquals(n, docs.toNotice(d));
    }
}
