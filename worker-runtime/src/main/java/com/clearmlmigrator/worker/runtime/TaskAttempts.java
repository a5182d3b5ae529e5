package com.clearmlmigrator.worker.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.clearmlmigrator.contracts.FailureReason;
import com.clearmlmigrator.contracts.MigrationTask;
import com.clearmlmigrator.contracts.TaskFailedException;
import com.clearmlmigrator.contracts.TaskReport;
import com.clearmlmigrator.stores.MongoConnections;
import com.clearmlmigrator.stores.StoreSilence;

/**
 * The attempts of one task: while its store is unavailable, it is tried again with growing pauses ({@link
 * RetryPolicy}), unless another task of its migration already waited for that store in vain ({@link StoreOutages}) or
 * the store left the first attempt unanswered and does not answer a ping either ({@link StorePing}).
 */
@ApplicationScoped
public class TaskAttempts {
    // A logger field, not io.quarkus.logging.Log: this library is also unit-tested outside Quarkus.
    private static final Logger LOG = Logger.getLogger(TaskAttempts.class);
    private static final String ANOTHER_WAITED =
            "; another task of this migration had already waited for the store through its retries";

    private final TaskPerformer performer;
    private final RetryPolicy retry;
    private final StoreOutages outages;
    private final StorePing ping;

    public TaskAttempts(TaskPerformer performer, RetryPolicy retry, StoreOutages outages, StorePing ping) {
        this.performer = performer;
        this.retry = retry;
        this.outages = outages;
        this.ping = ping;
    }

    /**
     * Retries only while the store is unavailable; every other outcome is final at once. A task whose migration was
     * cancelled (or that another worker took over) while it waited makes no further attempt, and neither does one whose
     * migration's store another task has waited for in vain ({@link StoreOutages}); when that store took requests
     * without answering them, such a task makes none at all. A first attempt that waited for an answer as long as the
     * pauses between the retries would is not tried again either, unless the store answers a ping ({@link StorePing}):
     * then it is slow, not frozen, and gets its retries. While it waits, its heartbeats say for what.
     */
    TaskReport perform(MigrationTask task, RunningTask underWay) {
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
