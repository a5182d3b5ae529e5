package com.clearmlmigrator.planner.progress;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import com.clearmlmigrator.contracts.MigrationProgress;
import com.clearmlmigrator.contracts.MigrationStatus;
import com.clearmlmigrator.planner.escopy.CopySummary;
import com.clearmlmigrator.planner.migration.Migration;
import com.clearmlmigrator.planner.migration.MigrationKind;
import com.clearmlmigrator.planner.migration.MigrationStore;
import com.clearmlmigrator.planner.migration.TaskCounts;

/**
 * Turns a migration and its counts into a progress snapshot. Snapshots of an unchanged status go out at most every
 * {@link #MIN_INTERVAL_NANOS}, so a migration of thousands of small tasks does not flood the topic (or spend the
 * planner on snapshots nobody reads in between); every change of status goes out at once.
 */
@ApplicationScoped
public class ProgressReporter {
    private static final long MIN_INTERVAL_NANOS = 500_000_000L;

    private final ProgressSink sink;
    private final MigrationStore store;
    private final Map<String, Published> lastPublished = new ConcurrentHashMap<>();

    private record Published(MigrationStatus status, long atNanos) {}

    private final LiveProgress live;

    public ProgressReporter(ProgressSink sink, MigrationStore store, LiveProgress live) {
        this.sink = sink;
        this.store = store;
        this.live = live;
    }

    public void report(Migration migration, TaskCounts counts) {
        report(migration, () -> counts);
    }

    /** Like {@link #report(Migration, TaskCounts)}, counting the tasks only when a snapshot is due. */
    public void report(Migration migration, Supplier<TaskCounts> countsWhenDue) {
        long now = System.nanoTime();
        Published last = lastPublished.get(migration.id());
        if (last != null && last.status() == migration.status() && now - last.atNanos() < MIN_INTERVAL_NANOS) {
            return;
        }
        TaskCounts counts = countsWhenDue.get();
        if (migration.status().isFinal()) {
            lastPublished.remove(migration.id());
        } else {
            lastPublished.put(migration.id(), new Published(migration.status(), now));
        }
        sink.publish(new MigrationProgress(
                migration.id(),
                migration.kind().wireName(),
                migration.status(),
                counts.total(),
                counts.succeeded(),
                counts.failed(),
                counts.skipped(),
                counts.pending(),
                Instant.now(),
                indices(migration, counts)));
    }

    private List<MigrationProgress.IndexProgress> indices(Migration migration, TaskCounts counts) {
        if (migration.kind() != MigrationKind.ES_COPY || migration.copy() == null) {
            return List.of();
        }
        return CopySummary.of(migration, counts, store.taskStates(migration.id()), live.of(migration.id()))
                .indices()
                .stream()
                .map(row -> new MigrationProgress.IndexProgress(
                        row.index(),
                        row.documents(),
                        row.copied(),
                        row.docsPerSecond(),
                        row.etaSeconds(),
                        row.checksumMatch()))
                .toList();
    }
}
