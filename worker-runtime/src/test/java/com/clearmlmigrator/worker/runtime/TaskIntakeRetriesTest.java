package com.clearmlmigrator.worker.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.clearmlmigrator.contracts.CollectionInspection;
import com.clearmlmigrator.contracts.FailureReason;
import com.clearmlmigrator.contracts.MigrationTask;
import com.clearmlmigrator.contracts.RelinkReport;
import com.clearmlmigrator.contracts.StoreWait;
import com.clearmlmigrator.contracts.TaskFailedException;
import com.clearmlmigrator.contracts.TaskId;
import com.clearmlmigrator.contracts.TaskOutcome;
import com.clearmlmigrator.contracts.TaskResult;

/** A task whose store does not answer: retried, waited for as long as the store stays silent, and then failed. */
class TaskIntakeRetriesTest extends TaskIntakeFixture {
    @Test
    void unavailableStoreIsRetriedUntilItAnswers() throws Exception {
        var report = new CollectionInspection("backend", "task", 3, 10, "5.0.0", Map.of(), List.of());
        int[] calls = {0};

        intake(task -> {
                    if (++calls[0] < 3) {
                        throw new TaskFailedException(FailureReason.TARGET_UNAVAILABLE, "MongoDB at h is unreachable.");
                    }
                    return report;
                })
                .accept(JSON.writeValueAsString(TASK));

        assertThat(calls[0]).isEqualTo(3);
        assertThat(outbox.results)
                .extracting(result -> result.withStartedAt(null))
                .containsExactly(TaskResult.succeeded(TASK.id(), report));
    }

    @Test
    void unavailableStoreFailsTheTaskAfterTheLastAttemptAndOtherFailuresAreNotRetried() throws Exception {
        int[] calls = {0};
        intake(task -> {
                    calls[0]++;
                    throw new TaskFailedException(FailureReason.TARGET_UNAVAILABLE, "MongoDB at h is unreachable.");
                })
                .accept(JSON.writeValueAsString(TASK));
        intake(task -> {
                    calls[0]++;
                    throw new TaskFailedException(FailureReason.TARGET_REJECTED, "refused");
                })
                .accept(JSON.writeValueAsString(TASK));

        assertThat(calls[0]).isEqualTo(3 + 1);
        assertThat(outbox.results)
                .extracting(TaskResult::detail)
                .containsExactly("MongoDB at h is unreachable. (after 3 attempts)", "refused");
    }

    @Test
    void aTaskWaitingForItsStoreSaysForWhatSinceWhenAndAtWhichAttemptUntilItAnswers() throws Exception {
        var report = new CollectionInspection("backend", "task", 3, 10, "5.0.0", Map.of(), List.of());
        List<StoreWait> heard = new ArrayList<>();
        Instant before = Instant.now();

        intake(task -> {
                    RunningTask underWay = running.all().get(0);
                    heard.add(underWay.progress(Instant.now()).waiting());
                    if (heard.size() < 3) {
                        throw new TaskFailedException(FailureReason.TARGET_UNAVAILABLE, "MongoDB at h is unreachable.");
                    }
                    running.counter(task.id()).add(3);
                    heard.add(underWay.progress(Instant.now()).waiting());
                    return report;
                })
                .accept(JSON.writeValueAsString(TASK));

        assertThat(heard.get(0)).as("at work, before any attempt failed").isNull();
        assertThat(heard.get(1)).satisfies(wait -> {
            assertThat(wait.cause()).isEqualTo("MongoDB at h is unreachable.");
            assertThat(wait.attempts()).isEqualTo(1);
            assertThat(wait.of()).isEqualTo(3);
            assertThat(wait.since()).isBetween(before, Instant.now());
        });
        assertThat(heard.get(2).attempts()).isEqualTo(2);
        assertThat(heard.get(2).since())
                .as("the wait began at the first failure")
                .isEqualTo(heard.get(1).since());
        assertThat(heard.get(3)).as("a count went up: the store answers").isNull();
        assertThat(outbox.results)
                .singleElement()
                .satisfies(r -> assertThat(r.outcome()).isEqualTo(TaskOutcome.SUCCEEDED));
    }

    @Test
    void aStoreThatStopsAnsweringIsWaitedForSinceItLastAnsweredNotSinceTheAttemptFailed() throws Exception {
        var report = new CollectionInspection("backend", "task", 3, 10, "5.0.0", Map.of(), List.of());
        java.util.concurrent.CountDownLatch answer = new java.util.concurrent.CountDownLatch(1);
        Instant[] counted = new Instant[2];
        List<StoreWait> heard = new ArrayList<>();

        intake(task -> {
                    if (counted[0] == null) {
                        counted[0] = Instant.now();
                        running.counter(task.id()).add(5);
                        counted[1] = Instant.now();
                        awaitQuietly(answer, 50); // then silence, until the client's answer timeout
                        throw new TaskFailedException(
                                FailureReason.TARGET_UNAVAILABLE, "MongoDB at h did not answer in time.");
                    }
                    heard.add(running.all().get(0).progress(Instant.now()).waiting());
                    return report;
                })
                .accept(JSON.writeValueAsString(TASK));

        assertThat(heard)
                .singleElement()
                .satisfies(wait -> assertThat(wait.since()).as("its last count").isBetween(counted[0], counted[1]));
    }

    @Test
    void anAttemptAfterAnOutageCountsItsDocumentsFromZeroAndKeepsWhatTheFirstChanged() throws Exception {
        var report = new CollectionInspection("backend", "task", 3, 10, "5.0.0", Map.of(), List.of());
        List<com.clearmlmigrator.contracts.TaskProgress> seen = new ArrayList<>();
        int[] calls = {0};

        intake(task -> {
                    ProgressBeacon.Counter progress = running.counter(task.id());
                    progress.add(700);
                    if (++calls[0] == 1) {
                        progress.addChanged(40);
                        throw new TaskFailedException(FailureReason.TARGET_UNAVAILABLE, "MongoDB at h is unreachable.");
                    }
                    seen.add(running.all().get(0).progress(Instant.now()));
                    return report;
                })
                .accept(JSON.writeValueAsString(TASK));

        assertThat(seen).singleElement().satisfies(progress -> {
            assertThat(progress.documents())
                    .as("the second attempt's, not 1,400")
                    .isEqualTo(700);
            assertThat(progress.changed()).isEqualTo(40);
        });
    }

    @Test
    void onceATaskWaitedForItsStoreInVainTheOtherTasksOfItsMigrationTryOnceUntilOneGetsThrough() throws Exception {
        var report = new CollectionInspection("backend", "task", 3, 10, "5.0.0", Map.of(), List.of());
        Map<TaskId, Integer> attempts = new java.util.HashMap<>();
        TaskPerformer away = awayEveryAttempt(
                attempts,
                () -> new TaskFailedException(FailureReason.TARGET_UNAVAILABLE, "MongoDB at h is unreachable."));
        MigrationTask first = MigrationTask.inspection(new TaskId("job-away", 1), "task", TASK.mongo());
        MigrationTask second = MigrationTask.inspection(new TaskId("job-away", 2), "model", TASK.mongo());
        MigrationTask ofAnother = MigrationTask.inspection(new TaskId("job-other", 1), "task", TASK.mongo());
        MigrationTask through = MigrationTask.inspection(new TaskId("job-away", 3), "project", TASK.mongo());
        MigrationTask afterIt = MigrationTask.inspection(new TaskId("job-away", 4), "user", TASK.mongo());
        MigrationTask retried = MigrationTask.inspection(new TaskId("job-away", 5), "queue", TASK.mongo());

        sendAt(away, first, 0);
        sendAt(away, second, -1);
        intake(away).accept(JSON.writeValueAsString(ofAnother));
        // Sent by a retry once the wait above had ended: a store just brought back is given its full tries.
        sendAt(away, retried, 1);
        intake(task -> report).accept(JSON.writeValueAsString(through));
        intake(away).accept(JSON.writeValueAsString(afterIt));

        assertThat(attempts)
                .containsEntry(first.id(), 3)
                .containsEntry(second.id(), 1)
                .as("another migration's store is not known away")
                .containsEntry(ofAnother.id(), 3)
                .as("sent after the wait in vain")
                .containsEntry(retried.id(), 3)
                .as("a task got through: the store answers again")
                .containsEntry(afterIt.id(), 3);
        assertThat(outbox.results)
                .extracting(TaskResult::detail)
                .containsExactly(
                        "MongoDB at h is unreachable. (after 3 attempts)",
                        "MongoDB at h is unreachable. (after 1 attempt; another task of this migration had already"
                                + " waited for the store through its retries)",
                        "MongoDB at h is unreachable. (after 3 attempts)",
                        "MongoDB at h is unreachable. (after 3 attempts)",
                        null,
                        "MongoDB at h is unreachable. (after 3 attempts)");
    }

    @Test
    void aStoreThatLetsEachAttemptHangIsGivenUpOnceTheRetriesTookAsLongAsThePausesBetweenThem() throws Exception {
        int[] calls = {0};
        java.util.concurrent.CountDownLatch answer = new java.util.concurrent.CountDownLatch(1);
        intake(task -> {
                    calls[0]++;
                    // A store that never answers, as a client sees it: the answer timeout (100 ms against pauses of
                    // 20 and 40) ends each attempt.
                    awaitQuietly(answer, 100);
                    throw new TaskFailedException(FailureReason.TARGET_UNAVAILABLE, "MongoDB at h is unreachable.");
                })
                .accept(JSON.writeValueAsString(TASK));

        assertThat(calls[0])
                .as("the first attempt, and one retry of the 2 allowed")
                .isEqualTo(2);
        assertThat(outbox.results)
                .extracting(TaskResult::detail)
                .containsExactly("MongoDB at h is unreachable. (after 2 attempts)");
    }

    /**
     * A store that takes requests and never answers costs the first attempt its whole answer timeout; one longer than
     * the pauses the retries would make (as 5 min of MongoDB's reads against their 2) has waited for the store enough.
     */
    @Test
    void aFirstAttemptThatWaitedForAnAnswerAsLongAsTheRetriesWouldIsNotTriedAgain() throws Exception {
        int[] calls = {0};
        java.util.concurrent.CountDownLatch never = new java.util.concurrent.CountDownLatch(1);
        String silence = "MongoDB at h did not answer in time: Timed out while receiving message.";
        intake(task -> {
                    calls[0]++;
                    // The answer timeout, 100 ms, against pauses of 20 and 40.
                    awaitQuietly(never, 100);
                    throw new TaskFailedException(
                            FailureReason.TARGET_UNAVAILABLE,
                            silence,
                            new java.net.SocketTimeoutException("Timed out while receiving message"));
                })
                .accept(JSON.writeValueAsString(TASK));

        assertThat(calls[0]).as("attempts").isEqualTo(1);
        assertThat(outbox.results).extracting(TaskResult::detail).containsExactly(silence);
    }

    /** A store that answers a ping is slow, not frozen: the attempt it left unanswered does not use up the retries. */
    @Test
    void aFirstAttemptLeftUnansweredByAStoreThatAnswersAPingIsTriedAgain() throws Exception {
        storesAnswerPings = true;
        var report = new CollectionInspection("backend", "task", 3, 10, "5.0.0", Map.of(), List.of());
        int[] calls = {0};
        java.util.concurrent.CountDownLatch never = new java.util.concurrent.CountDownLatch(1);
        intake(task -> {
                    if (++calls[0] == 1) {
                        awaitQuietly(never, 100);
                        throw new TaskFailedException(
                                FailureReason.TARGET_UNAVAILABLE,
                                "MongoDB at h did not answer in time: Timed out while receiving message.",
                                new java.net.SocketTimeoutException("Timed out while receiving message"));
                    }
                    return report;
                })
                .accept(JSON.writeValueAsString(TASK));

        assertThat(calls[0]).as("attempts").isEqualTo(2);
        assertThat(pings).containsExactly(QUICK_RETRIES.pingTimeout());
        assertThat(outbox.results).extracting(TaskResult::outcome).containsExactly(TaskOutcome.SUCCEEDED);
    }

    /**
     * A store that leaves every attempt unanswered but answers pings is waited for through the retries, and the other
     * tasks of the migration still try it once: it is not known frozen.
     */
    @Test
    void aSlowStoreThatAnswersPingsLeavesTheMigrationsOtherTasksTheirAttempt() throws Exception {
        storesAnswerPings = true;
        Map<TaskId, Integer> attempts = new java.util.concurrent.ConcurrentHashMap<>();
        java.util.concurrent.CountDownLatch never = new java.util.concurrent.CountDownLatch(1);
        String slow = "MongoDB at h did not answer in time: Timed out while receiving message.";
        TaskPerformer slowStore = task -> {
            attempts.merge(task.id(), 1, Integer::sum);
            awaitQuietly(never, 100);
            throw new TaskFailedException(
                    FailureReason.TARGET_UNAVAILABLE,
                    slow,
                    new java.net.SocketTimeoutException("Timed out while receiving message"));
        };
        MigrationTask first = MigrationTask.inspection(new TaskId("job-slow", 1), "task", TASK.mongo());
        MigrationTask second = MigrationTask.inspection(new TaskId("job-slow", 2), "model", TASK.mongo());

        sendAt(slowStore, first, 0);
        sendAt(slowStore, second, -1);

        assertThat(attempts)
                .as("the first: its unanswered first attempt, and one retry that used up the 60 ms of pauses")
                .containsEntry(first.id(), 2)
                .containsEntry(second.id(), 1);
        assertThat(outbox.results)
                .extracting(TaskResult::detail)
                .containsExactly(
                        slow + " (after 2 attempts)",
                        slow + " (after 1 attempt; another task of this migration had already waited for the store"
                                + " through its retries)");
    }

    @Test
    void onceATaskWaitedInVainForAStoreThatNeverAnsweredTheOtherTasksOfItsMigrationFailWithoutTrying()
            throws Exception {
        Map<TaskId, Integer> attempts = new java.util.HashMap<>();
        String silence = "Elasticsearch at [http://h:9200] did not answer in time: 120,000 milliseconds timeout.";
        TaskPerformer silent = awayEveryAttempt(
                attempts,
                () -> new TaskFailedException(
                        FailureReason.TARGET_UNAVAILABLE,
                        silence,
                        new java.net.SocketTimeoutException("120,000 milliseconds timeout")));
        MigrationTask first = MigrationTask.inspection(new TaskId("job-silent", 1), "task", TASK.mongo());
        MigrationTask second = MigrationTask.inspection(new TaskId("job-silent", 2), "model", TASK.mongo());
        MigrationTask retried = MigrationTask.inspection(new TaskId("job-silent", 3), "queue", TASK.mongo());

        sendAt(silent, first, 0);
        sendAt(silent, second, -1);
        sendAt(silent, retried, 1);

        assertThat(attempts)
                .containsEntry(first.id(), 3)
                .doesNotContainKey(second.id())
                .as("sent after the wait in vain")
                .containsEntry(retried.id(), 3);
        assertThat(outbox.results)
                .extracting(TaskResult::reason, TaskResult::detail)
                .containsExactly(
                        tuple(FailureReason.TARGET_UNAVAILABLE, silence + " (after 3 attempts)"),
                        tuple(
                                FailureReason.TARGET_UNAVAILABLE,
                                silence + " (not tried; another task of this migration had already waited for the"
                                        + " store through its retries)"),
                        tuple(FailureReason.TARGET_UNAVAILABLE, silence + " (after 3 attempts)"));
    }

    /** A store away at every attempt, which fails with {@code failure}; each task's attempts are counted. */
    private static TaskPerformer awayEveryAttempt(
            Map<TaskId, Integer> attempts, java.util.function.Supplier<TaskFailedException> failure) {
        return task -> {
            attempts.merge(task.id(), 1, Integer::sum);
            throw failure.get();
        };
    }

    /** Hands the task to a worker as the planner sent it {@code seconds} from now (before now when negative). */
    private void sendAt(TaskPerformer performer, MigrationTask task, long seconds) throws Exception {
        intake(performer)
                .accept(JSON.writeValueAsString(task.asSentAt(Instant.now().plusSeconds(seconds))));
    }

    private static void awaitQuietly(java.util.concurrent.CountDownLatch latch, long millis) {
        try {
            latch.await(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A relink part that failed has changed values too: its answer says what the attempt that read furthest had done,
     * which holds what the others wrote (each counts an earlier attempt's writes as its own), not what the last one,
     * refused at once, did.
     */
    @Test
    void aTaskThatFailedAnswersWithWhatItsFurthestAttemptHadDone() throws Exception {
        MigrationTask task = taskOf("failed-midway-relink");
        List<RelinkReport> attemptsSoFar = List.of(relinkSoFar(100, 40), relinkSoFar(150, 90), relinkSoFar(0, 0));
        int[] attempt = {0};

        intake(t -> PartWay.reporting(
                        () -> {
                            throw new TaskFailedException(
                                    FailureReason.TARGET_UNAVAILABLE, "MongoDB at h is unreachable.");
                        },
                        () -> attemptsSoFar.get(attempt[0]++)))
                .accept(JSON.writeValueAsString(task));

        assertThat(attempt[0]).as("attempts").isEqualTo(3);
        assertThat(outbox.results).singleElement().satisfies(result -> {
            assertThat(result.outcome()).isEqualTo(TaskOutcome.FAILED);
            assertThat(result.detail()).isEqualTo("MongoDB at h is unreachable. (after 3 attempts)");
            assertThat(result.report()).isEqualTo(relinkSoFar(150, 90));
        });
    }
}
