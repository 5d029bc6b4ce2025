package org.noticesearch.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.noticesearch.SharedData;

/**
 * The issuers hand-labelled on the shared real notices ({@code ../shared/real-notices/expected.json}) resolve to a name
 * the label accepts, with a province or the national level; and the share of issuers as written that get one.
 */
class IssuerRealNoticesTest {
    private static final IssuerDirectory D = IndexConfig.load(Path.of("index-config")).issuers();

    @Test
    void everyLabelledIssuerResolvesToItselfWithAProvinceOrNationalLevel() throws Exception {
        Path dir = SharedData.require("real-notices");
        JsonNode labels = new ObjectMapper().readTree(dir.resolve("expected.json").toFile());
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Map.Entry<String, JsonNode> e : labels.properties()) {
            String issuer = e.getValue().path("issuer").asText(null);
            if (issuer == null || issuer.equals("unsure")) {
                continue;
            }
            Set<String> accepted = new LinkedHashSet<>(List.of(issuer));
            e.getValue().path("issuer_alternatives").forEach(a -> accepted.add(a.asText()));
            for (String name : accepted) {
                checked++;
                Optional<Issuer> r = D.resolve(name);
                if (r.isEmpty() || !accepted.contains(r.get().canonical()) || !r.get().placed()
                        || name.equals(issuer) && !r.get().canonical().equals(issuer)) {
                    wrong.add(e.getKey() + ": " + name + " → " + r.map(i -> i.canonical() + " / " + i.province() + " / "
                            + i.level()).orElse("nothing"));
                }
            }
        }
        assertTrue(checked > 20, "labels read: " + checked);
        assertEquals(List.of(), wrong);
    }

    /** Prints the share of issuers as written (not only the canonical labels) that get a province or national level. */
    @Test
    void issuersAsWrittenGetAProvinceOrNationalLevel() throws Exception {
        Path dir = SharedData.require("real-notices");
        JsonNode labels = new ObjectMapper().readTree(dir.resolve("expected.json").toFile());
        int written = 0;
        int placed = 0;
        List<String> unplaced = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : labels.properties()) {
            String asWritten = e.getValue().path("issuer_as_written").asText(null);
            if (asWritten == null || asWritten.isBlank()) {
                continue;
            }
            written++;
            if (D.resolve(asWritten).map(Issuer::placed).orElse(false)) {
                placed++;
            } else {
                unplaced.add(e.getKey() + ": " + asWritten);
            }
        }
        System.out.println("issuers as written with a province or national level: " + placed + " of " + written
                + (unplaced.isEmpty() ? "" : "; without: " + unplaced));
        assertEquals(List.of(), unplaced, "every issuer as written names a place or a national body");
    }
}
