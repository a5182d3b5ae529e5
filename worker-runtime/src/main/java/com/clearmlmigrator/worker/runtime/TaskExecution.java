package com.clearmlmigrator.worker.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.clearmlmigrator.contracts.FailureReason;
import com.clearmlmigrator.contracts.MigrationTask;
import com.clearmlmigrator.contracts.SecretSeal;
import com.clearmlmigrator.contracts.TaskFailedException;
import com.clearmlmigrator.contracts.TaskReport;
import com.clearmlmigrator.contracts.TaskResult;
import com.clearmlmigrator.stores.MongoConnections;
import com.clearmlmigrator.stores.StoreSilence;

/**
 * Performs one claimed task and turns how it ended into its result: its sealed credentials opened; while the store is
 * unavailable, tried again with growing pauses ({@link RetryPolicy}); an expected failure becomes a FAILED result with
 * its reason, a bug one too, with the message sent to the dead-letter topic.
 */
@ApplicationScoped
public class TaskExecution {
    // A logger field, not io.quarkus.logging.Log: this library is also unit-tested outside Quarkus.
    private static final Logger LOG = Logger.getLogger(TaskExecution.class);
    private static final String ANOTHER_WAITED =
            "; another task of this migration had already waited for the store through its retries";

    private final TaskPerformer performer;
    private final RetryPolicy retry;
    private final Outbox outbox;
    private final Optional<SecretSeal> seal;
    private final StoreOutages outages;
    private final StorePing ping;

    /**
     * @param secretKey the key the planner seals task credentials with ({@code MIGRATOR_SECRET_KEY}); without it a
     *                  task with sealed credentials fails with a sentence saying so
     */
    public TaskExecution(
            TaskPerformer performer,
            RetryPolicy retry,
            Outbox outbox,
            @ConfigProperty(name = "migrator.secret-key") Optional<String> secretKey,
            StoreOutages outages,
            StorePing ping) {
        this.performer = performer;
        this.retry = retry;
        this.outbox = outbox;
        this.seal = secretKey.filter(key -> !key.isBlank()).map(SecretSeal::fromBase64);
        this.outages = outages;
        this.ping = ping;
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
     * cancelled (or that another worker took over) while it waited makes no further attempt, and neither does one whose
     * migration's store another task has waited for in vain ({@link StoreOutages}); when that store took requests
     * without answering them, such a task makes none at all. A first attempt that waited for an answer as long as the
     * pauses between the retries would is not tried again either, unless the store answers a ping ({@link StorePing}):
     * then it is slow, not frozen, and gets its retries. While it waits, its heartbeats say for what.
     */
    private TaskReport performWithRetries(MigrationTask task, RunningTask underWay) {
        throwWhenItsStoreIsKnownSilent(task);
        Backoff backoff = retry.backoff();
        Duration retriesTook = Duration.ZERO;
        FurthestAttempt furthest = new FurthestAttempt();
        for (int attempt = 1; ; attempt++) {
            long started = System.nanoTime();
            try {
                TaskReport report = performOnce(task);
                outages.answered(task.id().migrationId());
                return report;
            } catch (TaskCancelledException e) {
                furthest.ended(e.soFar());
                throw e.withSoFar(furthest.report());
            } catch (TaskFailedException e) {
                furthest.ended(e.soFar());
                boolean silent = StoreSilence.causedBy(e) && !ping.answers(task, retry.pingTimeout());
                if (attempt > 1) {
                    retriesTook = retriesTook.plusNanos(System.nanoTime() - started);
                } else if (silent) {
                    // A first attempt that waited its store's whole answer timeout (2 min for Elasticsearch, 5 for
                    // MongoDB) has waited as long as the retries would: a frozen MongoDB ended a relink 9 min after
                    // the freeze, 5 of them in the first attempt and 4 in seven more.
                    Duration attemptTook = Duration.ofNanos(System.nanoTime() - started);
                    Duration unanswered = underWay.unansweredFor();
                    retriesTook = unanswered.compareTo(attemptTook) < 0 ? unanswered : attemptTook;
                }
                throwUnlessAnotherAttemptFollows(
                        task, e.withSoFar(furthest.report()), attempt, backoff, retriesTook, silent);
                underWay.waitingFor(e.getMessage(), attempt, backoff.attempts());
                LOG.warnf(
                        "Task %s: %s; attempt %d of %d in %d ms",
                        task.id(),
                        e.getMessage(),
                        attempt + 1,
                        backoff.attempts(),
                        backoff.before(attempt + 1).toMillis());
                backoff.pauseBefore(attempt + 1, "wait before the task's next attempt");
                throwIfStoppedWhileWaiting(underWay, furthest);
                underWay.startOver();
            }
        }
    }

    /** A task cancelled while it waited for its store answers with what its attempts did until then. */
    private static void throwIfStoppedWhileWaiting(RunningTask underWay, FurthestAttempt furthest) {
        try {
            underWay.throwIfStopped();
        } catch (TaskCancelledException e) {
            throw e.withSoFar(furthest.report());
        }
    }

    /** A store that another task of the migration waited for in vain, never answering it, is not tried again. */
    private void throwWhenItsStoreIsKnownSilent(MigrationTask task) {
        Optional<StoreOutages.Outage> silent = outages.knownFor(task).filter(StoreOutages.Outage::silent);
        if (silent.isPresent()) {
            throw new TaskFailedException(
                    FailureReason.TARGET_UNAVAILABLE, silent.get().failure() + " (not tried" + ANOTHER_WAITED + ")");
        }
    }

    /**
     * Throws the attempt's failure, saying how often the task tried, unless its store is away and the retries allow
     * another attempt; the task that gives up on a store that never answered tells the migration's other tasks.
     *
     * @param silent whether the store left the attempt's request unanswered and did not answer a ping either
     */
    private void throwUnlessAnotherAttemptFollows(
            MigrationTask task,
            TaskFailedException e,
            int attempt,
            Backoff backoff,
            Duration retriesTook,
            boolean silent) {
        if (e.reason() != FailureReason.TARGET_UNAVAILABLE) {
            throw afterAttempts(e, attempt, "");
        }
        if (outages.knownFor(task).isPresent()) {
            throw afterAttempts(e, attempt, ANOTHER_WAITED);
        }
        if (!backoff.mayFollow(attempt, retriesTook)) {
            outages.waitedInVain(
                    task.id().migrationId(), new StoreOutages.Outage(Instant.now(), e.getMessage(), silent));
            throw afterAttempts(e, attempt, "");
        }
    }

    /**
     * The failure, saying how often the task tried when it tried more than once or was cut short, with what its attempts
     * did until then.
     */
    private static TaskFailedException afterAttempts(TaskFailedException e, int attempts, String why) {
        if (attempts == 1 && why.isEmpty()) {
            return e;
        }
        String tries = attempts == 1 ? "1 attempt" : attempts + " attempts";
        return new TaskFailedException(e.reason(), e.getMessage() + " (after " + tries + why + ")", e.remedy(), e)
                .withSoFar(e.soFar());
    }

    /**
     * One attempt. The stores a task names answer through their clients, which say when they are away; the migrator's
     * own database (the relink journal, which the elastic-worker reaches directly) surfaced its driver's timeout here
     * as a bug, failing two parts of an undo while the local stack's database was busy for a minute. It is an outage
     * to wait out too.
     */
    private TaskReport performOnce(MigrationTask task) {
        try {
            return performer.perform(task);
        } catch (RuntimeException e) {
            if (!(e instanceof TaskFailedException) && MongoConnections.isUnreachable(e)) {
                throw new TaskFailedException(
                        FailureReason.TARGET_UNAVAILABLE,
                        "The migrator's own MongoDB (where the relink journal is kept) did not answer in time.",
                        e);
            }
            throw e;
        }
    }
}
