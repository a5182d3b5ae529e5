package com.clearmlmigrator.worker.runtime;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.clearmlmigrator.contracts.MigrationClosed;

import io.quarkus.scheduler.Scheduled;

/**
 * Every {@code worker.progress-interval}: stops the tasks under way whose migration was cancelled, at their next
 * progress count. A copy slice of millions of documents runs for an hour; finishing it after a cancel kept the
 * migration's target held (no new copy, no undo) for that long, and wrote what the operator had asked to stop.
 * Ended or paused migrations are not stopped this way: their tasks under way finish, as a retry expects.
 */
@ApplicationScoped
public class CancellationWatch {
    private static final Logger LOG = Logger.getLogger(CancellationWatch.class);

    private final RunningTasks running;
    private final MigrationStatuses statuses;

    public CancellationWatch(RunningTasks running, MigrationStatuses statuses) {
        this.running = running;
        this.statuses = statuses;
    }

    @Scheduled(
            every = "${worker.progress-interval:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public void check() {
        for (RunningTask task : running.all()) {
            boolean cancelled = statuses.closure(task.id().migrationId())
                    .filter(MigrationClosed::cancelled)
                    .isPresent();
            if (cancelled && task.cancel()) {
                LOG.infof("Task %s: its migration was cancelled; stopping it at its next part", task.id());
            }
        }
    }
}
