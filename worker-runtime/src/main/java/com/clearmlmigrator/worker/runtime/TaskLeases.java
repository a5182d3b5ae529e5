package com.clearmlmigrator.worker.runtime;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

import com.clearmlmigrator.contracts.TaskId;

/**
 * Who performs a task now. Kafka may hand one task to two workers: a rebalance moves a partition while its task still
 * runs, or the planner sends a stalled task again. A worker takes the task's lease before it starts and renews it with
 * every heartbeat, so a second delivery finds the task taken, and a lease that stopped being renewed (a frozen or dead
 * worker) runs out and may be taken over.
 */
public interface TaskLeases {
    /**
     * A task's lease.
     *
     * @param worker    the worker that holds it
     * @param expiresAt when it runs out unless renewed, by the holder's clock: another worker's clock may differ by
     *     more than a lease time, so others read it only to see whether it changed
     */
    record Lease(String worker, Instant expiresAt) {}

    /** The store of leases cannot be reached now (down, restarting): the same call may be made again later. */
    final class UnavailableException extends RuntimeException {
        public UnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Takes the lease until {@code expiresAt} if nobody holds it; true when this worker now holds it.
     *
     * @throws UnavailableException when the store cannot be reached now
     */
    boolean tryTake(TaskId task, String worker, Instant expiresAt);

    /**
     * Takes the lease over from its holder if it is still exactly as {@code seen}: not renewed, given back or taken by
     * another since. Of two workers taking over the same lease at once, one gets it. Nothing here compares clocks: the
     * caller decides that the holder went silent by watching the lease stay unchanged for a lease time of its own.
     *
     * @return true when this worker now holds it
     * @throws UnavailableException when the store cannot be reached now
     */
    boolean takeOver(TaskId task, Lease seen, String worker, Instant expiresAt);

    /**
     * Who holds the task's lease; empty when nobody does.
     *
     * @throws UnavailableException when the store cannot be reached now
     */
    Optional<Lease> holder(TaskId task);

    /**
     * Extends this worker's leases of these tasks.
     *
     * @return the tasks whose lease this worker no longer holds: another worker took them over
     */
    Set<TaskId> renew(Collection<TaskId> tasks, String worker, Instant expiresAt);

    /** Gives the lease back, if this worker still holds it. */
    void release(TaskId task, String worker);
}
