package org.noticesearch.ingest;

/**
 * What a source file states about a notice apart from its text, such as the metadata table a government web page
 * shows (标题, 发文机关, 发文字号, 成文日期, 索引号). Where present these values win over what the parser reads from the text.
 * Any field may be null.
 */
public record SourceMetadata(String title, String issuer, String docNumber, String date, String indexNumber) {

    /** No metadata: the text alone decides. */
    public static final SourceMetadata NONE = new SourceMetadata(null, null, null, null, null);

    public boolean isEmpty() {
        return title == null && issuer == null && docNumber == null && date == null && indexNumber == null;
    }
}
