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
 *
 * <p>The document carries each text once, in the record: the analysed fields (words and grams of the title and of
 * the searchable text) are filled in the cluster by {@code copy_to} from the record's {@code title} and
 * {@value #SEARCHABLE} (see {@link #recordProperty}). The body paragraphs, which the searchable text holds verbatim,
 * are then left out of the record and cut back out of it on reading ({@value #PARAGRAPHS_AT} holds where). So nothing
 * is excluded from {@code _source}, and OpenSearch keeps no second copy of the document for replica recovery
 * ({@code _recovery_source}, which it writes only for a filtered {@code _source}).
 */
public final class OpenSearchDocuments {
    /** The record property holding {@link Notice#searchableText()}, the source of the body's analysed fields. */
    public static final String SEARCHABLE = "searchableText";
    /** The record property holding the start and end of the body paragraphs in {@value #SEARCHABLE}. */
    public static final String PARAGRAPHS_AT = "paragraphsAt";
    private static final String PARAGRAPHS = "paragraphs";
    private static final String TITLE = "title";

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
            if (f.embeddedOnly()) {
                continue; // the embedded index's packings of values that are fields or record properties here
            }
            if (f.analysed()) {
                continue; // copied in the cluster from the record's text (copy_to)
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
        return f.kind() == IndexField.Kind.RECORD ? record((Notice) v) : mapper.valueToTree(v);
    }

    /**
     * The record property an analysed field is copied from (its value there is the field's value, a missing title
     * being no text); an {@link IllegalArgumentException} for a field that is not analysed.
     */
    public static String recordProperty(IndexField f) {
        return switch (f) {
            case TITLE_WORDS, TITLE_GRAMS -> TITLE;
            case BODY_WORDS, BODY_GRAMS -> SEARCHABLE;
            default -> throw new IllegalArgumentException(f + " is not copied from the record");
        };
    }

    /** The notice as JSON with its searchable text, the paragraphs replaced by where they are in it when that is exact. */
    ObjectNode record(Notice n) {
        ObjectNode r = mapper.valueToTree(n);
        String text = n.searchableText();
        r.put(SEARCHABLE, text);
        List<String> all = n.searchableParagraphs();
        List<String> paragraphs = n.paragraphs();
        int m = paragraphs.size();
        for (int k = 0, from = 0; m > 0 && k + m <= all.size(); from += all.get(k).length() + 1, k++) {
            if (all.subList(k, k + m).equals(paragraphs)) {
                int to = from + String.join("\n", paragraphs).length();
                // Exact only when no paragraph holds a newline of its own; else the record keeps them.
                if (cut(text, from, to).equals(paragraphs)) {
                    r.remove(PARAGRAPHS);
                    r.putArray(PARAGRAPHS_AT).add(from).add(to);
                }
                break;
            }
        }
        return r;
    }

    private static List<String> cut(String text, int from, int to) {
        return List.of(text.substring(from, to).split("\n", -1));
    }

    /** The parsed record stored with a hit. */
    public Notice toNotice(JsonNode source) {
        JsonNode record = source.path(NoticeFields.RECORD);
        if (!record.isObject()) {
            throw new IllegalStateException("an OpenSearch document has no '" + NoticeFields.RECORD + "': " + source);
        }
        ObjectNode r = ((ObjectNode) record).deepCopy();
        JsonNode at = r.remove(PARAGRAPHS_AT);
        JsonNode text = r.remove(SEARCHABLE);
        if (at != null) {
            ArrayNode paragraphs = r.putArray(PARAGRAPHS);
            cut(text.asText(), at.path(0).asInt(), at.path(1).asInt()).forEach(paragraphs::add);
        }
        try {
            return mapper.treeToValue(r, Notice.class);
        } catch (IOException e) {
            throw new UncheckedIOException("stored record cannot be read", e);
        }
    }
}
