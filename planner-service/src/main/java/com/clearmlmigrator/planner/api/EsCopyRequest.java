package com.clearmlmigrator.planner.api;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.clearmlmigrator.planner.escopy.CopyRequestRules;
import com.clearmlmigrator.planner.migration.MigrationOrder;

/**
 * Copies ClearML's indices to another cluster, mappings translated, verified.
 *
 * @param kind             {@code es-copy}
 * @param source           the cluster to copy from
 * @param target           the cluster to copy to
 * @param indices          index patterns; every ClearML index when left out; a leading {@code -} leaves the indices a
 *                         pattern matches out (of every ClearML index, when no pattern names what to copy)
 * @param ifTargetExists   {@code fail} (default), {@code skip} or {@code overwrite}
 * @param afterCopy        {@code read-only-source} (default) or {@code none}
 * @param dryRun           plan and check without copying; false when left out
 * @param maxDocsPerSecond rate limit for the whole copy; none when left out
 * @param replicas         replicas of every copied index once verified; each source index's own when left out
 */
@Schema(description = "es-copy: copy ClearML's indices to another cluster (ES 5.6, 6 or 7 to ES 7 or 8).")
public record EsCopyRequest(
        @Schema(required = true, enumeration = "es-copy") String kind,

        @Schema(required = true, description = "the cluster to copy from (ES 5.6, 6 or 7)")
        ElasticConnection source,

        @Schema(required = true, description = "the cluster to copy to (ES 7 or 8)")
        ElasticConnection target,

        @Schema(
                description =
                        "index patterns; every ClearML index when left out. A leading - leaves out what it"
                                + " matches, of every ClearML index when no pattern names what to copy: [\"-events-log-broken\"]")
        List<String> indices,

        @Schema(
                enumeration = {"fail", "skip", "overwrite"},
                defaultValue = "fail")
        String ifTargetExists,

        @Schema(
                enumeration = {"read-only-source", "none"},
                defaultValue = "read-only-source")
        String afterCopy,

        @Schema(description = "plan and check without copying", defaultValue = "false")
        Boolean dryRun,

        @Schema(description = "documents per second for the whole copy; no limit when left out")
        Long maxDocsPerSecond,

        @Schema(
                description = "replicas of every copied index once verified; each source index's own when left out."
                        + " 0 for a one-node target, which never places a replica (ClearML creates its indices so"
                        + " since 1.2)")
        Integer replicas)
        implements MigrationRequest {

    @Override
    public MigrationOrder toOrder() {
        return CopyRequestRules.order(
                ElasticConnection.endpoint("source", source),
                ElasticConnection.endpoint("target", target),
                indices,
                ifTargetExists,
                afterCopy,
                dryRun,
                maxDocsPerSecond,
                replicas);
    }
}
