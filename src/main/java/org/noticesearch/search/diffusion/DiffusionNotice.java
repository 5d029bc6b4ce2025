package org.noticesearch.search.diffusion;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDate;
import java.time.DateTimeException;
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
        // Read by hand: diffusion reads the day of every match several times, and LocalDate.parse's formatter is slow.
        if (date == null || date.length() != 10 || date.charAt(4) != '-' || date.charAt(7) != '-') {
            return null;
        }
        int y = digits(date, 0, 4), m = digits(date, 5, 7), d = digits(date, 8, 10);
        if (y < 0 || m < 0 || d < 0) {
            return null;
        }
        try {
            return LocalDate.of(y, m, d);
        } catch (DateTimeException e) {
            return null; // a partial or damaged date is not made into a day
        }
    }

    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
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
