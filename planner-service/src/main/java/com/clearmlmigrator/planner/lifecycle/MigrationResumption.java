package com.clearmlmigrator.planner.lifecycle;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.clearmlmigrator.contracts.MigrationStatus;
import com.clearmlmigrator.planner.migration.Migration;
import com.clearmlmigrator.planner.migration.MigrationStore;
import com.clearmlmigrator.planner.migration.TaskDispatcher;

/**
 * What a starting planner does with the migrations a previous run left active: running ones go on (steps whose
 * prerequisites ended while it was down are sent now, and one whose last result was recorded just before the stop
 * ends now; results waiting on Kafka arrive through the consumer), and ones caught mid-planning, which sent nothing,
 * fail with a sentence saying to submit them again. Cancelled ones whose unsent tasks were not skipped yet (the
 * skipping deferred behind a sending the broker held, or a stop just after the cancel was recorded) have them skipped:
 * nothing else would, and they would stay pending on an ended migration.
 */
@ApplicationScoped
public class MigrationResumption {
    private static final Logger LOG = Logger.getLogger(MigrationResumption.class);

    private final MigrationStore store;
    private final ResultAggregator results;
    private final MigrationLifecycle lifecycle;
    private final UnsentTasks unsent;

    public MigrationResumption(
            MigrationStore store, ResultAggregator results, MigrationLifecycle lifecycle, UnsentTasks unsent) {
        this.store = store;
        this.results = results;
        this.lifecycle = lifecycle;
        this.unsent = unsent;
    }

    public void resumeAll() {
        for (Migration migration : store.active()) {
            try {
                resume(migration);
            } catch (RuntimeException e) {
                LOG.errorf(e, "Could not resume migration %s", migration.id());
            }
        }
        for (Migration cancelled : store.cancelledWithUnsentTasks()) {
            LOG.infof("Migration %s was cancelled with tasks never sent; they are skipped now", cancelled.id());
            unsent.skipLater(cancelled.id());
        }
        unsent.skipOwed();
    }

    private void resume(Migration migration) {
        if (migration.status() == MigrationStatus.PLANNING) {
            lifecycle.fail(
                    migration,
                    "The planner stopped while planning this migration, before sending any task; submit it again.");
            LOG.warnf("Migration %s was caught mid-planning by a restart; marked FAILED", migration.id());
        } else if (migration.status() == MigrationStatus.RUNNING) {
            try {
                int sent = results.settle(migration.id());
                LOG.infof("Migration %s resumed; %d waiting tasks sent", migration.id(), sent);
            } catch (TaskDispatcher.UnavailableException e) {
                // A planner started while the broker is away.
                LOG.warnf(
                        "Migration %s resumed; %s, and they are sent once the broker is back",
                        migration.id(), e.getMessage());
                unsent.owe(migration.id());
            }
        }
    }
}
