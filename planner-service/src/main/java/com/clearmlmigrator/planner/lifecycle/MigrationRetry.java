package com.clearmlmigrator.planner.lifecycle;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.clearmlmigrator.contracts.ElasticEndpoint;
import com.clearmlmigrator.contracts.MigrationStatus;
import com.clearmlmigrator.contracts.MongoEndpoint;
import com.clearmlmigrator.planner.migration.ConnectionVault;
import com.clearmlmigrator.planner.migration.InvalidRequestException;
import com.clearmlmigrator.planner.migration.Migration;
import com.clearmlmigrator.planner.migration.MigrationConflictException;
import com.clearmlmigrator.planner.migration.MigrationKind;
import com.clearmlmigrator.planner.migration.MigrationStore;
import com.clearmlmigrator.planner.migration.StoredConnections;
import com.clearmlmigrator.planner.migration.TaskState;
import com.clearmlmigrator.planner.undo.StoresJournal;
import com.clearmlmigrator.planner.undo.UndoRequests;

/**
 * Sends the failed tasks of a migration that completed with errors again, with the same ids and parts. Every task is
 * idempotent (relink tasks reconcile with their journal), so a retried task never applies a change twice.
 */
@ApplicationScoped
public class MigrationRetry {
    private static final Logger LOG = Logger.getLogger(MigrationRetry.class);

    private final MigrationStore store;
    private final MigrationLifecycle lifecycle;
    private final MigrationStart start;
    private final StoresJournal journal;

    public MigrationRetry(
            MigrationStore store, MigrationLifecycle lifecycle, MigrationStart start, StoresJournal journal) {
        this.store = store;
        this.lifecycle = lifecycle;
        this.start = start;
        this.journal = journal;
    }

    /** @return the migration, RUNNING again */
    public synchronized Migration retry(Migration migration, MongoEndpoint mongo, ElasticEndpoint elastic) {
        return retry(migration, mongo, elastic, null);
    }

    /**
     * Runs the failed tasks of a migration that completed with errors or paused, and then the steps that waited for
     * them.
     *
     * @param source the source cluster of an es-copy, when the request gives it again
     * @return the migration, RUNNING again
     */
    public synchronized Migration retry(
            Migration migration, MongoEndpoint mongo, ElasticEndpoint elastic, ElasticEndpoint source) {
        if (migration.status() != MigrationStatus.COMPLETED_WITH_ERRORS
                && migration.status() != MigrationStatus.PAUSED) {
            throw new MigrationConflictException("Only a migration that completed with errors or paused can be"
                    + " retried; " + migration.id() + " is " + migration.status() + ".");
        }
        if (migration.kind() == MigrationKind.RELINK) {
            UndoRequests.checkRetry(migration, store.undosOf(migration.id()), journal.forgottenAt(migration.id()));
        }
        List<TaskState> failed = store.tasks(migration.id()).stream()
                .filter(TaskState::hasFailed)
                .toList();
        if (failed.stream().anyMatch(t -> t.definition() == null)) {
            throw new MigrationConflictException("Migration " + migration.id() + " was planned by an older version"
                    + " that did not keep task definitions; start it again instead.");
        }
        MongoEndpoint retryMongo = StoredConnections.mongo(migration, mongo);
        ElasticEndpoint retryElastic = StoredConnections.elastic(migration, elastic);
        ElasticEndpoint retrySource = source != null ? source : storedSource(migration);
        ConnectionVault.Connections connections =
                new ConnectionVault.Connections(retryMongo, retryElastic, retrySource);
        start.admit(migration.id(), migration.kind(), migration.targets(), connections);
        start.hold(migration.id(), connections);
        store.resetResults(failed.stream().map(TaskState::id).toList());
        return lifecycle.record(
                migration.withStatus(MigrationStatus.RUNNING, null, Instant.now()),
                running -> LOG.infof(
                        "Migration %s: retrying %d failed tasks, %d sent now",
                        migration.id(), failed.size(), start.dispatchReady(running)));
    }

    private static ElasticEndpoint storedSource(Migration migration) {
        if (migration.copy() == null) {
            return null;
        }
        if (migration.copy().sourceCredentials()) {
            throw new InvalidRequestException("Migration " + migration.id() + " used credentials for its source"
                    + " cluster, which are never stored; send 'source' again in the request body.");
        }
        return new ElasticEndpoint(migration.targets().sourceHosts(), null, null);
    }
}
