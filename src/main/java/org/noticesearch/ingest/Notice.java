package org.noticesearch.ingest;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;

/**
 * One parsed notice: the GB/T 9704-2012 elements the parser found, the body as paragraphs, and
 * warnings for what it could not find or had to guess. A missing element is null or an empty list.
 */
@JsonPropertyOrder({"id", "source", "format", "encoding", "title", "type", "issuer", "issuerAsWritten", "province",
        "docNumber", "docNumberAsWritten", "docNumberParts", "date", "dateAsWritten", "year", "addressees", "copyNumber",
        "signer", "urgency", "classification", "issuerMark", "signature", "attachments", "cc", "printedBy",
        "printedDate", "printedAsWritten", "citations", "campaigns", "paragraphs", "warnings"})
public record Notice(
        String id,
        String source,
        String format,
        String encoding,
        String title,
        String type,
        String issuer,
        String issuerAsWritten,
        String province,
        String docNumber,
        String docNumberAsWritten,
        DocNumber docNumberParts,
        String date,
        String dateAsWritten,
        Integer year,
        String addressees,
        String copyNumber,
        String signer,
        String urgency,
        String classification,
        String issuerMark,
        String signature,
        List<String> attachments,
        String cc,
        String printedBy,
        String printedDate,
        String printedAsWritten,
        List<Citation> citations,
        List<String> campaigns,
        List<String> paragraphs,
        List<String> warnings) {

    public Notice {
        attachments = List.copyOf(attachments);
        citations = List.copyOf(citations);
        campaigns = List.copyOf(campaigns);
        paragraphs = List.copyOf(paragraphs);
        warnings = List.copyOf(warnings);
    }

    /** The document numbers the body cites, de-duplicated, in order. */
    @JsonIgnore
    public Set<String> citedDocNumbers() {
        Set<String> out = new LinkedHashSet<>();
        for (Citation c : citations) {
            if (c.docNumber() != null) {
                out.add(c.docNumber());
            }
        }
        return out;
    }

    /** The series (agency〔year〕) of the cited numbers, for partial-number lookups. */
    @JsonIgnore
    public Set<String> citedSeries() {
        Set<String> out = new LinkedHashSet<>();
        for (String dn : citedDocNumbers()) {
            DocNumbers.parse(dn).ifPresent(d -> out.add(d.series()));
        }
        return out;
    }

    /** The body as one string, paragraphs separated by newlines. */
    public String body() {
        return String.join("\n", paragraphs);
    }
}
