package com.clearmlmigrator.worker.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.clearmlmigrator.contracts.TaskId;
import com.clearmlmigrator.contracts.TaskProgress;
import com.clearmlmigrator.contracts.WorkerHeartbeat;
import com.clearmlmigrator.contracts.WorkerKind;

class HeartbeatTest {
    private static final Duration LEASE = Duration.ofSeconds(20);

    private final LocalLeases local = new LocalLeases();
    private final RunningTasks running = new RunningTasks();
    private final WorkerIdentity identity = new WorkerIdentity(WorkerKind.ELASTIC, "elastic-worker");
    private final List<WorkerHeartbeat> sent = new ArrayList<>();
    private final Heartbeat heartbeat = new Heartbeat(running, local.leases, identity, sent::add, LEASE);

    @AfterEach
    void stop() {
        local.close();
    }

    @Test
    void anIdleWorkerStillSaysItIsThere() {
        heartbeat.beat();

        assertThat(sent).singleElement().satisfies(beat -> {
            assertThat(beat.worker()).startsWith("elastic-worker@").isEqualTo(identity.id());
            assertThat(beat.kind()).isEqualTo(WorkerKind.ELASTIC);
            assertThat(beat.tasks()).isEmpty();
        });
    }

    /** A frozen store answers nothing long before a read times out: the planner sees it in the time between. */
    @Test
    void aTaskSaysWhenItsStoreLastAnsweredItWhichOnlyAnAnswerMoves() {
        TaskId relink = new TaskId("job1", 2);
        local.leases.tryTake(relink, identity.id(), Instant.now().plusSeconds(1));
        running.begin(relink);

        heartbeat.beat();
        heartbeat.beat();
        running.counter(relink).answered();
        heartbeat.beat();

        TaskProgress started = sent.get(0).tasks().get(0);
        TaskProgress unanswered = sent.get(1).tasks().get(0);
        TaskProgress answered = sent.get(2).tasks().get(0);
        assertThat(started.answeredAt()).isEqualTo(started.startedAt());
        assertThat(unanswered.answeredAt()).isEqualTo(started.startedAt());
        assertThat(unanswered.unansweredFor()).isEqualTo(Duration.between(started.startedAt(), unanswered.at()));
        assertThat(answered.answeredAt()).isAfter(started.startedAt());
    }

    @Test
    void everyRunningTaskIsReportedWithItsCountsAndKeepsItsLease() {
        TaskId relink = new TaskId("job1", 1);
        Instant now = Instant.now();
        local.leases.tryTake(relink, identity.id(), now.plusSeconds(1));
        running.begin(relink);
        running.counter(relink).add(500);
        running.counter(relink).addChanged(120);

        heartbeat.beat();

        assertThat(sent.get(0).tasks())
                .extracting(TaskProgress::taskId, TaskProgress::documents, TaskProgress::changed)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(relink, 500L, 120L));
        assertThat(local.leases.holder(relink).orElseThrow().expiresAt()).isAfter(now.plusSeconds(10));
    }

    @Test
    void aTaskBeingClaimedIsNamedAsSuchAndItsHoldersLeaseIsLeftAlone() {
        TaskId claimed = new TaskId("job4", 2);
        Instant holderExpiry = Instant.now().plusSeconds(5).truncatedTo(ChronoUnit.MILLIS); // as the store keeps it
        local.leases.tryTake(claimed, "elastic-worker@other/1#abcd", holderExpiry);
        running.claiming(claimed);
        running.claiming(claimed); // delivered twice at once: a resend
        running.claimEnded(claimed);

        heartbeat.beat();

        assertThat(sent.get(0).claiming()).containsExactly(claimed);
        assertThat(sent.get(0).tasks()).isEmpty();
        assertThat(local.leases.holder(claimed).orElseThrow())
                .satisfies(lease -> assertThat(lease.worker()).isEqualTo("elastic-worker@other/1#abcd"))
                .satisfies(lease -> assertThat(lease.expiresAt()).isEqualTo(holderExpiry));

        running.claimEnded(claimed);
        heartbeat.beat();
        assertThat(sent.get(1).claiming()).isEmpty();
    }

    @Test
    void aTaskAnotherWorkerTookOverStopsAtItsNextCountAndIsNoLongerReported() {
        TaskId copy = new TaskId("job2", 4);
        Instant longAgo = Instant.now().minusSeconds(60);
        local.leases.tryTake(copy, identity.id(), longAgo.plusSeconds(20));
        ProgressBeacon.Counter counter = running.begin(copy);
        // Frozen past its lease: another worker took the task over.
        assertThat(local.leases.takeOver(
                        copy,
                        local.leases.holder(copy).orElseThrow(),
                        "elastic-worker@other/1#abcd",
                        Instant.now().plus(LEASE)))
                .isTrue();

        heartbeat.beat();

        assertThat(sent.get(0).tasks()).isEmpty();
        assertThatThrownBy(() -> counter.add(1000))
                .isInstanceOf(TaskLostException.class)
                .hasMessageContaining(copy.toString());
    }

    @Test
    void aCounterForATaskNotRunningHereCountsNothingAndNeverThrows() {
        ProgressBeacon.Counter nowhere = running.counter(new TaskId("job3", 0));

        nowhere.add(10);
        nowhere.addChanged(10);

        heartbeat.beat();
        assertThat(sent.get(0).tasks()).isEmpty();
    }
}
