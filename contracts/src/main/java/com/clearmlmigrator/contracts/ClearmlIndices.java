package com.clearmlmigrator.contracts;

import java.util.List;

/** The index name prefixes a ClearML server writes: per-company events and monthly worker and queue statistics. */
public final class ClearmlIndices {
    public static final List<String> PREFIXES = List.of("events-", "worker_stats_", "queue_metrics_", "serving_stats_");

    private ClearmlIndices() {}

    /** True for an index a ClearML server created. */
    public static boolean isClearmlIndex(String name) {
        return PREFIXES.stream().anyMatch(name::startsWith);
    }
}
