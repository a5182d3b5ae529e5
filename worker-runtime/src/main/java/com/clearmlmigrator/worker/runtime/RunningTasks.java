package com.clearmlmigrator.worker.runtime;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.clearmlmigrator.contracts.TaskId;

/** The tasks this worker performs now. The intake adds and removes them; the heartbeat reports and renews them. */
@ApplicationScoped
public class RunningTasks implements ProgressBeacon {
    private static final Counter NOWHERE = documents -> {};

    private final Map<TaskId, RunningTask> tasks = new ConcurrentHashMap<>();

    RunningTask begin(TaskId id) {
        RunningTask task = new RunningTask(id, Instant.now());
        tasks.put(id, task);
        return task;
    }

    void end(RunningTask task) {
        tasks.remove(task.id(), task);
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
