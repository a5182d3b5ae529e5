package com.clearmlmigrator.planner.config;

import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import com.clearmlmigrator.planner.escopy.CopyChunking;
import com.clearmlmigrator.planner.lifecycle.PlanningExecutor;
import com.clearmlmigrator.planner.progress.StallPolicy;
import com.clearmlmigrator.planner.relink.RelinkChunking;

/** The domain's settings as plain values, read from {@link PlannerConfig}: the domain never reads configuration. */
public class DomainSettingsProducer {
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
                config.copySliceSize(), config.copyMaxSlices(), config.copyConcurrentSlices(), config.copySmallIndex());
    }

    @Produces
    @Singleton
    StallPolicy stallPolicy(PlannerConfig config) {
        return new StallPolicy(config.stallTimeout(), config.stallResends());
    }

    @Produces
    @Singleton
    PlanningExecutor planningExecutor(PlannerConfig config) {
        return new PlanningExecutor(config.planningQueue());
    }

    void stopPlanning(@Disposes PlanningExecutor executor) {
        executor.close();
    }
}
