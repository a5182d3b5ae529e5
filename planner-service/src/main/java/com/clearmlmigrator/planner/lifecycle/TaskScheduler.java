package com.clearmlmigrator.planner.lifecycle;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.clearmlmigrator.contracts.FailureReason;
import com.clearmlmigrator.contracts.MigrationStatus;
import com.clearmlmigrator.contracts.MigrationTask;
import com.clearmlmigrator.contracts.TaskId;
import com.clearmlmigrator.contracts.TaskResult;
import com.clearmlmigrator.planner.migration.ConnectionVault;
import com.clearmlmigrator.planner.migration.InvalidRequestException;
import com.clearmlmigrator.planner.migration.Migration;
import com.clearmlmigrator.planner.migration.MigrationStore;
import com.clearmlmigrator.planner.migration.TaskDispatcher;
import com.clearmlmigrator.planner.migration.TaskState;

/**
 * Hands a running migration's tasks to the workers as soon as the tasks they wait for have succeeded (see
 * {@link TaskSteps}). A task whose prerequisite failed is recorded as failed too, so the migration ends instead of
 * waiting forever, and a retry runs both. Tasks are sent before they are marked sent: a crash in between sends them
 * again, which idempotent tasks allow, instead of never.
 */
@ApplicationScoped
public class TaskScheduler {
    private static final Logger LOG = Logger.getLogger(TaskScheduler.class);

    private final MigrationStore store;
    private final TaskDispatcher dispatcher;
    private final ConnectionVault vault;
    /** Held while tasks are chosen, sent and marked sent, and while a cancelled migration's unsent ones are skipped. */
    private final ReentrantLock lock = new ReentrantLock();

    public TaskScheduler(MigrationStore store, TaskDispatcher dispatcher, ConnectionVault vault) {
        this.store = store;
        this.dispatcher = dispatcher;
        this.vault = vault;
    }

    /**
     * Sends the steps whose prerequisites succeeded. The status is read again under the lock: a cancel that saved its
     * status first stops any sending here.
     *
     * @return how many tasks were sent
     */
    public int dispatchReady(Migration migration) {
        return underLock(() -> dispatchReadyLocked(migration));
    }

    private int dispatchReadyLocked(Migration migration) {
        if (store.undispatched(migration.id()) == 0
                || store.find(migration.id())
                        .map(stored -> stored.status() != MigrationStatus.RUNNING)
                        .orElse(true)) {
            return 0;
        }
        List<TaskState> tasks = store.taskStates(migration.id());
        // Failing a step fails the steps after it too, one pass per step.
        while (failWaitingOnFailures(migration, tasks)) {
            tasks = store.taskStates(migration.id());
        }
        List<TaskState> all = tasks;
        List<TaskState> ready = tasks.stream()
                .filter(t -> t.isPending() && !t.dispatched())
                .filter(t -> TaskSteps.prerequisites(t, all).stream().allMatch(TaskState::hasSucceeded))
                .toList();
        if (ready.isEmpty()) {
            return 0;
        }
        ConnectionVault.Connections connections;
        try {
            connections = vault.connectionsOf(migration);
        } catch (InvalidRequestException e) {
            ready.forEach(t -> store.recordResult(TaskResult.failed(t.id(), FailureReason.BAD_INPUT, e.getMessage())));
            return 0;
        }
        List<MigrationTask> toSend = store
                .definitions(ready.stream().map(TaskState::id).toList())
                .stream()
                .map(definition -> TaskSteps.resolved(definition, all)
                        .withConnections(connections.mongo(), connections.elastic(), connections.source()))
                .toList();
        dispatcher.dispatch(toSend);
        store.markDispatched(toSend.stream().map(MigrationTask::id).toList());
        LOG.debugf("Migration %s: dispatched %d tasks", migration.id(), toSend.size());
        return toSend.size();
    }

    /**
     * Sends one dispatched task of a running migration again, the same task under the same id (tasks are idempotent,
     * and a worker that still performs it keeps it: see the workers' task leases).
     *
     * @return false when it cannot be sent: the migration no longer runs, the task has its result, or the connections
     *     it needs are not known here (held in memory only, so lost with a planner restart)
     */
    public boolean resend(Migration migration, TaskId task) {
        return underLock(() -> resendLocked(migration, task));
    }

    private boolean resendLocked(Migration migration, TaskId task) {
        if (store.find(migration.id())
                .map(m -> m.status() != MigrationStatus.RUNNING)
                .orElse(true)) {
            return false;
        }
        List<TaskState> all = store.taskStates(migration.id());
        boolean waiting = all.stream().anyMatch(t -> t.id().equals(task) && t.isPending() && t.dispatched());
        if (!waiting) {
            return false;
        }
        ConnectionVault.Connections connections;
        try {
            connections = vault.connectionsOf(migration);
        } catch (InvalidRequestException e) {
            return false;
        }
        List<MigrationTask> again = store.definitions(List.of(task)).stream()
                .map(definition -> TaskSteps.resolved(definition, all)
                        .withConnections(connections.mongo(), connections.elastic(), connections.source()))
                .toList();
        dispatcher.dispatch(again);
        return !again.isEmpty();
    }

    /**
     * Records the tasks of a cancelled migration that were never sent as skipped. Under the same lock as sending, so a
     * task is either sent and marked so (the workers will answer it) or skipped here, never both. A sending holds the
     * lock until Kafka acknowledges it, for as long as the broker is away: this waits for it at most {@code wait}.
     *
     * @return false when the lock was not free within {@code wait}, and nothing was skipped
     */
    public boolean skipUnsent(String migrationId, Duration wait) {
        try {
            if (!lock.tryLock(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                return false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        try {
            store.taskStates(migrationId).stream()
                    .filter(task -> task.isPending() && !task.dispatched())
                    .forEach(task -> store.recordResult(TaskResult.skipped(task.id())));
            return true;
        } finally {
            lock.unlock();
        }
    }

    private <T> T underLock(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    /** Records as failed every waiting task whose prerequisite failed; true when it recorded any. */
    private boolean failWaitingOnFailures(Migration migration, List<TaskState> tasks) {
        boolean recorded = false;
        for (TaskState task : tasks) {
            if (!task.isPending() || task.dispatched()) {
                continue;
            }
            Optional<TaskState> failed = TaskSteps.prerequisites(task, tasks).stream()
                    .filter(TaskState::hasFailed)
                    .findFirst();
            if (failed.isPresent()) {
                recorded |= store.recordResult(TaskResult.failed(
                        task.id(),
                        FailureReason.PREREQUISITE_FAILED,
                        "Not run, because task " + failed.get().id() + " failed; POST /migrations/" + migration.id()
                                + "/retry runs both."));
            }
        }
        return recorded;
    }
}
