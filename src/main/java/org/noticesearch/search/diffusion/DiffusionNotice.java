package org.noticesearch.search.diffusion;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.noticesearch.ingest.Citation;
import org.noticesearch.ingest.Notice;

/**
 * The fields of a notice that diffusion reads: who issued it, where and at what level, when (a day, or a year only),
 * its numbers and the documents it cites. The paragraphs are left out, so that thousands of matches stay small.
 */
public record DiffusionNotice(String id, String title, String docNumber, String docNumberAsWritten, String date,
                              Integer year, String issuer, List<String> issuers, String province, String issuerLevel,
                              String issuerKind, String type, List<Citation> citations) {

    public DiffusionNotice {
        issuers = issuers == null ? List.of() : List.copyOf(issuers);
        citations = citations == null ? List.of() : List.copyOf(citations);
    }

    /** The diffusion fields of a parsed notice. */
    public static DiffusionNotice of(Notice n) {
        return new DiffusionNotice(n.id(), n.title(), n.docNumber(), n.docNumberAsWritten(), n.date(), n.year(),
                n.issuer(), n.issuers(), n.province(), n.issuerLevel(), n.issuerKind(), n.type(), n.citations());
    }

    /** The day it was issued when the notice gives a whole date (YYYY-MM-DD); null when it gives less or nothing. */
    @JsonIgnore
    public LocalDate day() {
        if (date == null || date.length() != 10) {
            return null;
        }
        try {
            return LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            return null; // a partial or damaged date is not made into a day
        }
    }

    /** The year, from the day when there is one, else the year the notice gives alone; null when unknown. */
    @JsonIgnore
    public Integer knownYear() {
        LocalDate d = day();
        return d != null ? Integer.valueOf(d.getYear()) : year;
    }

    /**
     * Whether this notice cites {@code other}: a citation with its document number, or, for a citation that gives no
     * number, its exact title (compared as {@link Titles#normalize} writes both). A notice never cites itself here.
     */
    public boolean cites(DiffusionNotice other) {
        if (other.id.equals(id)) {
            return false;
        }
        String otherTitle = Titles.normalize(other.title);
        for (Citation c : citations) {
            if (c.docNumber() != null) {
                if (c.docNumber().equals(other.docNumber)) {
                    return true;
                }
            } else if (!otherTitle.isEmpty() && Titles.normalize(c.title()).equals(otherTitle)) {
                return true;
            }
        }
        return false;
    }
}
