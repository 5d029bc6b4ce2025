package org.noticesearch.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.noticesearch.search.SearchBackend.Cluster;

/**
 * Reads the cluster's state as {@code /health} reports it ({@link Cluster}): its status (green, yellow, red;
 * "unreachable" when no node answered), how many nodes it has, the share of its shards that are active, and the
 * concrete index behind the configured index name or alias (null when there is none). {@code error} says why, when the
 * cluster could not be read; the other fields are then -1 or null.
 */
public final class ClusterHealth {
    /** The status when no node answered. */
    public static final String UNREACHABLE = "unreachable";

    private ClusterHealth() {}

    /**
     * Reads the cluster's health and resolves {@code nameOrAlias}; never throws for a cluster that is down or
     * refuses us, since {@code /health} must answer (with the reason) exactly then.
     */
    public static Cluster check(OpenSearchClient client, String nameOrAlias) {
        JsonNode health;
        try {
            health = client.json("GET", "/_cluster/health", null);
        } catch (OpenSearchClient.OpenSearchException e) {
            return new Cluster(e.status() < 0 ? UNREACHABLE : "error", -1, -1, null, e.getMessage());
        }
        String index;
        try {
            index = concreteIndex(client, nameOrAlias);
        } catch (OpenSearchClient.OpenSearchException e) {
            index = null;
        }
        return new Cluster(health.path("status").asText("unknown"), health.path("number_of_nodes").asInt(-1),
                health.path("active_shards_percent_as_number").asDouble(-1), index, null);
    }

    /**
     * The index a name stands for: itself when it is an index, the index an alias points to (several joined with
     * ","), null when neither exists.
     */
    static String concreteIndex(OpenSearchClient client, String nameOrAlias) {
        if (!client.exists("/" + nameOrAlias)) {
            return null;
        }
        // GET /{name}/_alias lists, as its keys, the concrete indices the name resolves to, alias or not.
        JsonNode aliases = client.json("GET", "/" + nameOrAlias + "/_alias", null);
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = aliases.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        names.sort(null);
        return names.isEmpty() ? null : String.join(",", names);
    }
}
