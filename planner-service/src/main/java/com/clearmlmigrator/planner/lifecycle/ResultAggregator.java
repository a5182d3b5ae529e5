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
        live.finished(result.taskId(), result.startedAt());
        if (!store.recordResult(result)) {
            // Settled again all the same: a planner stopped between recording the first copy and settling would
            // otherwise leave the migration RUNNING for ever, since its offset was not committed and only this copy
            // comes back.
            LOG.debugf("A duplicate or unknown result for task %s; its migration is settled again", result.taskId());
        }
        settle(result.taskId().migrationId());
    }

    /**
     * Sends the steps now ready and ends a running migration whose tasks have all ended. Safe to run any number of
     * times: it only acts on what the store says.
     *
     * @return how many tasks were sent
     */
    public int settle(String migrationId) {
        return store.find(migrationId).map(this::settle).orElse(0);
    }

    private int settle(Migration migration) {
        // Steps waiting for this task go out now (or fail with it), before the migration's status is judged.
        int sent = scheduler.dispatchReady(migration);
        TaskCounts counts = store.counts(migration.id());
        if (migration.status() == MigrationStatus.RUNNING && counts.impliedStatus() != MigrationStatus.RUNNING) {
            Migration ended = lifecycle.record(ended(migration, counts), counts);
            LOG.infof(
                    "Migration %s: %s (%d tasks, %d failed)",
                    migration.id(), ended.status(), counts.total(), counts.failed());
        } else {
            lifecycle.progressed(migration, counts);
        }
        return sent;
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
