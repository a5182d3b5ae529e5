package com.clearmlmigrator.planner.lifecycle;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.clearmlmigrator.contracts.ElasticEndpoint;
import com.clearmlmigrator.contracts.MigrationStatus;
import com.clearmlmigrator.contracts.MigrationTask;
import com.clearmlmigrator.contracts.MongoEndpoint;
import com.clearmlmigrator.contracts.TaskFailedException;
import com.clearmlmigrator.planner.migration.ConnectionVault;
import com.clearmlmigrator.planner.migration.Migration;
import com.clearmlmigrator.planner.migration.MigrationOrder;
import com.clearmlmigrator.planner.migration.MigrationPlan;
import com.clearmlmigrator.planner.migration.MigrationStore;
import com.clearmlmigrator.planner.migration.PlannerBusyException;
import com.clearmlmigrator.planner.migration.TaskState;
import com.clearmlmigrator.planner.undo.StoresJournal;
import com.clearmlmigrator.planner.undo.UndoRequests;

/**
 * Accepts a migration and plans it in the background: lists what to do, records the tasks, then dispatches them. A
 * store that cannot be listed fails the migration with the reason; the planner itself keeps running.
 */
@ApplicationScoped
public class MigrationSubmission {
    private static final Logger LOG = Logger.getLogger(MigrationSubmission.class);

    private final MigrationStore store;
    private final Planners planners;
    private final MigrationLifecycle lifecycle;
    private final PlanningExecutor planningExecutor;
    private final MigrationStart start;
    private final StoresJournal journal;

    public MigrationSubmission(
            MigrationStore store,
            Planners planners,
            MigrationLifecycle lifecycle,
            PlanningExecutor planningExecutor,
            MigrationStart start,
            StoresJournal journal) {
        this.store = store;
        this.planners = planners;
        this.lifecycle = lifecycle;
        this.planningExecutor = planningExecutor;
        this.start = start;
        this.journal = journal;
    }

    /**
     * Records the migration as PLANNING and returns it; planning continues in the background.
     *
     * @throws PlannerBusyException when too many migrations wait to be planned; nothing is recorded then
     */
    public synchronized Migration submit(MigrationOrder order) {
        start.admit(null, order.kind(), Migration.Targets.of(order), connections(order));
        PlanningExecutor.Place place = planningExecutor.reserve();
        try {
            Migration migration =
                    Migration.accepted(UUID.randomUUID().toString().replace("-", ""), order, Instant.now());
            store.save(migration); // created, not changed: the answer to the request tells of it
            LOG.infof("Migration %s (%s) accepted", migration.id(), order.kind().wireName());
            place.run(() -> plan(migration, order));
            return migration;
        } finally {
            place.release();
        }
    }

    /**
     * Submits the undo of a finished relink, with the connections given again (null for those it stored).
     *
     * @throws com.clearmlmigrator.planner.migration.MigrationConflictException when it is no relink, an undo of it
     *     runs or has succeeded, or its journal was forgotten
     */
    public Migration submitUndo(Migration relink, MongoEndpoint mongo, ElasticEndpoint elastic) {
        UndoRequests.checkJournalKept(relink, journal.forgottenAt(relink.id()));
        return submit(UndoRequests.order(relink, store.undosOf(relink.id()), mongo, elastic));
    }

    private void plan(Migration migration, MigrationOrder order) {
        try {
            MigrationPlan plan = planners.plan(migration.id(), order);
            List<MigrationTask> tasks = plan.tasks();
            store.addTasks(
                    migration.id(), tasks.stream().map(TaskState::pending).toList());
            // Read back: a cancellation may have come while it was being planned.
            Migration planned = plan.appliedTo(store.find(migration.id()).orElse(migration));
            if (planned.status() == MigrationStatus.CANCELLED) {
                LOG.infof("Migration %s was cancelled while planning; nothing dispatched", migration.id());
                return;
            }
            // Only while it is still PLANNING: a cancel that comes after the read above must not be overwritten (seen
            // in CI: a cancel during a slow inspect's planning said CANCELLED, and the migration then ran).
            Optional<Migration> recorded = lifecycle.recordIf(
                    MigrationStatus.PLANNING,
                    planned.withStatus(
                            tasks.isEmpty() ? MigrationStatus.SUCCEEDED : MigrationStatus.RUNNING, Instant.now()),
                    running -> {
                        start.hold(migration.id(), connections(order));
                        LOG.infof(
                                "Migration %s planned into %d tasks, %d sent",
                                migration.id(), tasks.size(), start.dispatchReady(running));
                    });
            if (recorded.isEmpty()) {
                LOG.infof("Migration %s changed while planning (cancelled); nothing dispatched", migration.id());
            }
        } catch (TaskFailedException e) {
            fail(migration, e.getMessage());
        } catch (RuntimeException e) {
            LOG.errorf(e, "Planning migration %s failed unexpectedly", migration.id());
            fail(
                    migration,
                    "Planning failed unexpectedly (" + e.getClass().getSimpleName() + "); see the planner log.");
        }
    }

    private static ConnectionVault.Connections connections(MigrationOrder order) {
        return new ConnectionVault.Connections(order.mongo(), order.elastic(), order.copySource());
    }

    private void fail(Migration migration, String reason) {
        // A planning that fails after a cancel leaves the migration CANCELLED, as the operator asked.
        if (lifecycle.failIf(MigrationStatus.PLANNING, migration, reason).isPresent()) {
            LOG.warnf("Migration %s failed: %s", migration.id(), reason);
        }
    }
}
