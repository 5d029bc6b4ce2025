package org.noticesearch.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.noticesearch.Json;
import org.noticesearch.analysis.Analysis;
import org.noticesearch.index.NoticeDocuments;
import org.noticesearch.index.NoticeFields;
import org.noticesearch.ingest.Notice;

/**
 * The only place that turns a {@link Notice} into an OpenSearch document and a hit's {@code _source} back
 * into a Notice. Field for field it is {@link NoticeDocuments}: same names, same values.
 */
public final class OpenSearchDocuments {
    private final ObjectMapper mapper = Json.mapper();
    private final Analyzer grams;

    public OpenSearchDocuments(Analysis analysis) {
        this.grams = analysis.grams();
    }

    public ObjectNode toDocument(Notice n, NoticeDocuments.FileStamp stamp) {
        ObjectNode d = mapper.createObjectNode();
        d.put(NoticeFields.ID, n.id());
        d.put(NoticeFields.SOURCE, n.source());
        d.put(NoticeFields.HASH, stamp.hash());
        d.put(NoticeFields.MTIME, stamp.mtime());
        d.put(NoticeFields.SIZE, stamp.size());
        d.set(NoticeFields.RECORD, mapper.valueToTree(n));
        String title = n.title() == null ? "" : n.title();
        // Every line of the notice but the title (which has its own fields), so that any run of its characters is found.
        String body = n.searchableText();
        d.put(NoticeFields.TITLE_GRAMS, pretokenized(title));
        d.put(NoticeFields.BODY_GRAMS, pretokenized(body));
        d.put(NoticeFields.TITLE_WORDS, title);
        d.put(NoticeFields.BODY_WORDS, body);
        if (!title.isEmpty()) {
            d.put(NoticeFields.TITLE_DV, title);
        }
        if (n.docNumberParts() != null) {
            d.put(NoticeFields.DOCNUM, n.docNumber());
            d.put(NoticeFields.DOCNUM_AGENCY, n.docNumberParts().agency());
            d.put(NoticeFields.DOCNUM_PREFIX, n.docNumberParts().series());
        }
        Set<String> cited = n.citedDocNumbers();
        Set<String> citedSeries = n.citedSeries();
        if (!cited.isEmpty()) {
            ArrayNode a = d.putArray(NoticeFields.CITED_DOCNUM);
            cited.forEach(a::add);
        }
        if (!citedSeries.isEmpty()) {
            ArrayNode a = d.putArray(NoticeFields.CITED_PREFIX);
            citedSeries.forEach(a::add);
        }
        keyword(d, NoticeFields.ISSUER, n.issuer());
        keyword(d, NoticeFields.PROVINCE, n.province());
        keyword(d, NoticeFields.TYPE, n.type());
        ArrayNode campaigns = mapper.createArrayNode();
        for (String c : n.campaigns()) {
            if (c != null && !c.isBlank()) {
                campaigns.add(c);
            }
        }
        if (!campaigns.isEmpty()) {
            d.set(NoticeFields.CAMPAIGN, campaigns);
        }
        if (n.year() != null) {
            d.put(NoticeFields.YEAR, n.year());
        }
        if (n.docNumberParts() != null) {
            d.put(NoticeFields.DOCNUM_ORDER, NoticeFields.docNumberOrder(n.docNumberParts()));
        }
        if (n.date() != null) {
            int ymd = NoticeDocuments.ymd(n.date());
            d.put(NoticeFields.DATE, ymd);
            d.put(NoticeFields.SORT_DATE, (long) ymd);
        } else if (n.year() != null) {
            d.put(NoticeFields.UNDATED_YEAR, n.year());
            d.put(NoticeFields.SORT_DATE, n.year() * 10000L);
        }
        return d;
    }

    private static void keyword(ObjectNode d, String field, String value) {
        if (value != null && !value.isBlank()) {
            d.put(field, value);
        }
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
