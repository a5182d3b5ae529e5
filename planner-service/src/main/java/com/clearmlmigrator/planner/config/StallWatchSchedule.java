package com.clearmlmigrator.planner.config;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import com.clearmlmigrator.planner.lifecycle.StallWatch;

import io.quarkus.scheduler.Scheduled;

/** Runs the stall check every {@code planner.stall-check-interval}, one run at a time, once the planner has started. */
@ApplicationScoped
public class StallWatchSchedule {
    private final StallWatch watch;

    public StallWatchSchedule(StallWatch watch) {
        this.watch = watch;
    }

    @Scheduled(
            every = "${planner.stall-check-interval:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void check() {
        watch.check(Instant.now());
    }
}
