package com.clearmlmigrator.planner.lifecycle;

import jakarta.enterprise.context.ApplicationScoped;

import com.clearmlmigrator.planner.migration.ConnectionVault;
import com.clearmlmigrator.planner.migration.Migration;
import com.clearmlmigrator.planner.migration.MigrationKind;
import com.clearmlmigrator.planner.migration.SecretPolicy;
import com.clearmlmigrator.planner.migration.TaskDispatcher;

/**
 * What every run of a migration's tasks goes through, the first (submission) and any later one (retry): the checks
 * that refuse it before anything is recorded, and the hand-over of its connections to the tasks it sends.
 */
@ApplicationScoped
public class MigrationStart {
    private final WriterGuard writerGuard;
    private final TaskDispatcher dispatcher;
    private final ConnectionVault vault;
    private final TaskScheduler scheduler;

    public MigrationStart(
            WriterGuard writerGuard, TaskDispatcher dispatcher, ConnectionVault vault, TaskScheduler scheduler) {
        this.writerGuard = writerGuard;
        this.dispatcher = dispatcher;
        this.vault = vault;
        this.scheduler = scheduler;
    }

    /**
     * @param self the migration asking again (a retry), which never conflicts with itself; null for a new one
     * @throws com.clearmlmigrator.planner.migration.InvalidRequestException when the connections carry credentials
     *     that this planner cannot seal
     * @throws com.clearmlmigrator.planner.migration.MigrationConflictException when another migration writes the same
     *     database or cluster
     */
    public void admit(
            String self, MigrationKind kind, Migration.Targets targets, ConnectionVault.Connections connections) {
        SecretPolicy.check(dispatcher, connections.mongo(), connections.elastic(), connections.source());
        writerGuard.check(self, kind, targets);
    }

    /**
     * Keeps the connections for as long as the migration's tasks are sent (they are never stored), then sends those
     * ready.
     *
     * @return how many tasks were sent
     */
    public int dispatch(Migration running, ConnectionVault.Connections connections) {
        vault.keep(running.id(), connections);
        return scheduler.dispatchReady(running);
    }
}
