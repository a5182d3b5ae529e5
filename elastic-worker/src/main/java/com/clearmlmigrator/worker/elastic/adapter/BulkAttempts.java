package com.clearmlmigrator.worker.elastic.adapter;

import com.clearmlmigrator.contracts.FailureReason;
import com.clearmlmigrator.contracts.TaskFailedException;

/**
 * How the elastic-worker sends again the part of a bulk that a cluster throttled (429, 503): the one policy of its
 * relink and copy writes. Up to six attempts, pausing 0.5 s before the second and doubling up to 8 s, about 15 s in
 * all; what is still refused then fails the task as unavailable, and the task's own retries ({@code worker.retry.*})
 * take it from there.
 */
final class BulkAttempts {
    static final int MAX = 6;
    private static final long FIRST_PAUSE_MILLIS = 500;

    private BulkAttempts() {}

    /** Whether another attempt may follow this one. */
    static boolean mayFollow(int attempt) {
        return attempt < MAX;
    }

    /** Pauses before attempt {@code attempt} (2 for the first resend); {@code work} names what an interrupt stops. */
    static void pauseBefore(int attempt, String work) {
        try {
            Thread.sleep(FIRST_PAUSE_MILLIS << Math.min(attempt - 2, 4));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TaskFailedException(FailureReason.TARGET_UNAVAILABLE, "The " + work + " was interrupted.", e);
        }
    }
}
