package org.noticesearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;
import org.junit.jupiter.api.Test;
import org.noticesearch.ingest.Notice;
import org.noticesearch.ingest.NoticeParser;
import org.noticesearch.ingest.RawNotice;
import org.noticesearch.search.SearchTestSupport;

/** The schema is the one declaration of the fields: names, facets and documents all follow it. */
class IndexFieldTest {

    private static Set<String> schemaNames() {
        return Arrays.stream(IndexField.values()).map(IndexField::fieldName).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void everyFieldNameIsDeclaredOnceInTheSchema() throws Exception {
        assertEquals(IndexField.values().length, schemaNames().size(), "a field name declared twice");
        Set<String> names = new TreeSet<>();
        for (Field f : NoticeFields.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class && !f.getName().startsWith("COMMIT_")
                    && !f.getName().equals("STAMP_SEPARATOR")) {
                names.add((String) f.get(null));
            }
        }
        assertEquals(names, schemaNames());
    }

    @Test
    void facetDimensionsAreTheFacetedFields() {
        Set<String> faceted = Arrays.stream(IndexField.values()).filter(IndexField::faceted).map(IndexField::fieldName)
                .collect(Collectors.toSet());
        assertEquals(faceted, new HashSet<>(Arrays.asList(NoticeFields.FACET_DIMS)));
        assertTrue(NoticeFields.facetsConfig().getDimConfig(NoticeFields.CAMPAIGN).multiValued);
        assertFalse(NoticeFields.facetsConfig().getDimConfig(NoticeFields.ISSUER).multiValued);
    }

    @Test
    void theLuceneDocumentHoldsOnlySchemaFields() throws Exception {
        Path file;
        try (Stream<Path> s = Files.list(SearchTestSupport.CORPUS)) {
            file = s.filter(p -> p.toString().endsWith(".txt")).sorted().findFirst().orElseThrow();
        }
        Notice n = new NoticeParser(SearchTestSupport.CONFIG).parse(new RawNotice(file.getFileName().toString(), file, Files.readAllBytes(file)));
        Document d = new NoticeDocuments().toDocument(n, new NoticeDocuments.FileStamp("h", 1, 2));
        Set<String> names = new TreeSet<>();
        for (IndexableField f : d.getFields()) {
            names.add(f.name());
        }
        names.remove("$facets"); // the facet module's own field: the faceted keywords are indexed into it
        assertTrue(schemaNames().containsAll(names), names + " has a field the schema does not declare");
        assertTrue(names.containsAll(Set.of(NoticeFields.ID, NoticeFields.SOURCE, NoticeFields.FILE_STAMP, NoticeFields.RECORD,
                NoticeFields.TITLE_GRAMS, NoticeFields.BODY_GRAMS, NoticeFields.TITLE_WORDS, NoticeFields.BODY_WORDS)), names.toString());
        assertFalse(names.contains(NoticeFields.HASH), "hash, mtime and size are packed in file_stamp");
        // Positions only where phrases are asked: the gram fields (exact substrings); the word fields rank by frequency.
        for (String f : List.of(NoticeFields.TITLE_WORDS, NoticeFields.BODY_WORDS)) {
            assertEquals(IndexOptions.DOCS_AND_FREQS, d.getField(f).fieldType().indexOptions(), f);
        }
        for (String f : List.of(NoticeFields.TITLE_GRAMS, NoticeFields.BODY_GRAMS)) {
            assertEquals(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS, d.getField(f).fieldType().indexOptions(), f);
        }
    }

    @Test
    void analysisKnowsNothingOfTheIndex() throws Exception {
        try (Stream<Path> s = Files.walk(Path.of("src/main/java/org/noticesearch/analysis"))) {
            for (Path p : s.filter(x -> x.toString().endsWith(".java")).toList()) {
                assertFalse(Files.readString(p).contains("org.noticesearch.index"), p + " reaches up into the index package");
            }
        }
    }
}
