package com.clearmlmigrator.worker.runtime;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.clearmlmigrator.contracts.FailureReason;
import com.clearmlmigrator.contracts.MigrationTask;
import com.clearmlmigrator.contracts.SecretSeal;
import com.clearmlmigrator.contracts.TaskFailedException;
import com.clearmlmigrator.contracts.TaskResult;

/**
 * Performs one claimed task and turns how it ended into its result: its sealed credentials opened, its attempts made
 * ({@link TaskAttempts}); an expected failure becomes a FAILED result with its reason, a bug one too, with the message
 * sent to the dead-letter topic.
 */
@ApplicationScoped
public class TaskExecution {
    // A logger field, not io.quarkus.logging.Log: this library is also unit-tested outside Quarkus.
    private static final Logger LOG = Logger.getLogger(TaskExecution.class);

    private final TaskAttempts attempts;
    private final Outbox outbox;
    private final Optional<SecretSeal> seal;

    /**
     * @param secretKey the key the planner seals task credentials with ({@code MIGRATOR_SECRET_KEY}); without it a
     *                  task with sealed credentials fails with a sentence saying so
     */
    public TaskExecution(
            TaskAttempts attempts,
            Outbox outbox,
            @ConfigProperty(name = "migrator.secret-key") Optional<String> secretKey) {
        this.attempts = attempts;
        this.outbox = outbox;
        this.seal = secretKey.filter(key -> !key.isBlank()).map(SecretSeal::fromBase64);
    }

    /**
     * The task's result; empty when another worker took the task over and answers for it.
     *
     * @param payload the task's message as it arrived, for the dead-letter topic
     */
    public Optional<TaskResult> resultOf(MigrationTask task, RunningTask underWay, String payload) {
        Optional<MigrationTask> opened = opened(task);
        if (opened.isEmpty()) {
            return Optional.of(TaskResult.failed(
                    task.id(),
                    FailureReason.BAD_INPUT,
                    "The task's credentials are sealed and this worker cannot open them: give the planner and every"
                            + " worker the same MIGRATOR_SECRET_KEY."));
        }
        return perform(opened.get(), underWay, payload);
    }

    /** The task with its sealed credentials opened; empty when they cannot be opened here. */
    private Optional<MigrationTask> opened(MigrationTask task) {
        if (!SecretSeal.isSealed(task)) {
            return Optional.of(task);
        }
        try {
            return seal.map(s -> s.open(task));
        } catch (IllegalArgumentException e) {
            LOG.warnf("Task %s: %s", task.id(), e.getMessage());
            return Optional.empty();
        }
    }

    /** The task's result; empty when another worker took the task over and answers for it. */
    private Optional<TaskResult> perform(MigrationTask task, RunningTask underWay, String payload) {
        try {
            long started = System.nanoTime();
            TaskResult result = TaskResult.succeeded(task.id(), attempts.perform(task, underWay));
            LOG.infof(
                    "Task %s (%s %s) succeeded in %d ms",
                    task.id(), task.type(), task.target(), (System.nanoTime() - started) / 1_000_000);
            return Optional.of(result);
        } catch (TaskLostException e) {
            LOG.warnf("Task %s (%s %s) stopped: %s", task.id(), task.type(), task.target(), e.getMessage());
            return Optional.empty();
        } catch (TaskCancelledException e) {
            // Answered, so the planner knows when nothing of the migration writes any more (a new copy or an undo
            // waits for that).
            LOG.infof("Task %s (%s %s) stopped part-way: %s", task.id(), task.type(), task.target(), e.getMessage());
            return Optional.of(TaskResult.stoppedPartWay(task.id(), e.soFar()));
        } catch (TaskFailedException e) {
            LOG.warnf("Task %s (%s %s) failed: %s", task.id(), task.type(), task.target(), e.getMessage());
            return Optional.of(TaskResult.failed(task.id(), e));
        } catch (RuntimeException e) {
            LOG.errorf(
                    e,
                    "Task %s (%s %s) hit a bug; sent to the dead-letter topic",
                    task.id(),
                    task.type(),
                    task.target());
            outbox.publishDeadLetter(payload, "bug: " + e);
            return Optional.of(TaskResult.failed(
                    task.id(),
                    FailureReason.BUG,
                    "Unexpected " + e.getClass().getSimpleName()
                            + " in the worker; the task is in the dead-letter topic."));
        }
    }
}
