package com.clearmlmigrator.planner.progress;

import java.time.Duration;
import java.time.Instant;

/**
 * When a task under way counts as stalled, and what is done about it.
 *
 * @param timeout how long a started task may go unnamed by heartbeats before it has stalled
 * @param resends how often a stalled task is sent again before it fails
 */
public record StallPolicy(Duration timeout, int resends) {

    /**
     * Whether the task has been silent for the timeout, counting only the time the planner heard Kafka: a heartbeat
     * that could not reach a deaf planner is no silence of the worker's.
     *
     * @param hearingSince since when the planner has heard Kafka without a break
     */
    public boolean hasStalled(TaskUnderWay task, Instant hearingSince, Instant now) {
        Instant silentSince = task.silentSince().isAfter(hearingSince) ? task.silentSince() : hearingSince;
        return Duration.between(silentSince, now).compareTo(timeout) >= 0;
    }
}
