package org.noticesearch.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Test clean-up: the indexes behind a configured name, which is an alias (OpenSearch refuses to delete through one). */
final class TestIndexes {
    private TestIndexes() {}

    /** Deletes the concrete index named {@code name} (the older layout) and every {@code <name>-v…} version. */
    static void deleteAll(OpenSearchClient client, String name) {
        List<String> doomed = new ArrayList<>();
        for (JsonNode i : client.json("GET", "/_cat/indices?format=json&h=index", null)) {
            String index = i.path("index").asText();
            if (index.equals(name) || index.startsWith(name + "-v")) {
                doomed.add(index);
            }
        }
        for (String index : doomed) {
            client.json("DELETE", "/" + index, null);
        }
    }
}
