package com.clearmlmigrator.planner.domain;

import jakarta.enterprise.context.ApplicationScoped;

import com.clearmlmigrator.contracts.MigrationStatus;
import com.clearmlmigrator.contracts.TaskProgress;

/**
 * Folds the progress of running tasks into their migration's view and progress snapshots. Only running migrations
 * take it: a late message about a migration that ended is dropped.
 */
@ApplicationScoped
public class ProgressAggregator {
    private final MigrationStore store;
    private final LiveProgress live;
    private final ProgressReporter reporter;

    public ProgressAggregator(MigrationStore store, LiveProgress live, ProgressReporter reporter) {
        this.store = store;
        this.live = live;
        this.reporter = reporter;
    }

    public void accept(TaskProgress progress) {
        String migrationId = progress.taskId().jobId();
        store.find(migrationId)
                .filter(migration -> migration.status() == MigrationStatus.RUNNING)
                .ifPresent(migration -> {
                    live.record(progress);
                    // Progress arrives often; the tasks are counted only when a snapshot is due.
                    reporter.report(migration, () -> store.counts(migrationId));
                });
    }
}
