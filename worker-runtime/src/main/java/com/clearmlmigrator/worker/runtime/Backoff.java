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

    /**
     * Whether another attempt may follow attempt {@code attempt} when waiting for the store took {@code retriesTook}
     * (the attempts after the first failed one, and the first one's wait for an answer that never came): not once that
     * was as long as all the pauses together. A store that takes requests and never answers costs each attempt the
     * whole answer timeout (two minutes for Elasticsearch), and eight of them held a task 18 minutes where a store that
     * refuses at once is waited for two.
     */
    public boolean mayFollow(int attempt, Duration retriesTook) {
        return mayFollow(attempt) && retriesTook.compareTo(allPauses()) < 0;
    }

    /** The pauses before every attempt added up: how long work waits for a store that refuses at once. */
    public Duration allPauses() {
        Duration all = Duration.ZERO;
        for (int attempt = 2; attempt <= attempts; attempt++) {
            all = all.plus(before(attempt));
        }
        return all;
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
