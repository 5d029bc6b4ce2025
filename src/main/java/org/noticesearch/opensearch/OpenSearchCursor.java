package org.noticesearch.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.noticesearch.Json;
import org.noticesearch.search.BadRequestException;
import org.noticesearch.search.Engine;

/**
 * The cluster's {@code nextCursor}: the last hit's {@code sort} values (OpenSearch's {@code search_after}), with the
 * order and the search's fingerprint, as base64url JSON. Sort values do not depend on a snapshot, so a cursor outlives
 * index changes (hits added before it are then not seen, as with {@code search_after} without a point in time).
 */
final class OpenSearchCursor {
    private static final ObjectMapper MAPPER = Json.mapper();

    private OpenSearchCursor() {}

    static String encode(Engine.CursorKey key, JsonNode sortValues) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("o", key.sort().value()).put("f", key.search()).set("a", sortValues);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(o.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The {@code search_after} values of a cursor, checked to belong to the search {@code key} names. */
    static ArrayNode searchAfter(String cursor, Engine.CursorKey key) {
        JsonNode o;
        try {
            o = MAPPER.readTree(Base64.getUrlDecoder().decode(cursor));
        } catch (IllegalArgumentException | IOException e) {
            throw BadRequestException.notOurCursor();
        }
        if (o == null || !(o.get("a") instanceof ArrayNode a) || !o.path("o").isTextual() || !o.path("f").isInt()) {
            throw BadRequestException.notOurCursor();
        }
        if (!o.path("o").asText().equals(key.sort().value()) || o.path("f").asInt() != key.search()) {
            throw BadRequestException.otherSearchCursor();
        }
        return a;
    }
}
