package org.noticesearch.opensearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.noticesearch.index.NoticeFields;

/**
 * The document-number series the cluster knows (agency codes, agency〔year〕 of numbers and of citations), as a
 * tiny in-memory Lucene reader. {@link org.noticesearch.search.QueryFactory} asks a reader whether such a term is
 * indexed (so that 渝妇发 2020 is a number series and 脱贫2020 stays text); this reader answers that question with
 * the cluster's terms, so the query is built by the same code for both backends.
 */
final class KnownAgencies {
    private KnownAgencies() {}

    /** The fields whose terms QueryFactory looks up. */
    static final List<String> FIELDS = List.of(NoticeFields.DOCNUM_AGENCY, NoticeFields.DOCNUM_PREFIX, NoticeFields.CITED_PREFIX);

    static DirectoryReader readerOf(Map<String, ? extends Collection<String>> termsByField) {
        try {
            ByteBuffersDirectory dir = new ByteBuffersDirectory();
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig())) {
                for (Map.Entry<String, ? extends Collection<String>> e : termsByField.entrySet()) {
                    for (String t : e.getValue()) {
                        Document d = new Document();
                        d.add(new StringField(e.getKey(), t, Field.Store.NO));
                        w.addDocument(d);
                    }
                }
            }
            return DirectoryReader.open(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("an in-memory index cannot fail", e);
        }
    }
}
