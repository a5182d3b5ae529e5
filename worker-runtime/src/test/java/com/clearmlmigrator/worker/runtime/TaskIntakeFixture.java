package com.clearmlmigrator.worker.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;

import com.clearmlmigrator.contracts.FieldTally;
import com.clearmlmigrator.contracts.MigrationClosed;
import com.clearmlmigrator.contracts.MigrationStatus;
import com.clearmlmigrator.contracts.MigrationTask;
import com.clearmlmigrator.contracts.MongoEndpoint;
import com.clearmlmigrator.contracts.RelinkReport;
import com.clearmlmigrator.contracts.TaskId;
import com.clearmlmigrator.contracts.TaskResult;
import com.clearmlmigrator.contracts.WorkerKind;
import com.clearmlmigrator.service.runtime.OutageRetry;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * A {@link TaskIntake} as a worker builds it, over fakes of what lies outside it: an outbox that records, leases in memory,
 * stores whose pings the test answers, and migrations that run unless a test has them end or cancelled.
 */
abstract class TaskIntakeFixture {
    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    static final MigrationTask TASK =
            MigrationTask.inspection(new TaskId("job1", 3), "task", new MongoEndpoint("mongodb://h", "backend"));

    static final Instant ENDED = Instant.parse("2026-12-04T19:30:00Z");

    final RecordingOutbox outbox = new RecordingOutbox();
    final LocalLeases leases = new LocalLeases();
    final RunningTasks running = new RunningTasks();
    final StoreOutages outages = new StoreOutages();
    final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    final Set<String> cancelledWhileRunning = ConcurrentHashMap.newKeySet();

    @AfterEach
    void stopLeases() {
        leases.close();
    }

    /**
     * Three attempts, 20 and 40 ms apart: pauses short enough for quick tests, and long enough that a retry slowed by a
     * busy machine (a collection, a compilation) does not take as long as they do, which ends the retries early.
     */
    static final RetryPolicy QUICK_RETRIES = new RetryPolicy() {
        @Override
        public int attempts() {
            return 3;
        }

        @Override
        public Duration initialBackoff() {
            return Duration.ofMillis(20);
        }

        @Override
        public Duration maxBackoff() {
            return Duration.ofMillis(40);
        }

        @Override
        public Duration pingTimeout() {
            return Duration.ofMillis(50);
        }
    };

    /** Whether the stores answer a ping; the tests' stores are silent unless a test says otherwise. */
    boolean storesAnswerPings;

    /** The pings asked, with the time each was given. */
    final List<Duration> pings = new CopyOnWriteArrayList<>();

    double tasksCounted(String... tags) {
        return metrics.get("migrator.tasks").tags(tags).counter().count();
    }

    TaskIntake intake(TaskPerformer performer) {
        return intake(performer, Duration.ofSeconds(20));
    }

    TaskIntake intake(TaskPerformer performer, Duration leaseTime) {
        return new TaskIntake(
                JSON,
                outbox,
                this::closure,
                new LeaseClaims(
                        leases.leases,
                        "mongo-worker@test/1#abcd",
                        leaseTime,
                        new OutageRetry(Duration.ofSeconds(2), OutageRetry.StopSignal.onInterrupt())),
                running,
                new TaskExecution(
                        new TaskAttempts(performer, QUICK_RETRIES, outages, (task, within) -> {
                            pings.add(within);
                            return storesAnswerPings;
                        }),
                        outbox,
                        Optional.empty()),
                new TaskMetrics(metrics, running, WorkerKind.MONGO));
    }

    /**
     * "cancelled-job" was cancelled, "ended-job" succeeded at {@link #ENDED}, those in {@link #cancelledWhileRunning}
     * were cancelled once the test said so; every other migration runs.
     */
    Optional<MigrationClosed> closure(String migrationId) {
        if (cancelledWhileRunning.contains(migrationId)) {
            return Optional.of(MigrationClosed.cancelled(migrationId, Instant.now()));
        }
        return switch (migrationId) {
            case "cancelled-job" -> Optional.of(MigrationClosed.cancelled(migrationId, ENDED));
            case "ended-job" -> Optional.of(new MigrationClosed(migrationId, ENDED, MigrationStatus.SUCCEEDED));
            default -> Optional.empty();
        };
    }

    static MigrationTask taskOf(String migrationId) {
        return MigrationTask.inspection(new TaskId(migrationId, 2), "task", TASK.mongo());
    }

    static RelinkReport relinkSoFar(long scanned, long changed) {
        return new RelinkReport(
                "task",
                false,
                List.of(new FieldTally("execution.artifacts.*.uri", scanned, changed, changed, 0, 0, 0, 0)),
                List.of(),
                List.of());
    }

    static final class RecordingOutbox implements Outbox {
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
