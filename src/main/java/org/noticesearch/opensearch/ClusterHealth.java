package org.noticesearch.opensearch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The cluster's state as {@code /health} reports it: its status (green, yellow, red; "unreachable" when no node
 * answered), how many nodes it has, the share of its shards that are active, and the concrete index behind the
 * configured index name or alias (null when there is none). {@code error} says why, when the cluster could not be
 * read; the other fields are then -1 or null.
 */
public record ClusterHealth(String status, int nodes, double activeShardsPercent, String index, String error) {
    /** The status when no node answered. */
    public static final String UNREACHABLE = "unreachable";

    /** The engine-neutral form {@code /health} shows. */
    public org.noticesearch.search.SearchBackend.Cluster toCluster() {
        return new org.noticesearch.search.SearchBackend.Cluster(status, nodes, activeShardsPercent, index, error);
    }

    /** Whether every shard of every index has all its copies. */
    public boolean green() {
        return "green".equals(status);
    }

    /**
     * Reads the cluster's health and resolves {@code nameOrAlias}; never throws for a cluster that is down or
     * refuses us, since {@code /health} must answer (with the reason) exactly then.
     */
    public static ClusterHealth check(OpenSearchClient client, String nameOrAlias) {
        JsonNode health;
        try {
            health = client.json("GET", "/_cluster/health", null);
        } catch (OpenSearchClient.OpenSearchException e) {
            return new ClusterHealth(e.status() < 0 ? UNREACHABLE : "error", -1, -1, null, e.getMessage());
        }
        String index;
        try {
            index = concreteIndex(client, nameOrAlias);
        } catch (OpenSearchClient.OpenSearchException e) {
            index = null;
        }
        return new ClusterHealth(health.path("status").asText("unknown"), health.path("number_of_nodes").asInt(-1),
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
