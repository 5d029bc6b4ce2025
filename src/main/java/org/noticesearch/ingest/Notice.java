package org.noticesearch.ingest;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One parsed notice: the GB/T 9704-2012 elements the parser found, the body as paragraphs, and
 * warnings for what it could not find or had to guess. A missing element is null or an empty list.
 */
@JsonPropertyOrder({"id", "source", "format", "encoding", "title", "type", "typeIsStandard", "issuer", "issuerAsWritten",
        "issuers", "issuerLevel", "issuerKind", "province", "docNumber", "docNumberAsWritten", "docNumberParts", "date",
        "dateAsWritten", "year", "addressees", "copyNumber", "signer", "urgency", "classification", "issuerMark", "signature",
        "attachments", "cc", "printedBy", "printedDate", "printedAsWritten", "citations", "campaigns", "paragraphs", "warnings"})
public record Notice(
        String id,
        String source,
        String format,
        String encoding,
        String title,
        String type,
        Boolean typeIsStandard,
        String issuer,
        String issuerAsWritten,
        List<String> issuers,
        String issuerLevel,
        String issuerKind,
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
        // A record stored before a list field existed, and a summary (which leaves empty lists out), read back with
        // null there.
        issuers = listOf(issuers);
        attachments = listOf(attachments);
        citations = listOf(citations);
        campaigns = listOf(campaigns);
        paragraphs = listOf(paragraphs);
        warnings = listOf(warnings);
    }

    private static <T> List<T> listOf(List<T> values) {
        return values == null ? List.of() : List.copyOf(values);
    }

    /**
     * The properties of a {@link #summary()}: who issued the notice, where and at what level, when, its numbers, title
     * and type, and what it cites. An engine that keeps the whole record (OpenSearch's {@code _source}) reads these
     * properties of it instead of a summary of its own.
     */
    public static final List<String> SUMMARY_PROPERTIES = List.of("id", "source", "title", "type", "issuer", "issuers",
            "issuerLevel", "issuerKind", "province", "docNumber", "docNumberAsWritten", "date", "year", "citations");

    /**
     * The notice without its text and the header elements lists of many notices never show: what diffusion reads of
     * thousands of matches, kept small so that reading one costs a few microseconds ({@link #SUMMARY_PROPERTIES}).
     */
    public Notice summary() {
        return new Notice(id, source, null, null, title, type, null, issuer, null, issuers, issuerLevel, issuerKind,
                province, docNumber, docNumberAsWritten, null, date, null, year, null, null, null, null, null, null, null,
                List.of(), null, null, null, null, citations, List.of(), List.of(), List.of());
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

    /**
     * Every paragraph of the notice but its title, in reading order: the header (份号, 密级, 紧急程度, 发文机关标志, 发文字号,
     * 签发人), the 主送机关, the body, the signature and 成文日期, then 附件, 抄送 and 印发. This is what the exact-substring
     * field indexes (the title has its own field), so a run of characters from any line of the notice finds it, and
     * never across two of these paragraphs. Header elements are rebuilt from their fields; the 签发人, 附件 and 抄送
     * labels are put back, since readers search for them too.
     */
    @JsonIgnore
    public List<String> searchableParagraphs() {
        List<String> out = new ArrayList<>();
        addAll(out, copyNumber, classification, urgency, issuerMark);
        boolean numberInMark = docNumberAsWritten != null && issuerMark != null && issuerMark.contains(docNumberAsWritten);
        if (!numberInMark) {
            add(out, docNumberAsWritten);
        }
        if (signer != null) {
            out.add("签发人：" + signer);
        }
        if (addressees != null) {
            out.add(addressees + "：");
        }
        out.addAll(paragraphs);
        addAll(out, signature, dateAsWritten);
        for (int i = 0; i < attachments.size(); i++) {
            out.add(i == 0 ? "附件：" + attachments.get(0) : attachments.get(i));
        }
        if (cc != null) {
            out.add("抄送：" + cc);
        }
        add(out, printedAsWritten);
        return out;
    }

    /** {@link #searchableParagraphs()} as one string, paragraphs separated by newlines. */
    @JsonIgnore
    public String searchableText() {
        return String.join("\n", searchableParagraphs());
    }

    private static void addAll(List<String> out, String... values) {
        for (String v : values) {
            add(out, v);
        }
    }

    private static void add(List<String> out, String value) {
        if (value != null && !value.isBlank()) {
            out.add(value);
        }
    }
}
