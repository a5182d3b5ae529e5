package com.clearmlmigrator.planner.lifecycle;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;

import com.clearmlmigrator.contracts.MigrationClosed;
import com.clearmlmigrator.contracts.MigrationStatus;
import com.clearmlmigrator.planner.migration.Migration;
import com.clearmlmigrator.planner.migration.MigrationStore;
import com.clearmlmigrator.planner.migration.TaskCounts;
import com.clearmlmigrator.planner.progress.ProgressReporter;

/**
 * The one owner of a migration's status: every change of it is recorded here, in the same order each time. The change
 * is saved, what must follow it at once runs (its tasks dispatched or skipped), the progress topic is told, and a change
 * that ended the migration is completed (report archived, credentials and live progress dropped). An end or a pause is
 * announced to the workers, so that they leave alone a task sent before it that Kafka delivers again.
 */
@ApplicationScoped
public class MigrationLifecycle {
    private final MigrationStore store;
    private final ProgressReporter progress;
    private final MigrationCompletion completion;
    private final ClosureNotice closures;

    public MigrationLifecycle(
            MigrationStore store, ProgressReporter progress, MigrationCompletion completion, ClosureNotice closures) {
        this.store = store;
        this.progress = progress;
        this.completion = completion;
        this.closures = closures;
    }

    /** Records a changed migration. */
    public Migration record(Migration changed) {
        return record(changed, saved -> {});
    }

    /** Records a changed migration, running {@code onceSaved} after it is saved and before it is reported. */
    public Migration record(Migration changed, Consumer<Migration> onceSaved) {
        store.save(changed);
        onceSaved.accept(changed);
        announce(changed, store.counts(changed.id()));
        return changed;
    }

    /**
     * Records a changed migration only while its stored status is still {@code expected}; what follows runs only then.
     *
     * @return the recorded migration; empty when another change came first and this one was not recorded
     */
    public Optional<Migration> recordIf(MigrationStatus expected, Migration changed, Consumer<Migration> onceSaved) {
        if (!store.saveIf(expected, changed)) {
            return Optional.empty();
        }
        onceSaved.accept(changed);
        announce(changed, store.counts(changed.id()));
        return Optional.of(changed);
    }

    /** Records a changed migration whose task counts the caller has just read. */
    public Migration record(Migration changed, TaskCounts counts) {
        store.save(changed);
        announce(changed, counts);
        return changed;
    }

    /** Records the migration as failed with this reason. */
    public Migration fail(Migration migration, String reason) {
        return record(migration.failed(reason, Instant.now()));
    }

    /** Records the migration as failed with this reason, only while its stored status is still {@code expected}. */
    public Optional<Migration> failIf(MigrationStatus expected, Migration migration, String reason) {
        return recordIf(expected, migration.failed(reason, Instant.now()), saved -> {});
    }

    /** Tells the progress topic of a migration whose status stays as it is and whose counts moved. */
    public void progressed(Migration migration, TaskCounts counts) {
        progress.report(migration, counts);
    }

    private void announce(Migration changed, TaskCounts counts) {
        progress.report(changed, counts);
        if (wantsNoEarlierTask(changed.status())) {
            // Kafka may deliver a task again (a worker that crashed before committing, a rebalance); performed now it
            // would copy or relink after the operator moved on. The workers leave alone what was sent before this.
            closures.announce(new MigrationClosed(changed.id(), Instant.now(), changed.status()));
        }
        if (changed.status().isFinal()) {
            completion.finished(changed);
        }
    }

    /**
     * Ended or paused: no task sent so far is wanted any more, and the retry that may follow sends its own, after this.
     * A cancellation is announced as it is recorded, before its migration's tasks are skipped.
     */
    private static boolean wantsNoEarlierTask(MigrationStatus status) {
        return status == MigrationStatus.PAUSED || (status.isFinal() && status != MigrationStatus.CANCELLED);
    }
}
