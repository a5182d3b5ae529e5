package com.clearmlmigrator.planner.progress;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.clearmlmigrator.contracts.TaskId;
import com.clearmlmigrator.contracts.TaskProgress;
import com.clearmlmigrator.contracts.TaskResult;
import com.clearmlmigrator.contracts.WorkerHeartbeat;
import com.clearmlmigrator.contracts.WorkerKind;

/**
 * What the workers' heartbeats tell about tasks under way and about the workers themselves. Held in memory only: it is
 * ephemeral, a task's result replaces it, and after a planner restart the next heartbeats (every few seconds) bring it
 * back. Times are the planner's own, taken when a heartbeat arrives, so workers' clocks do not matter.
 */
@ApplicationScoped
public class LiveProgress {
    private final Map<TaskId, TaskUnderWay> running = new ConcurrentHashMap<>();
    private final Map<String, WorkerSeen> workers = new ConcurrentHashMap<>();
    /**
     * When the handling that answered a task had started, by its worker's clock: a heartbeat sent just before the
     * result but read after it names that same handling, and must not bring the task back as running. A later handling
     * (a retry) started later, and is taken in.
     */
    private final Map<TaskId, Instant> answeredRuns = new ConcurrentHashMap<>();

    /** How recent a heartbeat must be to tell which worker takes a task up: a few heartbeats (2 s) of its claimant. */
    static final Duration CLAIM_HEARD_WITHIN = Duration.ofSeconds(10);

    /** Which worker takes a task up (watching the lease of its silent holder), and when a heartbeat last said so. */
    private record Claim(String worker, Instant heardAt) {}

    private final Map<TaskId, Claim> claims = new ConcurrentHashMap<>();

    /**
     * A worker and when it was last heard from.
     *
     * @param tasks  how many tasks its last heartbeat named as performed
     * @param busyAt when a heartbeat of it last named a task, performed or being taken up; null when none has
     */
    public record WorkerSeen(String worker, WorkerKind kind, Instant heardAt, int tasks, Instant busyAt) {}

    /** Takes a heartbeat in: each task it names is under way on that worker, heard from now. */
    public void heard(WorkerHeartbeat heartbeat, Instant now) {
        int tasks = heartbeat.tasks().size();
        workers.merge(
                heartbeat.worker(),
                new WorkerSeen(heartbeat.worker(), heartbeat.kind(), now, tasks, heartbeat.busy() ? now : null),
                (held, arriving) -> arriving.busyAt() != null
                        ? arriving
                        : new WorkerSeen(arriving.worker(), arriving.kind(), now, tasks, held.busyAt()));
        claims.entrySet()
                .removeIf(claim -> claim.getValue().worker().equals(heartbeat.worker())
                        && !heartbeat.claiming().contains(claim.getKey()));
        heartbeat.claiming().forEach(task -> claims.put(task, new Claim(heartbeat.worker(), now)));
        for (TaskProgress progress : heartbeat.tasks()) {
            Instant answered = answeredRuns.get(progress.taskId());
            if (answered != null && !progress.startedAt().isAfter(answered)) {
                continue;
            }
            running.merge(
                    progress.taskId(),
                    TaskUnderWay.heard(progress, heartbeat.worker(), now),
                    (held, arriving) -> held.heardAgain(arriving));
        }
    }

    /** Replaces what is held for a task (a stall marked, a task sent again); nothing if the task ended meanwhile. */
    public void update(TaskUnderWay task) {
        running.computeIfPresent(task.task(), (id, held) -> task);
    }

    /**
     * The task has a result: its progress no longer counts, and late heartbeats of that handling are ignored. A task of
     * milliseconds may answer before any heartbeat named it, and one sent while it ran is read after its result: the
     * result's own start time keeps that one out too.
     *
     * @param handlingStartedAt when the handling that answered started, by its worker's clock ({@link
     *                          TaskResult#startedAt()}); null when not known (the stall watch, a result of an older
     *                          worker)
     */
    public void finished(TaskId task, Instant handlingStartedAt) {
        TaskUnderWay ended = running.remove(task);
        claims.remove(task);
        Instant answered = later(ended == null ? null : ended.progress().startedAt(), handlingStartedAt);
        if (answered != null) {
            answeredRuns.merge(task, answered, LiveProgress::later);
        }
    }

    /** The later of two times, either of which may be unknown (null). */
    private static Instant later(Instant one, Instant other) {
        if (one == null || other == null) {
            return one == null ? other : one;
        }
        return one.isAfter(other) ? one : other;
    }

    /** The migration has ended: nothing of it runs any more. */
    public void forget(String migrationId) {
        running.keySet().removeIf(task -> task.migrationId().equals(migrationId));
        claims.keySet().removeIf(task -> task.migrationId().equals(migrationId));
        answeredRuns.keySet().removeIf(task -> task.migrationId().equals(migrationId));
    }

    /** The progress of one migration's running tasks, by task. */
    public Map<TaskId, TaskProgress> of(String migrationId) {
        return running.entrySet().stream()
                .filter(e -> e.getKey().migrationId().equals(migrationId))
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().progress()));
    }

    /** One migration's tasks under way, in plan order. */
    public List<TaskUnderWay> underWay(String migrationId) {
        return running.values().stream()
                .filter(t -> t.task().migrationId().equals(migrationId))
                .sorted(Comparator.comparingInt(t -> t.task().ordinal()))
                .toList();
    }

    /** The worker taking the task up now (watching the lease of its silent holder), as its last heartbeats say. */
    public Optional<String> takingUp(TaskId task, Instant now) {
        return Optional.ofNullable(claims.get(task))
                .filter(claim -> !claim.heardAt().isBefore(now.minus(CLAIM_HEARD_WITHIN)))
                .map(Claim::worker);
    }

    /** Every task under way, of every migration. */
    public List<TaskUnderWay> underWay() {
        return List.copyOf(running.values());
    }

    /** The worker of this kind heard from most recently, if any was. */
    public Optional<WorkerSeen> lastHeard(WorkerKind kind) {
        return workers.values().stream().filter(w -> w.kind() == kind).max(Comparator.comparing(WorkerSeen::heardAt));
    }

    /** Workers heard from within {@code window} before {@code now}, most recent first. */
    public List<WorkerSeen> workers(Instant now, Duration window) {
        workers.values().removeIf(w -> w.heardAt().isBefore(now.minus(window.multipliedBy(10))));
        return workers.values().stream()
                .filter(w -> !w.heardAt().isBefore(now.minus(window)))
                .sorted(Comparator.comparing(WorkerSeen::heardAt).reversed())
                .toList();
    }
}
