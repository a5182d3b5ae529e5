package com.clearmlmigrator.planner.domain;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.clearmlmigrator.contracts.ElasticEndpoint;
import com.clearmlmigrator.contracts.MigrationStatus;
import com.clearmlmigrator.contracts.MigrationTask;
import com.clearmlmigrator.contracts.MongoEndpoint;

import io.quarkus.logging.Log;

/**
 * Sends the failed tasks of a migration that completed with errors again, with the same ids and parts. Every task is
 * idempotent (relink tasks reconcile with their journal), so a retried task never applies a change twice.
 */
@ApplicationScoped
public class MigrationRetry {
    private final MigrationStore store;
    private final TaskDispatcher dispatcher;
    private final ProgressReporter progress;
    private final WriterGuard writerGuard;

    public MigrationRetry(
            MigrationStore store, TaskDispatcher dispatcher, ProgressReporter progress, WriterGuard writerGuard) {
        this.store = store;
        this.dispatcher = dispatcher;
        this.progress = progress;
        this.writerGuard = writerGuard;
    }

    /** @return the migration, RUNNING again */
    public synchronized Migration retry(Migration migration, MongoEndpoint mongo, ElasticEndpoint elastic) {
        if (migration.status() != MigrationStatus.COMPLETED_WITH_ERRORS) {
            throw new MigrationConflictException("Only a migration that completed with errors can be retried; "
                    + migration.id() + " is " + migration.status() + ".");
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
        writerGuard.check(new MigrationOrder(migration.kind(), retryMongo, retryElastic, migration.relink()));
        List<MigrationTask> tasks = failed.stream()
                .map(t -> t.definition().withConnections(retryMongo, retryElastic))
                .toList();
        store.resetResults(tasks.stream().map(MigrationTask::id).toList());
        Migration running = migration.withStatus(MigrationStatus.RUNNING, Instant.now());
        store.save(running);
        dispatcher.dispatch(tasks);
        Log.infof("Migration %s: retrying %d failed tasks", migration.id(), tasks.size());
        progress.report(running, store.counts(migration.id()));
        return running;
    }
}
