package com.clearmlmigrator.contracts;

import java.time.Duration;
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
 * @param answeredAt when the task's store last answered it (a count went up, a verifying read came back), or when it
 *                  started, by the worker's clock like {@code at}: a store that takes requests and never answers them
 *                  shows as the time between the two long before the attempt times out; null from workers before
 *                  2026-12-07
 */
public record TaskProgress(
        TaskId taskId,
        long documents,
        long changed,
        Instant startedAt,
        Instant at,
        @JsonInclude(JsonInclude.Include.NON_NULL) StoreWait waiting,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant answeredAt) {
    public TaskProgress {
        Objects.requireNonNull(taskId, "taskId");
        Objects.requireNonNull(startedAt, "startedAt");
        Objects.requireNonNull(at, "at");
        if (documents < 0 || changed < 0) {
            throw new IllegalArgumentException("counts must not be negative: " + documents + ", " + changed);
        }
    }

    /** A task at work, waiting for no store, last answered as it was measured. */
    public TaskProgress(TaskId taskId, long documents, long changed, Instant startedAt, Instant at) {
        this(taskId, documents, changed, startedAt, at, null, at);
    }

    /** How long the task's store had not answered it when this was measured; zero when not known. */
    public Duration unansweredFor() {
        return answeredAt == null || answeredAt.isAfter(at) ? Duration.ZERO : Duration.between(answeredAt, at);
    }
}
