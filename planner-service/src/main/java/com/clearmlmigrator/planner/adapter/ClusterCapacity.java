package com.clearmlmigrator.planner.adapter;

import java.util.List;
import java.util.Locale;

import com.clearmlmigrator.contracts.FailureReason;
import com.clearmlmigrator.contracts.TaskFailedException;
import com.clearmlmigrator.planner.escopy.ClusterSurvey.ShardRoom;
import com.clearmlmigrator.stores.ElasticClient;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * What room a cluster has for a copy: its cluster-wide settings, its disk below the watermark, its shard limit.
 *
 * @param client   the cluster
 * @param settings its cluster-wide settings as {@code GET _cluster/settings?flat_settings=true} gives them
 */
record ClusterCapacity(ElasticClient client, JsonNode settings) {
    private static final String DEFAULT_HIGH_WATERMARK = "90%";
    // ES 7.0 and later; a cluster that has not set it says so in its defaults, or has this one.
    private static final long DEFAULT_MAX_SHARDS_PER_NODE = 1000;
    private static final int FIRST_MAJOR_WITH_SHARD_LIMIT = 7;

    /** Reads the cluster-wide settings (transient, persistent and, where the version gives them, the defaults). */
    static ClusterCapacity of(ElasticClient client) {
        try {
            return new ClusterCapacity(
                    client, client.get("/_cluster/settings?include_defaults=true&flat_settings=true"));
        } catch (TaskFailedException e) {
            if (e.reason() != FailureReason.TARGET_REJECTED) {
                throw e;
            }
            // Older versions do not know include_defaults; without it the defaults apply.
            return new ClusterCapacity(client, client.get("/_cluster/settings?flat_settings=true"));
        }
    }

    /** A cluster-wide setting as text, the first of transient, persistent and defaults that has it; "" when none. */
    String setting(String key) {
        for (String scope : List.of("transient", "persistent", "defaults")) {
            JsonNode value = settings.path(scope).path(key);
            if (!value.isMissingNode() && !value.isNull()) {
                return value.asText();
            }
        }
        return "";
    }

    /** Free disk over the data nodes and what the high watermark keeps of it; null when the nodes do not say. */
    Disk disk() {
        Long available = null;
        long total = 0;
        for (JsonNode node : client.get("/_nodes/stats/fs").path("nodes")) {
            JsonNode fs = node.path("fs").path("total");
            if (fs.has("available_in_bytes")) {
                available = (available == null ? 0 : available)
                        + fs.path("available_in_bytes").asLong();
                total += fs.path("total_in_bytes").asLong();
            }
        }
        if (available == null) {
            return null;
        }
        long reserved = 0;
        if (!setting("cluster.routing.allocation.disk.threshold_enabled").equals("false")) {
            String high = setting("cluster.routing.allocation.disk.watermark.high");
            reserved = reserve(high.isEmpty() ? DEFAULT_HIGH_WATERMARK : high, total);
        }
        return new Disk(available, reserved);
    }

    /**
     * The open shards against the limit, counted as Elasticsearch counts them when it creates an index: every shard of
     * every open index, its replicas included, assigned or not (a replica a one-node cluster cannot place counts too).
     */
    ShardRoom shards(int major) {
        if (major < FIRST_MAJOR_WITH_SHARD_LIMIT) {
            return null;
        }
        String perNode = setting("cluster.max_shards_per_node");
        long limitPerNode = perNode.isEmpty() ? DEFAULT_MAX_SHARDS_PER_NODE : Long.parseLong(perNode);
        long dataNodes =
                client.get("/_cluster/health").path("number_of_data_nodes").asLong();
        long open = 0;
        // Without expand_wildcards, which ES 7.6 (the release ClearML's folders are upgraded to) refuses; from 7.7 on
        // its default is all, hidden indices too.
        for (JsonNode row : client.get("/_cat/indices?format=json&h=status,pri,rep")) {
            if (row.path("status").asText().equals("open")) {
                open += row.path("pri").asLong() * (1 + row.path("rep").asLong());
            }
        }
        return new ShardRoom(open, limitPerNode * dataNodes, dataNodes);
    }

    /**
     * @param availableBytes free disk over the data nodes
     * @param reservedBytes  how much of it Elasticsearch keeps free (the high disk watermark)
     */
    record Disk(long availableBytes, long reservedBytes) {}

    /** Bytes the watermark keeps free: a percentage or ratio of the disk used, or an absolute free amount. */
    static long reserve(String watermark, long totalBytes) {
        String value = watermark.trim().toLowerCase(Locale.ROOT);
        try {
            if (value.endsWith("%")) {
                double used = Double.parseDouble(value.substring(0, value.length() - 1)) / 100;
                return (long) (totalBytes * (1 - used));
            }
            if (value.matches("[0-9.]+")) {
                return (long) (totalBytes * (1 - Double.parseDouble(value)));
            }
            return bytes(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static long bytes(String value) {
        String[] units = {"pb", "tb", "gb", "mb", "kb", "b"};
        long[] factors = {1L << 50, 1L << 40, 1L << 30, 1L << 20, 1L << 10, 1};
        for (int i = 0; i < units.length; i++) {
            if (value.endsWith(units[i])) {
                String number = value.substring(0, value.length() - units[i].length());
                return (long) (Double.parseDouble(number) * factors[i]);
            }
        }
        return Long.parseLong(value);
    }
}
