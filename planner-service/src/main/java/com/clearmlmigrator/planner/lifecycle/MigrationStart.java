package com.clearmlmigrator.planner.lifecycle;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.clearmlmigrator.planner.migration.ConnectionVault;
import com.clearmlmigrator.planner.migration.Migration;
import com.clearmlmigrator.planner.migration.MigrationKind;
import com.clearmlmigrator.planner.migration.SecretPolicy;
import com.clearmlmigrator.planner.migration.TaskDispatcher;

/**
 * What every run of a migration's tasks goes through, the first (submission) and any later one (retry): the checks
 * that refuse it before anything is recorded, the connections held for its tasks, and the sending of them.
 */
@ApplicationScoped
public class MigrationStart {
    private static final Logger LOG = Logger.getLogger(MigrationStart.class);

    private final WriterGuard writerGuard;
    private final TaskDispatcher dispatcher;
    private final ConnectionVault vault;
    private final TaskScheduler scheduler;
    private final UnsentTasks unsent;

    public MigrationStart(
            WriterGuard writerGuard,
            TaskDispatcher dispatcher,
            ConnectionVault vault,
            TaskScheduler scheduler,
            UnsentTasks unsent) {
        this.writerGuard = writerGuard;
        this.dispatcher = dispatcher;
        this.vault = vault;
        this.scheduler = scheduler;
        this.unsent = unsent;
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
     * Holds the connections the migration's tasks are sent with, in memory only (they are never stored). A retry holds
     * them before it records the migration RUNNING again, so that whatever sends its tasks from then on finds them.
     */
    public void hold(String migrationId, ConnectionVault.Connections connections) {
        vault.keep(migrationId, connections);
    }

    /**
     * @return how many tasks were sent: those whose steps before them succeeded; none while the broker is away, and
     *     {@link UnsentTasks} sends them once it is back
     */
    public int dispatchReady(Migration running) {
        if (unsent.brokerLost(Instant.now())) {
            LOG.warnf(
                    "Migration %s: the planner does not hear Kafka now, so its tasks wait; they are sent once the"
                            + " broker is back",
                    running.id());
            unsent.owe(running.id());
            return 0;
        }
        try {
            return scheduler.dispatchReady(running);
        } catch (TaskDispatcher.UnavailableException e) {
            LOG.warnf("%s; they are sent once the broker is back", e.getMessage());
            unsent.owe(running.id());
            return 0;
        }
    }
}
