package com.clearmlmigrator.planner.progress;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.clearmlmigrator.contracts.MigrationStatus;
import com.clearmlmigrator.contracts.WorkerHeartbeat;
import com.clearmlmigrator.planner.migration.Migration;
import com.clearmlmigrator.planner.migration.MigrationStore;

/**
 * Folds workers' heartbeats into what the planner knows of tasks under way, and into the progress snapshots of their
 * migrations. Only running migrations take it: a late heartbeat about a migration that ended is dropped.
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

    public void accept(WorkerHeartbeat heartbeat) {
        List<Migration> running = heartbeat.migrationIds().stream()
                .flatMap(id -> store.find(id).stream())
                .filter(migration -> migration.status() == MigrationStatus.RUNNING)
                .toList();
        live.heard(heartbeat.onlyOf(running.stream().map(Migration::id).toList()), Instant.now());
        // Heartbeats arrive often; the tasks are counted only when a snapshot is due.
        running.forEach(migration -> reporter.report(migration, () -> store.counts(migration.id())));
    }

    /**
     * A heartbeat taken in while the store cannot say which migrations run (its MongoDB away): the worker and its tasks
     * are still heard, so that the outage does not make them look silent, stalled and sent again once it is over.
     */
    public void acceptWithoutTheStore(WorkerHeartbeat heartbeat) {
        live.heard(heartbeat, Instant.now());
    }
}
