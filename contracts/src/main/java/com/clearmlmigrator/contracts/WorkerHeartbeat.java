package com.clearmlmigrator.contracts;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A worker's sign of life, published every {@code worker.progress-interval} (2 s) whether it is busy or not. The
 * planner learns from it which tasks are under way where and how far they have come, and notices a task whose
 * heartbeats stopped (a frozen or lost worker) without waiting for a result that may never come.
 *
 * @param worker this worker process's id: its kind, host and process, and a suffix drawn at start
 * @param kind   the kind of worker
 * @param at     when the heartbeat was sent, by the worker's clock
 * @param tasks  the tasks it is performing now, each with its progress
 */
public record WorkerHeartbeat(String worker, WorkerKind kind, Instant at, List<TaskProgress> tasks) {
    public WorkerHeartbeat {
        Objects.requireNonNull(worker, "worker");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
    }
}
