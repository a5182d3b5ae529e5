package com.clearmlmigrator.planner.relink;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.clearmlmigrator.contracts.FieldTally;
import com.clearmlmigrator.contracts.MigrationStatus;
import com.clearmlmigrator.contracts.RelinkReport;
import com.clearmlmigrator.contracts.RelinkReport.DocumentIssue;
import com.clearmlmigrator.contracts.RelinkReport.ValueSample;
import com.clearmlmigrator.contracts.WorkerKind;
import com.clearmlmigrator.planner.migration.Migration;
import com.clearmlmigrator.planner.migration.TaskCounts;
import com.clearmlmigrator.planner.migration.TaskFailure;
import com.clearmlmigrator.planner.migration.TaskState;

/**
 * The report of a relink: per collection or index and field, how many values were scanned, matched, changed, left
 * alone (conflicts, collisions), failed and still reference the old prefix, with before/after samples.
 *
 * @param id       migration id
 * @param status   migration status; partial while RUNNING
 * @param from     old prefix
 * @param to       new prefix
 * @param dryRun   true when nothing was written
 * @param tasks    task counts
 * @param error    why the migration failed as a whole; null otherwise
 * @param targets  one entry per collection and index, in plan order
 * @param failures every failed task with its reason
 */
public record RelinkSummary(
        String id,
        MigrationStatus status,
        String from,
        String to,
        boolean dryRun,
        TaskCounts tasks,
        String error,
        List<TargetSummary> targets,
        List<TaskFailure> failures) {

    private static final int SAMPLES_PER_TARGET = 6;
    private static final int ISSUES_PER_TARGET = 100;

    /**
     * One collection or index.
     *
     * @param store   {@code mongo} or {@code elastic}
     * @param target  collection or index name
     * @param fields  counts per field, summed over the target's tasks
     * @param samples a few before/after pairs
     * @param issues  documents left alone, and why
     */
    public record TargetSummary(
            String store,
            String target,
            List<FieldTally> fields,
            List<ValueSample> samples,
            List<DocumentIssue> issues) {}

    public static RelinkSummary of(Migration migration, TaskCounts counts, List<TaskState> tasks) {
        Map<String, Accumulator> byTarget = new LinkedHashMap<>();
        for (TaskState task : tasks) {
            String store = task.type().worker() == WorkerKind.MONGO ? "mongo" : "elastic";
            Accumulator target =
                    byTarget.computeIfAbsent(store + ":" + task.target(), k -> new Accumulator(store, task.target()));
            if (task.result() != null && task.result().report() instanceof RelinkReport report) {
                target.add(report);
            }
        }
        List<TaskFailure> failures = TaskFailure.of(tasks);
        return new RelinkSummary(
                migration.id(),
                migration.status(),
                migration.relink().from(),
                migration.relink().to(),
                migration.relink().dryRun(),
                counts,
                migration.error(),
                byTarget.values().stream().map(Accumulator::summary).toList(),
                failures);
    }

    /** Sums one target's task reports. */
    private static final class Accumulator {
        private final String store;
        private final String target;
        private final Map<String, FieldTally> fields = new LinkedHashMap<>();
        private final List<ValueSample> samples = new ArrayList<>();
        private final List<DocumentIssue> issues = new ArrayList<>();

        Accumulator(String store, String target) {
            this.store = store;
            this.target = target;
        }

        void add(RelinkReport report) {
            report.fields().forEach(f -> fields.merge(f.field(), f, FieldTally::plus));
            report.samples().stream()
                    .limit(Math.max(0, SAMPLES_PER_TARGET - samples.size()))
                    .forEach(samples::add);
            report.issues().stream()
                    .limit(Math.max(0, ISSUES_PER_TARGET - issues.size()))
                    .forEach(issues::add);
        }

        TargetSummary summary() {
            return new TargetSummary(store, target, List.copyOf(fields.values()), samples, issues);
        }
    }
}
