package com.clearmlmigrator.contracts;

import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The answer to one task, published by a worker once per handling. The planner keeps the first result of a task id
 * and ignores later duplicates.
 *
 * @param taskId  id of the task this answers
 * @param outcome whether the task succeeded, failed, or was skipped because its migration was cancelled
 * @param reason  why it failed; null when it succeeded
 * @param detail  one sentence a user can act on; never a stack trace or a credential; null when it succeeded
 * @param report  what the task found or did; for a task that failed or was stopped part-way, what it did until then
 *                (a relink's counts of the values it changed), or null when it did not say
 * @param remedy  what the operator does once the cause {@code detail} names is fixed; absent when the sentence says all
 * @param startedAt when the handling that answers started, by the worker's clock, as its heartbeats give it: a
 *                  heartbeat sent while the task ran but read after this result names the same handling and is
 *                  ignored; absent for a task never started (unreadable, skipped) and from workers before 2026-12-05
 */
public record TaskResult(
        TaskId taskId,
        TaskOutcome outcome,
        FailureReason reason,
        String detail,
        TaskReport report,
        @JsonInclude(JsonInclude.Include.NON_NULL) Remedy remedy,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant startedAt) {
    public TaskResult {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(outcome, "outcome");
        if (outcome == TaskOutcome.FAILED && reason == null) {
            throw new IllegalArgumentException("a failed result needs a reason");
        }
    }

    /** A successful result carrying its report. */
    public static TaskResult succeeded(TaskId taskId, TaskReport report) {
        return new TaskResult(taskId, TaskOutcome.SUCCEEDED, null, null, report, null, null);
    }

    /**
     * The answer to a task of a cancelled migration that was never started: the planner learns that the task will not
     * write anything any more.
     */
    public static TaskResult skipped(TaskId taskId) {
        return new TaskResult(taskId, TaskOutcome.SKIPPED, null, null, null, null, null);
    }

    /**
     * The answer to a task of a cancelled migration that stopped part-way: skipped, with what it did until then (a
     * relink's counts of the values it changed); {@code soFar} null when the task does not say.
     */
    public static TaskResult stoppedPartWay(TaskId taskId, TaskReport soFar) {
        return new TaskResult(taskId, TaskOutcome.SKIPPED, null, null, soFar, null, null);
    }

    /** A failed result with its reason and a sentence for the user. */
    public static TaskResult failed(TaskId taskId, FailureReason reason, String detail) {
        return failed(taskId, reason, detail, null);
    }

    /** A failed result whose sentence says what to fix, after which the operator takes {@code remedy}. */
    public static TaskResult failed(TaskId taskId, FailureReason reason, String detail, Remedy remedy) {
        return new TaskResult(taskId, TaskOutcome.FAILED, reason, detail, null, remedy, null);
    }

    /** The failure a worker met, as its result, with what the task did before it when the failure says. */
    public static TaskResult failed(TaskId taskId, TaskFailedException failure) {
        return new TaskResult(
                taskId,
                TaskOutcome.FAILED,
                failure.reason(),
                failure.getMessage(),
                failure.soFar(),
                failure.remedy(),
                null);
    }

    /** This result, answering with {@code answered} as what the task found or did. */
    public TaskResult withReport(TaskReport answered) {
        return new TaskResult(taskId, outcome, reason, detail, answered, remedy, startedAt);
    }

    /** This result, saying when the handling that answers started. */
    public TaskResult withStartedAt(Instant handlingStartedAt) {
        return new TaskResult(taskId, outcome, reason, detail, report, remedy, handlingStartedAt);
    }
}
