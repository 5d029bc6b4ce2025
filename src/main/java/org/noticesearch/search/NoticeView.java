package org.noticesearch.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import org.noticesearch.ingest.Notice;

/** A whole notice for display: the parsed record, the notices citing it, its citations resolved, and highlighted paragraphs on request. */
public record NoticeView(@JsonUnwrapped Notice notice, List<NoticeRef> citedBy, List<ResolvedCitation> cites,
                         @JsonInclude(JsonInclude.Include.NON_NULL) List<String> paragraphsHtml) {

    /** A short reference to another notice in the index. */
    public record NoticeRef(String id, String title, String issuer, String docNumber, String date) {}

    /** A citation of the notice, with the id of the cited notice when it is in the index (else null). */
    public record ResolvedCitation(String title, String docNumber, String id) {}
}
