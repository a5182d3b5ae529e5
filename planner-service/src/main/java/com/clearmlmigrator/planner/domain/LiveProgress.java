package com.clearmlmigrator.planner.domain;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import com.clearmlmigrator.contracts.TaskId;
import com.clearmlmigrator.contracts.TaskProgress;

/**
 * The latest progress of each running task, held in memory only: it is ephemeral, a task's result replaces it, and
 * after a planner restart the workers' next messages bring it back.
 */
@ApplicationScoped
public class LiveProgress {
    private final Map<TaskId, TaskProgress> running = new ConcurrentHashMap<>();

    /** Keeps the newer of this and what is held for the task: messages may arrive out of order. */
    public void record(TaskProgress progress) {
        running.merge(
                progress.taskId(), progress, (held, arriving) -> arriving.at().isAfter(held.at()) ? arriving : held);
    }

    /** The task has a result: its progress no longer counts. */
    public void finished(TaskId task) {
        running.remove(task);
    }

    /** The migration has ended: nothing of it runs any more. */
    public void forget(String migrationId) {
        running.keySet().removeIf(task -> task.jobId().equals(migrationId));
    }

    /** The progress of one migration's running tasks. */
    public Map<TaskId, TaskProgress> of(String migrationId) {
        return running.entrySet().stream()
                .filter(e -> e.getKey().jobId().equals(migrationId))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
