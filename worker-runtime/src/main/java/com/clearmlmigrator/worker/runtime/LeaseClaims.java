package com.clearmlmigrator.worker.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import org.jboss.logging.Logger;

import com.clearmlmigrator.contracts.TaskId;
import com.clearmlmigrator.service.runtime.OutageRetry;

/**
 * Decides whether a delivered task is this worker's to perform, through its lease ({@link TaskLeases}).
 *
 * <ul>
 *   <li>Nobody holds it: take it and perform it.
 *   <li>This worker performs it already (Kafka handed the same record back after a rebalance): drop the delivery.
 *   <li>Another worker holds it: watch the lease for one lease time (20 s by default), by this worker's own clock. A
 *       holder that renewed it meanwhile is alive and will publish the result, so drop the delivery; a lease left
 *       unchanged belonged to a frozen or dead worker, so take it over.
 * </ul>
 *
 * The lease's expiry is written by its holder's clock, and the clocks of two hosts may differ by more than a lease
 * time (a host without time sync, a laptop's VM after a sleep). Comparing it with this worker's clock would take a task
 * from a live holder whose clock is behind, and wait for hours on a dead one whose clock was ahead; whether it changed
 * is all that is read of it.
 *
 * A dropped delivery is acknowledged without a result. Should its holder die later, the planner notices the silence
 * and sends the task again ({@code planner.stall-timeout}).
 *
 * @param worker            this worker's identity, written into the leases it takes
 * @param untilStoreAnswers how the store of leases is waited for while it is away
 */
public record LeaseClaims(TaskLeases leases, String worker, Duration leaseTime, OutageRetry untilStoreAnswers) {
    private static final Logger LOG = Logger.getLogger(LeaseClaims.class);
    /** Beyond the lease time a lease is watched: a holder renews every heartbeat (2 s), well within it. */
    private static final Duration MARGIN = Duration.ofMillis(500);

    /** What became of a delivery. */
    public enum Claim {
        TAKEN,
        RUNNING_HERE,
        RUNNING_ELSEWHERE
    }

    /**
     * Waits while the store of leases is away (the migrator's MongoDB restarting): the task is not started without its
     * lease, and its offset stays uncommitted meanwhile, so a worker stopped in the wait loses nothing.
     *
     * @param runningHere whether this worker performs the task now
     */
    public Claim claim(TaskId task, Predicate<TaskId> runningHere) {
        return untilStoreAnswers.untilDone(
                () -> claimOnce(task, runningHere),
                TaskLeases.UnavailableException.class::isInstance,
                OutageRetry.Attempts.of(
                        (attempt, outage, pause) -> LOG.warnf(
                                "Cannot take the lease of task %s (attempt %d): %s; trying again in %d s",
                                task, attempt, outage.getMessage(), pause.toSeconds()),
                        "The worker stops before it took the lease of task " + task + "; the task stays uncommitted"));
    }

    private Claim claimOnce(TaskId task, Predicate<TaskId> runningHere) {
        TaskLeases.Lease seen = null;
        while (true) {
            if (leases.tryTake(task, worker, Instant.now().plus(leaseTime))) {
                return Claim.TAKEN;
            }
            Optional<TaskLeases.Lease> held = leases.holder(task);
            if (held.isEmpty()) {
                seen = null;
                continue; // released meanwhile
            }
            TaskLeases.Lease lease = held.get();
            if (lease.worker().equals(worker)) {
                return ownLease(task, runningHere);
            }
            if (lease.equals(seen)) {
                // Unchanged for a whole lease time: its holder stopped renewing it.
                if (leases.takeOver(task, seen, worker, Instant.now().plus(leaseTime))) {
                    LOG.infof("Task %s was leased to %s, which stopped renewing it; taken over", task, seen.worker());
                    return Claim.TAKEN;
                }
                continue; // renewed, given back or taken by another at this very moment: look again
            }
            if (seen != null) {
                LOG.infof("Task %s runs on %s, which renews its lease; this delivery is dropped", task, lease.worker());
                return Claim.RUNNING_ELSEWHERE;
            }
            seen = lease;
            LOG.infof(
                    "Task %s is leased to %s; watching its lease for %d s to see whether that worker is still alive",
                    task, lease.worker(), leaseTime.plus(MARGIN).toSeconds());
            pause(leaseTime.plus(MARGIN).toMillis());
        }
    }

    private Claim ownLease(TaskId task, Predicate<TaskId> runningHere) {
        if (runningHere.test(task)) {
            return Claim.RUNNING_HERE;
        }
        // Left behind by this process (a release that failed): still ours.
        leases.renew(List.of(task), worker, Instant.now().plus(leaseTime));
        return Claim.TAKEN;
    }

    /** Gives the lease back once the task has ended here (its result, if any, is published). */
    public void release(TaskId task) {
        try {
            leases.release(task, worker);
        } catch (RuntimeException e) {
            // It runs out by itself; until then a new delivery of the task waits for it.
            LOG.warnf("Could not release the lease of task %s: %s", task, e.getMessage());
        }
    }

    private static void pause(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for a task's lease", e);
        }
    }
}
