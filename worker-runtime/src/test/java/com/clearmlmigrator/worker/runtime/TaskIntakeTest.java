package com.clearmlmigrator.worker.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.clearmlmigrator.contracts.CollectionInspection;
import com.clearmlmigrator.contracts.FailureReason;
import com.clearmlmigrator.contracts.FieldTally;
import com.clearmlmigrator.contracts.MigrationClosed;
import com.clearmlmigrator.contracts.MigrationStatus;
import com.clearmlmigrator.contracts.MigrationTask;
import com.clearmlmigrator.contracts.MongoEndpoint;
import com.clearmlmigrator.contracts.RelinkReport;
import com.clearmlmigrator.contracts.StoreWait;
import com.clearmlmigrator.contracts.TaskFailedException;
import com.clearmlmigrator.contracts.TaskId;
import com.clearmlmigrator.contracts.TaskOutcome;
import com.clearmlmigrator.contracts.TaskResult;
import com.clearmlmigrator.contracts.WorkerHeartbeat;
import com.clearmlmigrator.contracts.WorkerKind;
import com.clearmlmigrator.service.runtime.OutageRetry;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.MongoTimeoutException;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class TaskIntakeTest {
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final MigrationTask TASK =
            MigrationTask.inspection(new TaskId("job1", 3), "task", new MongoEndpoint("mongodb://h", "backend"));

    private final RecordingOutbox outbox = new RecordingOutbox();
    private final LocalLeases leases = new LocalLeases();
    private final RunningTasks running = new RunningTasks();
    private final StoreOutages outages = new StoreOutages();
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private static final Instant ENDED = Instant.parse("2026-12-04T19:30:00Z");
    private final java.util.Set<String> cancelledWhileRunning = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @AfterEach
    void stopLeases() {
        leases.close();
    }

    /**
     * Three attempts, 20 and 40 ms apart: pauses short enough for quick tests, and long enough that a retry slowed by a
     * busy machine (a collection, a compilation) does not take as long as they do, which ends the retries early.
     */
    private static final RetryPolicy QUICK_RETRIES = new RetryPolicy() {
        @Override
        public int attempts() {
            return 3;
        }

        @Override
        public java.time.Duration initialBackoff() {
            return java.time.Duration.ofMillis(20);
        }

        @Override
        public java.time.Duration maxBackoff() {
            return java.time.Duration.ofMillis(40);
        }

        @Override
        public java.time.Duration pingTimeout() {
            return java.time.Duration.ofMillis(50);
        }
    };

    /** Whether the stores answer a ping; the tests' stores are silent unless a test says otherwise. */
    private boolean storesAnswerPings;

    /** The pings asked, with the time each was given. */
    private final List<java.time.Duration> pings = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Test
    void tasksAreCountedByTypeAndOutcomeWithTheirDurationFailureReasonAndDocuments() throws Exception {
        var report = new CollectionInspection("backend", "task", 42, 10, "5.0.0", Map.of(), List.of());
        MigrationTask failing = MigrationTask.inspection(new TaskId("job1", 4), "model", TASK.mongo());

        intake(task -> {
                    if (task.target().equals("model")) {
                        throw new TaskFailedException(FailureReason.TARGET_REJECTED, "not authorized on backend");
                    }
                    return report;
                })
                .accept(JSON.writeValueAsString(TASK));
        intake(task -> {
                    throw new TaskFailedException(FailureReason.TARGET_REJECTED, "not authorized on backend");
                })
                .accept(JSON.writeValueAsString(failing));

        assertThat(tasksCounted("type", "inspect_collection", "outcome", "succeeded"))
                .isEqualTo(1);
        assertThat(tasksCounted("type", "inspect_collection", "outcome", "failed"))
                .isEqualTo(1);
        assertThat(metrics.get("migrator.task.failures")
                        .tags("type", "inspect_collection", "reason", "target_rejected")
                        .counter()
                        .count())
                .isEqualTo(1);
        assertThat(metrics.get("migrator.documents")
                        .tags("type", "inspect_collection")
                        .counter()
                        .count())
                .isEqualTo(42);
        assertThat(metrics.get("migrator.task.duration")
                        .tags("outcome", "succeeded")
                        .timer()
                        .count())
                .isEqualTo(1);
        assertThat(metrics.get("migrator.tasks.running").gauge().value()).isZero();
        assertThat(tasksCounted("type", "relink_collection", "outcome", "succeeded"))
                .as("counted from zero before the first task of its type")
                .isZero();
        assertThat(metrics.find("migrator.tasks").tags("type", "relink_index").counter())
                .as("an elastic worker's type")
                .isNull();
    }

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

    @Test
    void theMigratorsOwnDatabaseTimingOutIsAnOutageRetriedNotABug() throws Exception {
        var report = new CollectionInspection("backend", "task", 3, 10, "5.0.0", Map.of(), List.of());
        int[] calls = {0};
        intake(task -> {
                    if (++calls[0] < 3) {
                        throw new MongoTimeoutException("Timed out while waiting for a server");
                    }
                    return report;
                })
                .accept(JSON.writeValueAsString(TASK));
        intake(task -> {
                    throw new MongoTimeoutException("Timed out while waiting for a server");
                })
                .accept(JSON.writeValueAsString(TASK));

        assertThat(calls[0]).isEqualTo(3);
        assertThat(outbox.results)
                .first()
                .satisfies(r -> assertThat(r.outcome()).isEqualTo(TaskOutcome.SUCCEEDED));
        assertThat(outbox.results).last().satisfies(r -> {
            assertThat(r.reason()).isEqualTo(FailureReason.TARGET_UNAVAILABLE);
            assertThat(r.detail())
                    .isEqualTo("The migrator's own MongoDB (where the relink journal is kept) did not answer in time."
                            + " (after 3 attempts)");
        });
        assertThat(outbox.deadLetters).isEmpty();
    }

    @Test
    void performedTaskYieldsExactlyOneSucceededResult() throws Exception {
        var report = new CollectionInspection("backend", "task", 3, 10, "5.0.0", Map.of(), List.of());

        Instant before = Instant.now();
        intake(task -> report).accept(JSON.writeValueAsString(TASK));

        assertThat(outbox.results).singleElement().satisfies(result -> {
            assertThat(result.withStartedAt(null)).isEqualTo(TaskResult.succeeded(TASK.id(), report));
            assertThat(result.startedAt())
                    .as("when the handling started, as its heartbeats said")
                    .isBetween(before, Instant.now());
        });
        assertThat(outbox.deadLetters).isEmpty();
    }

    @Test
    void expectedFailureYieldsAFailedResultWithItsReason() throws Exception {
        intake(task -> {
                    throw new TaskFailedException(
                            FailureReason.TARGET_REJECTED, "Elasticsearch at h refused the update.");
                })
                .accept(JSON.writeValueAsString(TASK));

        assertThat(outbox.results).singleElement().satisfies(r -> {
            assertThat(r.outcome()).isEqualTo(TaskOutcome.FAILED);
            assertThat(r.reason()).isEqualTo(FailureReason.TARGET_REJECTED);
            assertThat(r.detail()).isEqualTo("Elasticsearch at h refused the update.");
        });
        assertThat(outbox.deadLetters).isEmpty();
    }

    @Test
    void bugGoesToTheDeadLetterTopicAndStillAnswersThePlanner() throws Exception {
        intake(task -> {
                    throw new IllegalStateException("boom");
                })
                .accept(JSON.writeValueAsString(TASK));

        assertThat(outbox.results)
                .singleElement()
                .satisfies(r -> assertThat(r.reason()).isEqualTo(FailureReason.BUG));
        assertThat(outbox.deadLetters).singleElement().asString().contains("boom");
    }

    @Test
    void unreadableTaskWithAnIdIsDeadLetteredAndReportedAsBadInput() {
        intake(task -> null).accept("{\"id\":\"job1-0004\",\"type\":\"NO_SUCH_TYPE\"}");

        assertThat(outbox.deadLetters).hasSize(1);
        assertThat(outbox.results).singleElement().satisfies(r -> {
            assertThat(r.taskId()).isEqualTo(new TaskId("job1", 4));
            assertThat(r.reason()).isEqualTo(FailureReason.BAD_INPUT);
        });
    }

    @Test
    void garbageIsDeadLetteredWithoutAResult() {
        intake(task -> null).accept("not json at all");

        assertThat(outbox.deadLetters).hasSize(1);
        assertThat(outbox.results).isEmpty();
    }

    private double tasksCounted(String... tags) {
        return metrics.get("migrator.tasks").tags(tags).counter().count();
    }

    private TaskIntake intake(TaskPerformer performer) {
        return intake(performer, java.time.Duration.ofSeconds(20));
    }

    private TaskIntake intake(TaskPerformer performer, java.time.Duration leaseTime) {
        return new TaskIntake(
                JSON,
                outbox,
                this::closure,
                new LeaseClaims(
                        leases.leases,
                        "mongo-worker@test/1#abcd",
                        leaseTime,
                        new OutageRetry(java.time.Duration.ofSeconds(2), OutageRetry.StopSignal.onInterrupt())),
                running,
                new TaskExecution(
                        new TaskAttempts(performer, QUICK_RETRIES, outages, (task, within) -> {
                            pings.add(within);
                            return storesAnswerPings;
                        }),
                        outbox,
                        java.util.Optional.empty()),
                new TaskMetrics(metrics, running, com.clearmlmigrator.contracts.WorkerKind.MONGO));
    }

    /**
     * "cancelled-job" was cancelled, "ended-job" succeeded at {@link #ENDED}, those in {@link #cancelledWhileRunning}
     * were cancelled once the test said so; every other migration runs.
     */
    private java.util.Optional<MigrationClosed> closure(String migrationId) {
        if (cancelledWhileRunning.contains(migrationId)) {
            return java.util.Optional.of(MigrationClosed.cancelled(migrationId, Instant.now()));
        }
        return switch (migrationId) {
            case "cancelled-job" -> java.util.Optional.of(MigrationClosed.cancelled(migrationId, ENDED));
            case "ended-job" ->
                java.util.Optional.of(new MigrationClosed(migrationId, ENDED, MigrationStatus.SUCCEEDED));
            default -> java.util.Optional.empty();
        };
    }

    private static MigrationTask taskOf(String migrationId) {
        return MigrationTask.inspection(new TaskId(migrationId, 2), "task", TASK.mongo());
    }

    /** True when the intake performed the task. */
    private boolean performs(MigrationTask task) throws Exception {
        boolean[] performed = {false};
        intake(t -> {
                    performed[0] = true;
                    return null;
                })
                .accept(JSON.writeValueAsString(task));
        return performed[0];
    }

    @Test
    void aTaskDeliveredAgainAfterItsMigrationEndedIsLeftAloneAndNotAnswered() throws Exception {
        MigrationTask task = taskOf("ended-job").asSentAt(ENDED.minusSeconds(40));

        assertThat(performs(task)).isFalse();
        assertThat(outbox.results).isEmpty();
        assertThat(outbox.deadLetters).isEmpty();
        assertThat(tasksCounted("type", "inspect_collection", "outcome", "after_end"))
                .isEqualTo(1.0);
    }

    @Test
    void aTaskARetrySentAfterTheEndIsPerformed() throws Exception {
        var report = new CollectionInspection("backend", "task", 42, 10, "5.0.0", Map.of(), List.of());
        MigrationTask task = taskOf("ended-job").asSentAt(ENDED.plusSeconds(90));

        intake(t -> report).accept(JSON.writeValueAsString(task));

        assertThat(outbox.results)
                .singleElement()
                .satisfies(result -> assertThat(result.outcome()).isEqualTo(TaskOutcome.SUCCEEDED));
    }

    @Test
    void taskOfACancelledMigrationIsSkippedAndThePlannerIsToldItWasNotDone() throws Exception {
        MigrationTask task = taskOf("cancelled-job");

        assertThat(performs(task)).isFalse();
        assertThat(outbox.results).containsExactly(TaskResult.skipped(task.id()));
        assertThat(outbox.deadLetters).isEmpty();
    }

    /** A copy slice of millions of documents runs for an hour: a cancel stops it at its next count, not at its end. */
    @Test
    void aTaskWhoseMigrationIsCancelledWhileItRunsStopsAtItsNextCountAndIsAnsweredSkipped() throws Exception {
        MigrationTask task = taskOf("cancelled-midway");
        CancellationWatch watch = new CancellationWatch(running, this::closure);
        List<Long> counted = new java.util.ArrayList<>();

        intake(t -> {
                    ProgressBeacon.Counter progress = running.counter(t.id());
                    for (long part = 1; part <= 3; part++) {
                        progress.add(100);
                        counted.add(part);
                        cancelledWhileRunning.add(t.id().migrationId());
                        watch.check();
                    }
                    return null;
                })
                .accept(JSON.writeValueAsString(task));

        assertThat(counted)
                .as("the part under way when the cancel came was the last")
                .containsExactly(1L);
        assertThat(outbox.results)
                .extracting(result -> result.withStartedAt(null))
                .containsExactly(TaskResult.skipped(task.id()));
        assertThat(outbox.deadLetters).isEmpty();
        assertThat(running.isRunning(task.id())).isFalse();
    }

    /** A relink stopped part-way has changed values: its answer says how many, for the cancelled migration's report. */
    @Test
    void aTaskStoppedPartWayIsAnsweredSkippedWithWhatItDidSoFarWhenItsHandlerSays() throws Exception {
        MigrationTask task = taskOf("cancelled-midway-relink");
        CancellationWatch watch = new CancellationWatch(running, this::closure);
        RelinkReport soFar = relinkSoFar(100, 40);

        intake(t -> TaskCancelledException.reportingSoFar(
                        () -> {
                            ProgressBeacon.Counter progress = running.counter(t.id());
                            cancelledWhileRunning.add(t.id().migrationId());
                            watch.check();
                            progress.addChanged(40);
                            throw new AssertionError("stopped at the count above");
                        },
                        () -> soFar))
                .accept(JSON.writeValueAsString(task));

        assertThat(outbox.results)
                .extracting(result -> result.withStartedAt(null))
                .containsExactly(TaskResult.stoppedPartWay(task.id(), soFar));
        assertThat(outbox.results.get(0).outcome()).isEqualTo(TaskOutcome.SKIPPED);
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

    /** A part cancelled while it waited for its store answers with what its attempts did before the store went away. */
    @Test
    void aTaskCancelledWhileItWaitedForItsStoreAnswersWithWhatItHadDone() throws Exception {
        MigrationTask task = taskOf("cancelled-while-away-midway");
        CancellationWatch watch = new CancellationWatch(running, this::closure);

        intake(t -> PartWay.reporting(
                        () -> {
                            cancelledWhileRunning.add(t.id().migrationId());
                            watch.check();
                            throw new TaskFailedException(
                                    FailureReason.TARGET_UNAVAILABLE, "MongoDB at h is unreachable.");
                        },
                        () -> relinkSoFar(100, 40)))
                .accept(JSON.writeValueAsString(task));

        assertThat(outbox.results)
                .extracting(result -> result.withStartedAt(null))
                .containsExactly(TaskResult.stoppedPartWay(task.id(), relinkSoFar(100, 40)));
    }

    private static RelinkReport relinkSoFar(long scanned, long changed) {
        return new RelinkReport(
                "task",
                false,
                List.of(new FieldTally("execution.artifacts.*.uri", scanned, changed, changed, 0, 0, 0, 0)),
                List.of(),
                List.of());
    }

    /** A cancel while the store is away: the attempts left (a minute of them by default) are not made. */
    @Test
    void aTaskWaitingForItsStoreMakesNoFurtherAttemptOnceItsMigrationIsCancelled() throws Exception {
        MigrationTask task = taskOf("cancelled-while-away");
        CancellationWatch watch = new CancellationWatch(running, this::closure);
        int[] attempts = {0};

        intake(t -> {
                    attempts[0]++;
                    cancelledWhileRunning.add(t.id().migrationId());
                    watch.check();
                    throw new TaskFailedException(FailureReason.TARGET_UNAVAILABLE, "MongoDB at h is unreachable.");
                })
                .accept(JSON.writeValueAsString(task));

        assertThat(attempts[0]).as("attempts of the 3 the policy allows").isEqualTo(1);
        assertThat(outbox.results)
                .extracting(result -> result.withStartedAt(null))
                .containsExactly(TaskResult.skipped(task.id()));
    }

    @Test
    void aTaskOfAMigrationThatEndedOrPausedWhileItRunsGoesOnToItsEnd() throws Exception {
        var report = new CollectionInspection("backend", "task", 300, 10, "5.0.0", Map.of(), List.of());
        MigrationTask retried = taskOf("ended-job").asSentAt(ENDED.plusSeconds(90));
        CancellationWatch watch = new CancellationWatch(running, this::closure);

        intake(t -> {
                    ProgressBeacon.Counter progress = running.counter(t.id());
                    for (int part = 0; part < 3; part++) {
                        watch.check();
                        progress.add(100);
                    }
                    return report;
                })
                .accept(JSON.writeValueAsString(retried));

        assertThat(outbox.results)
                .singleElement()
                .satisfies(result -> assertThat(result.outcome()).isEqualTo(TaskOutcome.SUCCEEDED));
    }

    @Test
    void aTaskThatRunsHereAlreadyIsNotStartedASecondTime() throws Exception {
        boolean[] performedAgain = {false};
        TaskIntake intake = intake(task -> {
            performedAgain[0] = true;
            return null;
        });
        intake.accept(JSON.writeValueAsString(TASK)); // performed, answered, lease given back
        outbox.results.clear();
        performedAgain[0] = false;
        RunningTask underWay = running.begin(TASK.id());
        leases.leases.tryTake(
                TASK.id(), "mongo-worker@test/1#abcd", java.time.Instant.now().plusSeconds(20));

        intake.accept(JSON.writeValueAsString(TASK));

        running.end(underWay);
        assertThat(performedAgain[0]).isFalse();
        assertThat(outbox.results).isEmpty();
    }

    @Test
    void aTaskTakenOverByAnotherWorkerPublishesNothingAndLeavesItsLeaseToThatWorker() throws Exception {
        intake(task -> {
                    // Meanwhile this worker was frozen past its lease and another took the task over.
                    leases.leases.release(task.id(), "mongo-worker@test/1#abcd");
                    leases.leases.tryTake(
                            task.id(),
                            "mongo-worker@other/2#wxyz",
                            java.time.Instant.now().plusSeconds(20));
                    RunningTask self = (RunningTask) running.counter(task.id());
                    self.lose("Another worker took task " + task.id() + " over.");
                    self.add(500);
                    return null;
                })
                .accept(JSON.writeValueAsString(TASK));

        assertThat(outbox.results).isEmpty();
        assertThat(outbox.deadLetters).isEmpty();
        assertThat(leases.leases.holder(TASK.id()).orElseThrow().worker()).isEqualTo("mongo-worker@other/2#wxyz");
        assertThat(running.isRunning(TASK.id())).isFalse();
    }

    /**
     * Watching the lease of a holder that went silent takes a lease time, in which the planner must see the task in
     * this worker's hands: in CI it failed a killed worker's task, sent again, as nobody's while the survivor watched.
     */
    @Test
    void aTaskWhoseLeaseItWatchesIsNamedAsClaimedByItsHeartbeatsUntilItIsTakenOver() throws Exception {
        var report = new CollectionInspection("backend", "task", 3, 10, "5.0.0", Map.of(), List.of());
        java.time.Duration leaseTime = java.time.Duration.ofMillis(700);
        leases.leases.tryTake(
                TASK.id(), "mongo-worker@killed/9#zzzz", Instant.now().plus(leaseTime));
        List<WorkerHeartbeat> sent = new CopyOnWriteArrayList<>();
        Heartbeat heartbeat = new Heartbeat(
                running, leases.leases, new WorkerIdentity(WorkerKind.MONGO, "mongo-worker"), sent::add, leaseTime);
        TaskIntake intake = intake(task -> report, leaseTime);

        CompletableFuture<Void> accepted = CompletableFuture.runAsync(() -> {
            try {
                intake.accept(JSON.writeValueAsString(TASK));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(java.time.Duration.ofSeconds(5)).untilAsserted(() -> {
            heartbeat.beat();
            WorkerHeartbeat last = sent.get(sent.size() - 1);
            assertThat(last.claiming()).containsExactly(TASK.id());
            assertThat(last.tasks()).isEmpty();
            assertThat(last.busy()).isTrue();
        });
        accepted.get(10, TimeUnit.SECONDS);

        heartbeat.beat();
        assertThat(sent.get(sent.size() - 1).claiming())
                .as("taken over and done")
                .isEmpty();
        assertThat(sent.get(sent.size() - 1).busy()).isFalse();
        assertThat(outbox.results)
                .singleElement()
                .satisfies(result ->
                        assertThat(result.withStartedAt(null)).isEqualTo(TaskResult.succeeded(TASK.id(), report)));
    }

    @Test
    void theLeaseIsGivenBackOnceTheResultIsOut() throws Exception {
        var report = new CollectionInspection("backend", "task", 3, 10, "5.0.0", Map.of(), List.of());

        intake(task -> {
                    assertThat(leases.leases.holder(task.id())).isPresent();
                    assertThat(running.isRunning(task.id())).isTrue();
                    return report;
                })
                .accept(JSON.writeValueAsString(TASK));

        assertThat(outbox.results)
                .extracting(result -> result.withStartedAt(null))
                .containsExactly(TaskResult.succeeded(TASK.id(), report));
        assertThat(leases.leases.holder(TASK.id())).isEmpty();
    }

    private static final class RecordingOutbox implements Outbox {
        final List<TaskResult> results = new ArrayList<>();
        final List<String> deadLetters = new ArrayList<>();

        @Override
        public void publishResult(TaskResult result) {
            results.add(result);
        }

        @Override
        public void publishDeadLetter(String payload, String reason) {
            deadLetters.add(reason + " | " + payload);
        }
    }
}
