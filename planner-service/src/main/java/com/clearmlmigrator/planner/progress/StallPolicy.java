package com.clearmlmigrator.planner.progress;

import java.time.Duration;

/**
 * When a task under way counts as stalled, and what is done about it.
 *
 * @param timeout how long a started task may go unnamed by heartbeats before it has stalled
 * @param resends how often a stalled task is sent again before it fails
 */
public record StallPolicy(Duration timeout, int resends) {}
