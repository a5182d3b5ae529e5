package com.clearmlmigrator.planner.escopy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The index settings a copy carries over: shard count, analysis and mapping limits as the source has them; replicas
 * and refresh turned off while documents stream in (each would double the target's work) and put back afterwards,
 * except on a small index, which is created with them.
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
        }
        return Map.of("index", index);
    }

    /**
     * The settings to put back once the index is copied: the source's replicas and refresh interval; none for a small
     * index, created with them.
     */
    public static Map<String, Object> toRestore(Map<String, Object> source, boolean small) {
        return small ? Map.of() : Map.of("index", finalSettings(indexPart(source)));
    }

    private static Map<String, Object> finalSettings(Map<String, Object> from) {
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("number_of_replicas", from.getOrDefault("number_of_replicas", DEFAULT_REPLICAS));
        // null resets the interval to the target's default (1s) when the source had none set.
        index.put("refresh_interval", from.get("refresh_interval"));
        return index;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> indexPart(Map<String, Object> settings) {
        Object index = settings == null ? null : settings.get("index");
        return index instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }
}
