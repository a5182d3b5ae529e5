package com.clearmlmigrator.planner.lifecycle;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.clearmlmigrator.contracts.MigrationStatus;
import com.clearmlmigrator.planner.migration.Migration;
import com.clearmlmigrator.planner.migration.MigrationConflictException;
import com.clearmlmigrator.planner.migration.MigrationStore;
import com.clearmlmigrator.planner.progress.ProgressReporter;

/**
 * Cancels a migration: no more tasks are dispatched, workers skip its tasks that have not started (and say so), and tasks
 * under way finish their part. Results still arrive and are recorded, so the report shows what was changed, and a cancelled
 * relink can be undone.
 */
@ApplicationScoped
public class MigrationCancellation {
    private static final Logger LOG = Logger.getLogger(MigrationCancellation.class);

    private final MigrationStore store;
    private final ProgressReporter progress;
    private final MigrationCompletion completion;
    private final TaskScheduler scheduler;

    public MigrationCancellation(
            MigrationStore store, ProgressReporter progress, MigrationCompletion completion, TaskScheduler scheduler) {
        this.store = store;
        this.progress = progress;
        this.completion = completion;
        this.scheduler = scheduler;
    }

    /** @throws MigrationConflictException when the migration has already ended */
    public Migration cancel(Migration migration) {
        if (migration.status().isFinal()) {
            throw new MigrationConflictException(
                    "Migration " + migration.id() + " has already ended (" + migration.status() + ").");
        }
        Migration cancelled = migration.withStatus(MigrationStatus.CANCELLED, Instant.now());
        store.save(cancelled);
        // Steps never sent will not run: they are skipped now. Sent ones are answered by the workers, done or skipped.
        scheduler.skipUnsent(migration.id());
        LOG.infof("Migration %s cancelled", migration.id());
        progress.report(cancelled, store.counts(migration.id()));
        completion.finished(cancelled);
        return cancelled;
    }
}
