package com.clearmlmigrator.planner.lifecycle;

import java.util.List;

import com.clearmlmigrator.contracts.ContentChecksum;
import com.clearmlmigrator.contracts.CopyReport;
import com.clearmlmigrator.contracts.CopySpec;
import com.clearmlmigrator.contracts.MigrationTask;
import com.clearmlmigrator.contracts.TaskType;
import com.clearmlmigrator.planner.migration.TaskState;

/**
 * Which tasks wait for which. Most tasks stand alone; an Elasticsearch copy runs in steps per index: its slices wait
 * for the index's preparation, its verification for every slice. Derived from the tasks themselves, so nothing extra
 * is stored and a restarted planner knows the order.
 */
public final class TaskSteps {
    private TaskSteps() {}

    /** The tasks that must succeed before {@code task} may run. */
    public static List<TaskState> prerequisites(TaskState task, List<TaskState> all) {
        TaskType before = switch (task.type()) {
            case COPY_SLICE -> TaskType.PREPARE_COPY;
            case VERIFY_COPY -> TaskType.COPY_SLICE;
            default -> null;
        };
        if (before == null) {
            return List.of();
        }
        return all.stream()
                .filter(t -> t.type() == before && t.target().equals(task.target()))
                .toList();
    }

    /**
     * The task as it is sent, with what its prerequisites found: a verification learns the source fingerprint that
     * the copy slices summed while reading, and the source's write count from before the first of them opened its
     * scroll. The count only grows, so the least the slices read is that one; unknown if any slice did not say.
     */
    public static MigrationTask resolved(MigrationTask definition, List<TaskState> all) {
        if (definition.type() != TaskType.VERIFY_COPY) {
            return definition;
        }
        TaskState task = all.stream()
                .filter(t -> t.id().equals(definition.id()))
                .findFirst()
                .orElseThrow();
        List<CopyReport> slices = prerequisites(task, all).stream()
                .map(t -> (CopyReport) t.result().report())
                .toList();
        ContentChecksum source =
                slices.stream().map(CopyReport::source).reduce(ContentChecksum.EMPTY, ContentChecksum::plus);
        Long writesBefore = slices.stream().anyMatch(slice -> slice.sourceWrites() == null)
                ? null
                : slices.stream().mapToLong(CopyReport::sourceWrites).min().orElse(0);
        return definition.withCopy(((CopySpec.Verify) definition.copy()).expecting(source, writesBefore));
    }
}
