package com.clearmlmigrator.worker.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import com.clearmlmigrator.contracts.CollectionInspection;
import com.clearmlmigrator.contracts.TaskResult;
import com.clearmlmigrator.contracts.WorkerHeartbeat;
import com.clearmlmigrator.contracts.WorkerKind;
import com.fasterxml.jackson.core.JsonProcessingException;

/** A task runs on one worker at a time: its lease, taken over, renewed and given back. */
class TaskIntakeLeasesTest extends TaskIntakeFixture {
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
}
