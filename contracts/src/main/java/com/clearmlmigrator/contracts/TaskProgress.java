package com.clearmlmigrator.contracts;

import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How far a running task has come, as its worker's heartbeat tells it ({@link WorkerHeartbeat}). Best effort: a lost or
 * late message only makes progress coarser; results alone decide what is done.
 *
 * @param taskId    the running task
 * @param documents documents the task has finished so far: scanned by a relink, copied by a copy slice
 * @param changed   values a relink has rewritten so far, counted as its report counts them; 0 for other tasks
 * @param startedAt when this handling of the task started
 * @param at        when this was measured
 * @param waiting   the store it waits for, between attempts that found it away; null while it works (and in heartbeats
 *                  of workers older than this field)
 */
public record TaskProgress(
        TaskId taskId,
        long documents,
        long changed,
        Instant startedAt,
        Instant at,
        @JsonInclude(JsonInclude.Include.NON_NULL) StoreWait waiting) {
    public TaskProgress {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(at, "at");
        if (documents < 0 || changed < 0) {
            throw new IllegalArgumentException("counts must not be negative: " + documents + ", " + changed);
        }
    }

    /** A task at work, waiting for no store. */
    public TaskProgress(TaskId taskId, long documents, long changed, Instant startedAt, Instant at) {
        this(taskId, documents, changed, startedAt, at, null);
    }
}
