package com.clearmlmigrator.planner.domain;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import com.clearmlmigrator.contracts.JobProgress;

/** Turns a migration and its counts into a progress snapshot. */
@ApplicationScoped
public class ProgressReporter {
    private final ProgressSink sink;

    public ProgressReporter(ProgressSink sink) {
        this.sink = sink;
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
                Instant.now()));
    }
}
