package com.clearmlmigrator.worker.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.clearmlmigrator.contracts.TaskId;
import com.clearmlmigrator.service.runtime.OutageRetry;

class LeaseClaimsTest {
    private static final TaskId TASK = new TaskId("job1", 7);
    private static final Duration LEASE = Duration.ofMillis(600);
    private static final OutageRetry STORE_WAIT =
            new OutageRetry(Duration.ofSeconds(2), OutageRetry.StopSignal.onInterrupt());

    private final LocalLeases local = new LocalLeases();
    private final LeaseClaims first = new LeaseClaims(local.leases, "worker-a", LEASE, STORE_WAIT);
    private final LeaseClaims second = new LeaseClaims(local.leases, "worker-b", LEASE, STORE_WAIT);

    @AfterEach
    void stop() {
        local.close();
    }

    @Test
    void aFreeTaskIsTakenAndGivenBack() {
        assertThat(first.claim(TASK, task -> false)).isEqualTo(LeaseClaims.Claim.TAKEN);
        assertThat(local.leases.holder(TASK))
                .hasValueSatisfying(lease -> assertThat(lease.worker()).isEqualTo("worker-a"));

        first.release(TASK);

        assertThat(local.leases.holder(TASK)).isEmpty();
        assertThat(second.claim(TASK, task -> false)).isEqualTo(LeaseClaims.Claim.TAKEN);
    }

    @Test
    void aSecondDeliveryToTheWorkerThatRunsTheTaskIsDropped() {
        first.claim(TASK, task -> false);

        assertThat(first.claim(TASK, task -> true)).isEqualTo(LeaseClaims.Claim.RUNNING_HERE);
    }

    /** The holder's clock is this many minutes off this worker's, behind or ahead: nothing compares the two. */
    @ParameterizedTest
    @ValueSource(ints = {0, -5, 5})
    void aTaskWhoseHolderKeepsRenewingIsLeftToItWhateverItsClockSays(int minutesOff) {
        Duration off = Duration.ofMinutes(minutesOff);
        assertThat(local.leases.tryTake(
                        TASK, "worker-a", Instant.now().plus(off).plus(LEASE)))
                .isTrue();
        ScheduledExecutorService holder = Executors.newSingleThreadScheduledExecutor();
        holder.scheduleAtFixedRate(
                () -> local.leases.renew(
                        List.of(TASK), "worker-a", Instant.now().plus(off).plus(LEASE)),
                0,
                150,
                TimeUnit.MILLISECONDS);

        LeaseClaims.Claim claim = second.claim(TASK, task -> false);

        holder.shutdownNow();
        assertThat(claim).isEqualTo(LeaseClaims.Claim.RUNNING_ELSEWHERE);
        assertThat(local.leases.holder(TASK).orElseThrow().worker()).isEqualTo("worker-a");
    }

    @Test
    void aTaskWhoseHolderWentSilentIsTakenOverOnceItsLeaseRanOut() {
        first.claim(TASK, task -> false);
        long started = System.nanoTime();

        LeaseClaims.Claim claim = second.claim(TASK, task -> false);

        assertThat(claim).isEqualTo(LeaseClaims.Claim.TAKEN);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(LEASE.minusMillis(100));
        assertThat(local.leases.holder(TASK).orElseThrow().worker()).isEqualTo("worker-b");
        // The silent holder learns it lost the task at its next renewal.
        assertThat(local.leases.renew(List.of(TASK), "worker-a", Instant.now().plus(LEASE)))
                .isEqualTo(Set.of(TASK));
    }

    @Test
    void aClaimWaitsWhileTheStoreIsAwayAndTakesTheTaskOnceItIsBack() throws Exception {
        local.takeAway();
        CompletableFuture<LeaseClaims.Claim> claim =
                CompletableFuture.supplyAsync(() -> first.claim(TASK, task -> false));
        try {
            // Several of its attempts fail meanwhile (300 ms each, then a pause): it waits instead of failing.
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> !claim.isDone());
        } finally {
            local.bringBack();
        }

        assertThat(claim.get(30, TimeUnit.SECONDS)).isEqualTo(LeaseClaims.Claim.TAKEN);
        assertThat(local.leases.holder(TASK).orElseThrow().worker()).isEqualTo("worker-a");
    }

    @Test
    void aSilentHolderWhoseClockWasAheadIsTakenOverAfterOneLeaseTime() throws Exception {
        // By this worker's clock the lease runs for an hour more; its holder is gone.
        assertThat(local.leases.tryTake(TASK, "worker-a", Instant.now().plus(Duration.ofHours(1))))
                .isTrue();

        CompletableFuture<LeaseClaims.Claim> claim =
                CompletableFuture.supplyAsync(() -> second.claim(TASK, task -> false));

        assertThat(claim.get(30, TimeUnit.SECONDS)).isEqualTo(LeaseClaims.Claim.TAKEN);
        assertThat(local.leases.holder(TASK).orElseThrow().worker()).isEqualTo("worker-b");
    }

    @Test
    void ofTwoWorkersTakingOverTheSameSilentLeaseAtOnceOnlyOneGetsIt() {
        assertThat(local.leases.tryTake(TASK, "worker-dead", Instant.now())).isTrue();
        TaskLeases.Lease seen = local.leases.holder(TASK).orElseThrow();

        boolean a = local.leases.takeOver(TASK, seen, "worker-a", Instant.now().plus(LEASE));
        boolean b = local.leases.takeOver(TASK, seen, "worker-b", Instant.now().plus(LEASE));

        assertThat(List.of(a, b)).containsExactlyInAnyOrder(true, false);
    }

    @Test
    void aLeaseRenewedSinceItWasSeenIsNotTakenOver() {
        assertThat(local.leases.tryTake(TASK, "worker-a", Instant.now().plus(LEASE)))
                .isTrue();
        TaskLeases.Lease seen = local.leases.holder(TASK).orElseThrow();
        local.leases.renew(List.of(TASK), "worker-a", seen.expiresAt().plusMillis(150));

        assertThat(local.leases.takeOver(TASK, seen, "worker-b", Instant.now().plus(LEASE)))
                .isFalse();
        assertThat(local.leases.holder(TASK).orElseThrow().worker()).isEqualTo("worker-a");
    }
}
