package com.clearmlmigrator.worker.runtime;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How a worker retries a task whose store was unavailable (connection failures, 429, 5xx, no answer in time): tasks
 * are idempotent, so performing one again is safe. After the last attempt the task fails with its reason, and so it
 * does once its retries took as long as the pauses between them ({@link Backoff#mayFollow(int, java.time.Duration)}).
 */
@ConfigMapping(prefix = "worker.retry")
public interface RetryPolicy {
    /** Attempts in all, the first included: eight pause two minutes in all, as long as a store's restart may take. */
    @WithDefault("8")
    int attempts();

    /** Wait before the second attempt; doubled before each further one. */
    @WithDefault("2s")
    Duration initialBackoff();

    /** Longest wait between two attempts. */
    @WithDefault("30s")
    Duration maxBackoff();

    /**
     * How long a store that left a request unanswered for its whole answer timeout is given to answer a ping ({@link
     * StorePing}): one that does is slow, not frozen, and its task is tried again.
     */
    @WithDefault("10s")
    Duration pingTimeout();

    /** These settings as the arithmetic of pauses. */
    default Backoff backoff() {
        return new Backoff(attempts(), initialBackoff(), maxBackoff());
    }
}
