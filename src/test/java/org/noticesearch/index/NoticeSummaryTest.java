package org.noticesearch.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.noticesearch.Json;
import org.noticesearch.NoticeService;
import org.noticesearch.ingest.Notice;
import org.noticesearch.search.SearchRequest;
import org.noticesearch.search.SearchTestSupport;

/**
 * A notice's summary (what diffusion reads of every match) is kept in a doc value and read back whole: the same
 * fields as {@link Notice#summary()} of the stored record, and only {@link Notice#SUMMARY_PROPERTIES}.
 */
class NoticeSummaryTest {
    private static final NoticeDocuments DOCUMENTS = new NoticeDocuments();

    private static List<Notice> notices() {
        List<Notice> all = new ArrayList<>(SearchTestSupport.parseAll(SearchTestSupport.CORPUS));
        all.addAll(SearchTestSupport.parseAll(SearchTestSupport.FIXTURES));
        all.addAll(SearchTestSupport.parseAll(SearchTestSupport.SEARCH_FIXTURES));
        return all;
    }

    private static BytesRef summaryValue(Notice n) {
        return DOCUMENTS.toDocument(n, new NoticeDocuments.FileStamp("h", 1, 2)).getBinaryValue(NoticeFields.SUMMARY);
    }

    @Test
    void theDocValueReadsBackAsTheSummaryWithNoText() {
        List<Notice> all = notices();
        assertTrue(all.size() > 12, "fixtures found: " + all.size());
        for (Notice n : all) {
            Notice back = DOCUMENTS.toSummary(summaryValue(n));
            assertEquals(n.summary(), back, n.source());
            assertTrue(back.paragraphs().isEmpty() && back.addressees() == null && back.signature() == null, n.source());
            assertEquals(n.citations(), back.citations(), n.source());
        }
    }

    @Test
    void theSummaryHoldsExactlyTheSummaryProperties() {
        // OpenSearch reads these properties of the record; the embedded index keeps the summary: the same fields.
        Set<String> seen = new LinkedHashSet<>();
        for (Notice n : notices()) {
            JsonNode json = Json.mapper().valueToTree(n.summary());
            List<String> present = new ArrayList<>();
            json.fields().forEachRemaining(e -> {
                if (!e.getValue().isNull() && !(e.getValue().isContainerNode() && e.getValue().isEmpty())) {
                    present.add(e.getKey());
                }
            });
            seen.addAll(present);
            assertTrue(Notice.SUMMARY_PROPERTIES.containsAll(present), n.source() + ": " + present);
            assertTrue(summaryValue(n).length < 2000, n.source() + " summary of " + summaryValue(n).length + " bytes");
        }
        // Every property of the list occurs in some notice: the list names nothing the summary never carries.
        assertEquals(new LinkedHashSet<>(Notice.SUMMARY_PROPERTIES), new LinkedHashSet<>(Notice.SUMMARY_PROPERTIES.stream()
                .filter(seen::contains).toList()));
    }

    @Test
    void aWalkOverAllMatchesGivesEachStoredRecordsSummary(@TempDir Path tmp) throws Exception {
        try (NoticeService s = SearchTestSupport.start(SearchTestSupport.CORPUS, tmp.resolve("index"))) {
            Map<String, Notice> walked = new HashMap<>();
            List<String> days = new ArrayList<>();
            boolean cut = s.service().eachMatch(SearchRequest.of(""), 100_000, n -> {
                walked.put(n.id(), n);
                days.add(n.date() != null ? n.date() : n.year() != null ? n.year() + "-00-00" : "");
            });
            assertFalse(cut);
            // Newest first, as the engine ranked them: the summaries are put back in rank order after the doc-value pass.
            List<String> newestFirst = new ArrayList<>(days);
            newestFirst.sort(java.util.Comparator.reverseOrder());
            assertEquals(newestFirst, days);
            assertEquals(s.service().stats().documents(), walked.size());
            for (Notice n : walked.values()) {
                assertEquals(s.service().record(n.id()).summary(), n, n.id());
            }
        }
    }
}
