package org.noticesearch.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;
import org.noticesearch.Json;
import org.noticesearch.ingest.Citation;
import org.noticesearch.ingest.Notice;

/** The only place that turns a {@link Notice} into a Lucene {@link Document} and a stored record back into a Notice. */
public final class NoticeDocuments {
    private final ObjectMapper mapper = Json.mapper();
    private final FacetsConfig facets = NoticeFields.facetsConfig();

    /** File facts kept with the document so that an unchanged file is skipped without re-reading it. */
    public record FileStamp(String hash, long mtime, long size) {}

    /** Separates the parts of the file_stamp value; cannot occur in a path, a hash or a number. */
    public static final String STAMP_SEPARATOR = "\u0000";

    /** The notice as a Lucene document: a loop over {@link IndexField}, each kind turned into Lucene fields. */
    public Document toDocument(Notice n, FileStamp stamp) {
        Document d = new Document();
        for (IndexField f : IndexField.values()) {
            String name = f.fieldName();
            for (Object v : f.values(n, stamp)) {
                switch (f.kind()) {
                    // A faceted keyword is only the facet field: it also indexes the drill-down terms the filters use.
                    case KEYWORD -> d.add(f.faceted() ? new SortedSetDocValuesFacetField(name, (String) v)
                            : new StringField(name, (String) v, f.stored() ? Field.Store.YES : Field.Store.NO));
                    case INT -> {
                        d.add(new IntPoint(name, ((Number) v).intValue()));
                        if (f.faceted()) {
                            d.add(new SortedSetDocValuesFacetField(name, v.toString()));
                        }
                    }
                    case SORT_LONG -> {
                        // Doc values to sort by, and points under the same name: with them Lucene skips the
                        // documents that cannot make the page (the landing page sorts every notice by date).
                        long value = ((Number) v).longValue();
                        d.add(new NumericDocValuesField(name, value));
                        d.add(new LongPoint(name, value));
                    }
                    case SORTED_TEXT -> d.add(new SortedDocValuesField(name, new BytesRef((String) v)));
                    case GRAMS -> d.add(new Field(name, (String) v, NoticeFields.TEXT_POSITIONS));
                    case WORDS -> d.add(new Field(name, (String) v, NoticeFields.TEXT_FREQS));
                    case RECORD -> d.add(new StoredField(name, recordBytes((Notice) v)));
                    // Doc values, not stored fields: a sync reads these for every document, and stored fields would
                    // decompress each record to get them.
                    case PACKED_STAMP -> d.add(new BinaryDocValuesField(name, new BytesRef((String) v)));
                    case SUMMARY -> d.add(new BinaryDocValuesField(name, new BytesRef(summaryBytes((Notice) v))));
                    case STAMP_KEYWORD, STAMP_LONG -> { } // held in the packed stamp
                }
            }
        }
        try {
            return facets.build(d);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A {@link Notice#summary()} as a flat binary value: its properties in a fixed order, each string as a VInt of its
     * UTF-8 length plus one (0 for null) and the bytes. Diffusion reads this for each of thousands of matches: JSON took
     * about 4 µs a notice to parse (a record of 35 properties, most of them absent), this a fraction of one.
     */
    static byte[] summaryBytes(Notice n) {
        ByteBuffersDataOutput out = new ByteBuffersDataOutput();
        try {
            for (String v : new String[]{n.id(), n.source(), n.title(), n.type(), n.issuer(), n.issuerLevel(), n.issuerKind(),
                    n.province(), n.docNumber(), n.docNumberAsWritten(), n.date()}) {
                writeString(out, v);
            }
            out.writeVInt(n.year() == null ? 0 : n.year() + 1);
            out.writeVInt(n.issuers().size());
            for (String i : n.issuers()) {
                writeString(out, i);
            }
            out.writeVInt(n.citations().size());
            for (Citation c : n.citations()) {
                writeString(out, c.title());
                writeString(out, c.docNumber());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // not thrown by an in-memory output
        }
        return out.toArrayCopy();
    }

    private static void writeString(ByteBuffersDataOutput out, String v) throws IOException {
        if (v == null) {
            out.writeVInt(0);
            return;
        }
        byte[] b = v.getBytes(StandardCharsets.UTF_8);
        out.writeVInt(b.length + 1);
        out.writeBytes(b, b.length);
    }

    /** A {@link NoticeFields#SUMMARY} doc value back as the notice's summary (no text). */
    public Notice toSummary(BytesRef b) {
        SummaryReader in = new SummaryReader(b);
        String id = in.string(), source = in.string(), title = in.string(), type = in.string(), issuer = in.string();
        String level = in.string(), kind = in.string(), province = in.string(), docNumber = in.string();
        String asWritten = in.string(), date = in.string();
        int y = in.in.readVInt();
        List<String> issuers = new ArrayList<>();
        for (int i = in.in.readVInt(); i > 0; i--) {
            issuers.add(in.string());
        }
        List<Citation> citations = new ArrayList<>();
        for (int i = in.in.readVInt(); i > 0; i--) {
            citations.add(new Citation(in.string(), in.string()));
        }
        return new Notice(id, source, null, null, title, type, null, issuer, null, issuers, level, kind, province, docNumber,
                asWritten, null, date, null, y == 0 ? null : y - 1, null, null, null, null, null, null, null, List.of(), null,
                null, null, null, citations, List.of(), List.of(), List.of());
    }

    /** Reads the strings of a summary value in place. */
    private static final class SummaryReader {
        final ByteArrayDataInput in;
        final byte[] bytes;

        SummaryReader(BytesRef b) {
            this.bytes = b.bytes;
            this.in = new ByteArrayDataInput(b.bytes, b.offset, b.length);
        }

        String string() {
            int n = in.readVInt() - 1;
            if (n < 0) {
                return null;
            }
            String s = new String(bytes, in.getPosition(), n, StandardCharsets.UTF_8);
            in.skipBytes(n);
            return s;
        }
    }

    private byte[] recordBytes(Notice n) {
        try {
            return mapper.writeValueAsBytes(n);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@link NoticeFields#FILE_STAMP} value: id, source, hash, mtime and size, apart by {@link #STAMP_SEPARATOR}. */
    static String packStamp(String id, String source, FileStamp stamp) {
        return String.join(STAMP_SEPARATOR, id, source, stamp.hash(), Long.toString(stamp.mtime()), Long.toString(stamp.size()));
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
