package org.noticesearch.index;

import org.apache.lucene.document.FieldType;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.IndexOptions;

/**
 * Every index field name, for the search code. How each is indexed, stored and faceted, and what it is for, is declared
 * once in {@link IndexField}, which both engines' documents and the OpenSearch mapping are built from.
 */
public final class NoticeFields {
    private NoticeFields() {}

    public static final String ID = "id";
    public static final String SOURCE = "source";
    public static final String HASH = "hash";
    public static final String MTIME = "mtime";
    public static final String SIZE = "size";
    public static final String FILE_STAMP = "file_stamp";
    public static final String RECORD = "record";
    public static final String SUMMARY = "summary";
    public static final String TITLE_GRAMS = "title_grams";
    public static final String BODY_GRAMS = "body_grams";
    public static final String TITLE_WORDS = "title_words";
    public static final String BODY_WORDS = "body_words";
    public static final String DOCNUM = "docnum";
    public static final String DOCNUM_AGENCY = "docnum_agency";
    public static final String DOCNUM_PREFIX = "docnum_prefix";
    public static final String CITED_DOCNUM = "cited_docnum";
    public static final String CITED_PREFIX = "cited_prefix";
    public static final String CITED_TITLE = "cited_title";
    public static final String ISSUER = "issuer";
    public static final String PROVINCE = "province";
    public static final String TYPE = "type";
    public static final String CAMPAIGN = "campaign";
    public static final String YEAR = "year";
    public static final String DATE = "date";
    public static final String UNDATED_YEAR = "undated_year";
    public static final String SORT_DATE = "sort_date";
    public static final String TITLE_DV = "title_dv";
    public static final String DOCNUM_ORDER = "docnum_order";

    /** The value of {@link #DOCNUM_ORDER}: by year, then serial; a number with no year (国令第707号) has year 0. */
    public static long docNumberOrder(org.noticesearch.ingest.DocNumber dn) {
        long year = dn.year() == null ? 0 : dn.year();
        long serial = dn.serial() != null ? dn.serial() : leadingDigits(dn.serialText());
        return year * 1_000_000L + Math.min(serial, 999_999L);
    }

    /** The number a non-numeric serial starts with (12 for 12-1), or 0. */
    private static long leadingDigits(String s) {
        long v = 0;
        for (int i = 0; s != null && i < s.length() && Character.isDigit(s.charAt(i)) && v < 1_000_000; i++) {
            v = v * 10 + Character.digit(s.charAt(i), 10);
        }
        return v;
    }

    /** Facet dimensions, in the order the API lists them. */
    public static final String[] FACET_DIMS = {ISSUER, PROVINCE, YEAR, TYPE, CAMPAIGN};

    /** Commit user data keys. */
    public static final String COMMIT_FINGERPRINT = "analysis.fingerprint";

    /** The gram fields: positions for phrases, no offsets (snippets are cut from the stored text), not stored. */
    public static final FieldType TEXT_POSITIONS;

    /**
     * The word fields: frequencies for ranking, relaxed matching and similar notices, but no positions; nothing asks a
     * phrase of them (the whole-word boost is a conjunction of the words), and positions were a third of their postings.
     */
    public static final FieldType TEXT_FREQS;

    static {
        FieldType t = new FieldType();
        t.setTokenized(true);
        t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
        t.setStored(false);
        t.freeze();
        TEXT_POSITIONS = t;
        FieldType f = new FieldType();
        f.setTokenized(true);
        f.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        f.setStored(false);
        f.freeze();
        TEXT_FREQS = f;
    }

    /** The facet configuration: the multi-valued dimensions are those {@link IndexField} marks so (campaign). */
    public static FacetsConfig facetsConfig() {
        FacetsConfig c = new FacetsConfig();
        for (IndexField f : IndexField.values()) {
            if (f.faceted() && f.multiValued()) {
                c.setMultiValued(f.fieldName(), true);
            }
        }
        return c;
    }
}
