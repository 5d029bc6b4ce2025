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
import org.noticesearch.search.SearchCursor;
import org.noticesearch.search.SearchRequest;

/**
 * The cluster's {@code nextCursor}: the last hit's {@code sort} values (OpenSearch's {@code search_after}), with the
 * order and the search's fingerprint, as base64url JSON. Sort values do not depend on a snapshot, so a cursor outlives
 * index changes (hits added before it are then not seen, as with {@code search_after} without a point in time).
 */
final class OpenSearchCursor {
    private static final ObjectMapper MAPPER = Json.mapper();

    private OpenSearchCursor() {}

    static String encode(SearchRequest r, JsonNode sortValues) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("o", r.sort().value()).put("f", SearchCursor.fingerprint(r)).set("a", sortValues);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(o.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The {@code search_after} values of the request's cursor, checked to belong to this search. */
    static ArrayNode searchAfter(SearchRequest r) {
        JsonNode o;
        try {
            o = MAPPER.readTree(Base64.getUrlDecoder().decode(r.cursor()));
        } catch (IllegalArgumentException | IOException e) {
            throw notOurs();
        }
        if (o == null || !(o.get("a") instanceof ArrayNode a) || !o.path("o").isTextual() || !o.path("f").isInt()) {
            throw notOurs();
        }
        if (!o.path("o").asText().equals(r.sort().value()) || o.path("f").asInt() != SearchCursor.fingerprint(r)) {
            throw new BadRequestException("cursor", "这个翻页标记属于另一次搜索（搜索词、筛选条件或排序不同），请用给出它的那次搜索的参数"
                    + "（this cursor belongs to another search; send the same parameters as the search that gave it）");
        }
        return a;
    }

    private static BadRequestException notOurs() {
        return new BadRequestException("cursor", "不是本服务给出的翻页标记，请用搜索结果中的 nextCursor（not a cursor this server gave out; take nextCursor from a search response）");
    }
}
