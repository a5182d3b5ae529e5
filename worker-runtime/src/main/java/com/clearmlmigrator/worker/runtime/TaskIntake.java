package com.clearmlmigrator.worker.runtime;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import com.clearmlmigrator.contracts.FailureReason;
import com.clearmlmigrator.contracts.MigrationClosed;
import com.clearmlmigrator.contracts.MigrationTask;
import com.clearmlmigrator.contracts.SecretSeal;
import com.clearmlmigrator.contracts.TaskFailedException;
import com.clearmlmigrator.contracts.TaskId;
import com.clearmlmigrator.contracts.TaskReport;
import com.clearmlmigrator.contracts.TaskResult;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Handles one task message end to end:
 *
 * <ol>
 *   <li>reads it; an unreadable message goes to the dead-letter topic, and if its task id can still be read, a FAILED
 *       result tells the planner; a task of a cancelled migration is skipped, one delivered again after its migration
 *       ended or paused is left alone;
 *   <li>claims the task's lease ({@link LeaseClaims}): a task that already runs, here or on a live worker elsewhere, is
 *       not started a second time;
 *   <li>performs it; while the store is unavailable it tries again with growing pauses ({@link RetryPolicy}); an
 *       expected failure becomes a FAILED result with its reason, a bug also goes to the dead-letter topic;
 *   <li>publishes exactly one result and returns only once the broker has it, so the caller acknowledges (commits the
 *       offset) after the result is safe.
 * </ol>
 *
 * The worker never stops consuming because of one message. A task whose lease passed to another worker meanwhile
 * ({@link TaskLostException}) publishes nothing: the other worker answers for it. One whose migration was cancelled
 * while it ran ({@link TaskCancelledException}, {@link CancellationWatch}) is answered skipped.
 */
@ApplicationScoped
public class TaskIntake {
    // A logger field, not io.quarkus.logging.Log: this library is also unit-tested outside Quarkus.
    private static final Logger LOG = Logger.getLogger(TaskIntake.class);

    private final ObjectMapper json;
    private final TaskPerformer performer;
    private final Outbox outbox;
    private final MigrationStatuses statuses;
    private final RetryPolicy retry;
    private final LeaseClaims claims;
    private final RunningTasks running;
    private final Optional<SecretSeal> seal;
    private final TaskMetrics metrics;

    /**
     * @param secretKey the key the planner seals task credentials with ({@code MIGRATOR_SECRET_KEY}); without it a
     *                  task with sealed credentials fails with a sentence saying so
     */
    public TaskIntake(
            ObjectMapper json,
            TaskPerformer performer,
            Outbox outbox,
            MigrationStatuses statuses,
            RetryPolicy retry,
            LeaseClaims claims,
            RunningTasks running,
            TaskMetrics metrics,
            @ConfigProperty(name = "migrator.secret-key") Optional<String> secretKey) {
        this.json = json;
        this.performer = performer;
        this.outbox = outbox;
        this.statuses = statuses;
        this.retry = retry;
        this.claims = claims;
        this.running = running;
        this.metrics = metrics;
        this.seal = secretKey.filter(key -> !key.isBlank()).map(SecretSeal::fromBase64);
    }

    public void accept(String payload) {
        MigrationTask task;
        try {
            task = json.readValue(payload, MigrationTask.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            rejectUnreadable(payload, e);
            return;
        }
        Optional<MigrationClosed> closed =
                statuses.closure(task.id().migrationId()).filter(closure -> closure.stops(task));
        if (closed.isPresent()) {
            leaveAlone(task, closed.get());
            return;
        }
        if (claims.claim(task.id(), running::isRunning) != LeaseClaims.Claim.TAKEN) {
            return;
        }
        RunningTask underWay = running.begin(task.id());
        long started = System.nanoTime();
        MDC.put("migrationId", task.id().migrationId());
        MDC.put("taskId", task.id().toString());
        try {
            Optional<MigrationTask> opened = opened(task);
            Optional<TaskResult> result = opened.isPresent()
                    ? perform(opened.get(), underWay, payload)
                    : Optional.of(TaskResult.failed(
                            task.id(),
                            FailureReason.BAD_INPUT,
                            "The task's credentials are sealed and this worker cannot open them: give the"
                                    + " planner and every worker the same MIGRATOR_SECRET_KEY."));
            // Stamped with the start its heartbeats gave, so one read after the result does not show it running again.
            result.map(r -> r.withStartedAt(underWay.startedAt())).ifPresent(outbox::publishResult);
            metrics.finished(task, result, Duration.ofNanos(System.nanoTime() - started));
        } finally {
            running.end(underWay);
            claims.release(task.id());
            MDC.remove("taskId");
            MDC.remove("migrationId");
        }
    }

    private void leaveAlone(MigrationTask task, MigrationClosed closed) {
        if (closed.cancelled()) {
            // Cancelled before this task started: not done, and the planner is told, so it knows when nothing of the
            // migration can write any more (an undo waits for that).
            LOG.infof("Skipped task %s: its migration was cancelled", task.id());
            outbox.publishResult(TaskResult.skipped(task.id()));
            metrics.skipped(task);
            return;
        }
        // Kafka delivered it again after every task of the migration answered and it ended (or paused): the operator
        // may have moved on (ClearML running again on the new cluster, the old one retired). No answer: the planner
        // wants none, and one could overtake the answer of a retry's own copy of the task.
        LOG.infof(
                "Left task %s (%s %s) alone: Kafka delivered it again after its migration was %s (at %s)",
                task.id(), task.type(), task.target(), closed.status(), closed.at());
        metrics.leftAfterEnd(task);
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
            TaskResult result = TaskResult.succeeded(task.id(), performWithRetries(task, underWay));
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

    /**
     * Retries only while the store is unavailable; every other outcome is final at once. A task whose migration was
     * cancelled (or that another worker took over) while it waited makes no further attempt.
     */
    private TaskReport performWithRetries(MigrationTask task, RunningTask underWay) {
        Backoff backoff = retry.backoff();
        for (int attempt = 1; ; attempt++) {
            try {
                return performer.perform(task);
            } catch (TaskFailedException e) {
                if (e.reason() != FailureReason.TARGET_UNAVAILABLE || !backoff.mayFollow(attempt)) {
                    throw attempt > 1
                            ? new TaskFailedException(
                                    e.reason(), e.getMessage() + " (after " + attempt + " attempts)", e)
                            : e;
                }
                LOG.warnf(
                        "Task %s: %s; attempt %d of %d in %d ms",
                        task.id(),
                        e.getMessage(),
                        attempt + 1,
                        backoff.attempts(),
                        backoff.before(attempt + 1).toMillis());
                backoff.pauseBefore(attempt + 1, "wait before the task's next attempt");
                underWay.throwIfStopped();
            }
        }
    }

    private void rejectUnreadable(String payload, Exception e) {
        String problem = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        LOG.errorf("Unreadable task message sent to the dead-letter topic: %s", problem);
        outbox.publishDeadLetter(payload, "unreadable task: " + problem);
        taskIdOf(payload)
                .ifPresent(id -> outbox.publishResult(TaskResult.failed(
                        id, FailureReason.BAD_INPUT, "The task message could not be read: " + problem)));
    }

    private Optional<TaskId> taskIdOf(String payload) {
        try {
            JsonNode id = json.readTree(payload).path("id");
            return id.isTextual() ? Optional.of(TaskId.parse(id.asText())) : Optional.empty();
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
