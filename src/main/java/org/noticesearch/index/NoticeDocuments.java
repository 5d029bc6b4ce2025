package org.noticesearch.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.util.BytesRef;
import org.noticesearch.Json;
import org.noticesearch.ingest.Notice;

/** The only place that turns a {@link Notice} into a Lucene {@link Document} and a stored record back into a Notice. */
public final class NoticeDocuments {
    private final ObjectMapper mapper = Json.mapper();
    private final FacetsConfig facets = NoticeFields.facetsConfig();

    /** File facts kept with the document so that an unchanged file is skipped without re-reading it. */
    public record FileStamp(String hash, long mtime, long size) {}

    /** Separates the parts of the file_stamp value; cannot occur in a path, a hash or a number. */
    public static final String STAMP_SEPARATOR = "\u0000";

    public Document toDocument(Notice n, FileStamp stamp) {
        Document d = new Document();
        d.add(new StringField(NoticeFields.ID, n.id(), Field.Store.YES));
        d.add(new StringField(NoticeFields.SOURCE, n.source(), Field.Store.YES));
        // Doc values, not stored fields: a sync reads these for every document, and stored fields would
        // decompress each record to get them.
        d.add(new BinaryDocValuesField(NoticeFields.FILE_STAMP, new BytesRef(String.join(STAMP_SEPARATOR,
                n.id(), n.source(), stamp.hash(), Long.toString(stamp.mtime()), Long.toString(stamp.size())))));
        try {
            d.add(new StoredField(NoticeFields.RECORD, mapper.writeValueAsBytes(n)));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        String title = n.title() == null ? "" : n.title();
        // Every line of the notice but the title (which has its own fields), so that any run of its characters is found.
        String body = n.searchableText();
        d.add(new Field(NoticeFields.TITLE_GRAMS, title, NoticeFields.TEXT_POSITIONS));
        d.add(new Field(NoticeFields.BODY_GRAMS, body, NoticeFields.TEXT_POSITIONS));
        d.add(new Field(NoticeFields.TITLE_WORDS, title, NoticeFields.TEXT_POSITIONS));
        d.add(new Field(NoticeFields.BODY_WORDS, body, NoticeFields.TEXT_POSITIONS));
        if (!title.isEmpty()) {
            d.add(new SortedDocValuesField(NoticeFields.TITLE_DV, new BytesRef(title)));
        }
        if (n.docNumberParts() != null) {
            d.add(new StringField(NoticeFields.DOCNUM, n.docNumber(), Field.Store.NO));
            d.add(new StringField(NoticeFields.DOCNUM_AGENCY, n.docNumberParts().agency(), Field.Store.NO));
            d.add(new StringField(NoticeFields.DOCNUM_PREFIX, n.docNumberParts().series(), Field.Store.NO));
            d.add(new NumericDocValuesField(NoticeFields.DOCNUM_ORDER, NoticeFields.docNumberOrder(n.docNumberParts())));
        }
        Set<String> cited = n.citedDocNumbers();
        Set<String> citedSeries = n.citedSeries();
        for (String c : cited) {
            d.add(new StringField(NoticeFields.CITED_DOCNUM, c, Field.Store.NO));
        }
        for (String c : citedSeries) {
            d.add(new StringField(NoticeFields.CITED_PREFIX, c, Field.Store.NO));
        }
        keywordFacet(d, NoticeFields.ISSUER, n.issuer());
        keywordFacet(d, NoticeFields.PROVINCE, n.province());
        keywordFacet(d, NoticeFields.TYPE, n.type());
        for (String c : n.campaigns()) {
            keywordFacet(d, NoticeFields.CAMPAIGN, c);
        }
        if (n.year() != null) {
            d.add(new IntPoint(NoticeFields.YEAR, n.year()));
            d.add(new SortedSetDocValuesFacetField(NoticeFields.YEAR, String.valueOf(n.year())));
        }
        if (n.date() != null) {
            int ymd = ymd(n.date());
            d.add(new IntPoint(NoticeFields.DATE, ymd));
            d.add(new NumericDocValuesField(NoticeFields.SORT_DATE, ymd));
        } else if (n.year() != null) {
            d.add(new IntPoint(NoticeFields.UNDATED_YEAR, n.year()));
            d.add(new NumericDocValuesField(NoticeFields.SORT_DATE, n.year() * 10000L));
        }
        try {
            return facets.build(d);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void keywordFacet(Document d, String field, String value) {
        if (value != null && !value.isBlank()) {
            // The facet field also indexes drill-down terms, which the filters use: no separate keyword field.
            d.add(new SortedSetDocValuesFacetField(field, value));
        }
    }

    /** 2020-03-11 → 20200311. */
    public static int ymd(String isoDate) {
        return Integer.parseInt(isoDate.replace("-", ""));
    }

    public Notice toNotice(Document stored) {
        BytesRef b = stored.getBinaryValue(NoticeFields.RECORD);
        try {
            return mapper.readValue(b.bytes, b.offset, b.length, Notice.class);
        } catch (IOException e) {
            throw new UncheckedIOException("stored record of " + stored.get(NoticeFields.ID) + " cannot be read", e);
        }
    }
}
