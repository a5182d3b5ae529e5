package com.clearmlmigrator.planner.migration;

import java.util.List;

import com.clearmlmigrator.contracts.FailureReason;

/**
 * A task that failed, as every report lists it.
 *
 * @param task   task id
 * @param target collection or index
 * @param reason reason from the failure taxonomy
 * @param detail the worker's sentence, with the next step it named ({@link NextSteps})
 */
public record TaskFailure(String task, String target, FailureReason reason, String detail) {
    /** Every failed task of a migration, in plan order. */
    public static List<TaskFailure> of(List<TaskState> tasks) {
        return tasks.stream()
                .filter(TaskState::hasFailed)
                .map(t -> new TaskFailure(
                        t.id().toString(),
                        t.target(),
                        t.result().reason(),
                        NextSteps.sentence(t.result(), t.id().migrationId())))
                .toList();
    }
}
