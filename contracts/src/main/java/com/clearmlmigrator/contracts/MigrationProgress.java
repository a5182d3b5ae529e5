package com.clearmlmigrator.contracts;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A snapshot of one migration's progress, published whenever it changes.
 *
 * @param migrationId migration id
 * @param kind        migration kind, for example {@code inspect}
 * @param status    current status
 * @param total     number of planned tasks
 * @param succeeded tasks that succeeded
 * @param failed    tasks that failed
 * @param skipped   tasks of a cancelled migration that were never started
 * @param pending   tasks without a result yet
 * @param at        when this snapshot was taken
 * @param indices   per index, for an Elasticsearch copy; empty otherwise
 */
public record MigrationProgress(
        String migrationId,
        String kind,
        MigrationStatus status,
        int total,
        int succeeded,
        int failed,
        int skipped,
        int pending,
        Instant at,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<IndexProgress> indices) {
    public MigrationProgress {
        Objects.requireNonNull(migrationId, "migrationId");
        Objects.requireNonNull(status, "status");
        indices = indices == null ? List.of() : List.copyOf(indices);
    }

    /**
     * How far the copy of one index has come.
     *
     * @param index         index name
     * @param documents     documents to copy
     * @param copied        documents copied so far
     * @param docsPerSecond copy rate so far; null before the first slice ends
     * @param etaSeconds    time left at that rate; null when unknown or done
     * @param verified      true once the target matched the source, false when it did not, null before
     */
    public record IndexProgress(
            String index, long documents, long copied, Double docsPerSecond, Long etaSeconds, Boolean verified) {}
}
