package com.clearmlmigrator.planner.config;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import com.clearmlmigrator.planner.lifecycle.HearingWatch;
import com.clearmlmigrator.planner.lifecycle.StallWatch;
import com.clearmlmigrator.planner.lifecycle.UnsentTasks;

import io.quarkus.scheduler.Scheduled;

/**
 * Every {@code planner.stall-check-interval}, one run at a time, once the planner has started: says whether the planner
 * lost Kafka or hears it again, judges silent tasks, skips the unsent tasks a cancel could not skip at once, then sends
 * the tasks the broker did not take.
 */
@ApplicationScoped
public class LifecycleWatchSchedule {
    private final HearingWatch hearing;
    private final StallWatch stalls;
    private final UnsentTasks unsent;

    public LifecycleWatchSchedule(HearingWatch hearing, StallWatch stalls, UnsentTasks unsent) {
        this.hearing = hearing;
        this.stalls = stalls;
        this.unsent = unsent;
    }

    @Scheduled(
            every = "${planner.stall-check-interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void check() {
        Instant now = Instant.now();
        hearing.check(now);
        stalls.check(now);
        unsent.skipOwed();
        unsent.send(now);
    }
}
