package com.clearmlmigrator.worker.runtime;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.clearmlmigrator.contracts.TaskId;

/**
 * The tasks this worker performs now, and those it is taking up (claiming their lease). The intake adds and removes
 * them; the heartbeat reports them, and renews the leases of those it performs.
 */
@ApplicationScoped
public class RunningTasks implements ProgressBeacon {
    private static final Counter NOWHERE = documents -> {};

    private final Map<TaskId, RunningTask> tasks = new ConcurrentHashMap<>();
    /** How many deliveries of each task are being claimed: Kafka may hand a task over twice at once (a resend). */
    private final Map<TaskId, Integer> claiming = new ConcurrentHashMap<>();

    RunningTask begin(TaskId id) {
        RunningTask task = new RunningTask(id, Instant.now());
        tasks.put(id, task);
        return task;
    }

    void end(RunningTask task) {
        tasks.remove(task.id(), task);
    }

    /**
     * The task's lease is being claimed here: for as long as a lease time when another worker holds it. Its lease is
     * not this worker's to renew yet.
     */
    void claiming(TaskId id) {
        claiming.merge(id, 1, Integer::sum);
    }

    /** The claim ended: the task runs here now, or runs elsewhere. */
    void claimEnded(TaskId id) {
        claiming.computeIfPresent(id, (task, claims) -> claims > 1 ? claims - 1 : null);
    }

    /** The tasks whose lease is being claimed here. */
    List<TaskId> claims() {
        return List.copyOf(claiming.keySet());
    }

    boolean isRunning(TaskId id) {
        return tasks.containsKey(id);
    }

    List<RunningTask> all() {
        return List.copyOf(tasks.values());
    }

    @Override
    public Counter counter(TaskId task) {
        RunningTask running = tasks.get(task);
        return running != null ? running : NOWHERE;
    }
}
