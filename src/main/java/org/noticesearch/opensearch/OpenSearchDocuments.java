package org.noticesearch.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
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
    private final Analyzer grams;

    public OpenSearchDocuments(Analysis analysis) {
        this.grams = analysis.grams();
    }

    /** The notice as an OpenSearch document: a loop over {@link IndexField}, with the names and values of the embedded index. */
    public ObjectNode toDocument(Notice n, NoticeDocuments.FileStamp stamp) {
        ObjectNode d = mapper.createObjectNode();
        for (IndexField f : IndexField.values()) {
            if (f.kind() == IndexField.Kind.PACKED_STAMP) {
                continue; // the embedded index's packing of hash, mtime and size, which are fields here
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
        return switch (f.kind()) {
            case GRAMS -> mapper.getNodeFactory().textNode(pretokenized((String) v));
            case RECORD -> mapper.valueToTree(v);
            default -> mapper.valueToTree(v); // strings, ints and longs as they are
        };
    }

    /** The gram tokens of a text joined by spaces, a position gap written as {@link OpenSearchIndexDefinition#GAP} markers. */
    String pretokenized(String text) {
        StringBuilder sb = new StringBuilder(text.length() * 3);
        try (TokenStream ts = grams.tokenStream(NoticeFields.BODY_GRAMS, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                int gaps = inc.getPositionIncrement() - 1;
                for (int i = 0; i < gaps; i++) {
                    sb.append(OpenSearchIndexDefinition.GAP).append(' ');
                }
                sb.append(term).append(' ');
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing a string in memory cannot fail", e);
        }
        if (!sb.isEmpty()) {
            sb.setLength(sb.length() - 1);
        }
        return sb.toString();
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
