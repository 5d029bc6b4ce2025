package org.noticesearch.opensearch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.noticesearch.index.NoticeFields;

/**
 * The document-number agency codes the cluster knows, as a tiny in-memory Lucene reader.
 * {@link org.noticesearch.search.QueryFactory} asks a reader whether an agency code is indexed (so that
 * 渝妇发 2020 is a number series and 脱贫2020 stays text); this reader answers that one question with the
 * cluster's agency codes, so the query is built by the same code for both backends.
 */
final class KnownAgencies {
    private KnownAgencies() {}

    static DirectoryReader readerOf(Set<String> agencies) {
        try {
            ByteBuffersDirectory dir = new ByteBuffersDirectory();
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig())) {
                for (String a : agencies) {
                    Document d = new Document();
                    d.add(new StringField(NoticeFields.DOCNUM_AGENCY, a, Field.Store.NO));
                    w.addDocument(d);
                }
            }
            return DirectoryReader.open(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("an in-memory index cannot fail", e);
        }
    }
}
