package com.clearmlmigrator.contracts;

import java.time.Instant;
import java.util.Objects;

/**
 * How far a running task has come, published by a worker while it works (at most every few seconds), so a long slice
 * shows progress before its result. Best effort: a lost or late message only makes progress coarser; results alone
 * decide what is done.
 *
 * @param taskId    the running task
 * @param documents documents the task has finished so far
 * @param startedAt when this handling of the task started
 * @param at        when this was measured
 */
public record TaskProgress(TaskId taskId, long documents, Instant startedAt, Instant at) {
    public TaskProgress {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(at, "at");
        if (documents < 0) {
            throw new IllegalArgumentException("documents must not be negative: " + documents);
        }
    }
}
