package com.clearmlmigrator.planner.lifecycle;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.clearmlmigrator.contracts.MigrationClosed;
import com.clearmlmigrator.contracts.MigrationStatus;
import com.clearmlmigrator.planner.migration.Migration;
import com.clearmlmigrator.planner.migration.MigrationConflictException;

/**
 * Cancels a migration: no more tasks are dispatched, workers skip its tasks that have not started (and say so), and tasks
 * under way finish their part. Results still arrive and are recorded, so the report shows what was changed, and a cancelled
 * relink can be undone.
 */
@ApplicationScoped
public class MigrationCancellation {
    private static final Logger LOG = Logger.getLogger(MigrationCancellation.class);

    /** How long a cancel waits for a sending of tasks to let go of the scheduler before it answers. */
    private static final Duration SKIP_WAIT = Duration.ofSeconds(3);

    private final MigrationLifecycle lifecycle;
    private final TaskScheduler scheduler;
    private final ClosureNotice notice;
    private final UnsentTasks unsent;

    public MigrationCancellation(
            MigrationLifecycle lifecycle, TaskScheduler scheduler, ClosureNotice notice, UnsentTasks unsent) {
        this.lifecycle = lifecycle;
        this.scheduler = scheduler;
        this.notice = notice;
        this.unsent = unsent;
    }

    /** @throws MigrationConflictException when the migration has already ended */
    public Migration cancel(Migration migration) {
        if (migration.status().isFinal()) {
            throw new MigrationConflictException(
                    "Migration " + migration.id() + " has already ended (" + migration.status() + ").");
        }
        // Steps never sent will not run: they are skipped once it is saved. Sent ones are answered by the workers, done
        // or, once the workers have heard of the cancellation, skipped.
        Instant now = Instant.now();
        Migration cancelled = lifecycle.record(migration.withStatus(MigrationStatus.CANCELLED, now), saved -> {
            // Announced first: skipping needs the scheduler's lock, which a sending of tasks holds until Kafka
            // acknowledges them (for as long as the broker is away), and the workers must hear of the cancellation as
            // soon as it is back, before they take the migration's queued tasks. The operator's cancel does not wait
            // that long either.
            notice.announce(MigrationClosed.cancelled(saved.id(), now));
            if (!scheduler.skipUnsent(saved.id(), SKIP_WAIT)) {
                // Nothing more is sent (the status is saved); what was never sent is skipped as soon as it can be.
                LOG.warnf(
                        "Migration %s: tasks are being sent to Kafka, which does not acknowledge them yet; its unsent"
                                + " tasks are skipped once that ends",
                        saved.id());
                unsent.skipLater(saved.id());
            }
        });
        LOG.infof("Migration %s cancelled", migration.id());
        return cancelled;
    }
}
