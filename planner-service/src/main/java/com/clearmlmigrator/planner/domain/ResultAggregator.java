package com.clearmlmigrator.planner.domain;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import com.clearmlmigrator.contracts.MigrationStatus;
import com.clearmlmigrator.contracts.TaskResult;

import io.quarkus.logging.Log;

/**
 * Folds task results into their migration. Idempotent: a task keeps its first result, duplicates from redelivery are
 * ignored, and the migration's counts are derived from the tasks, so replaying results never counts anything twice.
 */
@ApplicationScoped
public class ResultAggregator {
    private final MigrationStore store;
    private final ProgressReporter progress;
    private final MigrationCompletion completion;

    public ResultAggregator(MigrationStore store, ProgressReporter progress, MigrationCompletion completion) {
        this.store = store;
        this.progress = progress;
        this.completion = completion;
    }

    public void accept(TaskResult result) {
        String migrationId = result.taskId().jobId();
        if (!store.recordResult(result)) {
            Log.debugf("Ignored a duplicate or unknown result for task %s", result.taskId());
            return;
        }
        store.find(migrationId).ifPresent(migration -> {
            TaskCounts counts = store.counts(migrationId);
            Migration current = migration;
            if (migration.status() == MigrationStatus.RUNNING && counts.impliedStatus() != MigrationStatus.RUNNING) {
                current = migration.withStatus(counts.impliedStatus(), Instant.now());
                store.save(current);
                completion.finished(current);
                Log.infof(
                        "Migration %s finished: %s (%d tasks, %d failed)",
                        migrationId, current.status(), counts.total(), counts.failed());
            }
            progress.report(current, counts);
        });
    }
}
