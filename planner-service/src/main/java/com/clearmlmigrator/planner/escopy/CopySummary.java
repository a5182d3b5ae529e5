package com.clearmlmigrator.planner.escopy;

import java.util.List;
import java.util.Map;

import com.clearmlmigrator.contracts.MigrationStatus;
import com.clearmlmigrator.contracts.TaskId;
import com.clearmlmigrator.contracts.TaskProgress;
import com.clearmlmigrator.planner.migration.Migration;
import com.clearmlmigrator.planner.migration.StoredCopy;
import com.clearmlmigrator.planner.migration.TaskCounts;
import com.clearmlmigrator.planner.migration.TaskFailure;
import com.clearmlmigrator.planner.migration.TaskState;

/**
 * The report of an Elasticsearch copy: the plan, and per index the documents on each side, whether the checksums
 * match, the time taken, and while it runs the rate and the time left.
 *
 * @param id                   migration id
 * @param status               life-cycle status
 * @param source               source hosts
 * @param target               target hosts
 * @param dryRun               true when only planned
 * @param ifTargetExists       what was done with indices the target already had
 * @param afterCopy            what was done with the source indices once verified
 * @param replicas             the replicas given to every copied index; null when each keeps its source's
 * @param sourceVersion        source Elasticsearch version
 * @param targetVersion        target Elasticsearch version
 * @param estimatedBytes       disk the copy needs on the target
 * @param targetAvailableBytes free disk on the target below its high watermark, when it reports it
 * @param documents            source documents of every index copied
 * @param copied               documents copied so far
 * @param tasks                task counts
 * @param error                why the migration failed or paused; null otherwise
 * @param indices              per index
 * @param skipped              indices left alone because the target had them
 * @param templates            templates put on the target
 * @param failures             every failed task and why
 * @param notes                what the operator should know of the copy that is not a problem, one sentence each
 */
public record CopySummary(
        String id,
        MigrationStatus status,
        List<String> source,
        List<String> target,
        boolean dryRun,
        String ifTargetExists,
        String afterCopy,
        Integer replicas,
        String sourceVersion,
        String targetVersion,
        Long estimatedBytes,
        Long targetAvailableBytes,
        long documents,
        long copied,
        TaskCounts tasks,
        String error,
        List<CopyIndexRow> indices,
        List<String> skipped,
        List<String> templates,
        List<TaskFailure> failures,
        List<String> notes) {

    public static CopySummary of(Migration migration, TaskCounts counts, List<TaskState> tasks) {
        return of(migration, counts, tasks, Map.of());
    }

    /** @param running the progress of tasks still under way, by task id, counted until their results arrive */
    public static CopySummary of(
            Migration migration, TaskCounts counts, List<TaskState> tasks, Map<TaskId, TaskProgress> running) {
        StoredCopy copy = migration.copy();
        StoredCopy.Plan plan = copy.plan();
        List<CopyIndexRow> rows = plan == null
                ? List.of()
                : plan.indices().stream()
                        .map(index -> CopyIndexRow.of(index, copy, tasks, running))
                        .toList();
        return new CopySummary(
                migration.id(),
                migration.status(),
                copy.sourceHosts(),
                migration.targets().elasticHosts(),
                copy.dryRun(),
                copy.ifTargetExists(),
                copy.afterCopy(),
                copy.replicas(),
                plan == null ? null : plan.sourceVersion(),
                plan == null ? null : plan.targetVersion(),
                plan == null ? null : plan.estimatedBytes(),
                plan == null ? null : plan.targetAvailableBytes(),
                rows.stream().mapToLong(CopyIndexRow::documents).sum(),
                rows.stream().mapToLong(CopyIndexRow::copied).sum(),
                counts,
                migration.error(),
                rows,
                plan == null ? List.of() : plan.skipped(),
                plan == null ? List.of() : plan.templates(),
                TaskFailure.of(tasks),
                plan == null ? List.of() : plan.notes());
    }
}
