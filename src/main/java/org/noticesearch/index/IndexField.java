package org.noticesearch.index;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.noticesearch.analysis.Analysis;
import org.noticesearch.ingest.Notice;

/**
 * The index schema: every field of a notice document once, with its kind (how it is indexed), whether it is stored,
 * faceted or multi-valued, and how its values are taken from a {@link Notice} and its file stamp. The Lucene document
 * ({@link NoticeDocuments}), the OpenSearch document and the OpenSearch mapping are loops over {@link #values()}, so a
 * field added here appears in both engines. The names live in {@link NoticeFields}, where the search code reads them.
 *
 * <p>The constants are in the order of the OpenSearch mapping's properties: that order is part of the mapping body,
 * whose hash is the index fingerprint, so reordering them rebuilds existing OpenSearch indexes once.
 */
public enum IndexField {
    // id: lookup and updates; source: the path under the corpus, for incremental sync.
    ID(NoticeFields.ID, Kind.KEYWORD, Flag.STORED, (n, s) -> n.id()),
    SOURCE(NoticeFields.SOURCE, Kind.KEYWORD, Flag.STORED, (n, s) -> n.source()),
    // The canonical 发文字号, its agency (鲁妇通字) and series (鲁妇通字〔2020〕) for partial numbers, and the numbers and
    // series a notice cites, for "notices that cite this one".
    DOCNUM(NoticeFields.DOCNUM, Kind.KEYWORD, (n, s) -> n.docNumberParts() == null ? null : n.docNumber()),
    DOCNUM_AGENCY(NoticeFields.DOCNUM_AGENCY, Kind.KEYWORD, (n, s) -> n.docNumberParts() == null ? null : n.docNumberParts().agency()),
    DOCNUM_PREFIX(NoticeFields.DOCNUM_PREFIX, Kind.KEYWORD, (n, s) -> n.docNumberParts() == null ? null : n.docNumberParts().series()),
    CITED_DOCNUM(NoticeFields.CITED_DOCNUM, Kind.KEYWORD, Flag.MULTI, (n, s) -> n.citedDocNumbers()),
    CITED_PREFIX(NoticeFields.CITED_PREFIX, Kind.KEYWORD, Flag.MULTI, (n, s) -> n.citedSeries()),
    /** The titles a notice cites, in their matching form: who cites a notice by its title alone (diffusion's trees). */
    CITED_TITLE(NoticeFields.CITED_TITLE, Kind.KEYWORD, Flag.MULTI, (n, s) -> n.citations().stream()
            .map(c -> c.title() == null ? "" : org.noticesearch.analysis.GramTokenizer.normalize(c.title()))
            .filter(t -> !t.isEmpty()).distinct().toList()),
    // Filters and facets.
    ISSUER(NoticeFields.ISSUER, Kind.KEYWORD, Flag.FACET, (n, s) -> n.issuer()),
    PROVINCE(NoticeFields.PROVINCE, Kind.KEYWORD, Flag.FACET, (n, s) -> n.province()),
    TYPE(NoticeFields.TYPE, Kind.KEYWORD, Flag.FACET, (n, s) -> n.type()),
    CAMPAIGN(NoticeFields.CAMPAIGN, Kind.KEYWORD, Flag.MULTI_FACET, (n, s) -> n.campaigns()),
    HASH(NoticeFields.HASH, Kind.STAMP_KEYWORD, (n, s) -> s.hash()),
    MTIME(NoticeFields.MTIME, Kind.STAMP_LONG, (n, s) -> s.mtime()),
    SIZE(NoticeFields.SIZE, Kind.STAMP_LONG, (n, s) -> s.size()),
    /** Lucene only: the stamp parts with id and source, packed in one doc value (see {@link NoticeDocuments#packStamp}). */
    FILE_STAMP(NoticeFields.FILE_STAMP, Kind.PACKED_STAMP, (n, s) -> NoticeDocuments.packStamp(n.id(), n.source(), s)),
    // Titles for suggestions.
    TITLE_DV(NoticeFields.TITLE_DV, Kind.SORTED_TEXT, (n, s) -> n.title() == null || n.title().isEmpty() ? null : n.title()),
    // Year filter and facet; day-level ranges (yyyymmdd); the year of a notice that has no date.
    YEAR(NoticeFields.YEAR, Kind.INT, Flag.FACET, (n, s) -> n.year()),
    DATE(NoticeFields.DATE, Kind.INT, (n, s) -> n.date() == null ? null : NoticeDocuments.ymd(n.date())),
    UNDATED_YEAR(NoticeFields.UNDATED_YEAR, Kind.INT, (n, s) -> n.date() == null ? n.year() : null),
    // Sort by date (yyyymmdd, or yyyy0000 when only the year is known), and by the order of a series
    // (渝妇发〔2020〕3号 after 〔2020〕2号).
    SORT_DATE(NoticeFields.SORT_DATE, Kind.SORT_LONG, (n, s) -> n.date() != null ? (Object) (long) NoticeDocuments.ymd(n.date())
            : n.year() != null ? (Object) (n.year() * 10000L) : null),
    DOCNUM_ORDER(NoticeFields.DOCNUM_ORDER, Kind.SORT_LONG,
            (n, s) -> n.docNumberParts() == null ? null : NoticeFields.docNumberOrder(n.docNumberParts())),
    TITLE_GRAMS(NoticeFields.TITLE_GRAMS, Kind.GRAMS, (n, s) -> titleOf(n)),
    // Every line of the notice but the title (which has its own fields), so that any run of its characters is found.
    BODY_GRAMS(NoticeFields.BODY_GRAMS, Kind.GRAMS, (n, s) -> n.searchableText()),
    TITLE_WORDS(NoticeFields.TITLE_WORDS, Kind.WORDS, (n, s) -> titleOf(n)),
    BODY_WORDS(NoticeFields.BODY_WORDS, Kind.WORDS, (n, s) -> n.searchableText()),
    RECORD(NoticeFields.RECORD, Kind.RECORD, Flag.STORED, (n, s) -> n),
    /** Lucene only: what lists of thousands of notices read (diffusion), without the stored record (OpenSearch filters its _source). */
    SUMMARY(NoticeFields.SUMMARY, Kind.SUMMARY, (n, s) -> n.summary());

    /** How a field is indexed; each engine turns a kind into its own field types. */
    public enum Kind {
        /** Exact terms (identifiers, document numbers, filter values); a faceted one is also a facet dimension. */
        KEYWORD,
        /** Integers for ranges (year, dates); a faceted one is also a facet dimension labelled by the number. */
        INT,
        /** A long used only to sort: doc values, and points so that a sort can skip what cannot compete; not searched. */
        SORT_LONG,
        /** A whole text kept sorted for prefix suggestions: doc values, not searched. */
        SORTED_TEXT,
        /** Overlapping character bigrams with positions ({@code GramTokenizer}): exact-substring recall. */
        GRAMS,
        /** smartcn words with frequencies, without positions: ranking, relaxed matching, similar notices. */
        WORDS,
        /** The parsed notice as JSON, stored and never searched: what hits and the notice page are built from. */
        RECORD,
        /** A part of the file stamp held as text (the content hash); OpenSearch only, not searched. */
        STAMP_KEYWORD,
        /** A part of the file stamp held as a number (mtime, size); OpenSearch only, not searched. */
        STAMP_LONG,
        /** The whole file stamp in one binary doc value; the embedded index only (read without the stored record). */
        PACKED_STAMP,
        /**
         * {@link Notice#summary()} as JSON in one binary doc value; the embedded index only. Doc values, since reading
         * the stored record decompresses its block and parses its paragraphs: about 40 µs a notice, against a few here.
         */
        SUMMARY
    }

    private enum Flag { NONE, STORED, MULTI, FACET, MULTI_FACET }

    private final String fieldName;
    private final Kind kind;
    private final Flag flag;
    private final BiFunction<Notice, NoticeDocuments.FileStamp, Object> value;

    IndexField(String fieldName, Kind kind, BiFunction<Notice, NoticeDocuments.FileStamp, Object> value) {
        this(fieldName, kind, Flag.NONE, value);
    }

    IndexField(String fieldName, Kind kind, Flag flag, BiFunction<Notice, NoticeDocuments.FileStamp, Object> value) {
        this.fieldName = fieldName;
        this.kind = kind;
        this.flag = flag;
        this.value = value;
    }

    private static String titleOf(Notice n) {
        return n.title() == null ? "" : n.title();
    }

    public String fieldName() {
        return fieldName;
    }

    public Kind kind() {
        return kind;
    }

    /** Kept whole in the embedded index's stored fields (OpenSearch keeps every non-text field in {@code _source}). */
    public boolean stored() {
        return flag == Flag.STORED;
    }

    /** A facet dimension: counted per value, and filtered on through the facet's drill-down terms. */
    public boolean faceted() {
        return flag == Flag.FACET || flag == Flag.MULTI_FACET;
    }

    /** May hold several values (an array in OpenSearch). */
    public boolean multiValued() {
        return flag == Flag.MULTI || flag == Flag.MULTI_FACET;
    }

    /** Kept in the embedded index alone: OpenSearch has the same values in its document's fields and {@code _source}. */
    public boolean embeddedOnly() {
        return kind == Kind.PACKED_STAMP || kind == Kind.SUMMARY;
    }

    /** Analysed text; OpenSearch fills these from the record's text ({@code copy_to}), which holds it once. */
    public boolean analysed() {
        return kind == Kind.GRAMS || kind == Kind.WORDS;
    }

    /**
     * The field's values for a notice, in order; empty when the notice has none. A faceted keyword drops blank values
     * (a facet label cannot be empty).
     */
    public List<Object> values(Notice n, NoticeDocuments.FileStamp stamp) {
        Object v = value.apply(n, stamp);
        List<Object> out = new ArrayList<>(1);
        if (v instanceof Collection<?> c) {
            for (Object o : c) {
                add(out, o);
            }
        } else {
            add(out, v);
        }
        return out;
    }

    private void add(List<Object> out, Object o) {
        if (o == null || (faceted() && o instanceof String s && s.isBlank())) {
            return;
        }
        out.add(o);
    }

    /** The analyzer for the embedded index's IndexWriter: grams for the gram fields, smartcn words for every other text. */
    public static Analyzer indexAnalyzer(Analysis analysis) {
        Map<String, Analyzer> perField = new java.util.HashMap<>();
        for (IndexField f : values()) {
            if (f.kind == Kind.GRAMS) {
                perField.put(f.fieldName, analysis.grams());
            }
        }
        return new PerFieldAnalyzerWrapper(analysis.words(), perField);
    }
}
