package com.clearmlmigrator.planner.lifecycle;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.clearmlmigrator.contracts.FailureReason;
import com.clearmlmigrator.contracts.MigrationStatus;
import com.clearmlmigrator.contracts.TaskResult;
import com.clearmlmigrator.planner.migration.Migration;
import com.clearmlmigrator.planner.migration.MigrationStore;
import com.clearmlmigrator.planner.migration.NextSteps;
import com.clearmlmigrator.planner.migration.TaskCounts;
import com.clearmlmigrator.planner.migration.TaskState;
import com.clearmlmigrator.planner.progress.LiveProgress;

/**
 * Folds task results into their migration. Idempotent: a task keeps its first result, duplicates from redelivery are
 * ignored, and the migration's counts are derived from the tasks, so replaying results never counts anything twice.
 */
@ApplicationScoped
public class ResultAggregator {
    private static final Logger LOG = Logger.getLogger(ResultAggregator.class);

    private final MigrationStore store;
    private final MigrationLifecycle lifecycle;
    private final TaskScheduler scheduler;
    private final LiveProgress live;

    public ResultAggregator(
            MigrationStore store, MigrationLifecycle lifecycle, TaskScheduler scheduler, LiveProgress live) {
        this.store = store;
        this.lifecycle = lifecycle;
        this.scheduler = scheduler;
        this.live = live;
    }

    public void accept(TaskResult result) {
        String migrationId = result.taskId().migrationId();
        live.finished(result.taskId());
        if (!store.recordResult(result)) {
            LOG.debugf("Ignored a duplicate or unknown result for task %s", result.taskId());
            return;
        }
        store.find(migrationId).ifPresent(migration -> {
            // Steps waiting for this task go out now (or fail with it), before the migration's status is judged.
            scheduler.dispatchReady(migration);
            TaskCounts counts = store.counts(migrationId);
            if (migration.status() == MigrationStatus.RUNNING && counts.impliedStatus() != MigrationStatus.RUNNING) {
                Migration ended = lifecycle.record(ended(migration, counts), counts);
                LOG.infof(
                        "Migration %s: %s (%d tasks, %d failed)",
                        migrationId, ended.status(), counts.total(), counts.failed());
            } else {
                lifecycle.progressed(migration, counts);
            }
        });
    }

    /** A migration whose tasks all ended: done, or paused when a task met a write block the operator can lift. */
    private Migration ended(Migration migration, TaskCounts counts) {
        Optional<TaskState> blocked = store.tasks(migration.id()).stream()
                .filter(t -> t.hasFailed() && t.result().reason() == FailureReason.TARGET_BLOCKED)
                .findFirst();
        if (blocked.isPresent()) {
            return migration.withStatus(
                    MigrationStatus.PAUSED,
                    "Paused: " + NextSteps.sentence(blocked.get().result(), migration.id()),
                    Instant.now());
        }
        return migration.withStatus(counts.impliedStatus(), Instant.now());
    }
}
