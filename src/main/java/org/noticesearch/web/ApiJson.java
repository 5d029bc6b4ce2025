package org.noticesearch.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.noticesearch.Json;
import org.noticesearch.search.SearchHit;
import org.noticesearch.search.SearchPage;

/**
 * The JSON the API returns for a page of results (and {@code search --json} prints): the search layer's page with the
 * link to each hit's notice page added, since URLs are the web layer's.
 */
public final class ApiJson {
    private static final ObjectMapper MAPPER = Json.mapper();

    private ApiJson() {}

    /** The page as JSON, each hit with its {@code url} (the notice page, carrying the query to highlight). */
    public static ObjectNode page(SearchPage page) {
        ObjectNode json = MAPPER.valueToTree(page);
        ArrayNode hits = (ArrayNode) json.get("hits");
        List<SearchHit> list = page.hits();
        for (int i = 0; i < list.size(); i++) {
            ((ObjectNode) hits.get(i)).put("url", noticePage(list.get(i).id(), page.query()));
        }
        return json;
    }

    /** The notice page of a notice (site-relative), with the query its matches are highlighted by, if any. */
    public static String noticePage(String id, String query) {
        return "/notice.html?id=" + urlEncode(id) + (query == null || query.isEmpty() ? "" : "&q=" + urlEncode(query));
    }

    /** Percent-encoding for a URL path segment or query value (spaces as %20). */
    public static String urlEncode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
