package com.clearmlmigrator.contracts;

import java.time.Instant;
import java.util.Objects;

/**
 * A store that a running task waits for: its last attempt found the store away (unreachable, or answering that it is
 * unavailable), and the task tries again after a pause. Sent with the task's progress so the operator learns it at the
 * first failed attempt, not when the task gives up minutes later.
 *
 * @param cause    what the last attempt met, as its failure says it
 * @param since    when this wait began: when the store last answered the task (its last count), or when the task
 *                 started if it has not yet; a store that never answers a request fails the attempt only after the
 *                 client's whole answer timeout
 * @param attempts the attempts made so far
 * @param of       the attempts the task makes before it fails; 1 when it tries only once (its migration's store has
 *                 already been waited for in vain)
 */
public record StoreWait(String cause, Instant since, int attempts, int of) {
    public StoreWait {
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(since, "since");
    }
}
