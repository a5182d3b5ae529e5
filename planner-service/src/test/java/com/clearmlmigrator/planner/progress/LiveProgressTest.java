package com.clearmlmigrator.planner.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.clearmlmigrator.contracts.MigrationTask;
import com.clearmlmigrator.contracts.MongoEndpoint;
import com.clearmlmigrator.contracts.TaskId;
import com.clearmlmigrator.contracts.TaskProgress;
import com.clearmlmigrator.contracts.TaskType;
import com.clearmlmigrator.contracts.WorkerHeartbeat;
import com.clearmlmigrator.contracts.WorkerKind;
import com.clearmlmigrator.planner.migration.TaskState;

class LiveProgressTest {
    private static final Instant T0 = Instant.parse("2026-12-02T10:00:00Z");
    private static final TaskId TASK = new TaskId("m1", 3);
    private static final Duration TIMEOUT = Duration.ofMinutes(3);

    private final LiveProgress live = new LiveProgress();

    @Test
    void aTaskHeardAgainIsNoLongerStalledAndKeepsHowOftenItWasSentAgain() {
        live.heard(beat("w1", 100), T0);
        TaskUnderWay held = live.underWay("m1").get(0);
        live.update(held.stalled(T0.plusSeconds(200)).sentAgain(T0.plusSeconds(200)));

        live.heard(beat("w2", 150), T0.plusSeconds(210));

        assertThat(live.underWay("m1")).singleElement().satisfies(task -> {
            assertThat(task.worker()).isEqualTo("w2");
            assertThat(task.progress().documents()).isEqualTo(150);
            assertThat(task.stalledSince()).isNull();
            assertThat(task.resent()).isEqualTo(1);
            assertThat(task.silentSince()).isEqualTo(T0.plusSeconds(210));
        });
    }

    @Test
    void aFinishedTaskIsForgottenAndAStalledTaskCannotComeBackThroughAnUpdate() {
        live.heard(beat("w1", 100), T0);
        TaskUnderWay held = live.underWay("m1").get(0);

        live.finished(TASK, null);
        live.update(held.stalled(T0.plusSeconds(200)));

        assertThat(live.underWay("m1")).isEmpty();
    }

    @Test
    void aHeartbeatReadAfterTheResultDoesNotBringTheTaskBackButALaterHandlingOfItIsTakenIn() {
        live.heard(beat("w1", 100), T0);
        live.finished(TASK, null);

        live.heard(beat("w1", 120), T0.plusSeconds(1)); // sent just before the result, read just after it

        assertThat(live.underWay("m1")).isEmpty();
        assertARetryOfItIsTakenIn();
    }

    @Test
    void aTaskWhoseResultCameBeforeAnyHeartbeatNamedItIsNotBroughtBackByOneThatNamesIt() {
        // A task of 28 ms on the dev stack: its result was read before the heartbeat sent while it ran, which then
        // showed it running for minutes and warned that its worker had said nothing of it.
        live.finished(TASK, T0);

        live.heard(beat("w1", 0), T0.plusSeconds(1));

        assertThat(live.underWay("m1")).isEmpty();
        assertARetryOfItIsTakenIn();
    }

    @Test
    void aWorkerRemembersWhenItWasLastBusyPerformingOrTakingUpATaskThroughTheHeartbeatsOfItsIdleMoments() {
        live.heard(beat("w1", 100), T0);
        live.heard(new WorkerHeartbeat("w1", WorkerKind.ELASTIC, T0, List.of(), List.of()), T0.plusSeconds(2));
        live.heard(new WorkerHeartbeat("w1", WorkerKind.ELASTIC, T0, List.of(), List.of()), T0.plusSeconds(4));

        assertThat(live.workers(T0.plusSeconds(4), TIMEOUT)).singleElement().satisfies(worker -> {
            assertThat(worker.heardAt()).isEqualTo(T0.plusSeconds(4));
            assertThat(worker.tasks()).isZero();
            assertThat(worker.busyAt()).isEqualTo(T0);
        });

        live.heard(new WorkerHeartbeat("w2", WorkerKind.ELASTIC, T0, List.of(), List.of()), T0.plusSeconds(5));
        assertThat(live.workers(T0.plusSeconds(5), TIMEOUT))
                .filteredOn(worker -> worker.worker().equals("w2"))
                .singleElement()
                .satisfies(
                        worker -> assertThat(worker.busyAt()).as("never busy").isNull());

        // Watching the lease of a task another worker held, it performs nothing yet, and is busy.
        live.heard(new WorkerHeartbeat("w2", WorkerKind.ELASTIC, T0, List.of(), List.of(TASK)), T0.plusSeconds(7));
        assertThat(live.workers(T0.plusSeconds(7), TIMEOUT))
                .filteredOn(worker -> worker.worker().equals("w2"))
                .singleElement()
                .satisfies(worker -> {
                    assertThat(worker.tasks()).isZero();
                    assertThat(worker.busyAt()).isEqualTo(T0.plusSeconds(7));
                });
    }

    @Test
    void theWorkerTakingATaskUpIsKnownWhileItsRecentHeartbeatsSaySo() {
        live.heard(beat("w1", 100), T0);
        live.heard(new WorkerHeartbeat("w2", WorkerKind.ELASTIC, T0, List.of(), List.of(TASK)), T0.plusSeconds(30));

        assertThat(live.takingUp(TASK, T0.plusSeconds(31))).hasValue("w2");
        assertThat(live.takingUp(TASK, T0.plusSeconds(41)))
                .as("its claimant silent for longer than a few heartbeats")
                .isEmpty();

        live.heard(new WorkerHeartbeat("w2", WorkerKind.ELASTIC, T0, List.of(), List.of()), T0.plusSeconds(32));
        assertThat(live.takingUp(TASK, T0.plusSeconds(32)))
                .as("dropped, or begun: its claimant names it no more")
                .isEmpty();

        live.heard(new WorkerHeartbeat("w2", WorkerKind.ELASTIC, T0, List.of(), List.of(TASK)), T0.plusSeconds(34));
        live.finished(TASK, null);
        assertThat(live.takingUp(TASK, T0.plusSeconds(34))).isEmpty();
    }

    @Test
    void waitingTasksAreExplainedOnlyWhenNoWorkerOfTheirKindHasBeenHeardFrom() {
        List<TaskState> tasks = List.of(
                dispatched(new TaskId("m1", 0), TaskType.INSPECT_COLLECTION),
                dispatched(new TaskId("m1", 1), TaskType.INSPECT_COLLECTION));

        Instant hearingSince = T0.minus(TIMEOUT);

        assertThat(WaitingNotice.of(tasks, List.of(), live, hearingSince, T0, TIMEOUT))
                .hasValueSatisfying(notice -> assertThat(notice)
                        .startsWith("No mongo-worker has sent a heartbeat in the last 180 s while 2 tasks wait"));

        live.heard(new WorkerHeartbeat("w1", WorkerKind.MONGO, T0, List.of(), List.of()), T0.minusSeconds(30));
        assertThat(WaitingNotice.of(tasks, List.of(), live, hearingSince, T0, TIMEOUT))
                .isEmpty();
        assertThat(WaitingNotice.of(tasks, List.of(), live, hearingSince, T0.plus(TIMEOUT), TIMEOUT))
                .isPresent();
    }

    @Test
    void aPlannerThatHasHeardKafkaForLessThanTheTimeoutBlamesNoWorkerItHasNotHeardYet() {
        // Seen on the dev stack: a planner started again mid-run said no mongo-worker had been heard from for 180 s,
        // 4 s after it had started, while the worker was busy with the migration's tasks.
        List<TaskState> tasks = List.of(dispatched(new TaskId("m1", 0), TaskType.INSPECT_COLLECTION));

        assertThat(WaitingNotice.of(tasks, List.of(), live, T0.minusSeconds(4), T0, TIMEOUT))
                .isEmpty();
        assertThat(WaitingNotice.of(tasks, List.of(), live, T0.minusSeconds(4), T0.plus(TIMEOUT), TIMEOUT))
                .as("once it has listened for the whole timeout, the absence is real")
                .isPresent();
    }

    /** A later handling of the task (a retry, started a minute on) shows as running. */
    private void assertARetryOfItIsTakenIn() {
        TaskProgress retried = new TaskProgress(TASK, 5, 0, T0.plusSeconds(60), T0.plusSeconds(61));
        live.heard(new WorkerHeartbeat("w2", WorkerKind.ELASTIC, T0.plusSeconds(61), List.of(retried), List.of()), T0);
        assertThat(live.underWay("m1"))
                .singleElement()
                .satisfies(task -> assertThat(task.worker()).isEqualTo("w2"));
    }

    private static WorkerHeartbeat beat(String worker, long documents) {
        return new WorkerHeartbeat(
                worker, WorkerKind.ELASTIC, T0, List.of(new TaskProgress(TASK, documents, 0, T0, T0)), List.of());
    }

    private static TaskState dispatched(TaskId id, TaskType type) {
        MigrationTask task = new MigrationTask(id, type, "task", new MongoEndpoint("mongodb://h", "backend"), null);
        TaskState pending = TaskState.pending(task);
        return new TaskState(pending.id(), pending.type(), pending.target(), null, pending.definition(), true);
    }
}
