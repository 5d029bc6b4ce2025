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
import java.util.Set;
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
    void gramFieldsAreFilledInTheClusterFromTheirWordTwin() throws Exception {
        // The document carries each text once: the gram fields are copy_to targets of the word fields holding the same text.
        NoticeParser parser = new NoticeParser(cfg);
        Path file = Path.of("corpus/000_15c9de7d74b4cd66.txt");
        Notice n = parser.parse(new RawNotice("000_15c9de7d74b4cd66.txt", file, Files.readAllBytes(file)));
        ObjectNode d = docs.toDocument(n, new NoticeDocuments.FileStamp("h", 1, 2));
        JsonNode props = OpenSearchIndexDefinition.createRequest(cfg, 1, 0).path("mappings").path("properties");
        int twins = 0;
        for (IndexField f : IndexField.values()) {
            if (f.kind() == IndexField.Kind.GRAMS) {
                assertFalse(d.has(f.fieldName()), f + " is not sent");
                assertEquals(f.values(n, null), f.wordsTwin().values(n, null), f + " holds its twin's text");
                assertEquals(f.fieldName(), props.path(f.wordsTwin().fieldName()).path("copy_to").asText());
                assertEquals(OpenSearchIndexDefinition.GRAMS, props.path(f.fieldName()).path("analyzer").asText());
                assertEquals(OpenSearchIndexDefinition.PRETOKENIZED, props.path(f.fieldName()).path("search_analyzer").asText());
                twins++;
            }
        }
        assertEquals(2, twins);
        assertEquals(n.searchableText(), d.path(NoticeFields.BODY_WORDS).asText());
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
        // file_stamp packs hash, mtime and size into one doc value for the embedded index; the mapping has them apart.
        Set<String> notFields = Set.of(NoticeFields.COMMIT_FINGERPRINT, NoticeFields.FILE_STAMP);
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
