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
import org.noticesearch.index.NoticeFields;
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
    void gramsArePreTokenizedWithAGapAfterEachParagraph() {
        // One token per kept character: the character and the next one, or the character alone at a paragraph end.
        assertEquals("三八 八国 国际 际", docs.pretokenized("“三八”国际"));
        assertEquals("ab b _ cd d", docs.pretokenized("AB\nc-d"));
        assertEquals("", docs.pretokenized("，。"));
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
        assertFalse(d.path(NoticeFields.BODY_GRAMS).asText().isEmpty());
        assertEquals(n, docs.toNotice(d));
    }
}
