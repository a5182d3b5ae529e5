package com.clearmlmigrator.planner.migration;

import java.util.Objects;

import com.clearmlmigrator.contracts.MigrationTask;
import com.clearmlmigrator.contracts.TaskId;
import com.clearmlmigrator.contracts.TaskOutcome;
import com.clearmlmigrator.contracts.TaskResult;
import com.clearmlmigrator.contracts.TaskType;

/**
 * A planned task and, once a worker answered, its first result.
 *
 * @param id     deterministic task id
 * @param type   task type
 * @param target collection or index
 * @param result     the first result received; null while pending
 * @param definition the task as planned, without secrets, so it can be sent again; null for tasks stored before
 *                   definitions were kept
 * @param dispatched whether the task was handed to the workers; a planned step waits until the steps before it end
 */
public record TaskState(
        TaskId id, TaskType type, String target, TaskResult result, MigrationTask definition, boolean dispatched) {
    public TaskState {
        Objects.requireNonNull(id, "id");
    }

    public static TaskState pending(MigrationTask task) {
        return new TaskState(task.id(), task.type(), task.target(), null, task.withoutSecrets(), false);
    }

    public boolean isPending() {
        return result == null;
    }

    public boolean hasSucceeded() {
        return result != null && result.outcome() == TaskOutcome.SUCCEEDED;
    }

    public boolean hasFailed() {
        return result != null && result.outcome() == TaskOutcome.FAILED;
    }
}
