package com.clearmlmigrator.contracts;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A worker's sign of life, published every {@code worker.progress-interval} (2 s) whether it is busy or not. The
 * planner learns from it which tasks are under way where and how far they have come, and notices a task whose
 * heartbeats stopped (a frozen or lost worker) without waiting for a result that may never come.
 *
 * @param worker this worker process's id: its kind, host and process, and a suffix drawn at start
 * @param kind   the kind of worker
 * @param at     when the heartbeat was sent, by the worker's clock
 * @param tasks    the tasks it is performing now, each with its progress
 * @param claiming the tasks delivered to it that it is taking up and not performing yet: above all those whose lease
 *                 it watches (for up to a lease time, 20 s) to learn whether their holder is alive. The worker is
 *                 busy with them, and the planner does not fail a task sent again while a worker may be taking it
 *                 over. Empty in heartbeats of workers older than this field.
 */
public record WorkerHeartbeat(
        String worker, WorkerKind kind, Instant at, List<TaskProgress> tasks, List<TaskId> claiming) {
    public WorkerHeartbeat {
        Objects.requireNonNull(worker, "worker");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
        claiming = claiming == null ? List.of() : List.copyOf(claiming);
    }

    /** The migrations whose tasks it performs or takes up. */
    public Set<String> migrationIds() {
        Set<String> ids = new LinkedHashSet<>();
        tasks.forEach(progress -> ids.add(progress.taskId().migrationId()));
        claiming.forEach(task -> ids.add(task.migrationId()));
        return ids;
    }

    /** This heartbeat with only the tasks, performed or taken up, of these migrations. */
    public WorkerHeartbeat onlyOf(Collection<String> migrationIds) {
        return new WorkerHeartbeat(
                worker,
                kind,
                at,
                tasks.stream()
                        .filter(progress ->
                                migrationIds.contains(progress.taskId().migrationId()))
                        .toList(),
                claiming.stream()
                        .filter(task -> migrationIds.contains(task.migrationId()))
                        .toList());
    }

    /** Whether it performs or takes up any task. */
    public boolean busy() {
        return !tasks.isEmpty() || !claiming.isEmpty();
    }
}
