package com.clearmlmigrator.worker.elastic.adapter;

import java.time.Duration;

import com.clearmlmigrator.worker.runtime.Backoff;

/**
 * How the elastic-worker sends again the part of a bulk that a cluster throttled (429, 503): the one policy of its
 * relink and copy writes. Up to six attempts, pausing 0.5 s before the second and doubling up to 8 s, about 15 s in
 * all; what is still refused then fails the task as unavailable, and the task's own retries ({@code worker.retry.*})
 * take it from there.
 */
final class BulkAttempts {
    private static final Backoff POLICY = new Backoff(6, Duration.ofMillis(500), Duration.ofSeconds(8));
    static final int MAX = POLICY.attempts();

    private BulkAttempts() {}

    /** Whether another attempt may follow this one. */
    static boolean mayFollow(int attempt) {
        return POLICY.mayFollow(attempt);
    }

    /** Pauses before attempt {@code attempt} (2 for the first resend); {@code work} names what an interrupt stops. */
    static void pauseBefore(int attempt, String work) {
        POLICY.pauseBefore(attempt, work);
    }
}
