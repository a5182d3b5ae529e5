package com.clearmlmigrator.planner.progress;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.clearmlmigrator.contracts.CollectionInspection;
import com.clearmlmigrator.contracts.CopyReport;
import com.clearmlmigrator.contracts.FieldTally;
import com.clearmlmigrator.contracts.IndexInspection;
import com.clearmlmigrator.contracts.RelinkReport;
import com.clearmlmigrator.contracts.TaskId;
import com.clearmlmigrator.contracts.TaskProgress;
import com.clearmlmigrator.contracts.TaskReport;
import com.clearmlmigrator.planner.migration.Migration;
import com.clearmlmigrator.planner.migration.TaskState;

/**
 * How far a running migration has come on one collection or index: what a progress bar per collection and index
 * shows. Parts are the tasks planned for it (id ranges, slices, copy steps); documents are those its finished parts
 * reported plus what the running ones last said in a heartbeat.
 *
 * @param target       collection or index
 * @param parts        tasks planned for it
 * @param partsEnded   of those, the ones that ended, succeeded or failed
 * @param partsFailed  of those, the ones that failed
 * @param documents    documents scanned (relink, undo), counted (inspect) or copied (es-copy) so far
 * @param changed      values a relink or undo rewrote so far
 * @param documentsPlanned the documents it held when the migration was planned, which a relink scans, an inspection
 *                     counts and an undo restores; null when not counted (es-copies, and migrations planned before
 *                     the count was kept)
 */
public record TargetProgress(
        String target,
        int parts,
        int partsEnded,
        int partsFailed,
        long documents,
        long changed,
        Long documentsPlanned) {

    /** One entry per target, in plan order. */
    public static List<TargetProgress> of(
            List<TaskState> tasks, Map<TaskId, TaskProgress> running, List<Migration.PlannedDocuments> planned) {
        Map<String, Long> plannedByTarget = new HashMap<>();
        planned.forEach(p -> plannedByTarget.merge(p.target(), p.documents(), Long::sum));
        Map<String, TargetProgress> byTarget = new LinkedHashMap<>();
        for (TaskState task : tasks) {
            TargetProgress part = part(task, running.get(task.id()));
            byTarget.merge(task.target(), part, TargetProgress::plus);
        }
        return byTarget.values().stream()
                .map(target -> target.planned(plannedByTarget.get(target.target())))
                .toList();
    }

    private static TargetProgress part(TaskState task, TaskProgress underWay) {
        if (task.isPending()) {
            long documents = underWay == null ? 0 : underWay.documents();
            long changed = underWay == null ? 0 : underWay.changed();
            return new TargetProgress(task.target(), 1, 0, 0, documents, changed, null);
        }
        TaskReport report = task.result().report();
        return new TargetProgress(
                task.target(), 1, 1, task.hasFailed() ? 1 : 0, documents(report), changed(report), null);
    }

    private static long documents(TaskReport report) {
        if (report instanceof RelinkReport relink) {
            return relink.fields().stream().mapToLong(FieldTally::scanned).max().orElse(0);
        }
        if (report instanceof CollectionInspection collection) {
            return collection.documents();
        }
        if (report instanceof IndexInspection index) {
            return index.documents();
        }
        if (report instanceof CopyReport copy) {
            return copy.documentsCopied();
        }
        return 0;
    }

    private static long changed(TaskReport report) {
        return report instanceof RelinkReport relink
                ? relink.fields().stream().mapToLong(FieldTally::changed).sum()
                : 0;
    }

    private TargetProgress plus(TargetProgress other) {
        return new TargetProgress(
                target,
                parts + other.parts,
                partsEnded + other.partsEnded,
                partsFailed + other.partsFailed,
                documents + other.documents,
                changed + other.changed,
                documentsPlanned);
    }

    private TargetProgress planned(Long documents) {
        return new TargetProgress(target, parts, partsEnded, partsFailed, this.documents, changed, documents);
    }
}
