package com.clearmlmigrator.contracts;

import java.time.Instant;
import java.util.Objects;

/**
 * A snapshot of one migration's progress, published whenever it changes.
 *
 * @param jobId     migration id
 * @param kind      job kind, for example {@code inspect}
 * @param status    current status
 * @param total     number of planned tasks
 * @param succeeded tasks that succeeded
 * @param failed    tasks that failed
 * @param pending   tasks without a result yet
 * @param at        when this snapshot was taken
 */
public record JobProgress(
        String jobId,
        String kind,
        MigrationStatus status,
        int total,
        int succeeded,
        int failed,
        int pending,
        Instant at) {
    public JobProgress {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(status, "status");
    }
}
