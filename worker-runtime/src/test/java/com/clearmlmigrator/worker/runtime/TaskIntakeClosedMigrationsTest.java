package com.clearmlmigrator.worker.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.clearmlmigrator.contracts.CollectionInspection;
import com.clearmlmigrator.contracts.FailureReason;
import com.clearmlmigrator.contracts.MigrationTask;
import com.clearmlmigrator.contracts.RelinkReport;
import com.clearmlmigrator.contracts.TaskFailedException;
import com.clearmlmigrator.contracts.TaskOutcome;
import com.clearmlmigrator.contracts.TaskResult;

/** Tasks of migrations that ended or were cancelled: before they start, while they run, while they wait. */
class TaskIntakeClosedMigrationsTest extends TaskIntakeFixture {
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
}
