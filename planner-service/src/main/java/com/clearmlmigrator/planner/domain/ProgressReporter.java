package com.clearmlmigrator.planner.domain;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.clearmlmigrator.contracts.JobProgress;

/** Turns a migration and its counts into a progress snapshot. */
@ApplicationScoped
public class ProgressReporter {
    private final ProgressSink sink;
    private final MigrationStore store;

    public ProgressReporter(ProgressSink sink, MigrationStore store) {
        this.sink = sink;
        this.store = store;
    }

    public void report(Migration migration, TaskCounts counts) {
        sink.publish(new JobProgress(
                migration.id(),
                migration.kind().wireName(),
                migration.status(),
                counts.total(),
                counts.succeeded(),
                counts.failed(),
                counts.pending(),
                Instant.now(),
                indices(migration, counts)));
    }

    private List<JobProgress.IndexProgress> indices(Migration migration, TaskCounts counts) {
        if (migration.kind() != MigrationKind.ES_COPY || migration.copy() == null) {
            return List.of();
        }
        return CopySummary.of(migration, counts, store.tasks(migration.id())).indices().stream()
                .map(row -> new JobProgress.IndexProgress(
                        row.index(),
                        row.documents(),
                        row.copied(),
                        row.docsPerSecond(),
                        row.etaSeconds(),
                        row.checksumMatch()))
                .toList();
    }
}
