package org.noticesearch.ingest;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A 发文字号 split into its parts. {@code year} and {@code serial} are null for a partial number
 * (agency code alone, or agency and year), which only ever comes from a query.
 */
public record DocNumber(String agency, Integer year, Integer serial) {

    /** The canonical form: agency + 〔YYYY〕 + serial + 号, or the prefix of it that the parts allow. */
    public String canonical() {
        StringBuilder sb = new StringBuilder(agency);
        if (year != null) {
            sb.append('〔').append(year).append('〕');
            if (serial != null) {
                sb.append(serial).append('号');
            }
        }
        return sb.toString();
    }

    /** The series this number belongs to: agency + 〔YYYY〕 (鲁妇通字〔2020〕), or the agency alone without a year. */
    @JsonIgnore
    public String series() {
        return new DocNumber(agency, year, null).canonical();
    }

    @JsonIgnore
    public boolean isComplete() {
        return year != null && serial != null;
    }
}
