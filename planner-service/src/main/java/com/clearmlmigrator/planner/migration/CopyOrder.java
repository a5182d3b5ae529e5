package com.clearmlmigrator.planner.migration;

import java.util.List;
import java.util.Objects;

import com.clearmlmigrator.contracts.ElasticEndpoint;

/**
 * The validated copy part of an es-copy request; the target cluster is the order's {@code elastic} endpoint.
 *
 * @param source           the cluster to copy from
 * @param indices          glob patterns of the indices to copy, and exclusions with a leading {@code -}
 * @param ifTargetExists   {@link #FAIL}, {@link #SKIP} or {@link #OVERWRITE}
 * @param afterCopy        {@link #READ_ONLY_SOURCE} or {@link #NONE}
 * @param dryRun           plan and report without writing
 * @param maxDocsPerSecond limit for the whole copy; null for none
 * @param replicas         replicas of every copied index; null for each source index's own
 */
public record CopyOrder(
        ElasticEndpoint source,
        List<String> indices,
        String ifTargetExists,
        String afterCopy,
        boolean dryRun,
        Long maxDocsPerSecond,
        Integer replicas) {
    public static final String FAIL = "fail";
    public static final String SKIP = "skip";
    public static final String OVERWRITE = "overwrite";
    public static final String READ_ONLY_SOURCE = "read-only-source";
    public static final String NONE = "none";
    public static final List<String> CLEARML_INDICES =
            List.of("events-*", "worker_stats_*", "queue_metrics_*", "serving_stats_*");

    public CopyOrder {
        Objects.requireNonNull(source, "source");
        indices = List.copyOf(indices);
    }

    /** This order as it may be stored: the source's hosts without credentials. */
    public StoredCopy toStored() {
        return new StoredCopy(
                source.hosts(),
                source.hasCredentials(),
                indices,
                ifTargetExists,
                afterCopy,
                dryRun,
                maxDocsPerSecond,
                replicas,
                null);
    }
}
