package com.clearmlmigrator.worker.runtime;

import java.time.Duration;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import com.clearmlmigrator.contracts.FailureReason;
import com.clearmlmigrator.contracts.MigrationClosed;
import com.clearmlmigrator.contracts.MigrationTask;
import com.clearmlmigrator.contracts.TaskId;
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
 *   <li>performs it ({@link TaskExecution});
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
    private final Outbox outbox;
    private final MigrationStatuses statuses;
    private final LeaseClaims claims;
    private final RunningTasks running;
    private final TaskExecution execution;
    private final TaskMetrics metrics;

    public TaskIntake(
            ObjectMapper json,
            Outbox outbox,
            MigrationStatuses statuses,
            LeaseClaims claims,
            RunningTasks running,
            TaskExecution execution,
            TaskMetrics metrics) {
        this.json = json;
        this.outbox = outbox;
        this.statuses = statuses;
        this.claims = claims;
        this.running = running;
        this.execution = execution;
        this.metrics = metrics;
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
        Optional<RunningTask> takenUp = takeUp(task);
        if (takenUp.isEmpty()) {
            return;
        }
        RunningTask underWay = takenUp.get();
        long started = System.nanoTime();
        MDC.put("migrationId", task.id().migrationId());
        MDC.put("taskId", task.id().toString());
        try {
            Optional<TaskResult> result = execution.resultOf(task, underWay, payload);
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

    /**
     * Begins the task when it is this worker's to perform ({@link LeaseClaims}). Heartbeats name it meanwhile: watching the
     * lease of a dead holder takes a lease time, and the planner must not fail, as no worker's, the task sent again
     * that this worker is taking over.
     */
    private Optional<RunningTask> takeUp(MigrationTask task) {
        running.claiming(task.id());
        try {
            return claims.claim(task.id(), running::isRunning) == LeaseClaims.Claim.TAKEN
                    ? Optional.of(running.begin(task.id()))
                    : Optional.empty();
        } finally {
            running.claimEnded(task.id()); // after it began: no heartbeat misses it in between
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
