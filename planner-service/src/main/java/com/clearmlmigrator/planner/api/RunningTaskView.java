package com.clearmlmigrator.planner.api;

import java.time.Instant;

import com.clearmlmigrator.contracts.StoreWait;
import com.clearmlmigrator.planner.progress.TaskUnderWay;

/**
 * A task under way, as {@code GET /migrations/{id}} shows it.
 *
 * @param task         task id
 * @param worker       the worker performing it, as last heard
 * @param documents    documents finished: scanned by a relink, copied by a copy
 * @param changed      values a relink has rewritten
 * @param startedAt    when the worker started it
 * @param lastHeardAt  when a heartbeat last named it
 * @param stalled      true when nothing has been heard of it for {@code planner.stall-timeout}
 * @param stalledSince when it was found stalled; null when it is not
 * @param resent       how often it was sent again because it stalled
 * @param waiting      the store it waits for, between attempts that found it away; null while it works
 */
public record RunningTaskView(
        String task,
        String worker,
        long documents,
        long changed,
        Instant startedAt,
        Instant lastHeardAt,
        boolean stalled,
        Instant stalledSince,
        int resent,
        StoreWait waiting) {

    static RunningTaskView of(TaskUnderWay task) {
        return new RunningTaskView(
                task.task().toString(),
                task.worker(),
                task.progress().documents(),
                task.progress().changed(),
                task.progress().startedAt(),
                task.lastHeardAt(),
                task.stalledSince() != null,
                task.stalledSince(),
                task.resent(),
                task.progress().waiting());
    }
}
