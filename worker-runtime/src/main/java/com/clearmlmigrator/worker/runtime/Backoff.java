package com.clearmlmigrator.worker.runtime;

import java.time.Duration;

import com.clearmlmigrator.contracts.FailureReason;
import com.clearmlmigrator.contracts.TaskFailedException;

/**
 * The workers' one retry arithmetic: how many attempts work gets, and pauses that double from the first up to the
 * longest. A task's attempts while its store is unavailable ({@link RetryPolicy}) and a bulk's resends of what a
 * cluster throttled both go by it, each with its own numbers.
 *
 * @param attempts attempts in all, the first included
 * @param first    the pause before the second attempt
 * @param longest  the longest pause between two attempts
 */
public record Backoff(int attempts, Duration first, Duration longest) {

    /** Whether another attempt may follow attempt {@code attempt} (1 for the first). */
    public boolean mayFollow(int attempt) {
        return attempt < attempts;
    }

    /** The pause before attempt {@code attempt} (2 for the first retry). */
    public Duration before(int attempt) {
        Duration wait = first.multipliedBy(1L << Math.min(20, attempt - 2));
        return wait.compareTo(longest) > 0 ? longest : wait;
    }

    /**
     * Pauses before attempt {@code attempt}; an interrupt (the worker stopping) fails the work as unavailable.
     *
     * @param work what is paused, for the sentence an interrupt gives ("copy", "relink", "task")
     */
    public void pauseBefore(int attempt, String work) {
        try {
            Thread.sleep(before(attempt).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TaskFailedException(FailureReason.TARGET_UNAVAILABLE, "The " + work + " was interrupted.", e);
        }
    }
}
