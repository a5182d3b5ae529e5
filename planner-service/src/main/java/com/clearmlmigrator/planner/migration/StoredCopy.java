package com.clearmlmigrator.planner.migration;

import java.util.List;
import java.util.Map;

/**
 * An Elasticsearch copy as the planner stores it: the request without credentials and, once planned, the plan.
 *
 * @param sourceHosts          the source cluster's hosts
 * @param sourceCredentials    whether the request gave credentials for the source (never stored themselves)
 * @param indices              index patterns requested
 * @param ifTargetExists       what to do with indices the target already has
 * @param afterCopy            what to do with the source indices once verified
 * @param dryRun               plan only
 * @param maxDocsPerSecond     rate limit for the whole copy; null for none
 * @param replicas             replicas of every copied index; null for each source index's own
 * @param plan                 what the pre-flight found and planned; null until planned
 */
public record StoredCopy(
        List<String> sourceHosts,
        boolean sourceCredentials,
        List<String> indices,
        String ifTargetExists,
        String afterCopy,
        boolean dryRun,
        Long maxDocsPerSecond,
        Integer replicas,
        Plan plan) {

    public StoredCopy withPlan(Plan newPlan) {
        return new StoredCopy(
                sourceHosts,
                sourceCredentials,
                indices,
                ifTargetExists,
                afterCopy,
                dryRun,
                maxDocsPerSecond,
                replicas,
                newPlan);
    }

    /**
     * @param sourceVersion        Elasticsearch version of the source
     * @param targetVersion        Elasticsearch version of the target
     * @param estimatedBytes       disk the copy needs on the target (source primaries plus a margin)
     * @param targetAvailableBytes free disk the target reports before its high watermark; null when it reports none
     * @param indices              the indices to copy
     * @param skipped              indices left alone because the target has them ({@code ifTargetExists: skip})
     * @param templates            names of the templates put on the target first
     * @param notes                what the operator should know of the copy that is not a problem, one sentence each
     *                             (replicas the target cannot place); empty in plans recorded before there were any
     */
    public record Plan(
            String sourceVersion,
            String targetVersion,
            long estimatedBytes,
            Long targetAvailableBytes,
            List<PlannedIndex> indices,
            List<String> skipped,
            List<String> templates,
            List<String> notes) {
        public Plan {
            notes = notes == null ? List.of() : List.copyOf(notes);
        }
    }

    /**
     * @param name      index name, the same on both clusters
     * @param documents documents on the source when planned
     * @param bytes     primary store size on the source
     * @param slices    copy tasks for this index
     * @param replaces  whether an existing target index is replaced
     * @param mappings  the translated (typeless) mappings
     * @param settings  the settings the target index is created with
     * @param notes     what planning changed besides the translation, one sentence each (fields mapped as ClearML's
     *                  templates map them); empty in plans recorded before there were any
     */
    public record PlannedIndex(
            String name,
            long documents,
            long bytes,
            int slices,
            boolean replaces,
            Map<String, Object> mappings,
            Map<String, Object> settings,
            List<String> notes) {
        public PlannedIndex {
            notes = notes == null ? List.of() : List.copyOf(notes);
        }
    }
}
