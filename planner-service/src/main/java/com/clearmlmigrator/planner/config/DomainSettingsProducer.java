package com.clearmlmigrator.planner.config;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.context.ThreadContext;

import com.clearmlmigrator.planner.escopy.CopyChunking;
import com.clearmlmigrator.planner.lifecycle.PlanningExecutor;
import com.clearmlmigrator.planner.progress.PlannerHearing;
import com.clearmlmigrator.planner.progress.StallPolicy;
import com.clearmlmigrator.planner.relink.RelinkChunking;

/** The domain's settings as plain values, read from {@link PlannerConfig}: the domain never reads configuration. */
public class DomainSettingsProducer {
    private static final int PLANNING_THREADS = 2;
    private static final Duration SCHEDULER_FLOOR = Duration.ofSeconds(1);

    @Produces
    @Singleton
    RelinkChunking relinkChunking(PlannerConfig config) {
        return new RelinkChunking(
                config.relinkChunkSize(),
                config.relinkSliceSize(),
                config.relinkPlotSliceSize(),
                config.relinkMaxSlices());
    }

    @Produces
    @Singleton
    CopyChunking copyChunking(PlannerConfig config) {
        return new CopyChunking(
                config.copySliceSize(), config.copyMaxSlices(), config.copyWorkers(), config.copySmallIndex());
    }

    @Produces
    @Singleton
    StallPolicy stallPolicy(PlannerConfig config) {
        return new StallPolicy(config.stallTimeout(), config.stallResends());
    }

    @Produces
    @Singleton
    PlannerHearing plannerHearing(PlannerConfig config) {
        // Deaf once five probes in a row did not come back: one late probe on a busy host is no outage. The scheduler
        // runs nothing more often than once a second, so a shorter interval still sends one probe a second.
        Duration interval =
                config.probeInterval().compareTo(SCHEDULER_FLOOR) < 0 ? SCHEDULER_FLOOR : config.probeInterval();
        return new PlannerHearing(interval.multipliedBy(5), Instant.now());
    }

    @Produces
    @Singleton
    PlanningExecutor planningExecutor(PlannerConfig config) {
        // Two threads: planning mostly waits on the stores. The queue is bounded by the executor's own places.
        ManagedExecutor threads = ManagedExecutor.builder()
                .maxAsync(PLANNING_THREADS)
                .propagated(ThreadContext.NONE)
                .cleared(ThreadContext.ALL_REMAINING)
                .build();
        return new PlanningExecutor(threads, config.planningQueue());
    }

    void stopPlanning(@Disposes PlanningExecutor executor) {
        executor.close();
    }
}
