package org.noticesearch.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.noticesearch.Json;
import org.noticesearch.analysis.Analysis;
import org.noticesearch.index.NoticeDocuments;
import org.noticesearch.index.IndexField;
import org.noticesearch.index.NoticeFields;
import org.noticesearch.ingest.Notice;

/**
 * The only place that turns a {@link Notice} into an OpenSearch document and a hit's {@code _source} back
 * into a Notice. Both are loops over {@link IndexField}: same names, same values.
 */
public final class OpenSearchDocuments {
    private final ObjectMapper mapper = Json.mapper();

    public OpenSearchDocuments() {}

    /** Kept for callers that pass the analyzers: the cluster now analyses every text field itself. */
    public OpenSearchDocuments(Analysis analysis) {
        this();
    }

    /** The notice as an OpenSearch document: a loop over {@link IndexField}, with the names and values of the embedded index. */
    public ObjectNode toDocument(Notice n, NoticeDocuments.FileStamp stamp) {
        ObjectNode d = mapper.createObjectNode();
        for (IndexField f : IndexField.values()) {
            if (f.kind() == IndexField.Kind.PACKED_STAMP) {
                continue; // the embedded index's packing of hash, mtime and size, which are fields here
            }
            if (f.kind() == IndexField.Kind.GRAMS) {
                continue; // analysed in the cluster from the word twin's text (copy_to), see OpenSearchIndexDefinition
            }
            List<Object> values = f.values(n, stamp);
            if (values.isEmpty()) {
                continue;
            }
            if (f.multiValued()) {
                ArrayNode a = d.putArray(f.fieldName());
                values.forEach(v -> a.add(value(f, v)));
            } else {
                d.set(f.fieldName(), value(f, values.get(0)));
            }
        }
        return d;
    }

    private JsonNode value(IndexField f, Object v) {
        return mapper.valueToTree(v); // strings, ints, longs and the record as they are
    }

    /** The parsed record stored with a hit. */
    public Notice toNotice(JsonNode source) {
        JsonNode record = source.path(NoticeFields.RECORD);
        if (!record.isObject()) {
            throw new IllegalStateException("an OpenSearch document has no '" + NoticeFields.RECORD + "': " + source);
        }
        try {
            return mapper.treeToValue(record, Notice.class);
        } catch (IOException e) {
            throw new UncheckedIOException("stored record cannot be read", e);
        }
    }
}
